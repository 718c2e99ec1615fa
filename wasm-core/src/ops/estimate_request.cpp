// Reading an estimate request: see estimate_request.hpp. Order of the checks (the first
// failing one is reported): fields, dataset, selection, method, overrides, reference
// datasets, then the workload or session and the size limits.
#include "estimate_request.hpp"

#include <algorithm>

#include "../footprint/overrides_json.hpp"
#include "../footprint/reference_json.hpp"
#include "../footprint/workload_json.hpp"

namespace llmfp::ops {
namespace {

using footprint::Settings;
namespace wl = footprint::workload;

/// Total Monte Carlo draws one request may ask for (rows x draws).
constexpr double kMaxTotalDraws = 2e7;
/// Turns x models of one session request (each turn is a full estimate).
constexpr double kMaxSessionTurnRows = 2e4;

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

bool monte_carlo(const Settings& s) {
  return s.estimator == footprint::Estimator::kV6 && s.sampling == footprint::Sampling::kMonteCarlo;
}

// The request's workload or session (both may not be given), and its limits.
void read_workload(const Obj& request, const std::optional<Arr>& prompt_names,
                   footprint::RowQuery& q) {
  if (prompt_names) {
    fail(code::kInvalidValue, prompt_names->path(),
         "select.prompts does not apply to a workload or session; remove it");
  }
  if (q.overrides.output_tokens) {
    fail(code::kInvalidValue, pointer_child(request.at("overrides"), "output_tokens"),
         "give the output length in the workload (output_tokens), not as an override");
  }
  const bool is_session = request.has("session");
  if (is_session && request.has("workload")) {
    fail(code::kInvalidValue, request.at("workload"), "give a workload or a session, not both");
  }
  if (is_session) {
    q.session = wl::read_session(request.object("session"));
  } else {
    q.workload = wl::read_query(request.object("workload"));
  }
  const double per_model = is_session ? static_cast<double>(q.session->turns.size()) : 1.0;
  const auto models = static_cast<double>(q.models.size());
  if (per_model * models > kMaxSessionTurnRows) {
    fail(code::kTooLarge, request.at("session"),
         wl::grouped(per_model) + " turns x " + wl::grouped(models) +
             " models is more than 20,000 turn estimates per request; select fewer models with "
             "select.models");
  }
  if (monte_carlo(q.settings) && per_model * models * q.settings.draws > kMaxTotalDraws) {
    fail(code::kTooLarge, pointer_child(request.at("method"), "draws"),
         "this many turns x models x draws is more than the limit of 20,000,000 draws per "
         "request; use sampling \"quadrature\"");
  }
}

}  // namespace

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

void only_estimate_fields(const Obj& request) {
  request.only({"op", "dataset", "select", "method", "overrides", "hardware", "hosts", "regions",
                "workload", "session"});
}

EstimateInput read_estimate(const Obj& request) {
  EstimateInput in{dataset::load_footprint(request.object("dataset").raw(), request.at("dataset")),
                   {}};
  auto& q = in.query;
  const auto& d = in.dataset;
  std::optional<Arr> model_names, prompt_names;
  if (auto sel = request.object_opt("select")) {
    sel->only({"models", "prompts"});
    model_names = sel->array_opt("models");
    prompt_names = sel->array_opt("prompts");
  }
  q.models = select_models(d, model_names);
  q.prompts = select_prompts(d, prompt_names);
  q.settings = read_method(request.object_opt("method"), d.estimator);
  if (auto o = request.object_opt("overrides")) q.overrides = footprint::read_overrides(*o);
  q.refs = reference::read_sets(request);
  q.overrides_path = request.at("overrides");
  q.dataset_path = request.at("dataset");
  if (request.has("workload") || request.has("session")) {
    read_workload(request, prompt_names, q);
    return in;
  }
  const std::size_t count = footprint::count_rows(d, q);
  if (monte_carlo(q.settings) && static_cast<double>(count) * q.settings.draws > kMaxTotalDraws) {
    fail(code::kTooLarge, pointer_child(request.at("method"), "draws"),
         std::to_string(count) + " rows x " + std::to_string(q.settings.draws) +
             " draws is more than the limit of 20,000,000 draws per request");
  }
  return in;
}

}  // namespace llmfp::ops
