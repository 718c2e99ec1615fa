// Reading the "trend" request (trend.cpp): the authors' daily model files (dataset
// "daily", docs/trends.md) into plain structs, and the selection and method.
#include <algorithm>
#include <functional>

#include "llmfp/dataset.hpp"
#include "llmfp/trend.hpp"
#include "trend_internal.hpp"

namespace llmfp::ops::trend_op {
namespace {

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
           R"(method must be "grid" or "v6", got ")" + d.method + "\"");
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

std::set<std::string> read_names(const Arr& a, const char* what,
                                 const std::function<bool(const std::string&)>& known,
                                 const std::string& example) {
  std::set<std::string> out;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const std::string name = a.string(k);
    if (!known(name)) {
      std::string message = what;
      message += " \"" + name + "\" is not in the dataset (e.g. \"";
      message += example + "\")";
      fail(code::kUnknownValue, pointer_child(a.path(), k), message);
    }
    out.insert(name);
  }
  if (out.empty()) fail(code::kInvalidValue, a.path(), "the list must not be empty");
  return out;
}

}  // namespace

Settings read_method(const std::optional<Obj>& m) {
  Settings s;
  if (!m) return s;
  m->only({"estimator", "w_max", "rho"});
  s.estimator = m->choice_or("estimator", "as_published", {"as_published", "v6", "v4"});
  s.w_max = m->number_or("w_max", s.w_max, Range::unit());
  s.rho = m->number_or("rho", s.rho, Range::closed(-0.999, 0.999));
  return s;
}

std::vector<ModelFile> read_dataset(const Obj& request) {
  std::vector<ModelFile> files;
  if (request.has("dataset") && request.raw().at("dataset").is_array()) {
    const Arr list = request.array("dataset");
    if (list.size() == 0) {
      fail(code::kInvalidValue, list.path(), "dataset must list at least one model's file");
    }
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
  return files;
}

Selection read_selection(const Obj& request, const std::vector<ModelFile>& files) {
  Selection sel;
  if (auto o = request.object_opt("select")) {
    o->only({"models", "prompts"});
    if (auto a = o->array_opt("models")) {
      sel.models = read_names(
          *a, "model",
          [&](const std::string& n) {
            return std::any_of(files.begin(), files.end(),
                               [&](const ModelFile& f) { return f.model == n; });
          },
          files.front().model);
    }
    if (auto a = o->array_opt("prompts")) {
      sel.prompts = read_names(
          *a, "prompt size",
          [&](const std::string& n) {
            return std::any_of(files.begin(), files.end(), [&](const ModelFile& f) {
              return std::any_of(f.series.begin(), f.series.end(),
                                 [&](const Series& x) { return x.prompt == n; });
            });
          },
          files.front().series.empty() ? "long" : files.front().series.front().prompt);
    }
  }
  for (const char* key : {"from", "to"}) {
    if (!request.has(key)) continue;
    const std::string text = request.string(key);
    const auto day = trend::parse_date(text);
    if (!day) {
      fail(code::kInvalidValue, request.at(key), "\"" + text + "\" is not a date (YYYY-MM-DD)");
    }
    (key[0] == 'f' ? sel.from : sel.to) = *day;
  }
  if (sel.from > sel.to) fail(code::kInvalidValue, request.at("to"), "to must not be before from");
  std::size_t count = 0;
  for (const auto& f : files) {
    if (!sel.model(f.model)) continue;
    for (const auto& se : f.series) {
      if (!sel.prompt(se.prompt)) continue;
      for (const auto& d : se.days) count += d.day >= sel.from && d.day <= sel.to ? 1 : 0;
    }
  }
  if (count > kMaxRows) {
    fail(code::kTooLarge, request.at("dataset"),
         std::to_string(count) + " days is more than the limit of " + std::to_string(kMaxRows) +
             " per request; select fewer models or a shorter period");
  }
  return sel;
}

/// The estimate of one day (cached: days that repeat their inputs are computed once).
}  // namespace llmfp::ops::trend_op
