// JSON form of the group tests' results (stats_json.hpp). Field names carry no units
// because the statistics are unit-free or in the unit of the data (diff, mean, sd).
#include "llmfp/stats_json.hpp"

#include <utility>

namespace llmfp::stats {

namespace {
json or_null(bool has, double v) { return has ? json(v) : json(nullptr); }
}  // namespace

Factor read_factor(const Arr& labels) {
  std::vector<std::string> text;
  text.reserve(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const json& v = labels.raw()[i];
    if (v.is_number_integer()) {
      text.push_back(v.dump());
    } else {
      text.push_back(labels.string(i));
    }
  }
  return make_factor(text);
}

json to_json(const GroupSummary& g) {
  return {{"name", g.name},     {"n", g.n},     {"mean", g.mean}, {"sd", g.sd},
          {"median", g.median}, {"min", g.min}, {"max", g.max}};
}

json to_json(const AnovaResult& r, const std::string& a_name, const std::string& b_name) {
  json table = json::array();
  for (const auto& row : r.rows) {
    std::string term = row.term;
    if (term == "a") term = a_name;
    if (term == "b") term = b_name;
    if (term == "a:b") {
      term = a_name;
      term += ':';
      term += b_name;
    }
    const bool effect = row.term != "Residual";
    table.push_back({{"term", term},
                     {"df", row.df},
                     {"ss", row.ss},
                     {"ms", row.ms},
                     {"f", or_null(row.has_f, row.f)},
                     {"p", or_null(row.has_f, row.p)},
                     {"eta_sq", row.eta_sq},
                     {"partial_eta_sq", or_null(effect, row.partial_eta_sq)},
                     {"omega_sq", or_null(effect, row.omega_sq)}});
  }
  json groups = json::array();
  for (const auto& g : r.groups) groups.push_back(to_json(g));
  return {{"n", r.n}, {"ss_total", r.ss_total}, {"table", table}, {"groups", groups}};
}

json to_json(const TukeyPair& p) {
  return {{"diff", p.diff},   {"se", p.se},       {"q", p.q},           {"p_adj", p.p_adj},
          {"lower", p.lower}, {"upper", p.upper}, {"reject", p.reject}, {"hedges_g", p.hedges_g}};
}

json to_json(const TukeyResult& r) {
  json groups = json::array();
  for (const auto& g : r.groups) groups.push_back(to_json(g));
  json pairs = json::array();
  for (const auto& p : r.pairs) {
    json pair = to_json(p);
    pair["group1"] = r.groups[p.group1].name;
    pair["group2"] = r.groups[p.group2].name;
    pairs.push_back(std::move(pair));
  }
  return {{"alpha", r.alpha},   {"mse", r.mse},     {"df_error", r.df_error},
          {"q_crit", r.q_crit}, {"groups", groups}, {"pairs", pairs}};
}

json to_json(const WelchResult& r) {
  return {{"x", to_json(r.x)},
          {"y", to_json(r.y)},
          {"diff", r.diff},
          {"se", r.se},
          {"t", r.t},
          {"df", r.df},
          {"p", r.p},
          {"alpha", r.alpha},
          {"lower", r.lower},
          {"upper", r.upper},
          {"cohens_d", r.cohens_d},
          {"hedges_g", r.hedges_g}};
}

}  // namespace llmfp::stats
