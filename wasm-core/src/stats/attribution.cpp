// Hardware attribution (attribution.hpp), after Jegham et al. (arXiv 2505.09598, section
// "statistical inference of hardware"): GPT-4o mini on OpenAI vs Azure, two-way ANOVA
// host x prompt size, then Tukey HSD.
//
// 1. Observations y = daily value (e.g. median output speed) of host h, prompt p, date d;
//    optionally only dates on which every host has every prompt, and optionally without
//    days that repeat the previous value of their (h, p) series (rolling aggregates).
// 2. Two-way ANOVA y ~ host * prompt, type II sums of squares (stats::anova_two_way);
//    one-way on host when only one prompt size is given.
// 3. Tukey HSD over all host | prompt cells with the ANOVA residual as error term
//    (k = hosts x prompts, as statsmodels pairwise_tukeyhsd on the cell labels); the
//    pairs reported are those between hosts within one prompt size.
// 4. For host h against the reference host r: paired log ratios l = log(y_h,d,p / y_r,d,p)
//    over common (date, prompt); observed ratio R = exp(median l), spread exp(quartiles of
//    l). Medians, because the source has spikes (e.g. Azure GPT-4o mini short at 4,776
//    tok/s) that would dominate a mean.
// 5. Hypothesis c predicts R_c = bandwidth_c / bandwidth_ref (memory-bound decoding);
//    distance |log R - log R_c|; the most likely class is the nearest. A host whose
//    Tukey pairs with the reference are all non-significant and whose interval contains 1
//    is reported as the reference hardware (no evidence of a difference).
#include "llmfp/attribution.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "llmfp/pmath.hpp"
#include "llmfp/stats_dist.hpp"
#include "llmfp/status.hpp"

namespace llmfp::attribution {

namespace {

using Key = std::tuple<std::string, std::string, std::string>;  // host, prompt, date

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

double quantile_sorted(const std::vector<double>& s, double p) {
  const double pos = p * static_cast<double>(s.size() - 1);  // linear, as NumPy's default
  const auto i = static_cast<std::size_t>(std::floor(pos));
  if (i + 1 >= s.size()) return s.back();
  return s[i] + (pos - static_cast<double>(i)) * (s[i + 1] - s[i]);
}

// Keeps dates on which every (host, prompt) has a value.
std::vector<Observation> common_dates_only(const std::vector<Observation>& obs, std::size_t cells) {
  std::map<std::string, std::set<std::pair<std::string, std::string>>> seen;
  for (const auto& o : obs) seen[o.date].insert({o.host, o.prompt});
  std::vector<Observation> out;
  for (const auto& o : obs) {
    if (seen[o.date].size() == cells) out.push_back(o);
  }
  return out;
}

std::vector<Observation> drop_repeats(std::vector<Observation> obs, std::size_t& dropped) {
  std::stable_sort(obs.begin(), obs.end(), [](const Observation& a, const Observation& b) {
    return std::tie(a.host, a.prompt, a.date) < std::tie(b.host, b.prompt, b.date);
  });
  std::vector<Observation> out;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    const bool same_series =
        i > 0 && obs[i].host == obs[i - 1].host && obs[i].prompt == obs[i - 1].prompt;
    if (same_series && obs[i].value == obs[i - 1].value) {
      ++dropped;
      continue;
    }
    out.push_back(obs[i]);
  }
  return out;
}

HostVerdict judge(const std::string& host, const std::map<Key, double>& values,
                  const std::vector<std::string>& prompts, const Settings& s,
                  const std::vector<HostPair>& pairs, double ref_bandwidth) {
  HostVerdict v;
  v.host = host;
  std::vector<double> logs;
  for (const auto& p : prompts) {
    std::vector<double> lp;
    for (const auto& [key, y] : values) {
      if (std::get<0>(key) != host || std::get<1>(key) != p) continue;
      auto ref = values.find({s.reference_host, p, std::get<2>(key)});
      if (ref == values.end() || !(y > 0.0) || !(ref->second > 0.0)) continue;
      lp.push_back(pmath::log(y / ref->second));
    }
    if (lp.empty()) continue;
    std::sort(lp.begin(), lp.end());
    v.ratio_by_prompt.emplace_back(p, pmath::exp(quantile_sorted(lp, 0.5)));
    logs.insert(logs.end(), lp.begin(), lp.end());
  }
  for (const auto& hp : pairs) {
    const bool involves = (hp.host1 == host && hp.host2 == s.reference_host) ||
                          (hp.host2 == host && hp.host1 == s.reference_host);
    if (involves && hp.pair.reject) v.prompts_differing.push_back(hp.prompt);
  }
  v.n_pairs = logs.size();
  if (!logs.empty()) {
    std::sort(logs.begin(), logs.end());
    v.ratio = pmath::exp(quantile_sorted(logs, 0.5));
    v.ratio_lower = pmath::exp(quantile_sorted(logs, 0.25));
    v.ratio_upper = pmath::exp(quantile_sorted(logs, 0.75));
  }
  v.differs = !v.prompts_differing.empty() || v.ratio_lower > 1.0 || v.ratio_upper < 1.0;
  double best = 0.0;
  for (const auto& h : s.hypotheses) {
    HypothesisFit f{h.hardware, h.memory_bandwidth_tb_s / ref_bandwidth, 0.0};
    f.log_distance = std::fabs(pmath::log(v.ratio) - pmath::log(f.predicted_ratio));
    if (v.most_likely.empty() || f.log_distance < best) {
      best = f.log_distance;
      v.most_likely = h.hardware;
    }
    v.fits.push_back(f);
  }
  if (!v.differs) v.most_likely = s.reference_hardware;
  v.fits_well = !v.differs || best <= pmath::log(1.0 + s.fit_tolerance);
  return v;
}

}  // namespace

// The steps of the method in order (cells, ANOVA, Tukey, ratios, hypotheses); each is a
// call, the length is their sequence.
// NOLINTNEXTLINE(readability-function-size)
Result infer(std::vector<Observation> obs, const Settings& s, const Where& where) {
  Result r;
  std::vector<std::string> hosts;
  std::vector<std::string> prompts;
  for (const auto& o : obs) {
    hosts.push_back(o.host);
    prompts.push_back(o.prompt);
  }
  r.hosts = sorted_unique(hosts);
  r.prompts = sorted_unique(prompts);
  if (r.hosts.size() < 2)
    fail(code::kInvalidValue, where.hosts, "attribution needs measurements of at least 2 hosts");
  if (std::find(r.hosts.begin(), r.hosts.end(), s.reference_host) == r.hosts.end()) {
    fail(code::kInvalidValue, where.reference_host,
         "the reference host \"" + s.reference_host + "\" has no measurements in the selection");
  }
  double ref_bw = 0.0;
  for (const auto& h : s.hypotheses) {
    if (h.hardware == s.reference_hardware) ref_bw = h.memory_bandwidth_tb_s;
  }
  if (!(ref_bw > 0.0)) {
    fail(code::kInvalidValue, where.reference_hardware,
         "the reference hardware \"" + s.reference_hardware + "\" is not one of the hypotheses");
  }
  if (s.common_dates) obs = common_dates_only(obs, r.hosts.size() * r.prompts.size());
  if (s.dedupe) obs = drop_repeats(std::move(obs), r.dropped_repeats);
  if (obs.size() < r.hosts.size() * r.prompts.size() + 2) {
    fail(code::kInfeasible, where.data,
         "too few measurements left (" + std::to_string(obs.size()) +
             ") after selecting dates; try \"common_dates\": false or a wider date range");
  }
  std::vector<std::string> dates;
  std::map<Key, double> values;
  std::vector<std::string> h_lab, p_lab, cell_lab;
  stats::TwoFactorData two;
  two.where = where.values;
  for (const auto& o : obs) {
    dates.push_back(o.date);
    values[{o.host, o.prompt, o.date}] = o.value;
    h_lab.push_back(o.host);
    p_lab.push_back(o.prompt);
    cell_lab.push_back(o.host + " | " + o.prompt);
    two.y.push_back(s.log_scale ? pmath::log(o.value) : o.value);
  }
  r.dates = sorted_unique(dates);
  r.n = obs.size();
  stats::Factor fh = stats::make_factor(h_lab);
  stats::Factor fp = stats::make_factor(p_lab);
  stats::Factor fc = stats::make_factor(cell_lab);
  r.two_way = fp.levels.size() >= 2;
  if (r.two_way) {
    two.a = fh.index;
    two.a_levels = fh.levels;
    two.b = fp.index;
    two.b_levels = fp.levels;
    r.anova = stats::anova_two_way(two, true);
  } else {
    r.anova = stats::anova_one_way({two.y, fh.index, fh.levels, where.values});
  }
  const auto& res = r.anova.rows.back();
  // Cell labels sort by host, then prompt; recover each cell's host and prompt.
  std::vector<std::pair<std::string, std::string>> cell_of(fc.levels.size());
  for (std::size_t i = 0; i < obs.size(); ++i) cell_of[fc.index[i]] = {obs[i].host, obs[i].prompt};
  const auto same_prompt = [&](std::size_t a, std::size_t b) {
    return cell_of[a].second == cell_of[b].second;
  };
  r.tukey = stats::tukey_hsd({two.y, fc.index, fc.levels, where.values}, s.alpha, res.ms, res.df,
                             same_prompt);
  for (const auto& p : r.tukey.pairs) {
    r.host_pairs.push_back(
        {cell_of[p.group1].second, cell_of[p.group1].first, cell_of[p.group2].first, p});
  }
  std::vector<std::vector<double>> by_cell(fc.levels.size());  // raw values, for the charts
  for (std::size_t i = 0; i < obs.size(); ++i) by_cell[fc.index[i]].push_back(obs[i].value);
  for (std::size_t c = 0; c < by_cell.size(); ++c) {
    std::sort(by_cell[c].begin(), by_cell[c].end());
    r.cells.push_back({cell_of[c].first, cell_of[c].second,
                       stats::summarize(fc.levels[c], by_cell[c]),
                       quantile_sorted(by_cell[c], 0.25), quantile_sorted(by_cell[c], 0.75)});
  }
  for (const auto& h : r.hosts) {
    if (h != s.reference_host)
      r.verdicts.push_back(judge(h, values, r.prompts, s, r.host_pairs, ref_bw));
  }
  return r;
}

}  // namespace llmfp::attribution
