// op "trend": the footprint of each day of the authors' daily data (dataset "daily", one
// file per model), monthly summaries as the authors' monthly analysis defines them, the
// change over the period (Theil-Sen slope with Sen's interval) and flags for repeated and
// frozen days, gaps and method or configuration changes. See docs/trends.md.
//
// Request:
//   {"op": "trend", "dataset": {daily model file} | [{daily model file}, ...],
//    "select": {"models": [...], "prompts": [...]},                 optional
//    "from": "YYYY-MM-DD", "to": "YYYY-MM-DD",                       optional
//    "method": {"estimator": "as_published" | "v6" | "v4", "w_max", "rho"},  optional
//    "overrides": {...}, "hardware": {...}, "hosts": {...}, "regions": {...}}  optional
// Result: {"method", "rows": [{date, model, prompt, method, energy_wh, water_ml, carbon_g,
//   published, flags}], "series": [{model, prompt, ..., monthly, change, flags}], "notes"}
#include "llmfp/trend.hpp"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <set>

#include "../footprint/overrides_json.hpp"
#include "../footprint/reference_json.hpp"
#include "llmfp/dataset.hpp"
#include "llmfp/footprint.hpp"
#include "llmfp/ops.hpp"
#include "trend_internal.hpp"

namespace llmfp::ops {
namespace {

using footprint::Estimator;
using trend_op::Day;
using trend_op::kPublished;
using trend_op::ModelFile;
using trend_op::Selection;
using trend_op::Series;

/// Theil-Sen looks at every pair of days: above this many days (8 years) it is not computed.
constexpr std::size_t kMaxSlopeDays = 3000;
/// A run of at least this many consecutive days repeating one day's inputs is "frozen".
constexpr std::size_t kFrozenMinDays = 7;
constexpr const char* kMetrics[] = {"energy_wh", "water_ml", "carbon_g"};

json trend_summary_json(const footprint::Summary& s) {
  return {{"mean", s.mean}, {"sd", s.sd}, {"p5", s.p5}, {"p50", s.p50}, {"p95", s.p95}};
}

json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json monthly_json(const trend::Summary& s) {
  return {{"average", s.average},
          {"day_to_day_sd", opt(s.day_to_day_sd)},
          {"intra_day_sd", s.intra_day_sd},
          {"pooled_sd", opt(s.pooled_sd)}};
}

bool same_inputs(const footprint::PromptInputs& a, const footprint::PromptInputs& b) {
  return a.ttft_s == b.ttft_s && a.tps == b.tps && a.output_tokens == b.output_tokens;
}

std::string cache_key(std::size_t config, const std::string& method,
                      const footprint::PromptInputs& in) {
  std::string key = method + ":" + std::to_string(config);
  char buf[sizeof(double)];
  auto add = [&](double v) {
    std::memcpy(buf, &v, sizeof v);
    key.append(buf, sizeof buf);
  };
  add(in.output_tokens);
  for (double v : in.ttft_s) add(v);
  for (double v : in.tps) add(v);
  return key;
}

/// The assumptions as bytes: days of one month with equal keys are summarised together.
std::string assumptions_key(const footprint::Assumptions& a) {
  std::string key;
  char buf[sizeof(double)];
  for (double v : {a.node.p_gpu_kw, a.node.p_nongpu_kw, a.util.u_gpu_min, a.util.u_gpu_max,
                   a.util.u_nongpu, a.mult.pue, a.mult.wue_site_l_per_kwh,
                   a.mult.wue_source_l_per_kwh, a.mult.cif_kg_per_kwh}) {
    std::memcpy(buf, &v, sizeof v);
    key.append(buf, sizeof buf);
  }
  return key;
}

/// Names of the assumption fields that differ between two resolved configurations.
json changed_fields(const footprint::Resolved& a, const footprint::Resolved& b) {
  json out = json::array();
  const auto& x = a.assumptions;
  const auto& y = b.assumptions;
  if (a.hardware != b.hardware) out.push_back("hardware");
  if (a.size_class != b.size_class) out.push_back("size_class");
  if (a.host != b.host) out.push_back("host");
  if (x.node.p_gpu_kw != y.node.p_gpu_kw || x.node.p_nongpu_kw != y.node.p_nongpu_kw)
    out.push_back("node_power");
  if (x.util.u_gpu_min != y.util.u_gpu_min || x.util.u_gpu_max != y.util.u_gpu_max ||
      x.util.u_nongpu != y.util.u_nongpu)
    out.push_back("utilisation");
  if (x.mult.pue != y.mult.pue) out.push_back("pue");
  if (x.mult.wue_site_l_per_kwh != y.mult.wue_site_l_per_kwh) out.push_back("wue_site_l_per_kwh");
  if (x.mult.wue_source_l_per_kwh != y.mult.wue_source_l_per_kwh)
    out.push_back("wue_source_l_per_kwh");
  if (x.mult.cif_kg_per_kwh != y.mult.cif_kg_per_kwh) out.push_back("cif_kg_per_kwh");
  return out;
}

struct DayEstimator {
  const trend_op::Settings& settings;
  const footprint::Overrides& ov;
  const std::vector<footprint::Resolved>& resolved;
  std::map<std::string, footprint::Result> cache;

  std::pair<std::string, const footprint::Result*> operator()(const Day& d) {
    const bool published = settings.estimator == "as_published";
    const std::string method = published ? d.method : settings.estimator;
    footprint::Settings fs;
    fs.estimator = method == "v4" || method == "grid" ? Estimator::kV4 : Estimator::kV6;
    fs.w_max = settings.w_max;
    fs.rho = settings.rho;
    const footprint::PromptInputs in = footprint::resolve_prompt(d.inputs, ov);
    const std::string key = cache_key(d.config, method, in);
    auto hit = cache.find(key);
    if (hit == cache.end()) {
      hit = cache.emplace(key, footprint::estimate(in, resolved[d.config].assumptions, fs)).first;
    }
    return {method, &hit->second};
  }
};

/// The flags of day i of a series (and the series' counters and lists).
json day_flags(const std::vector<const Day*>& days, std::size_t i,
               const std::vector<footprint::Resolved>& resolved, json& flags) {
  json out = json::array();
  const Day& d = *days[i];
  if (i > 0) {
    const Day& prev = *days[i - 1];
    if (same_inputs(prev.inputs, d.inputs)) {
      out.push_back("repeated");
      flags["repeated"] = flags["repeated"].get<int>() + 1;
    }
    if (d.day - prev.day > 1) {
      flags["gaps"].push_back(
          {{"after", prev.date}, {"before", d.date}, {"missing_days", d.day - prev.day - 1}});
      out.push_back("after_gap");
    }
    if (prev.method != d.method) {
      flags["method_changes"].push_back(
          {{"date", d.date}, {"from", prev.method}, {"to", d.method}});
      out.push_back("method_change");
    }
    if (prev.config != d.config) {
      json fields = changed_fields(resolved[prev.config], resolved[d.config]);
      if (!fields.empty()) {
        flags["config_changes"].push_back({{"date", d.date}, {"fields", fields}});
        out.push_back("config_change");
      }
    }
  }
  if (!d.published) {
    out.push_back("unpublished");
    flags["unpublished"] = flags["unpublished"].get<int>() + 1;
  }
  return out;
}

/// Frozen periods: runs of at least kFrozenMinDays days whose inputs repeat one day's.
json frozen_periods(const std::vector<const Day*>& days) {
  json out = json::array();
  std::size_t start = 0;
  for (std::size_t i = 1; i <= days.size(); ++i) {
    if (i < days.size() && same_inputs(days[i - 1]->inputs, days[i]->inputs)) continue;
    const std::size_t repeats = i - start - 1;
    if (repeats + 1 >= kFrozenMinDays) {
      out.push_back({{"measured", days[start]->date},
                     {"from", days[start + 1]->date},
                     {"to", days[i - 1]->date},
                     {"days", repeats}});
    }
    start = i;
  }
  return out;
}

/// Daily means and SDs of the three metrics, the day numbers and the month groups.
struct Columns {
  std::vector<double> x;
  std::array<std::vector<double>, 3> mean, sd;
  std::vector<std::string> group, month, method;
};

json monthly_of(const std::vector<const Day*>& days, const Columns& c) {
  json monthly = json::array();
  for (std::size_t i = 0; i < days.size();) {
    std::size_t j = i;
    while (j < days.size() && c.group[j] == c.group[i]) ++j;
    json m = {{"month", c.month[i]},
              {"from", days[i]->date},
              {"to", days[j - 1]->date},
              {"days", j - i},
              {"method", c.method[i]}};
    for (std::size_t k = 0; k < 3; ++k) {
      const auto b = static_cast<std::ptrdiff_t>(i);
      const auto e = static_cast<std::ptrdiff_t>(j);
      m[kMetrics[k]] = monthly_json(trend::summarize({c.mean[k].begin() + b, c.mean[k].begin() + e},
                                                     {c.sd[k].begin() + b, c.sd[k].begin() + e}));
    }
    monthly.push_back(std::move(m));
    i = j;
  }
  return monthly;
}

json change_of(const Columns& c) {
  if (c.x.size() < 2 || c.x.size() > kMaxSlopeDays) return nullptr;
  json change = json::object();
  const double span = c.x.back() - c.x.front();
  for (std::size_t k = 0; k < 3; ++k) {
    const auto t = trend::theil_sen(c.x, c.mean[k]);
    change[kMetrics[k]] = {{"slope_per_day", t->slope},
                           {"low", t->low},
                           {"high", t->high},
                           {"intercept_at_from", t->intercept + t->slope * c.x.front()},
                           {"over_period", t->slope * span},
                           {"over_period_low", t->low * span},
                           {"over_period_high", t->high * span}};
  }
  change["days_spanned"] = span;
  change["n"] = c.x.size();
  change["confidence"] = 0.95;
  return change;
}

/// One (model, prompt) series: its rows appended to `rows`, its summary returned.
json series_of(const ModelFile& f, const Series& se, const Selection& sel, DayEstimator& est,
               json& rows, json& notes) {
  std::vector<const Day*> days;
  for (const auto& d : se.days) {
    if (d.day >= sel.from && d.day <= sel.to) days.push_back(&d);
  }
  json flags = {{"repeated", 0},
                {"frozen", frozen_periods(days)},
                {"gaps", json::array()},
                {"method_changes", json::array()},
                {"config_changes", json::array()},
                {"unpublished", 0}};
  Columns c;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Day& d = *days[i];
    const auto [method, e] = est(d);
    json row = {{"date", d.date}, {"model", f.model}, {"prompt", se.prompt}, {"method", method}};
    const footprint::Summary* sums[] = {&e->energy_wh, &e->water_ml, &e->carbon_g};
    for (std::size_t k = 0; k < 3; ++k) {
      row[kMetrics[k]] = trend_summary_json(*sums[k]);
      c.mean[k].push_back(sums[k]->mean);
      c.sd[k].push_back(sums[k]->sd);
    }
    json published = nullptr;
    if (d.published) {
      published = json::object();
      for (std::size_t k = 0; k < 6; ++k) published[kPublished[k]] = (*d.published)[k];
    }
    row["published"] = std::move(published);
    row["flags"] = day_flags(days, i, est.resolved, flags);
    c.x.push_back(static_cast<double>(d.day));
    c.month.push_back(d.date.substr(0, 7));
    c.method.push_back(method);
    c.group.push_back(c.month.back() + "|" + method + "|" +
                      assumptions_key(est.resolved[d.config].assumptions));
    rows.push_back(std::move(row));
  }
  if (days.empty())
    notes.push_back("\"" + f.model + "\" has no " + se.prompt + " day in the period");
  if (days.size() == 1) {
    notes.push_back("\"" + f.model + "\" has a single " + se.prompt +
                    " day in the period: no change over time and no day-to-day SD");
  }
  if (days.size() > kMaxSlopeDays) {
    notes.push_back("\"" + f.model + "\" " + se.prompt + ": more than " +
                    std::to_string(kMaxSlopeDays) + " days, no change over time computed");
  }
  return {{"model", f.model},
          {"company", f.company},
          {"prompt", se.prompt},
          {"input_tokens", opt(se.input_tokens)},
          {"output_tokens", se.output_tokens},
          {"from", days.empty() ? json(nullptr) : json(days.front()->date)},
          {"to", days.empty() ? json(nullptr) : json(days.back()->date)},
          {"days", days.size()},
          {"monthly", monthly_of(days, c)},
          {"change", change_of(c)},
          {"flags", std::move(flags)}};
}

}  // namespace

json trend(const Obj& request) {
  request.only({"op", "dataset", "select", "from", "to", "method", "overrides", "hardware", "hosts",
                "regions"});
  const std::vector<ModelFile> files = trend_op::read_dataset(request);
  const Selection sel = trend_op::read_selection(request, files);
  const trend_op::Settings s = trend_op::read_method(request.object_opt("method"));
  footprint::Overrides ov;
  if (auto o = request.object_opt("overrides")) ov = footprint::read_overrides(*o);
  const footprint::References refs = reference::read_sets(request);
  json rows = json::array();
  json series = json::array();
  json notes = json::array();
  for (const auto& f : files) {
    if (!sel.model(f.model)) continue;
    std::vector<footprint::Resolved> resolved;
    resolved.reserve(f.configs.size());
    for (const auto& c : f.configs) {
      resolved.push_back(footprint::resolve(c, ov, refs, request.at("overrides")));
    }
    DayEstimator est{s, ov, resolved, {}};
    for (const auto& se : f.series) {
      if (sel.prompt(se.prompt)) series.push_back(series_of(f, se, sel, est, rows, notes));
    }
    for (const auto& want : sel.prompts.value_or(std::set<std::string>{})) {
      const bool has = std::any_of(f.series.begin(), f.series.end(),
                                   [&want](const Series& x) { return x.prompt == want; });
      if (!has) notes.push_back("\"" + f.model + "\" has no \"" + want + "\" prompt");
    }
  }
  return {{"method",
           {{"estimator", s.estimator},
            {"w_max", s.w_max},
            {"rho", s.rho},
            {"sampling", "quadrature"}}},
          {"rows", std::move(rows)},
          {"series", std::move(series)},
          {"notes", std::move(notes)}};
}

}  // namespace llmfp::ops
