// op "rank": eco-efficiency ranking of LLMs by DEA (docs/METHOD.md section 4; Jegham et al.,
// "How Hungry is AI?", cross-efficiency DEA as in the authors' deaR code).
//
//   {"op": "rank", "dataset": {footprint dataset},
//    "select", "method", "overrides", "hardware", "hosts", "regions": as for "estimate",
//    "inputs": ["energy_wh", "pue", "wue_site_l_per_kwh", "wue_source_l_per_kwh",
//               "cif_kg_per_kwh"],            // default; any other numeric model field or
//                                               // user column may be added ("less is better")
//    "output": "aa_intelligence_index",         // default ("more is better")
//    "columns": {"price_usd": {"<model>": 2.5, ...}},   // optional user-supplied columns
//    "unit": "model" | "model_prompt",          // DMUs; model_prompt scores are averaged per model
//    "model": {DEA model, defaults = the authors': cross, CCR, io, M3 aggressive, self-appraisal}}
//
// The per-query energy comes from the estimate of the same request (estimate_rows, so
// overrides of PUE, hardware, region... move the ranking): energy_wh = the rows' mean
// energy (averaged over the selected prompts when unit = "model"); pue, wue_*, cif_* from
// the rows' assumptions after the overrides.
// Models without a value for the output or an input are left out and listed in "excluded".
#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <optional>

#include "estimate_json.hpp"
#include "estimate_request.hpp"
#include "llmfp/dea_json.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

namespace {

const char* const kAssumptionInputs[] = {"pue", "wue_site_l_per_kwh", "wue_source_l_per_kwh",
                                         "cif_kg_per_kwh"};

struct Unit {
  std::string model, prompt;                        // prompt empty when unit = "model"
  std::vector<const footprint::EstimateRow*> rows;  // estimate rows of this DMU
  std::size_t dataset_index = 0;
};

bool is_assumption(const std::string& name) {
  return std::any_of(std::begin(kAssumptionInputs), std::end(kAssumptionInputs),
                     [&name](const char* a) { return name == a; });
}

// The value of column `name` for a unit, and the pointer it came from; nullopt if missing.
std::optional<double> value_of(const Unit& u, const std::string& name, const json& dataset,
                               const json* columns, std::string& path) {
  const json& model = dataset["models"][u.dataset_index];
  const std::string mpath = "/dataset/models/" + std::to_string(u.dataset_index);
  if (name == "energy_wh") {
    double sum = 0.0;
    for (const auto* r : u.rows) sum += r->energy_wh.mean;
    path = mpath + "/prompts";
    return sum / static_cast<double>(u.rows.size());
  }
  if (is_assumption(name)) {
    path = mpath + "/" + name;
    const auto& m = u.rows.front()->resolved.assumptions.mult;
    return name == "pue"                    ? m.pue
           : name == "wue_site_l_per_kwh"   ? m.wue_site_l_per_kwh
           : name == "wue_source_l_per_kwh" ? m.wue_source_l_per_kwh
                                            : m.cif_kg_per_kwh;
  }
  if (columns && columns->contains(name)) {
    path = pointer_child(pointer_child("/columns", name), u.model);
    const json& col = (*columns)[name];
    if (!col.contains(u.model) || !col[u.model].is_number()) return std::nullopt;
    return col[u.model].get<double>();
  }
  path = pointer_child(mpath, name);
  if (!model.contains(name) || !model[name].is_number()) return std::nullopt;
  return model[name].get<double>();
}

// Checks that a column name is usable: known, a user column, or numeric in some model.
void check_column(const std::string& name, const std::string& path, const json& dataset,
                  const json* columns) {
  if (name == "energy_wh" || is_assumption(name)) return;
  if (columns && columns->contains(name)) return;
  for (const auto& m : dataset["models"]) {
    if (m.contains(name) && (m[name].is_number() || m[name].is_null())) return;
  }
  fail(code::kUnknownValue, path,
       "\"" + name +
           "\" is neither a numeric field of the dataset's models (e.g. energy_wh, pue, "
           "wue_site_l_per_kwh, wue_source_l_per_kwh, cif_kg_per_kwh, aa_intelligence_index) nor a "
           "column given in \"columns\"");
}

std::vector<Unit> build_units(const footprint::Estimate& est, const dataset::Footprint& d,
                              bool per_prompt) {
  std::vector<Unit> units;
  std::map<std::string, std::size_t> where;
  for (const auto& r : est.rows) {
    const std::string& model = r.model->model;
    const std::string prompt = per_prompt ? r.prompt : "";
    std::string key = model;
    key += '\n';
    key += prompt;
    auto it = where.find(key);
    if (it == where.end()) {
      where[key] = units.size();
      const auto index = static_cast<std::size_t>(r.model - d.models.data());
      units.push_back(Unit{model, prompt, {&r}, index});
    } else {
      units[it->second].rows.push_back(&r);
    }
  }
  return units;
}

// The DEA table of the units with every value present; the others go to `excluded`.
struct Built {
  dea::Table table;
  std::vector<const Unit*> kept;
  json excluded = json::array();
  std::vector<std::vector<double>> X, Y;
};

Built build_table(const std::vector<Unit>& all, const std::vector<std::string>& input_names,
                  const std::string& output, const json& dataset, const json* columns,
                  bool per_prompt) {
  Built b;
  b.table.input_names = input_names;
  b.table.output_names = {output};
  for (const Unit& u : all) {
    std::vector<double> x;
    std::vector<std::string> xp;
    std::string missing;
    std::string path;
    for (const auto& name : input_names) {
      const auto v = value_of(u, name, dataset, columns, path);
      if (!v && missing.empty()) missing = name;
      x.push_back(v.value_or(0.0));
      xp.push_back(path);
    }
    const auto y = value_of(u, output, dataset, columns, path);
    if (!y && missing.empty()) missing = output;
    const std::string name = per_prompt ? u.model + " / " + u.prompt : u.model;
    if (!missing.empty()) {
      b.excluded.push_back(
          {{"dmu", name}, {"model", u.model}, {"reason", "no value for " + missing}});
      continue;
    }
    b.kept.push_back(&u);
    b.table.dmus.push_back(name);
    b.table.dmu_paths.push_back("/dataset/models/" + std::to_string(u.dataset_index));
    b.X.push_back(x);
    b.Y.push_back({*y});
    b.table.in_paths.push_back(xp);
    b.table.out_paths.push_back({path});
  }
  if (b.kept.empty()) {
    fail(code::kInvalidValue, "/dataset/models",
         "no model has values for every input and for the output \"" + output + "\"");
  }
  const std::size_t n = b.kept.size();
  b.table.data.X.resize(n, input_names.size());
  b.table.data.Y.resize(n, 1);
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t i = 0; i < input_names.size(); ++i) b.table.data.X(j, i) = b.X[j][i];
    b.table.data.Y(j, 0) = b.Y[j][0];
  }
  return b;
}

// Per-model scores: the mean over a model's DMUs (one DMU per model when unit = "model").
void per_model(const Built& b, const json& dea_scores, std::vector<std::string>& models,
               std::vector<double>& scores) {
  std::map<std::string, std::pair<double, int>> acc;
  for (std::size_t j = 0; j < b.kept.size(); ++j) {
    const std::string& m = b.kept[j]->model;
    if (!acc.count(m)) models.push_back(m);
    auto& a = acc[m];
    if (dea_scores[j].is_number()) a.first += dea_scores[j].get<double>(), a.second += 1;
  }
  for (const auto& m : models) {
    const auto& a = acc[m];
    scores.push_back(a.second ? a.first / a.second : std::numeric_limits<double>::quiet_NaN());
  }
}

std::vector<std::string> read_inputs(const Obj& request, const json& dataset, const json* columns) {
  std::vector<std::string> names = {"energy_wh", "pue", "wue_site_l_per_kwh",
                                    "wue_source_l_per_kwh", "cif_kg_per_kwh"};
  if (auto a = request.array_opt("inputs")) {
    a->require_size(1, 20);
    names = a->strings();
    for (std::size_t i = 0; i < names.size(); ++i) {
      check_column(names[i], pointer_child(a->path(), i), dataset, columns);
    }
  }
  return names;
}

}  // namespace

json rank(const Obj& request) {
  request.only({"op", "dataset", "select", "method", "overrides", "hardware", "hosts", "regions",
                "inputs", "output", "columns", "unit", "model", "workload", "session"});
  const EstimateInput in = read_estimate(request);
  const footprint::Estimate est = footprint::estimate_rows(in.dataset, in.query);
  const json& dataset = request.raw()["dataset"];
  const json* columns = nullptr;
  if (auto c = request.object_opt("columns")) {
    for (const auto& [name, col] : c->raw().items()) Obj(col, c->at(name));  // each an object
    columns = &c->raw();
  }
  const std::vector<std::string> input_names = read_inputs(request, dataset, columns);
  const std::string output = request.string_or("output", "aa_intelligence_index");
  if (request.has("output")) check_column(output, request.at("output"), dataset, columns);
  const bool per_prompt =
      request.choice_or("unit", "model", {"model", "model_prompt"}) == "model_prompt";
  const auto model_obj = request.object_opt("model");
  const dea::Model model = dea::read_model(model_obj ? &*model_obj : nullptr);

  const std::vector<Unit> all = build_units(est, in.dataset, per_prompt);
  const Built b = build_table(all, input_names, output, dataset, columns, per_prompt);
  json warnings;
  json result;
  try {
    warnings = dea::validate(b.table, model);
    result = dea::to_json(dea::run(b.table, model));
  } catch (const InputError& e) {
    // The DEA op's size limits speak of DMUs and its own fields; say it in rank's terms.
    if (e.issue().code != code::kTooLarge) throw;
    fail(code::kTooLarge, "/dataset/models",
         "ranking " + std::to_string(b.kept.size()) +
             (per_prompt ? " model-prompt pairs" : " models") +
             " at once is more than the method handles (at most 1000 with the score matrix, " +
             "3000 without, 40 for game cross-efficiency); choose fewer models to rank");
  }
  result["warnings"] = warnings;
  result["data"] = {{"inputs", b.X}, {"outputs", b.Y}};
  std::vector<std::string> models;
  std::vector<double> scores;
  per_model(b, result["scores"], models, scores);
  json score_json = json::array();
  for (double v : scores) score_json.push_back(std::isfinite(v) ? json(v) : json());
  const bool higher = model.radial.orientation == dea::Orientation::input;
  return {{"models", models},
          {"scores", score_json},
          {"ranks", dea::competition_ranks(scores, higher)},
          {"unit", per_prompt ? "model_prompt" : "model"},
          {"inputs", input_names},
          {"output", output},
          {"excluded", b.excluded},
          {"estimate_method", method_json(in.query.settings)},
          {"dea", result}};
}

}  // namespace llmfp::ops
