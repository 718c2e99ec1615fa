// op "estimate": per-query energy (Wh), water (mL) and carbon (g CO2e) of each selected
// (model, prompt) of a footprint dataset, under the paper's assumptions or overridden ones.
// The maths is in src/footprint/ (footprint.hpp); this file converts JSON to structs and back.
//
// Request (docs/estimate.md):
//   {"op": "estimate", "dataset": {footprint dataset},
//    "select": {"models": [...], "prompts": [...]},                       optional
//    "method": {"estimator", "sampling", "draws", "seed", "rho", "w_max"}, optional
//    "overrides": {...}, "hardware": {...}, "hosts": {...}, "regions": {...}}  optional
// Result: {"method": {...}, "rows": [{model, company, host, prompt, output_tokens,
//   aa_intelligence_index, assumptions, energy_wh, water_ml, carbon_g, work, reference}],
//   "notes": [...]}
#include <algorithm>
#include <cmath>
#include <set>

#include "../footprint/overrides.hpp"
#include "../footprint/workload_json.hpp"
#include "llmfp/dataset.hpp"
#include "llmfp/footprint.hpp"
#include "llmfp/ops.hpp"
#include "llmfp/workload.hpp"

namespace llmfp::ops {
namespace {

using footprint::Settings;

/// Total Monte Carlo draws one request may ask for (rows x draws).
constexpr double kMaxTotalDraws = 2e7;
/// Turns x models of one session request (each turn is a full estimate).
constexpr double kMaxSessionTurnRows = 2e4;

Settings read_method(const std::optional<Obj>& m, const std::string& default_estimator) {
  Settings s;
  s.estimator = default_estimator == "v4" ? footprint::Estimator::kV4 : footprint::Estimator::kV6;
  if (!m) return s;
  m->only({"estimator", "sampling", "draws", "seed", "rho", "w_max"});
  if (m->has("estimator")) {
    s.estimator = m->choice("estimator", {"v6", "v4"}) == "v4" ? footprint::Estimator::kV4
                                                               : footprint::Estimator::kV6;
  }
  if (m->has("sampling")) {
    s.sampling = m->choice("sampling", {"quadrature", "monte_carlo"}) == "monte_carlo"
                     ? footprint::Sampling::kMonteCarlo
                     : footprint::Sampling::kQuadrature;
  }
  s.draws = static_cast<int>(m->integer_or("draws", s.draws, 2, 1000000));
  s.seed = static_cast<std::uint64_t>(m->integer_or("seed", 0, 0, 9007199254740991LL));
  s.rho = m->number_or("rho", s.rho, Range::closed(-0.999, 0.999));
  s.w_max = m->number_or("w_max", s.w_max, Range::unit());
  return s;
}

json method_json(const Settings& s) {
  const bool v4 = s.estimator == footprint::Estimator::kV4;
  const bool mc = !v4 && s.sampling == footprint::Sampling::kMonteCarlo;
  json j = {{"estimator", v4 ? "v4" : "v6"},
            {"sampling", v4   ? "grid"
                         : mc ? "monte_carlo"
                              : "quadrature"},
            {"w_max", s.w_max}};
  if (!v4) j["rho"] = s.rho;
  if (mc) {
    j["draws"] = s.draws;
    j["seed"] = s.seed;
  }
  return j;
}

json summary_json(const footprint::Summary& s) {
  return {{"mean", s.mean}, {"sd", s.sd},   {"p5", s.p5},    {"p50", s.p50},
          {"p95", s.p95},   {"low", s.low}, {"high", s.high}};
}

json quantiles_json(const footprint::Quantiles& q) {
  return json(std::vector<double>(q.begin(), q.end()));
}

json assumptions_json(const footprint::Resolved& r, const footprint::PromptInputs& in) {
  const auto& a = r.assumptions;
  json j = {{"hardware", r.hardware},
            {"size_class", r.size_class},
            {"host", r.host},
            {"p_gpu_kw", a.node.p_gpu_kw},
            {"p_nongpu_kw", a.node.p_nongpu_kw},
            {"u_gpu_min", a.util.u_gpu_min},
            {"u_gpu_max", a.util.u_gpu_max},
            {"u_nongpu", a.util.u_nongpu},
            {"pue", a.mult.pue},
            {"wue_site_l_per_kwh", a.mult.wue_site_l_per_kwh},
            {"wue_source_l_per_kwh", a.mult.wue_source_l_per_kwh},
            {"cif_kg_per_kwh", a.mult.cif_kg_per_kwh},
            {"output_tokens", in.output_tokens},
            {"ttft_s", quantiles_json(in.ttft_s)},
            {"tps", quantiles_json(in.tps)},
            {"overridden", r.overridden}};
  if (r.gpus) j["gpus"] = *r.gpus;
  if (r.batch_size) j["batch_size"] = *r.batch_size;
  if (r.region) j["region"] = *r.region;
  if (r.multipliers) j["multipliers"] = *r.multipliers;
  return j;
}

json work_json(const footprint::Work& w, const footprint::Settings& s, double pue) {
  return {{"ttft_mean_s", w.ttft_mean_s},
          {"inv_tps_mean_s_per_token", w.inv_tps_mean_s_per_token},
          {"time_mean_s", w.time_mean_s},
          {"time_sd_s", w.time_sd_s},
          {"power_min_kw", w.power_min_kw},
          {"power_max_kw", w.power_max_kw},
          {"power_expected_kw", w.power_expected_kw},
          {"w_max", s.w_max},
          {"pue", pue},
          {"energy_min_wh", w.energy_min_wh},
          {"energy_max_wh", w.energy_max_wh},
          {"water_ml_per_wh", w.water_ml_per_wh},
          {"carbon_g_per_wh", w.carbon_g_per_wh}};
}

json reference_json(const dataset::Reference& r) {
  return {{"energy_wh_mean", r.energy_wh_mean}, {"energy_wh_sd", r.energy_wh_sd},
          {"water_ml_mean", r.water_ml_mean},   {"water_ml_sd", r.water_ml_sd},
          {"carbon_g_mean", r.carbon_g_mean},   {"carbon_g_sd", r.carbon_g_sd}};
}

// Indices of the selected models, in the order asked (dataset order by default).
std::vector<std::size_t> select_models(const dataset::Footprint& d,
                                       const std::optional<Arr>& names) {
  std::vector<std::size_t> out;
  if (!names) {
    for (std::size_t i = 0; i < d.models.size(); ++i) out.push_back(i);
    return out;
  }
  for (std::size_t k = 0; k < names->size(); ++k) {
    const std::string name = names->string(k);
    auto it = std::find_if(d.models.begin(), d.models.end(),
                           [&name](const dataset::ModelRow& m) { return m.model == name; });
    if (it == d.models.end()) {
      fail(code::kUnknownValue, pointer_child(names->path(), k),
           "model \"" + name + "\" is not in the dataset (" + std::to_string(d.models.size()) +
               " models; e.g. \"" + d.models.front().model + "\")");
    }
    out.push_back(static_cast<std::size_t>(it - d.models.begin()));
  }
  if (out.empty()) fail(code::kInvalidValue, names->path(), "select.models must not be empty");
  return out;
}

std::optional<std::set<std::string>> select_prompts(const dataset::Footprint& d,
                                                    const std::optional<Arr>& names) {
  if (!names) return std::nullopt;
  std::set<std::string> out;
  for (std::size_t k = 0; k < names->size(); ++k) {
    const std::string name = names->string(k);
    bool found = false;
    for (const auto& m : d.models) {
      for (const auto& p : m.prompts) found = found || p.prompt == name;
    }
    if (!found) {
      fail(code::kUnknownValue, pointer_child(names->path(), k),
           "no model of the dataset has a prompt \"" + name + "\"");
    }
    out.insert(name);
  }
  if (out.empty()) fail(code::kInvalidValue, names->path(), "select.prompts must not be empty");
  return out;
}

// ---- workloads and sessions (docs/workloads.md; an extension beyond the paper) ----------

namespace wl = footprint::workload;

const char* position_name(wl::Position p) {
  switch (p) {
    case wl::Position::kMeasured: return "measured";
    case wl::Position::kBetween: return "between";
    case wl::Position::kBelow: return "below";
    case wl::Position::kAbove: return "above";
  }
  return "measured";
}

json where_json(const wl::Interpolated& i) {
  json j = {{"position", position_name(i.position)}, {"lower", i.lower}, {"upper", i.upper}};
  if (i.position == wl::Position::kBetween) j["weight"] = i.weight;
  return j;
}

// A summary with the range: the utilisation bounds widened by the interpolation band
// (and, in sessions, the cached share's range).
json ranged(const footprint::Summary& x, double range_low, double range_high) {
  json j = summary_json(x);
  j["range_low"] = range_low;
  j["range_high"] = range_high;
  return j;
}

struct Ranged {
  footprint::Result e;
  double f_low = 1, f_high = 1;  // interpolation band / central, on the mean
};

Ranged run_ranged(const wl::Resolved& w, const footprint::Assumptions& a, const Settings& s) {
  Ranged r{footprint::estimate(w.inputs, a, s)};
  const double c = footprint::energy_wh_mean(w.inputs, a, s.w_max);
  if (c > 0) {
    r.f_low = footprint::energy_wh_mean(w.band_low, a, s.w_max) / c;
    r.f_high = footprint::energy_wh_mean(w.band_high, a, s.w_max) / c;
  }
  return r;
}

void put_quantities(const Ranged& r, json& out) {
  const auto& e = r.e;
  out["energy_wh"] = ranged(e.energy_wh, e.energy_wh.low * r.f_low, e.energy_wh.high * r.f_high);
  out["water_ml"] = ranged(e.water_ml, e.water_ml.low * r.f_low, e.water_ml.high * r.f_high);
  out["carbon_g"] = ranged(e.carbon_g, e.carbon_g.low * r.f_low, e.carbon_g.high * r.f_high);
}

json query_json(const wl::Query& q, const wl::Resolved& w) {
  json j = {{"input_tokens", q.input_tokens},
            {"output_tokens", q.output_tokens},
            {"reasoning", q.reasoning_tokens >= 0 ? "explicit_tokens" : "in_measured_latency"},
            {"rule", q.monotone ? "monotone" : "measured"},
            {"latency_at", where_json(w.ttft_at)},
            {"speed_at", where_json(w.tps_at)},
            {"measured_shape", w.measured_shape}};
  if (q.reasoning_tokens >= 0) j["reasoning_tokens"] = q.reasoning_tokens;
  if (q.uncached_tokens >= 0) j["uncached_tokens"] = std::min(q.uncached_tokens, q.input_tokens);
  if (!w.basis.empty()) j["basis"] = w.basis;
  return j;
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

// The limits and the request's workload or session (both may not be given).
struct WorkloadRequest {
  bool is_session = false;
  wl::Query query;
  wl::Session session;
};

WorkloadRequest read_workload_request(const Obj& request, std::size_t n_models, const Settings& s,
                                      const footprint::Overrides& ov,
                                      const std::optional<Arr>& prompt_names) {
  if (prompt_names) {
    fail(code::kInvalidValue, prompt_names->path(),
         "select.prompts does not apply to a workload or session; remove it");
  }
  if (ov.output_tokens) {
    fail(code::kInvalidValue, pointer_child(request.at("overrides"), "output_tokens"),
         "give the output length in the workload (output_tokens), not as an override");
  }
  WorkloadRequest w;
  w.is_session = request.has("session");
  if (w.is_session && request.has("workload")) {
    fail(code::kInvalidValue, request.at("workload"), "give a workload or a session, not both");
  }
  if (w.is_session) {
    w.session = wl::read_session(request.object("session"));
  } else {
    w.query = wl::read_query(request.object("workload"));
  }
  const double per_model = w.is_session ? static_cast<double>(w.session.turns.size()) : 1.0;
  const auto models = static_cast<double>(n_models);
  if (per_model * models > kMaxSessionTurnRows) {
    fail(code::kTooLarge, request.at("session"),
         wl::grouped(per_model) + " turns x " + wl::grouped(models) +
             " models is more than 20,000 turn estimates per request; select fewer models with "
             "select.models");
  }
  const bool mc =
      s.estimator == footprint::Estimator::kV6 && s.sampling == footprint::Sampling::kMonteCarlo;
  if (mc && per_model * models * s.draws > kMaxTotalDraws) {
    fail(code::kTooLarge, pointer_child(request.at("method"), "draws"),
         "this many turns x models x draws is more than the limit of 20,000,000 draws per "
         "request; use sampling \"quadrature\"");
  }
  return w;
}

struct ModelContext {
  const dataset::ModelRow& m;
  const footprint::Resolved& r;
  const std::vector<wl::Knot>& ks;
  const Settings& s;
  const footprint::Overrides& ov;
};

void workload_row(const ModelContext& c, const wl::Query& query, const dataset::ModelRow& m,
                  json& row, std::set<std::string>& notes) {
  const wl::Resolved w =
      wl::resolve(c.ks, query, c.r.assumptions, c.s.w_max, c.ov.ttft_s, c.ov.tps);
  const Ranged x = run_ranged(w, c.r.assumptions, c.s);
  workload_notes(m.model, c.ks, w, notes);
  row["prompt"] = "workload";
  row["output_tokens"] = w.inputs.output_tokens;
  row["workload"] = query_json(query, w);
  row["assumptions"] = assumptions_json(c.r, w.inputs);
  put_quantities(x, row);
  row["work"] = work_json(x.e.work, c.s, c.r.assumptions.mult.pue);
  if (!w.measured_shape) return;
  for (const auto& p : m.prompts) {
    if (p.prompt == w.ttft_at.lower && p.reference) row["reference"] = reference_json(*p.reference);
  }
}

// A session: each turn at the cached share's value, and the totals at its low and high.
void session_row(const ModelContext& c, const wl::Session& session, json& row,
                 std::set<std::string>& notes) {
  const auto& a = c.r.assumptions;
  const double w_max = c.s.w_max;
  const double shares[3] = {session.cached.value, session.cached.low, session.cached.high};
  double total_low[3] = {0, 0, 0}, total_high[3] = {0, 0, 0};
  footprint::Summary tot_e;
  double var_e = 0, total_out = 0;
  json turns = json::array();
  double p_ratio_min = 1, p_ratio_max = 1, water_per_wh = 0, carbon_per_wh = 0;
  row["assumptions"] = json::object();
  for (std::size_t k = 0; k < session.turns.size(); ++k) {
    const wl::Query q = wl::turn_query(session, k, session.cached.value);
    const wl::Resolved w = wl::resolve(c.ks, q, a, w_max, c.ov.ttft_s, c.ov.tps);
    const Ranged x = run_ranged(w, a, c.s);
    workload_notes(c.m.model, c.ks, w, notes);
    if (k == 0) row["assumptions"] = assumptions_json(c.r, w.inputs);
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
          wl::resolve(c.ks, wl::turn_query(session, k, shares[j]), a, w_max, c.ov.ttft_s, c.ov.tps);
      const double lc = footprint::energy_wh_mean(wc.band_low, a, w_max) * p_ratio_min;
      const double hc = footprint::energy_wh_mean(wc.band_high, a, w_max) * p_ratio_max;
      total_low[j] += lc;
      total_high[j] += hc;
      lo = std::min(lo, lc);
      hi = std::max(hi, hc);
    }
    json t = {{"turn", k + 1}, {"new_input_tokens", session.turns[k].input_tokens}};
    json qj = query_json(q, w);
    for (auto it = qj.begin(); it != qj.end(); ++it) t[it.key()] = it.value();
    t["energy_wh"] = ranged(e, lo, hi);
    t["water_ml"] = ranged(x.e.water_ml, lo * water_per_wh, hi * water_per_wh);
    t["carbon_g"] = ranged(x.e.carbon_g, lo * carbon_per_wh, hi * carbon_per_wh);
    turns.push_back(std::move(t));
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
    json j = {{"mean", tot_e.mean * f},     {"sd", tot_e.sd * f},
              {"low", tot_e.low * f},       {"high", tot_e.high * f},
              {"range_low", range_low * f}, {"range_high", range_high * f}};
    return j;
  };
  row["prompt"] = "session";
  row["output_tokens"] = total_out;
  row["energy_wh"] = totals(1);
  row["water_ml"] = totals(water_per_wh);
  row["carbon_g"] = totals(carbon_per_wh);
  row["session"] = {{"turns", std::move(turns)},
                    {"system_tokens", session.system_tokens},
                    {"history", session.history},
                    {"cached_share",
                     {{"value", session.cached.value},
                      {"low", session.cached.low},
                      {"high", session.cached.high}}}};
}

json estimate_workloads(const Obj& request, const dataset::Footprint& d,
                        const std::vector<std::size_t>& models, const Settings& s,
                        const footprint::Overrides& ov, const footprint::References& refs,
                        const std::optional<Arr>& prompt_names) {
  const WorkloadRequest wr = read_workload_request(request, models.size(), s, ov, prompt_names);
  const Obj dataset_obj = request.object("dataset");
  json rows = json::array();
  std::set<std::string> notes;
  for (std::size_t i : models) {
    const auto& m = d.models[i];
    const footprint::Resolved r = footprint::resolve(m, ov, refs, request.at("overrides"));
    const auto ks = wl::knots(m, wl::dataset_input_tokens(dataset_obj, i));
    if (ks.empty()) {
      notes.insert("\"" + m.model + "\" has no prompt size with a known input length; left out");
      continue;
    }
    json row = {{"model", m.model},
                {"company", m.company},
                {"host", r.host},
                {"aa_intelligence_index",
                 m.aa_intelligence_index ? json(*m.aa_intelligence_index) : json(nullptr)}};
    const ModelContext c{m, r, ks, s, ov};
    if (wr.is_session) {
      session_row(c, wr.session, row, notes);
    } else {
      workload_row(c, wr.query, m, row, notes);
    }
    rows.push_back(std::move(row));
  }
  if (rows.empty()) {
    fail(code::kInvalidValue, request.at("dataset"),
         "no selected model has a prompt size with a known input length (short, medium, long, "
         "extra_long or input_tokens)");
  }
  json note_list = json::array();
  note_list.push_back(
      "Workloads are an extension beyond the paper: latency and speed at other input lengths are "
      "interpolated between the model's measured lengths (docs/workloads.md).");
  for (const auto& n : notes) note_list.push_back(n);
  for (const auto& w : d.warnings) note_list.push_back(w.message + " (at " + w.path + ")");
  return {{"method", method_json(s)}, {"rows", std::move(rows)}, {"notes", std::move(note_list)}};
}

// One row of the estimate result: a model's footprint for one prompt size.
json prompt_row(const dataset::ModelRow& m, const footprint::Resolved& r,
                const dataset::PromptRow& p, const footprint::PromptInputs& in,
                const footprint::Result& e, const Settings& s) {
  json row = {{"model", m.model},
              {"company", m.company},
              {"host", r.host},
              {"prompt", p.prompt},
              {"output_tokens", in.output_tokens},
              {"aa_intelligence_index",
               m.aa_intelligence_index ? json(*m.aa_intelligence_index) : json(nullptr)},
              {"assumptions", assumptions_json(r, in)},
              {"energy_wh", summary_json(e.energy_wh)},
              {"water_ml", summary_json(e.water_ml)},
              {"carbon_g", summary_json(e.carbon_g)},
              {"work", work_json(e.work, s, r.assumptions.mult.pue)}};
  row["work"]["boundary"] = footprint::boundary_json(r);
  if (p.reference) row["reference"] = reference_json(*p.reference);
  if (p.input_tokens) row["input_tokens"] = *p.input_tokens;
  if (!p.measured.empty()) row["measured"] = p.measured;
  return row;
}

// Notes for the asked prompt sizes that a model does not have.
void missing_prompt_notes(const dataset::ModelRow& m, const std::set<std::string>& prompts,
                          json& notes) {
  for (const auto& want : prompts) {
    const bool has = std::any_of(m.prompts.begin(), m.prompts.end(),
                                 [&want](const dataset::PromptRow& p) { return p.prompt == want; });
    if (!has) notes.push_back("\"" + m.model + "\" has no \"" + want + "\" prompt in this dataset");
  }
}

}  // namespace

json estimate(const Obj& request) {
  request.only({"op", "dataset", "select", "method", "overrides", "hardware", "hosts", "regions",
                "workload", "session"});
  const dataset::Footprint d =
      dataset::load_footprint(request.object("dataset").raw(), request.at("dataset"));
  std::optional<Arr> model_names, prompt_names;
  if (auto sel = request.object_opt("select")) {
    sel->only({"models", "prompts"});
    model_names = sel->array_opt("models");
    prompt_names = sel->array_opt("prompts");
  }
  const auto models = select_models(d, model_names);
  const auto prompts = select_prompts(d, prompt_names);
  const Settings s = read_method(request.object_opt("method"), d.estimator);
  footprint::Overrides ov;
  if (auto o = request.object_opt("overrides")) ov = footprint::read_overrides(*o);
  footprint::References refs{request.object_opt("hardware"), request.object_opt("hosts"),
                             request.object_opt("regions"), request.path()};
  if (request.has("workload") || request.has("session")) {
    return estimate_workloads(request, d, models, s, ov, refs, prompt_names);
  }

  json rows = json::array();
  json notes = json::array();
  std::size_t count = 0;
  for (std::size_t i : models) {
    for (const auto& p : d.models[i].prompts) count += !prompts || prompts->count(p.prompt);
  }
  const bool mc =
      s.estimator == footprint::Estimator::kV6 && s.sampling == footprint::Sampling::kMonteCarlo;
  if (mc && static_cast<double>(count) * s.draws > kMaxTotalDraws) {
    fail(code::kTooLarge, pointer_child(request.at("method"), "draws"),
         std::to_string(count) + " rows x " + std::to_string(s.draws) +
             " draws is more than the limit of 20,000,000 draws per request");
  }
  for (std::size_t i : models) {
    const auto& m = d.models[i];
    const footprint::Resolved r = footprint::resolve(m, ov, refs, request.at("overrides"));
    for (const auto& p : m.prompts) {
      if (prompts && !prompts->count(p.prompt)) continue;
      const footprint::PromptInputs in = footprint::resolve_prompt(p.inputs, ov);
      const footprint::Result e = footprint::estimate(in, r.assumptions, s);
      rows.push_back(prompt_row(m, r, p, in, e, s));
    }
    if (prompts) missing_prompt_notes(m, *prompts, notes);
  }
  for (const auto& w : d.warnings) notes.push_back(w.message + " (at " + w.path + ")");
  return {{"method", method_json(s)}, {"rows", std::move(rows)}, {"notes", std::move(notes)}};
}

}  // namespace llmfp::ops
