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
#include <map>
#include <set>

#include "../footprint/overrides.hpp"
#include "llmfp/dataset.hpp"
#include "llmfp/footprint.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {
namespace {

using footprint::Estimator;

/// Days estimated per request (82 models x 4 prompt sizes x 314 days is about 103,000).
constexpr std::size_t kMaxRows = 120000;
/// Theil-Sen looks at every pair of days: above this many days (8 years) it is not computed.
constexpr std::size_t kMaxSlopeDays = 3000;
/// A run of at least this many consecutive days repeating one day's inputs is "frozen".
constexpr std::size_t kFrozenMinDays = 7;
constexpr const char* kMetrics[] = {"energy_wh", "water_ml", "carbon_g"};
constexpr const char* kPublished[] = {"energy_wh_mean", "energy_wh_sd",  "water_ml_mean",
                                      "water_ml_sd",    "carbon_g_mean", "carbon_g_sd"};

struct Day {
  long long day = 0;
  std::string date, method;  // method: "grid" or "v6", as the authors ran it that day
  std::size_t config = 0;
  footprint::PromptInputs inputs;
  std::optional<std::array<double, 6>> published;
};

struct Series {
  std::string prompt;
  std::optional<double> input_tokens;
  double output_tokens = 0;
  std::vector<Day> days;
};

struct ModelFile {
  std::string model, company;
  std::vector<dataset::ModelRow> configs;  // one row per configuration (no prompts)
  std::vector<Series> series;
};

footprint::Quantiles five(const Arr& a, const char* key, Range range) {
  a.require_size(5, 5);
  footprint::Quantiles q{};
  for (std::size_t i = 0; i < 5; ++i) q[i] = dataset::read_percentile(a, i, key, range);
  return q;
}

dataset::ModelRow read_config(const Obj& c, const std::string& model) {
  dataset::ModelRow row;
  row.model = model;
  row.path = c.path();
  row.company = c.string_or("company", "");
  row.host = c.string("host");
  row.hardware = c.string("hardware");
  row.size_class = c.string("size_class");
  auto& a = row.assumptions;
  const Range nn = Range::non_negative();
  a.node.p_gpu_kw = c.number("p_gpu_kw", Range{0, 1e4, true});
  a.node.p_nongpu_kw = c.number("p_nongpu_kw", Range::closed(0, 1e4));
  a.util.u_gpu_min = c.number("u_gpu_min", Range::unit());
  a.util.u_gpu_max = c.number("u_gpu_max", Range::unit());
  if (a.util.u_gpu_max < a.util.u_gpu_min) {
    fail(code::kInvalidValue, c.at("u_gpu_max"), "u_gpu_max must be >= u_gpu_min");
  }
  a.util.u_nongpu = c.number("u_nongpu", Range::unit());
  a.mult.pue = c.number("pue", Range::closed(1, 5));
  a.mult.wue_site_l_per_kwh = c.number("wue_site_l_per_kwh", nn);
  a.mult.wue_source_l_per_kwh = c.number("wue_source_l_per_kwh", nn);
  a.mult.cif_kg_per_kwh = c.number("cif_kg_per_kwh", nn);
  return row;
}

Series read_series(const Obj& p, std::size_t configs) {
  Series s;
  s.prompt = p.string("prompt");
  s.output_tokens = p.number("output_tokens", Range{0, 1e7, true});
  s.input_tokens = p.number_opt("input_tokens", Range{0, 1e9, true});
  const Arr dates = p.array("date");
  const std::size_t n = dates.size();
  const Arr methods = p.array("method");
  const Arr config = p.array("config");
  const Arr ttft = p.array("ttft_s");
  const Arr tps = p.array("tps");
  for (const Arr* a : {&methods, &config, &ttft, &tps}) a->require_size(n, n);
  std::vector<std::optional<Arr>> published;
  for (const char* k : kPublished) {
    published.push_back(p.array_opt(k));
    if (published.back()) published.back()->require_size(n, n);
  }
  s.days.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    Day d;
    d.date = dates.string(i);
    const auto day = trend::parse_date(d.date);
    if (!day) {
      fail(code::kInvalidValue, pointer_child(dates.path(), i),
           "\"" + d.date + "\" is not a date (YYYY-MM-DD)");
    }
    d.day = *day;
    if (!s.days.empty() && d.day <= s.days.back().day) {
      fail(code::kInvalidValue, pointer_child(dates.path(), i),
           "dates must increase: " + d.date + " comes after " + s.days.back().date);
    }
    d.method = methods.string(i);
    if (d.method != "grid" && d.method != "v6") {
      fail(code::kUnknownValue, pointer_child(methods.path(), i),
           "method must be \"grid\" or \"v6\", got \"" + d.method + "\"");
    }
    const double c = config.number(i, Range::closed(0, static_cast<double>(configs) - 1));
    d.config = static_cast<std::size_t>(c);
    d.inputs.output_tokens = s.output_tokens;
    d.inputs.ttft_s =
        five(Arr(ttft.raw().at(i), pointer_child(ttft.path(), i)), "ttft_s", Range::closed(0, 1e5));
    d.inputs.tps =
        five(Arr(tps.raw().at(i), pointer_child(tps.path(), i)), "tps", Range::closed(1e-3, 1e7));
    bool all = true;
    std::array<double, 6> values{};
    for (std::size_t k = 0; k < 6; ++k) {
      if (!published[k] || published[k]->raw().at(i).is_null()) {
        all = false;
      } else {
        values[k] = published[k]->number(i, Range::non_negative());
      }
    }
    if (all) d.published = values;
    s.days.push_back(std::move(d));
  }
  return s;
}

ModelFile read_model_file(const Obj& f) {
  if (f.has("kind") && f.string("kind") != "daily") {
    fail(code::kInvalidValue, f.at("kind"),
         R"(kind must be "daily" (one model's file of the daily dataset), got ")" +
             f.string("kind") + "\"");
  }
  if (f.has("part") && f.string("part") != "model") {
    fail(code::kInvalidValue, f.at("part"),
         "this is the daily index; pass one model's file (daily/<version>/<model>.json)");
  }
  ModelFile m;
  m.model = f.string("model");
  const Arr configs = f.array("configs");
  if (configs.size() == 0) fail(code::kInvalidValue, configs.path(), "configs must not be empty");
  for (std::size_t i = 0; i < configs.size(); ++i) {
    m.configs.push_back(read_config(configs.object(i), m.model));
  }
  m.company = m.configs.back().company;
  const Arr prompts = f.array("prompts");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < prompts.size(); ++i) {
    Series s = read_series(prompts.object(i), m.configs.size());
    if (!seen.insert(s.prompt).second) {
      fail(code::kInvalidValue, pointer_child(prompts.path(), i),
           "prompt \"" + s.prompt + "\" appears twice for model \"" + m.model + "\"");
    }
    m.series.push_back(std::move(s));
  }
  return m;
}

json summary_json(const footprint::Summary& s) {
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

struct Settings {
  std::string estimator = "as_published";
  double w_max = 0.5, rho = -0.3;
};

Settings read_method(const std::optional<Obj>& m) {
  Settings s;
  if (!m) return s;
  m->only({"estimator", "w_max", "rho"});
  s.estimator = m->choice_or("estimator", "as_published", {"as_published", "v6", "v4"});
  s.w_max = m->number_or("w_max", s.w_max, Range::unit());
  s.rho = m->number_or("rho", s.rho, Range::closed(-0.999, 0.999));
  return s;
}

}  // namespace

json trend(const Obj& request) {
  request.only({"op", "dataset", "select", "from", "to", "method", "overrides", "hardware", "hosts",
                "regions"});
  // The dataset: one model's file, or a list of them.
  std::vector<ModelFile> files;
  const json& raw = request.raw().contains("dataset") ? request.raw().at("dataset") : json();
  if (raw.is_array()) {
    const Arr list = request.array("dataset");
    if (list.size() == 0)
      fail(code::kInvalidValue, list.path(), "dataset must list at least one model's file");
    for (std::size_t i = 0; i < list.size(); ++i) files.push_back(read_model_file(list.object(i)));
  } else {
    files.push_back(read_model_file(request.object("dataset")));
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!names.insert(files[i].model).second) {
      fail(code::kInvalidValue, pointer_child(request.at("dataset"), i),
           "model \"" + files[i].model + "\" is given twice");
    }
  }
  // Selection.
  std::optional<std::set<std::string>> models, prompts;
  if (auto sel = request.object_opt("select")) {
    sel->only({"models", "prompts"});
    if (auto a = sel->array_opt("models")) {
      models.emplace();
      for (std::size_t k = 0; k < a->size(); ++k) {
        const std::string name = a->string(k);
        if (!names.count(name)) {
          fail(code::kUnknownValue, pointer_child(a->path(), k),
               "model \"" + name + "\" is not in the dataset (e.g. \"" + files.front().model +
                   "\")");
        }
        models->insert(name);
      }
      if (models->empty()) fail(code::kInvalidValue, a->path(), "select.models must not be empty");
    }
    if (auto a = sel->array_opt("prompts")) {
      prompts.emplace();
      for (std::size_t k = 0; k < a->size(); ++k) {
        const std::string name = a->string(k);
        const bool found = std::any_of(files.begin(), files.end(), [&](const ModelFile& f) {
          return std::any_of(f.series.begin(), f.series.end(),
                             [&](const Series& s) { return s.prompt == name; });
        });
        if (!found) {
          fail(code::kUnknownValue, pointer_child(a->path(), k),
               "no model of the dataset has a prompt \"" + name + "\"");
        }
        prompts->insert(name);
      }
      if (prompts->empty())
        fail(code::kInvalidValue, a->path(), "select.prompts must not be empty");
    }
  }
  long long from = -1000000000;
  long long to = 1000000000;
  for (const char* key : {"from", "to"}) {
    if (!request.has(key)) continue;
    const std::string text = request.string(key);
    const auto day = trend::parse_date(text);
    if (!day)
      fail(code::kInvalidValue, request.at(key), "\"" + text + "\" is not a date (YYYY-MM-DD)");
    (key[0] == 'f' ? from : to) = *day;
  }
  if (from > to) fail(code::kInvalidValue, request.at("to"), "to must not be before from");
  const Settings s = read_method(request.object_opt("method"));
  footprint::Overrides ov;
  if (auto o = request.object_opt("overrides")) ov = footprint::read_overrides(*o);
  footprint::References refs{request.object_opt("hardware"), request.object_opt("hosts"),
                             request.object_opt("regions"), request.path()};

  std::size_t count = 0;
  for (const auto& f : files) {
    if (models && !models->count(f.model)) continue;
    for (const auto& se : f.series) {
      if (prompts && !prompts->count(se.prompt)) continue;
      for (const auto& d : se.days) count += d.day >= from && d.day <= to ? 1 : 0;
    }
  }
  if (count > kMaxRows) {
    fail(code::kTooLarge, request.at("dataset"),
         std::to_string(count) + " days is more than the limit of " + std::to_string(kMaxRows) +
             " per request; select fewer models or a shorter period");
  }

  json rows = json::array();
  json series_out = json::array();
  json notes = json::array();
  for (const auto& f : files) {
    if (models && !models->count(f.model)) continue;
    std::vector<footprint::Resolved> resolved;
    for (const auto& c : f.configs)
      resolved.push_back(footprint::resolve(c, ov, refs, request.at("overrides")));
    std::map<std::string, footprint::Result> cache;
    for (const auto& se : f.series) {
      if (prompts && !prompts->count(se.prompt)) continue;
      std::vector<const Day*> days;
      for (const auto& d : se.days) {
        if (d.day >= from && d.day <= to) days.push_back(&d);
      }
      json flags = {{"repeated", 0},
                    {"frozen", json::array()},
                    {"gaps", json::array()},
                    {"method_changes", json::array()},
                    {"config_changes", json::array()},
                    {"unpublished", 0}};
      // Per metric: x (day numbers), daily mean and SD, and the month key of each day.
      std::vector<double> x;
      std::array<std::vector<double>, 3> mean, sd;
      std::vector<std::string> month_key;
      std::vector<std::string> month_of;
      std::size_t run_start = 0;               // index into days of the day a repeat run repeats
      auto close_run = [&](std::size_t end) {  // days (run_start, end) repeat days[run_start]
        const std::size_t repeats = end - run_start - 1;
        if (repeats + 1 >= kFrozenMinDays) {
          flags["frozen"].push_back({{"measured", days[run_start]->date},
                                     {"from", days[run_start + 1]->date},
                                     {"to", days[end - 1]->date},
                                     {"days", repeats}});
        }
      };
      json series_rows = json::array();
      for (std::size_t i = 0; i < days.size(); ++i) {
        const Day& d = *days[i];
        std::string method;
        Estimator est = Estimator::kV6;
        if (s.estimator == "as_published") {
          method = d.method;
          est = d.method == "grid" ? Estimator::kV4 : Estimator::kV6;
        } else {
          method = s.estimator;
          est = s.estimator == "v4" ? Estimator::kV4 : Estimator::kV6;
        }
        footprint::Settings fs;
        fs.estimator = est;
        fs.w_max = s.w_max;
        fs.rho = s.rho;
        const footprint::PromptInputs in = footprint::resolve_prompt(d.inputs, ov);
        const std::string key = cache_key(d.config, method, in);
        auto hit = cache.find(key);
        if (hit == cache.end()) {
          hit =
              cache.emplace(key, footprint::estimate(in, resolved[d.config].assumptions, fs)).first;
        }
        const footprint::Result& e = hit->second;
        json row_flags = json::array();
        if (i > 0) {
          const Day& prev = *days[i - 1];
          if (same_inputs(prev.inputs, d.inputs)) {
            row_flags.push_back("repeated");
            flags["repeated"] = flags["repeated"].get<int>() + 1;
          } else {
            close_run(i);
            run_start = i;
          }
          if (d.day - prev.day > 1) {
            flags["gaps"].push_back(
                {{"after", prev.date}, {"before", d.date}, {"missing_days", d.day - prev.day - 1}});
            row_flags.push_back("after_gap");
          }
          if (prev.method != d.method) {
            flags["method_changes"].push_back(
                {{"date", d.date}, {"from", prev.method}, {"to", d.method}});
            row_flags.push_back("method_change");
          }
          if (prev.config != d.config) {
            json fields = changed_fields(resolved[prev.config], resolved[d.config]);
            if (!fields.empty()) {
              flags["config_changes"].push_back({{"date", d.date}, {"fields", fields}});
              row_flags.push_back("config_change");
            }
          }
        }
        if (!d.published) {
          row_flags.push_back("unpublished");
          flags["unpublished"] = flags["unpublished"].get<int>() + 1;
        }
        json published = nullptr;
        if (d.published) {
          published = json::object();
          for (std::size_t k = 0; k < 6; ++k) published[kPublished[k]] = (*d.published)[k];
        }
        const footprint::Summary* sums[] = {&e.energy_wh, &e.water_ml, &e.carbon_g};
        json row = {
            {"date", d.date}, {"model", f.model}, {"prompt", se.prompt}, {"method", method}};
        for (std::size_t k = 0; k < 3; ++k) {
          row[kMetrics[k]] = summary_json(*sums[k]);
          mean[k].push_back(sums[k]->mean);
          sd[k].push_back(sums[k]->sd);
        }
        row["published"] = std::move(published);
        row["flags"] = std::move(row_flags);
        x.push_back(static_cast<double>(d.day));
        const auto& a = resolved[d.config].assumptions;
        month_of.push_back(d.date.substr(0, 7));
        month_key.push_back(d.date.substr(0, 7) + "|" + method + "|" + assumptions_key(a));
        series_rows.push_back(std::move(row));
      }
      if (!days.empty()) close_run(days.size());
      // Monthly summaries: consecutive days of one month and one configuration.
      json monthly = json::array();
      for (std::size_t i = 0; i < days.size();) {
        std::size_t j = i;
        while (j < days.size() && month_key[j] == month_key[i]) ++j;
        json m = {{"month", month_of[i]},
                  {"from", days[i]->date},
                  {"to", days[j - 1]->date},
                  {"days", j - i},
                  {"method", series_rows[i]["method"]}};
        for (std::size_t k = 0; k < 3; ++k) {
          const std::vector<double> mm(mean[k].begin() + static_cast<std::ptrdiff_t>(i),
                                       mean[k].begin() + static_cast<std::ptrdiff_t>(j));
          const std::vector<double> ss(sd[k].begin() + static_cast<std::ptrdiff_t>(i),
                                       sd[k].begin() + static_cast<std::ptrdiff_t>(j));
          m[kMetrics[k]] = monthly_json(trend::summarize(mm, ss));
        }
        monthly.push_back(std::move(m));
        i = j;
      }
      json change = nullptr;
      if (days.size() > kMaxSlopeDays) {
        notes.push_back("\"" + f.model + "\" " + se.prompt + ": more than " +
                        std::to_string(kMaxSlopeDays) + " days, no change over time computed");
      } else if (days.size() >= 2) {
        change = json::object();
        const double span = x.back() - x.front();
        for (std::size_t k = 0; k < 3; ++k) {
          const auto t = trend::theil_sen(x, mean[k]);
          change[kMetrics[k]] = {{"slope_per_day", t->slope},
                                 {"low", t->low},
                                 {"high", t->high},
                                 {"intercept_at_from", t->intercept + t->slope * x.front()},
                                 {"over_period", t->slope * span},
                                 {"over_period_low", t->low * span},
                                 {"over_period_high", t->high * span}};
        }
        change["days_spanned"] = span;
        change["n"] = days.size();
        change["confidence"] = 0.95;
      }
      json info = {{"model", f.model},
                   {"company", f.company},
                   {"prompt", se.prompt},
                   {"input_tokens", opt(se.input_tokens)},
                   {"output_tokens", se.output_tokens},
                   {"from", days.empty() ? json(nullptr) : json(days.front()->date)},
                   {"to", days.empty() ? json(nullptr) : json(days.back()->date)},
                   {"days", days.size()},
                   {"monthly", std::move(monthly)},
                   {"change", std::move(change)},
                   {"flags", std::move(flags)}};
      if (days.empty())
        notes.push_back("\"" + f.model + "\" has no " + se.prompt + " day in the period");
      if (days.size() == 1)
        notes.push_back("\"" + f.model + "\" has a single " + se.prompt +
                        " day in the period: no change over time and no day-to-day SD");
      for (auto& r : series_rows) rows.push_back(std::move(r));
      series_out.push_back(std::move(info));
    }
    if (prompts) {
      for (const auto& want : *prompts) {
        const bool has = std::any_of(f.series.begin(), f.series.end(),
                                     [&want](const Series& x) { return x.prompt == want; });
        if (!has) notes.push_back("\"" + f.model + "\" has no \"" + want + "\" prompt");
      }
    }
  }
  json method = {
      {"estimator", s.estimator}, {"w_max", s.w_max}, {"rho", s.rho}, {"sampling", "quadrature"}};
  return {{"method", std::move(method)},
          {"rows", std::move(rows)},
          {"series", std::move(series_out)},
          {"notes", std::move(notes)}};
}

}  // namespace llmfp::ops
