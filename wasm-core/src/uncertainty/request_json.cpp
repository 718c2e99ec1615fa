// The uncertainty / sensitivity request (request_json.hpp): the estimate request's
// dataset, selection and overrides resolved by the footprint engine (footprint/overrides),
// then the "uncertain" object (spec_json.cpp) applied to each selected (model, prompt).
#include "request_json.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "../footprint/overrides_json.hpp"
#include "../footprint/reference_json.hpp"
#include "../footprint/workload_json.hpp"
#include "llmfp/estimate_rows.hpp"
#include "request_json_internal.hpp"

namespace llmfp::uq {

namespace {

/// Rows x draws one request may ask for (memory ~ 100 bytes per draw and row).
constexpr double kMaxTotalDraws = 2e6;

std::optional<double> class_gpus(const Context& cx, const std::string& size_class) {
  if (!cx.refs.hardware) return std::nullopt;
  const auto* sc = reference::find_size_class(*cx.refs.hardware, size_class);
  if (!sc) return std::nullopt;
  if (!sc->gpus) fail(code::kMissingField, pointer_child(sc->path, "gpus"), "gpus is required");
  return sc->gpus;
}

// Lowest and highest PUE and WUE_site of the paper's hosts (hosts dataset, default preset).
HostSpread host_spread(const std::optional<reference::Hosts>& hosts) {
  HostSpread s;
  if (!hosts) return s;
  for (const auto& p : hosts->presets) {
    if (p.id != hosts->default_preset) continue;
    for (const auto& host : p.hosts) {
      if (host.dashboard_only) continue;
      const double pue = host.mult.pue;
      const double wue = reference::within(
          host.mult.wue_site_l_per_kwh, host.path + "/wue_site_l_per_kwh", Range::closed(0, 100));
      if (!s.pue) s.pue = {pue, pue};
      if (!s.wue_site) s.wue_site = {wue, wue};
      s.pue = {std::fmin(s.pue->first, pue), std::fmax(s.pue->second, pue)};
      s.wue_site = {std::fmin(s.wue_site->first, wue), std::fmax(s.wue_site->second, wue)};
    }
  }
  return s;
}

void read_latency(Context& cx, CaseRequest& cr) {
  const auto& q = cr.c.prompt;
  json j = {{"name", "latency_speed"},
            {"dist", "copula"},
            {"default", true},
            {"ttft_s", std::vector<double>(q.ttft_s.begin(), q.ttft_s.end())},
            {"tps", std::vector<double>(q.tps.begin(), q.tps.end())},
            {"source", "paper v6: Gaussian copula of latency and speed"}};
  if (cx.uncertain && cx.uncertain->has("latency_speed")) {
    const Obj spec = cx.uncertain->object("latency_speed");
    const std::string dist = spec.choice("dist", {"copula", "fixed", "default"});
    if (dist == "copula") {
      spec.only({"dist", "rho"});
    } else {
      spec.only({"dist"});
    }
    cr.u.copula = dist != "fixed";
    cr.u.rho = spec.number_or("rho", cr.u.rho, Range::closed(-0.999, 0.999));
    j["default"] = dist == "default";
    if (dist == "fixed") j = {{"name", "latency_speed"}, {"dist", "fixed"}, {"default", false}};
  }
  if (cr.u.copula) j["rho"] = cr.u.rho;
  cr.inputs.push_back(std::move(j));
}

// A scalar input the request's boundary leaves out (footprint/overrides.cpp apply_boundary,
// docs/estimate.md "Boundaries"): why, and how to count it again.
struct LeftOut {
  std::string why, way;
};

std::optional<LeftOut> left_out(const footprint::Resolved& res, std::size_t i) {
  if (i == kPue && res.boundary != "facility") {
    return LeftOut{
        "overrides.boundary \"" + res.boundary + "\" counts no building overhead (PUE 1)",
        "set overrides.boundary to \"facility\""};
  }
  if (i == kPNonGpu && res.boundary == "accelerator") {
    return LeftOut{"overrides.boundary \"accelerator\" counts the GPUs' power only (p_nongpu_kw 0)",
                   R"(set overrides.boundary to "it" or "facility")"};
  }
  if (i == kWueSource && res.water_scope == "site") {
    return LeftOut{
        "overrides.water_scope \"site\" counts cooling water only (wue_source_l_per_kwh 0)",
        "set overrides.water_scope to \"site_and_source\""};
  }
  return std::nullopt;
}

void read_scalars(Context& cx, CaseRequest& cr, const footprint::Resolved& res, bool have_gpus) {
  for (std::size_t i = 0; i < kScalarInputs.size(); ++i) {
    const char* name = kScalarInputs[i];
    const double nominal = nominal_value(cr.c, i);
    std::string source;
    auto fallback = default_scalar(i, nominal, cx.hosts, have_gpus, &source);
    // A term the boundary leaves out is never drawn: its default is the boundary's value,
    // as in the estimate op for the same request.
    const auto out = left_out(res, i);
    if (out) {
      fallback = Distribution::fixed(nominal);
      source = out->why;
    }
    SpecResult sr{Distribution::fixed(nominal), false};
    if (cx.uncertain && cx.uncertain->has(name)) {
      sr = read_scalar(cx.uncertain->raw()[name], cx.uncertain->at(name), i, nominal, fallback);
    } else if (cx.ranges && fallback) {
      sr = {*fallback, true};
    } else if (cx.ranges && (i == kBatch || i == kPue || i == kWueSite)) {
      cx.notes.insert(std::string(name) + " kept fixed: its default range needs the " +
                      (i == kBatch ? "hardware" : "hosts") + " dataset in the request");
    }
    const bool moves = !(sr.dist.is_fixed() && sr.dist.low() == nominal);
    if (out && moves) {
      fail(code::kInvalidValue, cx.uncertain ? cx.uncertain->at(name) : cx.request.at("preset"),
           std::string(name) + " cannot vary: " + out->why + "; remove uncertain." + name +
               ", or " + out->way);
    }
    if (out && sr.by_default) {
      cx.notes.insert(std::string(name) + " held at " + format_number(nominal) + ": " + out->why);
    }
    if ((i == kBatch || i == kGpus) && moves && !have_gpus) {
      fail(code::kMissingField, pointer_child(cx.refs.root, "hardware"),
           std::string("uncertain.") + name +
               " needs the hardware dataset (GPU count of the size class) in the request field "
               "\"hardware\"");
    }
    if ((i == kBatch || i == kGpus) && moves) {
      cx.notes.insert(
          "batch size and GPU count: utilisation U = G D / (N B) with D scaled "
          "by the paper's batch-size appendix (Large, H100) for every class");
    }
    cr.u.scalar[i] = sr.dist;
    cr.inputs.push_back(describe_scalar(i, sr.dist, nominal, sr.by_default,
                                        sr.by_default ? source : std::string()));
  }
}

CaseRequest make_case(Context& cx, const dataset::ModelRow& m, const dataset::PromptRow& p,
                      const Request& r) {
  CaseRequest cr;
  const auto res = footprint::resolve(m, cx.ov, cx.refs, cx.request.at("overrides"));
  cr.model = m.model;
  cr.company = m.company;
  cr.host = res.host;
  cr.prompt = p.prompt;
  cr.reference = p.reference;
  cr.c.prompt = footprint::resolve_prompt(p.inputs, cx.ov);
  cr.c.assumptions = res.assumptions;
  cr.c.w_max = r.w_max;
  cr.c.rho = r.rho;
  const auto gpus = res.gpus ? res.gpus : class_gpus(cx, res.size_class);
  cr.c.gpus = gpus.value_or(0.0);
  cr.c.batch_size = res.batch_size.value_or(8.0);
  cr.c.basis.coded = res.assumptions.util;
  cr.c.basis.coded_gpus = cr.c.gpus;
  cr.c.basis.coded_batch = cr.c.batch_size;
  cr.u = nominal_uncertainty(cr.c);
  read_latency(cx, cr);
  read_scalars(cx, cr, res, gpus.has_value());
  read_region(cx, cr, res);
  return cr;
}

void check_uncertain_keys(const Obj& u) {
  for (auto it = u.raw().begin(); it != u.raw().end(); ++it) {
    const std::string& key = it.key();
    const bool known = key == "latency_speed" || key == "region" ||
                       std::any_of(kScalarInputs.begin(), kScalarInputs.end(),
                                   [&key](const char* n) { return key == n; });
    if (!known) {
      std::string message = "unknown assumption '" + key + "'; known: latency_speed, region";
      for (const char* n : kScalarInputs) {
        message += ", ";
        message += n;
      }
      fail(code::kUnknownField, u.at(key), message);
    }
  }
}

using Rows = std::vector<std::pair<const dataset::ModelRow*, const dataset::PromptRow*>>;

/// The workload's interpolated inputs of each selected model (PromptRow.path = the model's
/// path, to pair them); models without a measured length with known input tokens are left out.
void workload_prompts(const Obj& req, const Context& cx, const dataset::Footprint& d,
                      const std::vector<std::string>& models,
                      const std::vector<std::string>& prompts, double w_max,
                      std::vector<dataset::PromptRow>& out, Rows& rows) {
  if (!prompts.empty()) {
    fail(code::kInvalidValue, req.at("select") + "/prompts",
         "select.prompts does not apply to a workload; remove it");
  }
  if (cx.ov.output_tokens) {
    fail(code::kInvalidValue, req.at("overrides") + "/output_tokens",
         "give the output length in the workload (output_tokens), not as an override");
  }
  namespace wl = footprint::workload;
  const auto q = wl::read_query(req.object("workload"));
  // The workload rows of estimate_rows (estimate_rows.hpp): each selected model with a
  // measured length of known input tokens, its inputs interpolated at the workload's lengths.
  footprint::RowQuery rq;
  for (std::size_t i = 0; i < d.models.size(); ++i) {
    const auto& m = d.models[i];
    if (!models.empty() && std::find(models.begin(), models.end(), m.model) == models.end())
      continue;
    if (!wl::knots(m, footprint::prompt_input_tokens(m)).empty()) rq.models.push_back(i);
  }
  rq.settings.w_max = w_max;
  rq.overrides = cx.ov;
  rq.refs = cx.refs;
  rq.overrides_path = req.at("overrides");
  rq.dataset_path = req.at("dataset");
  rq.workload = q;
  out.clear();
  if (!rq.models.empty()) {
    for (const auto& row : footprint::estimate_rows(d, rq).rows) {
      dataset::PromptRow pr;
      pr.prompt = "workload";
      pr.path = row.model->path;
      pr.inputs = row.inputs;
      out.push_back(pr);
    }
  }
  rows.clear();  // replaces the dataset's prompt sizes
  for (std::size_t k = 0, i = 0; i < d.models.size() && k < out.size(); ++i) {
    if (d.models[i].path == out[k].path) rows.emplace_back(&d.models[i], &out[k++]);
  }
}

}  // namespace

Request read_request(const Obj& req, bool is_uncertainty) {
  if (is_uncertainty) {
    req.only({"op", "dataset", "select", "method", "overrides", "hardware", "hosts", "regions",
              "preset", "uncertain", "draws", "seed", "bins", "scale", "workload"});
  } else {
    req.only({"op", "dataset", "select", "method", "overrides", "hardware", "hosts", "regions",
              "preset", "uncertain", "draws", "seed", "bins", "workload"});
  }
  Request r;
  const auto d = dataset::load_footprint(req.object("dataset").raw(), req.at("dataset"));
  if (auto m = req.object_opt("method")) {
    m->only({"estimator", "rho", "w_max"});
    m->choice_or("estimator", "v6", {"v6"});
    r.rho = m->number_or("rho", r.rho, Range::closed(-0.999, 0.999));
    r.w_max = m->number_or("w_max", r.w_max, Range::unit());
  }
  r.preset = req.choice_or("preset", "paper", {"paper", "ranges"});
  r.draws = static_cast<std::size_t>(req.integer_or("draws", 10000, 2, 200000));
  r.seed = static_cast<std::uint64_t>(req.integer_or("seed", 0, 0, 9007199254740991LL));
  r.bins = static_cast<std::size_t>(req.integer_or("bins", 40, 1, 200));
  if (auto s = req.object_opt("scale")) {
    s->only({"queries"});
    r.queries = s->number("queries", Range::closed(1, 1e15));
  }
  Context cx{req, {}, {}, {}, {}, r.preset == "ranges", {}};
  cx.refs.root = req.path();
  if (req.has("hardware")) cx.refs.hardware = reference::read_hardware(req.object("hardware"));
  if (req.has("hosts")) cx.refs.hosts = reference::read_hosts(req.object("hosts"));
  if (req.has("regions")) cx.refs.regions = reference::read_regions(req.object("regions"));
  cx.uncertain = req.object_opt("uncertain");
  if (auto o = req.object_opt("overrides")) cx.ov = footprint::read_overrides(*o);
  if (cx.uncertain) check_uncertain_keys(*cx.uncertain);
  cx.hosts = host_spread(cx.refs.hosts);

  std::vector<std::string> models, prompts;
  if (auto sel = req.object_opt("select")) {
    sel->only({"models", "prompts"});
    if (auto a = sel->array_opt("models")) models = a->strings();
    if (auto a = sel->array_opt("prompts")) prompts = a->strings();
  }
  const auto wanted = [](const std::vector<std::string>& list, const std::string& name) {
    return list.empty() || std::find(list.begin(), list.end(), name) != list.end();
  };
  for (std::size_t k = 0; k < models.size(); ++k) {
    const bool found =
        std::any_of(d.models.begin(), d.models.end(),
                    [&](const dataset::ModelRow& m) { return m.model == models[k]; });
    if (!found) {
      fail(code::kUnknownValue, pointer_child(req.at("select") + "/models", k),
           "model \"" + models[k] + "\" is not in the dataset");
    }
  }
  std::vector<std::pair<const dataset::ModelRow*, const dataset::PromptRow*>> rows;
  std::vector<dataset::PromptRow> workload_rows;
  for (const auto& m : d.models) {
    if (!wanted(models, m.model)) continue;
    for (const auto& p : m.prompts) {
      if (wanted(prompts, p.prompt)) rows.emplace_back(&m, &p);
    }
  }
  // A workload (docs/workloads.md): one row per model instead, its inputs interpolated.
  if (req.has("workload"))
    workload_prompts(req, cx, d, models, prompts, r.w_max, workload_rows, rows);
  if (rows.empty())
    fail(code::kInvalidValue, req.at("select"), "the selection matches no (model, prompt) row");
  if (static_cast<double>(rows.size()) * static_cast<double>(r.draws) > kMaxTotalDraws) {
    std::string message = std::to_string(rows.size());
    message += " rows x " + std::to_string(r.draws);
    message += " draws is more than the limit of 2,000,000 per request; select fewer rows";
    fail(code::kTooLarge, req.at("draws"), message);
  }
  for (const auto& [m, p] : rows) r.cases.push_back(make_case(cx, *m, *p, r));
  for (const auto& n : cx.notes) r.notes.push_back(n);
  for (const auto& w : d.warnings) r.notes.push_back(w.message + " (at " + w.path + ")");
  return r;
}

json summary_json(const Summary& s) {
  return {{"mean", s.mean},
          {"sd", s.sd},
          {"min", s.min},
          {"max", s.max},
          {"p5", s.percentiles[0]},
          {"p25", s.percentiles[1]},
          {"p50", s.percentiles[2]},
          {"p75", s.percentiles[3]},
          {"p95", s.percentiles[4]},
          {"histogram",
           {{"lo", s.histogram.lo}, {"hi", s.histogram.hi}, {"counts", s.histogram.counts}}}};
}

json method_json(const Request& r) {
  return {{"estimator", "v6"}, {"sampling", "monte_carlo"}, {"draws", r.draws},   {"seed", r.seed},
          {"rho", r.rho},      {"w_max", r.w_max},          {"preset", r.preset}, {"bins", r.bins}};
}

json row_head(const CaseRequest& c) {
  json j = {{"model", c.model},
            {"company", c.company},
            {"host", c.host},
            {"prompt", c.prompt},
            {"output_tokens", c.c.prompt.output_tokens},
            {"inputs", c.inputs}};
  if (c.reference) {
    j["reference"] = {{"energy_wh_mean", c.reference->energy_wh_mean},
                      {"energy_wh_sd", c.reference->energy_wh_sd},
                      {"water_ml_mean", c.reference->water_ml_mean},
                      {"water_ml_sd", c.reference->water_ml_sd},
                      {"carbon_g_mean", c.reference->carbon_g_mean},
                      {"carbon_g_sd", c.reference->carbon_g_sd}};
  }
  return j;
}

}  // namespace llmfp::uq
