// The estimate result as JSON: see estimate_json.hpp. Key sets per row kind (docs/estimate.md,
// docs/workloads.md): a prompt row has "work" with its "boundary", "input_tokens" and
// "measured" when the dataset gives them; a workload row has "workload" and ranged
// quantities; a session row has "session" and totals (mean, sd, low, high and the range).
#include "estimate_json.hpp"

#include "../footprint/overrides_json.hpp"

namespace llmfp::ops {
namespace {

namespace fp = footprint;
namespace wl = footprint::workload;

json summary_json(const fp::Summary& s) {
  return {{"mean", s.mean}, {"sd", s.sd},   {"p5", s.p5},    {"p50", s.p50},
          {"p95", s.p95},   {"low", s.low}, {"high", s.high}};
}

json ranged(const fp::Summary& x, const fp::Band& b) {
  json j = summary_json(x);
  j["range_low"] = b.low;
  j["range_high"] = b.high;
  return j;
}

json totals_json(const fp::Summary& x, const fp::Band& b) {
  return {{"mean", x.mean}, {"sd", x.sd},         {"low", x.low},
          {"high", x.high}, {"range_low", b.low}, {"range_high", b.high}};
}

json quantiles_json(const fp::Quantiles& q) {
  return json(std::vector<double>(q.begin(), q.end()));
}

json assumptions_json(const fp::Resolved& r, const fp::PromptInputs& in) {
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

json work_json(const fp::Work& w, const fp::Settings& s, double pue) {
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

json query_json(const fp::QueryWork& qw) {
  const wl::Query& q = qw.query;
  const wl::Resolved& w = qw.resolved;
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

json session_json(const fp::SessionWork& s) {
  json turns = json::array();
  for (std::size_t k = 0; k < s.turns.size(); ++k) {
    const fp::Turn& t = s.turns[k];
    json j = query_json(t.query);
    j["turn"] = k + 1;
    j["new_input_tokens"] = t.new_input_tokens;
    j["energy_wh"] = ranged(t.energy_wh, t.band[0]);
    j["water_ml"] = ranged(t.water_ml, t.band[1]);
    j["carbon_g"] = ranged(t.carbon_g, t.band[2]);
    turns.push_back(std::move(j));
  }
  return {{"turns", std::move(turns)},
          {"system_tokens", s.system_tokens},
          {"history", s.history},
          {"cached_share",
           {{"value", s.cached.value}, {"low", s.cached.low}, {"high", s.cached.high}}}};
}

json row_json(const fp::EstimateRow& r, const fp::Settings& s) {
  const dataset::ModelRow& m = *r.model;
  json row = {{"model", m.model},
              {"company", m.company},
              {"host", r.resolved.host},
              {"prompt", r.prompt},
              {"output_tokens", r.output_tokens},
              {"aa_intelligence_index",
               m.aa_intelligence_index ? json(*m.aa_intelligence_index) : json(nullptr)},
              {"assumptions", assumptions_json(r.resolved, r.inputs)}};
  const char* names[] = {"energy_wh", "water_ml", "carbon_g"};
  const fp::Summary* values[] = {&r.energy_wh, &r.water_ml, &r.carbon_g};
  for (std::size_t k = 0; k < 3; ++k) {
    if (r.kind == fp::RowKind::kPrompt) row[names[k]] = summary_json(*values[k]);
    if (r.kind == fp::RowKind::kWorkload) row[names[k]] = ranged(*values[k], (*r.band)[k]);
    if (r.kind == fp::RowKind::kSession) row[names[k]] = totals_json(*values[k], (*r.band)[k]);
  }
  if (r.work) row["work"] = work_json(*r.work, s, r.resolved.assumptions.mult.pue);
  if (r.kind == fp::RowKind::kPrompt) row["work"]["boundary"] = fp::boundary_json(r.resolved);
  if (r.reference) row["reference"] = reference_json(*r.reference);
  if (r.input_tokens) row["input_tokens"] = *r.input_tokens;
  if (!r.measured.empty()) row["measured"] = r.measured;
  if (r.workload) row["workload"] = query_json(*r.workload);
  if (r.session) row["session"] = session_json(*r.session);
  return row;
}

}  // namespace

json method_json(const fp::Settings& s) {
  const bool v4 = s.estimator == fp::Estimator::kV4;
  const bool mc = !v4 && s.sampling == fp::Sampling::kMonteCarlo;
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

json estimate_json(const fp::Estimate& e, const fp::Settings& s) {
  json rows = json::array();
  for (const auto& r : e.rows) rows.push_back(row_json(r, s));
  return {{"method", method_json(s)}, {"rows", std::move(rows)}, {"notes", e.notes}};
}

}  // namespace llmfp::ops
