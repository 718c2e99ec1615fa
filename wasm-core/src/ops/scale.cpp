// op "scale": a day of N queries and a year of traffic from per-query values, with a
// prompt-size mix, low/high bounds and the paper's equivalences (scaling.hpp).
//
// Request (docs/scale.md); the per-query values come from exactly one of
//   "per_query": {"<prompt>": {"energy_wh": {"mean", "sd", "low", "high"},
//                               "water_ml": {...}, "carbon_g": {...}}, ...}
//   "estimate":  an estimate request (one model) whose rows (estimate_rows) give the values
//   "preset":    "gpt-4o-2025" (the paper's case study, from "constants" + "hosts")
// plus "mix": {"<prompt>": share}, "day": {"queries"}, "year": {"queries"} or
// {"queries_per_day", "days"}, "totals": {"energy_mwh", "water_kl", "carbon_t"},
// "constants": {constants dataset} (equivalences), "hosts": {hosts dataset} (preset).
#include <cmath>
#include <map>

#include "../footprint/reference_json.hpp"
#include "estimate_request.hpp"
#include "llmfp/ops.hpp"
#include "llmfp/scaling.hpp"

namespace llmfp::ops {
namespace {

using scaling::Amount;
using scaling::Dimension;

// Per-query amounts of one prompt size; a quantity may be missing (no water given).
struct Values {
  std::optional<Amount> energy_wh, water_ml, carbon_g;
};

Amount read_amount(const Obj& o) {
  o.only({"mean", "sd", "low", "high"});
  const Range nn = Range::closed(0, 1e15);
  Amount a;
  a.mean = o.number("mean", nn);
  a.sd = o.number_or("sd", 0, nn);
  a.low = o.number_or("low", a.mean, nn);
  a.high = o.number_or("high", a.mean, nn);
  if (a.low > a.high) fail(code::kInvalidValue, o.at("low"), "low must be <= high");
  return a;
}

std::map<std::string, Values> read_per_query(const Obj& pq) {
  std::map<std::string, Values> out;
  for (auto it = pq.raw().begin(); it != pq.raw().end(); ++it) {
    Obj p = pq.object(it.key());
    p.only({"energy_wh", "water_ml", "carbon_g"});
    Values v;
    v.energy_wh = read_amount(p.object("energy_wh"));
    if (auto w = p.object_opt("water_ml")) v.water_ml = read_amount(*w);
    if (auto c = p.object_opt("carbon_g")) v.carbon_g = read_amount(*c);
    out[it.key()] = v;
  }
  if (out.empty()) fail(code::kInvalidValue, pq.path(), "per_query must give at least one prompt");
  return out;
}

Amount from_summary(const footprint::Summary& s) { return {s.mean, s.sd, s.low, s.high}; }

// The rows of a nested estimate request (one model): typed, through estimate_rows.
std::map<std::string, Values> from_estimate(const Obj& request) {
  const Obj est = request.object("estimate");
  only_estimate_fields(est);
  const EstimateInput in = read_estimate(est);
  const footprint::Estimate result = footprint::estimate_rows(in.dataset, in.query);
  std::map<std::string, Values> out;
  std::string model;
  for (const auto& row : result.rows) {
    const std::string& name = row.model->model;
    if (!model.empty() && name != model) {
      fail(code::kInvalidValue, pointer_child(est.at("select"), "models"),
           "scale needs the rows of exactly one model; select one with select.models");
    }
    model = name;
    out[row.prompt] = {from_summary(row.energy_wh), from_summary(row.water_ml),
                       from_summary(row.carbon_g)};
  }
  return out;
}

// The paper's case study: v4 per-query energy, low/high by the Large-class power ratios,
// water and carbon by the v4 host multipliers.
using Constants = std::optional<reference::Constants>;

const reference::CaseStudy& case_study(const Constants& c) {
  if (!c->case_study) {
    fail(code::kMissingField, pointer_child(c->path, "case_study"), "case_study is required");
  }
  return *c->case_study;
}

std::map<std::string, Values> from_preset(const Obj& request, const Constants& constants,
                                          json& notes, json& published) {
  request.choice("preset", {"gpt-4o-2025"});
  if (!constants) {
    fail(code::kMissingField, request.at("constants"),
         "preset needs the constants dataset in \"constants\"");
  }
  if (!request.has("hosts")) {
    fail(code::kMissingField, request.at("hosts"), "preset needs the hosts dataset in \"hosts\"");
  }
  const reference::CaseStudy& cs = case_study(constants);
  const reference::Hosts hosts = reference::read_hosts(request.object("hosts"));
  const reference::HostPreset* p = reference::find_preset(hosts, cs.host_preset);
  const reference::HostValues* h = p ? reference::find_host(*p, cs.host) : nullptr;
  if (!h) {
    fail(code::kInvalidValue, request.at("hosts"),
         "the hosts dataset has no preset \"" + cs.host_preset + "\" host \"" + cs.host + "\"");
  }
  const double water_per_wh = footprint::water_ml_per_wh(h->mult);
  const double carbon_per_wh = h->mult.cif_kg_per_kwh;
  std::map<std::string, Values> out;
  for (const auto& [prompt, mean] : cs.energy_wh_per_query_v4) {
    const Amount e{mean, 0, mean * cs.power_ratio_min_over_mean,
                   mean * cs.power_ratio_max_over_mean};
    out[prompt] = {e, scaling::scaled(e, water_per_wh), scaling::scaled(e, carbon_per_wh)};
  }
  for (const auto& n : cs.notes) notes.push_back(n);
  // The paper's own annual figures, shown beside ours when the constants carry them.
  for (const auto& [k, range] : cs.published) {
    published[k] = {{"low", range.first}, {"high", range.second}};
  }
  return out;
}

// Shares by prompt size: the request's "mix", else the case study's (preset), else the one
// prompt size given.
std::map<std::string, double> read_mix(const Obj& request, const Constants& constants,
                                       const std::map<std::string, Values>& values) {
  std::map<std::string, double> shares;
  std::string path;
  reference::Shares mix;
  if (auto m = request.object_opt("mix")) {
    path = m->path();
    for (auto it = m->raw().begin(); it != m->raw().end(); ++it) {
      if (!values.count(it.key())) {
        fail(code::kUnknownValue, m->at(it.key()),
             "no per-query values for prompt \"" + it.key() + "\"");
      }
      mix.emplace_back(it.key(), m->number(it.key(), Range::unit()));
    }
  } else if (request.has("preset")) {
    const reference::CaseStudy& cs = case_study(constants);
    path = pointer_child(cs.path, "prompt_mix");
    if (!cs.prompt_mix) fail(code::kMissingField, path, "prompt_mix is required");
    mix = *cs.prompt_mix;
    for (const auto& [prompt, share] : mix) {
      if (!values.count(prompt)) {
        fail(code::kUnknownValue, pointer_child(path, prompt),
             "no per-query values for prompt \"" + prompt + "\"");
      }
    }
  } else {
    if (values.size() != 1) {
      fail(code::kMissingField, request.at("mix"),
           "mix is required when there are several prompt sizes (e.g. {\"short\": 0.8, \"medium\": "
           "0.2})");
    }
    shares[values.begin()->first] = 1.0;
    return shares;
  }
  double total = 0;
  for (const auto& [prompt, share] : mix) total += shares[prompt] = share;
  if (std::fabs(total - 1.0) > 1e-9) {
    fail(code::kInvalidValue, path, "mix shares must add up to 1, got " + std::to_string(total));
  }
  return shares;
}

Values mixed(const std::map<std::string, Values>& values,
             const std::map<std::string, double>& shares) {
  Values out;
  auto one = [&](std::optional<Amount> Values::*field) -> std::optional<Amount> {
    std::vector<std::pair<double, Amount>> parts;
    for (const auto& [prompt, share] : shares) {
      const auto& v = values.at(prompt).*field;
      if (!v) return std::nullopt;
      parts.emplace_back(share, *v);
    }
    return scaling::mix(parts);
  };
  out.energy_wh = one(&Values::energy_wh);
  out.water_ml = one(&Values::water_ml);
  out.carbon_g = one(&Values::carbon_g);
  return out;
}

json amount_json(const Amount& a) {
  return {{"mean", a.mean}, {"sd", a.sd}, {"low", a.low}, {"high", a.high}};
}

// Equivalences of totals given in base units (Wh, mL, g).
json equivalences(const Constants& constants, const Values& totals, bool year) {
  json out = json::array();
  if (!constants) return out;
  std::optional<double> forest_t_per_acre;
  for (const auto& c : constants->equivalences) {
    if (c.unit.find("/acre/year") != std::string::npos) forest_t_per_acre = c.value;
  }
  for (const auto& c : constants->equivalences) {
    if (!year && scaling::per_year(c.unit)) continue;
    const Dimension dim = c.applies_to == "energy"  ? Dimension::kEnergy
                          : c.applies_to == "water" ? Dimension::kWater
                                                    : Dimension::kCarbon;
    const auto& total = dim == Dimension::kEnergy  ? totals.energy_wh
                        : dim == Dimension::kWater ? totals.water_ml
                                                   : totals.carbon_g;
    if (!total) continue;
    double size = 0;  // the constant in base units
    if (auto base = scaling::unit_in_base(c.unit, dim)) {
      size = *base * c.value;
    } else if (c.unit == "acre" && dim == Dimension::kCarbon && forest_t_per_acre && year) {
      size = c.value * *forest_t_per_acre * 1e6;  // an area of forest absorbs this much a year
    } else {
      continue;
    }
    const Amount n = scaling::scaled(*total, 1.0 / size);
    out.push_back({{"id", c.id},
                   {"label", c.label},
                   {"applies_to", c.applies_to},
                   {"value", c.value},
                   {"unit", c.unit},
                   {"source", c.source},
                   {"count", {{"mean", n.mean}, {"low", n.low}, {"high", n.high}}}});
  }
  return out;
}

json scaled_json(const Values& v, double n, const char* e_key, const char* w_key, const char* c_key,
                 double unit) {
  json j;
  if (v.energy_wh) j[e_key] = amount_json(scaling::scaled(scaling::times(*v.energy_wh, n), unit));
  if (v.water_ml) j[w_key] = amount_json(scaling::scaled(scaling::times(*v.water_ml, n), unit));
  if (v.carbon_g) j[c_key] = amount_json(scaling::scaled(scaling::times(*v.carbon_g, n), unit));
  return j;
}

Values times_values(const Values& v, double n) {
  Values out;
  if (v.energy_wh) out.energy_wh = scaling::times(*v.energy_wh, n);
  if (v.water_ml) out.water_ml = scaling::times(*v.water_ml, n);
  if (v.carbon_g) out.carbon_g = scaling::times(*v.carbon_g, n);
  return out;
}

// Queries in a year: "year" ({"queries"} or {"queries_per_day", "days"}), else the case
// study's (preset), else none.
std::optional<double> read_year(const Obj& request, const Constants& constants) {
  if (auto year = request.object_opt("year")) {
    year->only({"queries", "queries_per_day", "days"});
    return year->has("queries") ? year->number("queries", Range{0, 1e16, true})
                                : year->number("queries_per_day", Range{0, 1e14, true}) *
                                      year->number_or("days", 365, Range{0, 366, true});
  }
  if (!request.has("preset")) return std::nullopt;
  const reference::CaseStudy& cs = case_study(constants);
  if (!cs.queries_2025) {
    fail(code::kMissingField, pointer_child(cs.path, "queries_2025"), "queries_2025 is required");
  }
  return cs.queries_2025;
}

}  // namespace

json scale(const Obj& request) {
  request.only({"op", "per_query", "estimate", "preset", "mix", "day", "year", "totals",
                "constants", "hosts"});
  const int sources = request.has("per_query") + request.has("estimate") + request.has("preset");
  if (sources > 1) {
    fail(code::kInvalidValue, request.path(), "give only one of per_query, estimate and preset");
  }
  if (sources == 0 && !request.has("totals")) {
    fail(code::kMissingField, request.at("per_query"),
         "per_query, estimate or preset is required (or totals, for equivalences only)");
  }
  Constants constants;
  if (auto c = request.object_opt("constants")) constants = reference::read_constants(*c);
  json notes = json::array(), published = json::object(), result = json::object();
  if (sources == 1) {
    std::map<std::string, Values> values =
        request.has("per_query")  ? read_per_query(request.object("per_query"))
        : request.has("estimate") ? from_estimate(request)
                                  : from_preset(request, constants, notes, published);
    const auto shares = read_mix(request, constants, values);
    json per = json::array();
    for (const auto& [prompt, v] : values) {
      json p = scaled_json(v, 1, "energy_wh", "water_ml", "carbon_g", 1);
      p["prompt"] = prompt;
      p["share"] = shares.count(prompt) ? shares.at(prompt) : 0.0;
      per.push_back(std::move(p));
    }
    const Values one = mixed(values, shares);
    result["per_query"] = std::move(per);
    result["mixed"] = scaled_json(one, 1, "energy_wh", "water_ml", "carbon_g", 1);
    std::optional<double> day_n, year_n;
    if (auto day = request.object_opt("day")) {
      day->only({"queries"});
      day_n = day->number("queries", Range{0, 1e15, true});
    }
    year_n = read_year(request, constants);
    if (day_n) {
      json d = scaled_json(one, *day_n, "energy_wh", "water_ml", "carbon_g", 1);
      d["queries"] = *day_n;
      d["equivalences"] = equivalences(constants, times_values(one, *day_n), false);
      result["day"] = std::move(d);
    }
    if (year_n) {
      json y = scaled_json(one, *year_n, "energy_mwh", "water_kl", "carbon_t", 1e-6);
      y["queries"] = *year_n;
      y["equivalences"] = equivalences(constants, times_values(one, *year_n), true);
      result["year"] = std::move(y);
    }
  }
  if (auto t = request.object_opt("totals")) {
    t->only({"energy_mwh", "water_kl", "carbon_t"});
    Values v;
    const Range nn = Range::closed(0, 1e15);
    if (auto e = t->number_opt("energy_mwh", nn))
      v.energy_wh = Amount{*e * 1e6, 0, *e * 1e6, *e * 1e6};
    if (auto w = t->number_opt("water_kl", nn))
      v.water_ml = Amount{*w * 1e6, 0, *w * 1e6, *w * 1e6};
    if (auto c = t->number_opt("carbon_t", nn))
      v.carbon_g = Amount{*c * 1e6, 0, *c * 1e6, *c * 1e6};
    result["totals"] = {{"equivalences", equivalences(constants, v, true)}};
  }
  if (!published.empty()) result["published"] = published;
  if (!constants) notes.push_back("no constants dataset given: no equivalences");
  result["notes"] = std::move(notes);
  return result;
}

}  // namespace llmfp::ops
