// Workload and session rows of estimate_rows (docs/workloads.md; an extension beyond the
// paper): the latency and speed at the asked lengths come from workload.cpp, the estimate
// from footprint.cpp. Each quantity's range is its utilisation bounds widened by the
// interpolation band:  range = [low x E(band_low) / E, high x E(band_high) / E]  (E: mean
// energy); a session adds up its turns and widens the range by the cached share's range.
#include <algorithm>
#include <cmath>
#include <set>

#include "estimate_internal.hpp"

namespace llmfp::footprint::detail {
namespace {

namespace wl = workload;

struct Ranged {
  Result e;
  double f_low = 1, f_high = 1;  // interpolation band / central, on the mean
};

Ranged run_ranged(const wl::Resolved& w, const Assumptions& a, const Settings& s) {
  Ranged r{estimate(w.inputs, a, s)};
  const double c = energy_wh_mean(w.inputs, a, s.w_max);
  if (c > 0) {
    r.f_low = energy_wh_mean(w.band_low, a, s.w_max) / c;
    r.f_high = energy_wh_mean(w.band_high, a, s.w_max) / c;
  }
  return r;
}

std::array<Band, 3> bands(const Ranged& r) {
  const auto& e = r.e;
  return {Band{e.energy_wh.low * r.f_low, e.energy_wh.high * r.f_high},
          Band{e.water_ml.low * r.f_low, e.water_ml.high * r.f_high},
          Band{e.carbon_g.low * r.f_low, e.carbon_g.high * r.f_high}};
}

void workload_notes(const std::string& model, const std::vector<wl::Knot>& ks,
                    const wl::Resolved& w, std::set<std::string>& notes) {
  const auto& pos = w.tps_at.position;
  if (pos == wl::Position::kAbove || w.ttft_at.position == wl::Position::kAbove) {
    notes.insert(
        "\"" + model + "\": the input is longer than its longest measured input (" +
        wl::grouped(ks.back().input_tokens) +
        " tokens); its latency and speed are extended cautiously (latency rises, speed never "
        "rises) and the range is wider");
  }
  if (pos == wl::Position::kBelow || w.ttft_at.position == wl::Position::kBelow) {
    notes.insert(
        "\"" + model + "\": the input is shorter than its shortest measured input (" +
        wl::grouped(ks.front().input_tokens) +
        " tokens); that measurement is used (conservative: shorter inputs are not slower)");
  }
  if (!w.basis.empty()) {
    notes.insert("\"" + model + "\": its \"" + w.basis +
                 "\" measurement (a shorter input) gives more energy than the longer input; it is "
                 "used so that more input never costs less");
  }
}

struct ModelContext {
  const dataset::ModelRow& m;
  const std::vector<wl::Knot>& ks;
  const RowQuery& q;
};

void workload_row(const ModelContext& c, EstimateRow& row, std::set<std::string>& notes) {
  const auto& ov = c.q.overrides;
  const auto& a = row.resolved.assumptions;
  const wl::Resolved w = wl::resolve(c.ks, *c.q.workload, a, c.q.settings.w_max, ov.ttft_s, ov.tps);
  const Ranged x = run_ranged(w, a, c.q.settings);
  workload_notes(c.m.model, c.ks, w, notes);
  row.kind = RowKind::kWorkload;
  row.prompt = "workload";
  row.inputs = w.inputs;
  row.output_tokens = w.inputs.output_tokens;
  row.workload = QueryWork{*c.q.workload, w};
  row.energy_wh = x.e.energy_wh;
  row.water_ml = x.e.water_ml;
  row.carbon_g = x.e.carbon_g;
  row.band = bands(x);
  row.work = x.e.work;
  if (!w.measured_shape) return;
  for (const auto& p : c.m.prompts) {
    if (p.prompt == w.ttft_at.lower && p.reference) row.reference = *p.reference;
  }
}

// A session: each turn at the cached share's value, and the totals at its low and high.
void session_row(const ModelContext& c, EstimateRow& row, std::set<std::string>& notes) {
  const wl::Session& session = *c.q.session;
  const auto& ov = c.q.overrides;
  const auto& a = row.resolved.assumptions;
  const double w_max = c.q.settings.w_max;
  const double shares[3] = {session.cached.value, session.cached.low, session.cached.high};
  double total_low[3] = {0, 0, 0}, total_high[3] = {0, 0, 0};
  Summary tot_e;
  double var_e = 0, total_out = 0;
  double p_ratio_min = 1, p_ratio_max = 1, water_per_wh = 0, carbon_per_wh = 0;
  SessionWork sw{{}, session.system_tokens, session.history, session.cached};
  for (std::size_t k = 0; k < session.turns.size(); ++k) {
    const wl::Query q = wl::turn_query(session, k, session.cached.value);
    const wl::Resolved w = wl::resolve(c.ks, q, a, w_max, ov.ttft_s, ov.tps);
    const Ranged x = run_ranged(w, a, c.q.settings);
    workload_notes(c.m.model, c.ks, w, notes);
    if (k == 0) row.inputs = w.inputs;
    const auto& e = x.e.energy_wh;
    p_ratio_min = x.e.work.power_min_kw / x.e.work.power_expected_kw;
    p_ratio_max = x.e.work.power_max_kw / x.e.work.power_expected_kw;
    water_per_wh = x.e.work.water_ml_per_wh;
    carbon_per_wh = x.e.work.carbon_g_per_wh;
    double lo = e.low * x.f_low, hi = e.high * x.f_high;
    total_low[0] += lo;
    total_high[0] += hi;
    for (int j = 1; j < 3; ++j) {
      const wl::Resolved wc =
          wl::resolve(c.ks, wl::turn_query(session, k, shares[j]), a, w_max, ov.ttft_s, ov.tps);
      const double lc = energy_wh_mean(wc.band_low, a, w_max) * p_ratio_min;
      const double hc = energy_wh_mean(wc.band_high, a, w_max) * p_ratio_max;
      total_low[j] += lc;
      total_high[j] += hc;
      lo = std::min(lo, lc);
      hi = std::max(hi, hc);
    }
    Turn t{session.turns[k].input_tokens, QueryWork{q, w}, e, x.e.water_ml, x.e.carbon_g, {}};
    t.band = {Band{lo, hi}, Band{lo * water_per_wh, hi * water_per_wh},
              Band{lo * carbon_per_wh, hi * carbon_per_wh}};
    sw.turns.push_back(std::move(t));
    tot_e.mean += e.mean;
    tot_e.low += e.low;
    tot_e.high += e.high;
    var_e += e.sd * e.sd;
    total_out += w.inputs.output_tokens;
  }
  tot_e.sd = std::sqrt(var_e);
  const double range_low = *std::min_element(total_low, total_low + 3);
  const double range_high = *std::max_element(total_high, total_high + 3);
  const auto totals = [&](double f) {
    Summary t;
    t.mean = tot_e.mean * f;
    t.sd = tot_e.sd * f;
    t.low = tot_e.low * f;
    t.high = tot_e.high * f;
    return t;
  };
  row.kind = RowKind::kSession;
  row.prompt = "session";
  row.output_tokens = total_out;
  row.energy_wh = totals(1);
  row.water_ml = totals(water_per_wh);
  row.carbon_g = totals(carbon_per_wh);
  row.band = {Band{range_low * 1, range_high * 1},
              Band{range_low * water_per_wh, range_high * water_per_wh},
              Band{range_low * carbon_per_wh, range_high * carbon_per_wh}};
  row.session = std::move(sw);
}

}  // namespace

Estimate estimate_workloads(const dataset::Footprint& d, const RowQuery& q) {
  Estimate out;
  std::set<std::string> notes;
  for (std::size_t i : q.models) {
    const auto& m = d.models[i];
    EstimateRow row;
    row.model = &m;
    row.resolved = resolve(m, q.overrides, q.refs, q.overrides_path);
    const auto ks = wl::knots(m, prompt_input_tokens(m));
    if (ks.empty()) {
      notes.insert("\"" + m.model + "\" has no prompt size with a known input length; left out");
      continue;
    }
    const ModelContext c{m, ks, q};
    if (q.session) {
      session_row(c, row, notes);
    } else {
      workload_row(c, row, notes);
    }
    out.rows.push_back(std::move(row));
  }
  if (out.rows.empty()) {
    fail(code::kInvalidValue, q.dataset_path,
         "no selected model has a prompt size with a known input length (short, medium, long, "
         "extra_long or input_tokens)");
  }
  out.notes.emplace_back(
      "Workloads are an extension beyond the paper: latency and speed at other input lengths are "
      "interpolated between the model's measured lengths (docs/workloads.md).");
  out.notes.insert(out.notes.end(), notes.begin(), notes.end());
  for (const auto& w : d.warnings) out.notes.push_back(w.message + " (at " + w.path + ")");
  return out;
}

}  // namespace llmfp::footprint::detail
