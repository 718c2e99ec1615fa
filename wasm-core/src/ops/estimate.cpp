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
#include <set>

#include "../footprint/overrides.hpp"
#include "llmfp/dataset.hpp"
#include "llmfp/footprint.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {
namespace {

using footprint::Settings;

/// Total Monte Carlo draws one request may ask for (rows x draws).
constexpr double kMaxTotalDraws = 2e7;

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

}  // namespace

json estimate(const Obj& request) {
  request.only({"op", "dataset", "select", "method", "overrides", "hardware", "hosts", "regions"});
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
      rows.push_back(std::move(row));
    }
    if (prompts) {
      for (const auto& want : *prompts) {
        const bool has =
            std::any_of(m.prompts.begin(), m.prompts.end(),
                        [&want](const dataset::PromptRow& p) { return p.prompt == want; });
        if (!has)
          notes.push_back("\"" + m.model + "\" has no \"" + want + "\" prompt in this dataset");
      }
    }
  }
  for (const auto& w : d.warnings) notes.push_back(w.message + " (at " + w.path + ")");
  return {{"method", method_json(s)}, {"rows", std::move(rows)}, {"notes", std::move(notes)}};
}

}  // namespace llmfp::ops
