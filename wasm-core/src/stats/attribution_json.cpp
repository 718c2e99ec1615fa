// JSON and plain-words conclusion of an attribution result (attribution_json.hpp).
#include "llmfp/attribution_json.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "llmfp/stats_json.hpp"

namespace llmfp::attribution {

namespace {

int prompt_rank(const std::string& p) {
  if (p == "short") return 0;
  if (p == "medium") return 1;
  if (p == "long") return 2;
  return 3;
}

std::vector<std::string> display_prompts(std::vector<std::string> prompts) {
  std::stable_sort(prompts.begin(), prompts.end(), [](const std::string& a, const std::string& b) {
    return prompt_rank(a) < prompt_rank(b);
  });
  return prompts;
}

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string p_text(double p) { return p < 0.0001 ? "p < 0.0001" : "p = " + fmt("%.4f", p); }

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += i + 1 == v.size() ? " and " : ", ";
    out += v[i];
  }
  return out;
}

const stats::AnovaRow* row_named(const Result& r, const std::string& term) {
  for (const auto& row : r.anova.rows) {
    if (row.term == term) return &row;
  }
  return nullptr;
}

std::string host_sentence(const HostVerdict& v, const Result& r, const Settings& s) {
  const double pct = (v.ratio - 1.0) * 100.0;
  std::string t = v.host + " is " + fmt("%.0f", std::fabs(pct)) + " % " +
                  (pct < 0 ? "slower" : "faster") + " than " + s.reference_host + " (median of " +
                  std::to_string(v.n_pairs) + " paired daily speed ratios " + fmt("%.3f", v.ratio) +
                  ", interquartile range " + fmt("%.3f", v.ratio_lower) + " to " +
                  fmt("%.3f", v.ratio_upper) + "). ";
  std::vector<std::string> same;
  for (const auto& p : display_prompts(r.prompts)) {
    if (std::find(v.prompts_differing.begin(), v.prompts_differing.end(), p) ==
        v.prompts_differing.end())
      same.push_back(p);
  }
  if (!v.prompts_differing.empty()) {
    t += "Tukey HSD finds a difference for the " + join(display_prompts(v.prompts_differing)) +
         " prompt";
  }
  if (!v.prompts_differing.empty() && !same.empty()) t += " but not for " + join(same) + ". ";
  if (!v.prompts_differing.empty() && same.empty()) t += ". ";
  if (v.prompts_differing.empty()) t += "Tukey HSD finds no difference for any prompt size. ";
  if (!v.differs) {
    t += "No evidence of other hardware than the reference's (" + s.reference_hardware + ").";
  } else if (v.fits_well) {
    double predicted = 0.0;
    for (const auto& f : v.fits) {
      if (f.hardware == v.most_likely) predicted = f.predicted_ratio;
    }
    t += "This ratio is closest to the " + fmt("%.3f", predicted) + " that " + v.most_likely +
         " would give (memory bandwidth relative to " + s.reference_hardware + "), so " + v.host +
         " most likely serves it on " + v.most_likely + ".";
  } else {
    t += "No listed hardware class predicts a speed ratio within " +
         fmt("%.0f", s.fit_tolerance * 100.0) + " % of this one (nearest: " + v.most_likely +
         "): the difference more likely comes from batching, quantisation, speculative decoding or "
         "other accelerators.";
  }
  return t;
}

}  // namespace

Result attribute(std::vector<Observation> observations, const Settings& settings) {
  Where where;
  where.hosts = "/hosts";
  where.reference_host = "/reference/host";
  where.reference_hardware = "/reference/hardware";
  where.data = "/data";
  // The ANOVA and Tukey values derive from /data, but their errors (identical values
  // everywhere) have always named the op "stats"'s fields; kept so no envelope changes.
  where.values = {"/y", "/x", "/a", "/b"};
  return infer(std::move(observations), settings, where);
}

std::string conclusion(const Result& r, const Settings& s, const std::string& metric) {
  std::string t;
  const stats::AnovaRow* host = row_named(r, r.two_way ? "a" : "group");
  if (host && host->has_f) {
    t += host->p < s.alpha ? "Hosts differ in " + metric + " ("
                           : "No significant host effect on " + metric + " (";
    t += (r.two_way ? "two-way ANOVA, host F = " : "one-way ANOVA, F = ") + fmt("%.2f", host->f) +
         ", " + p_text(host->p) + ", partial eta squared " + fmt("%.3f", host->partial_eta_sq) +
         "). ";
  }
  if (const stats::AnovaRow* ab = row_named(r, "a:b"); ab && ab->has_f && ab->p < s.alpha) {
    t +=
        "The difference depends on prompt size (host x prompt interaction " + p_text(ab->p) + "). ";
  }
  for (const auto& v : r.verdicts) t += host_sentence(v, r, s) + " ";
  t += "Daily values are rolling aggregates, so consecutive days are not independent: read the "
       "p-values as descriptive.";
  return t;
}

// One flat mapping of the result to its documented JSON shape (docs/attribution.md).
// NOLINTNEXTLINE(readability-function-size)
json to_json(const Result& r, const Settings& s, const std::string& metric) {
  json cells = json::array();
  for (const auto& c : r.cells) {
    json j = stats::to_json(c.summary);
    j["host"] = c.host;
    j["prompt"] = c.prompt;
    j["q1"] = c.q1;
    j["q3"] = c.q3;
    cells.push_back(j);
  }
  json pairs = json::array();
  for (const auto& hp : r.host_pairs) {
    json pair = stats::to_json(hp.pair);
    pair["prompt"] = hp.prompt;
    pair["host1"] = hp.host1;
    pair["host2"] = hp.host2;
    pairs.push_back(std::move(pair));
  }
  json verdicts = json::array();
  for (const auto& v : r.verdicts) {
    json fits = json::array();
    for (const auto& f : v.fits) {
      fits.push_back({{"hardware", f.hardware},
                      {"predicted_ratio", f.predicted_ratio},
                      {"log_distance", f.log_distance}});
    }
    json by_prompt = json::array();
    for (const auto& [p, ratio] : v.ratio_by_prompt)
      by_prompt.push_back({{"prompt", p}, {"ratio", ratio}});
    verdicts.push_back({{"host", v.host},
                        {"n_pairs", v.n_pairs},
                        {"ratio", v.ratio},
                        {"ratio_lower", v.ratio_lower},
                        {"ratio_upper", v.ratio_upper},
                        {"ratio_by_prompt", by_prompt},
                        {"prompts_differing", display_prompts(v.prompts_differing)},
                        {"differs", v.differs},
                        {"hypotheses", fits},
                        {"most_likely", v.most_likely},
                        {"fits_well", v.fits_well}});
  }
  json anova = stats::to_json(r.anova, "host", "prompt");
  anova["sum_of_squares"] = "type II";
  return {
      {"metric", metric},
      {"hosts", r.hosts},
      {"prompts", display_prompts(r.prompts)},
      {"reference", {{"host", s.reference_host}, {"hardware", s.reference_hardware}}},
      {"n", r.n},
      {"dates", {{"count", r.dates.size()}, {"first", r.dates.front()}, {"last", r.dates.back()}}},
      {"common_dates", s.common_dates},
      {"dedupe", s.dedupe},
      {"scale", s.log_scale ? "log" : "linear"},
      {"dropped_repeats", r.dropped_repeats},
      {"alpha", s.alpha},
      {"anova", anova},
      {"tukey",
       {{"scope", "all host | prompt cells (k = " + std::to_string(r.cells.size()) +
                      "), error term the ANOVA residual; pairs between hosts within a prompt size"},
        {"k", r.cells.size()},
        {"mse", r.tukey.mse},
        {"df_error", r.tukey.df_error},
        {"q_crit", r.tukey.q_crit},
        {"pairs", pairs}}},
      {"cells", cells},
      {"verdicts", verdicts},
      {"conclusion", conclusion(r, s, metric)},
      {"notes",
       {"Daily values are rolling aggregates (consecutive days repeat or overlap), so p-values are "
        "descriptive; "
        "\"dedupe\": true drops repeated days.",
        "Hardware inference assumes token generation is memory-bandwidth bound, so speed scales "
        "with the "
        "GPU's memory bandwidth; batching, quantisation and serving software also change speed."}}};
}

}  // namespace llmfp::attribution
