// op "attribute": do the hosts of one model differ, and on which hardware class does each
// host most likely run? Maths in src/stats/attribution.cpp; energy per hardware hypothesis
// through estimate_rows (estimate_rows.hpp) with the hardware override.
//
//   {"op": "attribute",
//    "data": {"model": "...", "levels": {...},
//             "columns": {"date", "prompt", "provider", "tps_p50", ...}},
//        (a public/data/provider-daily/<version>/<model>.json file, or the same shape with
//         plain string columns and no "levels")
//    "metric": "tps_p50", "hosts": [...], "prompts": [...], "from": "YYYY-MM-DD", "to": "...",
//    "common_dates": true, "dedupe": false, "scale": "linear" | "log" (ANOVA/Tukey on log values),
//    "alpha": 0.05, "fit_tolerance": 0.3,
//    "reference": {"host": "Microsoft Azure", "hardware": "DGX H200/H100"},
//    "hypotheses": [{"hardware": "DGX A100", "memory_bandwidth_tb_s": 2.039}, ...],
//    "footprint": {"dataset": {footprint dataset}, "model": "GPT-4o mini",
//                  "hardware": {hardware dataset}, "hosts": {...}, "method": {...}}}   optional
#include <algorithm>
#include <cstdio>
#include <string>

#include "../footprint/reference_json.hpp"
#include "estimate_request.hpp"
#include "llmfp/attribution.hpp"
#include "llmfp/attribution_json.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

namespace {

constexpr std::size_t kMaxRows = 500000;
/// An error message as an error envelope carries it (api.cpp cuts longer ones).
constexpr std::size_t kMaxErrorMessageBytes = 600;

// Column `key` of data as strings: indices into data.levels[key], or strings.
std::vector<std::string> string_column(const Obj& data, const Obj& columns, const char* key) {
  const Arr col = columns.array(key);
  std::vector<std::string> out;
  out.reserve(col.size());
  if (auto levels = data.object_opt("levels"); levels && levels->has(key)) {
    const std::vector<std::string> names = levels->array(key).strings();
    for (std::size_t i = 0; i < col.size(); ++i) {
      const double v = col.number(i, Range::closed(0.0, static_cast<double>(names.size()) - 1.0));
      if (v != static_cast<double>(static_cast<std::size_t>(v))) {
        fail(code::kInvalidValue, pointer_child(col.path(), i),
             "a level index must be a whole number");
      }
      out.push_back(names[static_cast<std::size_t>(v)]);
    }
    return out;
  }
  return col.strings();
}

std::vector<std::string> optional_list(const Obj& request, const char* key) {
  if (!request.has(key)) return {};
  const Arr a = request.array(key);
  a.require_size(1, 10000);
  return a.strings();
}

std::vector<attribution::Observation> read_observations(const Obj& request,
                                                        const std::string& metric) {
  const Obj data = request.object("data");
  const Obj columns = data.object("columns");
  const std::vector<std::string> dates = string_column(data, columns, "date");
  if (dates.size() > kMaxRows) {
    fail(code::kTooLarge, columns.at("date"),
         "at most " + std::to_string(kMaxRows) + " rows are accepted");
  }
  const std::vector<std::string> prompts = string_column(data, columns, "prompt");
  const std::vector<std::string> hosts = string_column(data, columns, "provider");
  const Arr values = columns.array(metric);
  for (const auto& [name, size] : {std::pair{"prompt", prompts.size()},
                                   {"provider", hosts.size()},
                                   {metric.c_str(), values.size()}}) {
    if (size != dates.size()) {
      fail(code::kInvalidValue, columns.at(name),
           std::string("column ") + name + " has " + std::to_string(size) + " rows but date has " +
               std::to_string(dates.size()));
    }
  }
  const auto keep_hosts = optional_list(request, "hosts");
  const auto keep_prompts = optional_list(request, "prompts");
  const std::string from = request.string_or("from", "");
  const std::string to = request.string_or("to", "~");
  const auto allowed = [](const std::vector<std::string>& list, const std::string& v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
  };
  std::vector<attribution::Observation> out;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (values.raw()[i].is_null()) continue;  // a missing measurement
    if (!allowed(keep_hosts, hosts[i]) || !allowed(keep_prompts, prompts[i])) continue;
    if (dates[i] < from || dates[i] > to) continue;
    out.push_back({dates[i], prompts[i], hosts[i], values.number(i, Range::positive())});
  }
  // One value per (host, prompt, date): a provider with two endpoints gets their mean.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.host, a.prompt, a.date) < std::tie(b.host, b.prompt, b.date);
  });
  std::vector<attribution::Observation> merged;
  for (std::size_t i = 0; i < out.size();) {
    std::size_t j = i;
    double sum = 0.0;
    while (j < out.size() && out[j].host == out[i].host && out[j].prompt == out[i].prompt &&
           out[j].date == out[i].date)
      sum += out[j++].value;
    merged.push_back(out[i]);
    merged.back().value = sum / static_cast<double>(j - i);
    i = j;
  }
  return merged;
}

attribution::Settings read_settings(const Obj& request) {
  attribution::Settings s;
  const Obj ref = request.object("reference");
  ref.only({"host", "hardware"});
  s.reference_host = ref.string("host");
  s.reference_hardware = ref.string("hardware");
  const Arr hyps = request.array("hypotheses");
  hyps.require_size(1, 50);
  for (std::size_t i = 0; i < hyps.size(); ++i) {
    const Obj h = hyps.object(i);
    h.only({"hardware", "memory_bandwidth_tb_s", "gpu", "source"});
    s.hypotheses.push_back(
        {h.string("hardware"), h.number("memory_bandwidth_tb_s", Range::positive())});
  }
  s.alpha = request.number_or("alpha", 0.05, Range{0.0, 1.0, true, true});
  s.common_dates = request.boolean_or("common_dates", true);
  s.dedupe = request.boolean_or("dedupe", false);
  s.log_scale = request.choice_or("scale", "linear", {"linear", "log"}) == "log";
  s.fit_tolerance = request.number_or("fit_tolerance", 0.3, Range::closed(0.0, 10.0));
  return s;
}

// The estimate of the model under one hardware hypothesis (estimate_rows with the
// hardware override), read in the order of an estimate request; an error is the entry's.
json hypothesis_energy(const Obj& fp, const Obj& data, const std::string& model,
                       const std::string& hardware) {
  const dataset::Footprint d = dataset::load_footprint(data.raw(), data.path());
  footprint::RowQuery q;
  const json names = json::array({model});
  q.models = select_models(d, Arr(names, pointer_child(fp.path(), "model")));
  q.settings = read_method(fp.object_opt("method"), d.estimator);
  q.overrides.hardware = hardware;
  q.refs = reference::read_sets(fp);
  q.overrides_path = fp.at("overrides");
  q.dataset_path = fp.at("dataset");
  json prompts = json::array();
  for (const auto& row : footprint::estimate_rows(d, q).rows) {
    prompts.push_back({{"prompt", row.prompt},
                       {"output_tokens", row.output_tokens},
                       {"energy_wh_mean", row.energy_wh.mean},
                       {"energy_wh_sd", row.energy_wh.sd},
                       {"water_ml_mean", row.water_ml.mean},
                       {"carbon_g_mean", row.carbon_g.mean}});
  }
  return prompts;
}

// Energy per query of the model under each hardware hypothesis.
json energy_by_hypothesis(const Obj& fp, const attribution::Settings& s) {
  fp.only({"dataset", "model", "hardware", "hosts", "regions", "method"});
  const std::string model = fp.string("model");
  const Obj data = fp.object("dataset");  // a missing dataset is the request's error
  json out = json::array();
  for (const auto& h : s.hypotheses) {
    json entry = {{"hardware", h.hardware}};
    try {
      entry["prompts"] = hypothesis_energy(fp, data, model, h.hardware);
    } catch (const InputError& e) {
      entry["error"] = truncated(e.issue().message, kMaxErrorMessageBytes);
    }
    out.push_back(entry);
  }
  return out;
}

}  // namespace

json attribute(const Obj& request) {
  request.only({"op", "data", "metric", "hosts", "prompts", "from", "to", "common_dates", "dedupe",
                "scale", "alpha", "fit_tolerance", "reference", "hypotheses", "footprint"});
  const std::string metric = request.string_or("metric", "tps_p50");
  if (metric.rfind("tps", 0) != 0) {
    fail(code::kUnknownValue, request.at("metric"),
         "metric must be an output-speed column (tps_p5 .. tps_p95): speed ratios are what the "
         "hardware hypotheses predict");
  }
  const attribution::Settings settings = read_settings(request);
  auto obs = read_observations(request, metric);
  if (obs.empty()) {
    fail(code::kInvalidValue, "/data",
         "no measurements match the selected hosts, prompts and dates");
  }
  const attribution::Result r = attribution::attribute(std::move(obs), settings);
  json out = attribution::to_json(r, settings, metric);
  const Obj data = request.object("data");
  out["model"] = data.string_or("model", "");
  if (auto fp = request.object_opt("footprint"))
    out["energy"] = energy_by_hypothesis(*fp, settings);
  return out;
}

}  // namespace llmfp::ops
