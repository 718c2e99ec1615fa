// Pairwise tests and effect sizes, group summaries and factors (stats.hpp).
//
// Tukey HSD, Tukey-Kramer form for unequal group sizes (Kramer 1956):
//   se_ij = sqrt(MSE / 2 * (1/n_i + 1/n_j)),  q_ij = |ybar_j - ybar_i| / se_ij,
//   p_adj = P(Q_{k, df} > q_ij),  interval: (ybar_j - ybar_i) +- q_crit se_ij,
//   q_crit = studentized range quantile at 1 - alpha; MSE = SS_within / (N - k) unless an
//   error term is supplied. This is what statsmodels' pairwise_tukeyhsd computes.
// Welch (1947): t = (xbar - ybar) / sqrt(s_x^2/n_x + s_y^2/n_y),
//   df = (s_x^2/n_x + s_y^2/n_y)^2 / ((s_x^2/n_x)^2/(n_x-1) + (s_y^2/n_y)^2/(n_y-1)),
//   p = P(|T_df| > |t|), interval diff +- t_{1-alpha/2, df} se.
// Cohen's d = diff / s_pooled, s_pooled^2 = ((n_x-1)s_x^2 + (n_y-1)s_y^2)/(n_x+n_y-2);
// Hedges' g = d J(m), J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)) (Hedges 1981, exact).
#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "llmfp/pmath.hpp"
#include "llmfp/stats.hpp"
#include "llmfp/stats_dist.hpp"
#include "llmfp/status.hpp"

namespace llmfp::stats {

Factor make_factor(const std::vector<std::string>& labels) {
  Factor f;
  f.levels = labels;
  std::sort(f.levels.begin(), f.levels.end());
  f.levels.erase(std::unique(f.levels.begin(), f.levels.end()), f.levels.end());
  std::map<std::string, std::size_t> pos;
  for (std::size_t i = 0; i < f.levels.size(); ++i) pos[f.levels[i]] = i;
  f.index.reserve(labels.size());
  for (const auto& l : labels) f.index.push_back(pos[l]);
  return f;
}

GroupSummary summarize(const std::string& name, const std::vector<double>& values) {
  GroupSummary s;
  s.name = name;
  s.n = values.size();
  if (values.empty()) return s;
  double sum = 0.0;
  for (double v : values) sum += v;
  s.mean = sum / static_cast<double>(s.n);
  double ss = 0.0;
  for (double v : values) ss += (v - s.mean) * (v - s.mean);
  s.sd = s.n > 1 ? std::sqrt(ss / static_cast<double>(s.n - 1)) : 0.0;
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t mid = s.n / 2;
  s.median = s.n % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  s.min = sorted.front();
  s.max = sorted.back();
  return s;
}

double hedges_correction(double m) {
  if (!(m > 1.0)) return 0.0;
  return pmath::exp(pmath::lgamma(0.5 * m) - pmath::lgamma(0.5 * (m - 1.0))) / std::sqrt(0.5 * m);
}

TukeyResult tukey_hsd(const OneFactorData& data, double alpha, double mse, double df_error,
                      const std::function<bool(std::size_t, std::size_t)>& keep) {
  const std::size_t k = data.levels.size();
  std::vector<std::vector<double>> groups(k);
  for (std::size_t i = 0; i < data.y.size(); ++i) groups[data.level[i]].push_back(data.y[i]);
  TukeyResult out;
  out.alpha = alpha;
  double ss_within = 0.0;
  for (std::size_t g = 0; g < k; ++g) {
    if (groups[g].empty()) {
      fail(code::kInvalidValue, data.where.a,
           "group \"" + data.levels[g] + "\" has no observations");
    }
    out.groups.push_back(summarize(data.levels[g], groups[g]));
    for (double v : groups[g])
      ss_within += (v - out.groups.back().mean) * (v - out.groups.back().mean);
  }
  if (k < 2) fail(code::kInvalidValue, data.where.a, "Tukey HSD needs at least 2 groups");
  if (mse < 0.0) {
    if (data.y.size() <= k) {
      fail(code::kInvalidValue, data.where.y, "Tukey HSD needs more observations than groups");
    }
    df_error = static_cast<double>(data.y.size() - k);
    mse = ss_within / df_error;
  }
  if (!(mse > 0.0)) {
    fail(code::kInfeasible, data.where.y,
         "every group's values are identical: the error variance is zero");
  }
  out.mse = mse;
  out.df_error = df_error;
  const auto kd = static_cast<double>(k);
  out.q_crit = studentized_range_quantile(1.0 - alpha, kd, df_error);
  const double j = hedges_correction(df_error);
  for (std::size_t a = 0; a < k; ++a) {
    for (std::size_t b = a + 1; b < k; ++b) {
      if (keep && !keep(a, b)) continue;
      TukeyPair p;
      p.group1 = a;
      p.group2 = b;
      p.diff = out.groups[b].mean - out.groups[a].mean;
      const double inv =
          1.0 / static_cast<double>(out.groups[a].n) + 1.0 / static_cast<double>(out.groups[b].n);
      p.se = std::sqrt(mse / 2.0 * inv);
      p.q = std::fabs(p.diff) / p.se;
      p.p_adj = studentized_range_sf(p.q, kd, df_error);
      p.lower = p.diff - out.q_crit * p.se;
      p.upper = p.diff + out.q_crit * p.se;
      p.reject = p.q > out.q_crit;
      p.hedges_g = p.diff / std::sqrt(mse) * j;
      out.pairs.push_back(p);
    }
  }
  return out;
}

WelchResult welch_t_test(const std::vector<double>& x, const std::vector<double>& y, double alpha,
                         const Where& where) {
  if (x.size() < 2 || y.size() < 2) {
    fail(code::kInvalidValue, x.size() < 2 ? where.x : where.y,
         "Welch's t-test needs at least 2 values in each sample");
  }
  WelchResult r;
  r.alpha = alpha;
  r.x = summarize("x", x);
  r.y = summarize("y", y);
  const auto nx = static_cast<double>(r.x.n);
  const auto ny = static_cast<double>(r.y.n);
  const double vx = r.x.sd * r.x.sd / nx;
  const double vy = r.y.sd * r.y.sd / ny;
  if (!(vx + vy > 0.0)) {
    fail(code::kInfeasible, where.x,
         "both samples have zero variance: the t statistic is undefined");
  }
  r.diff = r.x.mean - r.y.mean;
  r.se = std::sqrt(vx + vy);
  r.t = r.diff / r.se;
  r.df = (vx + vy) * (vx + vy) / (vx * vx / (nx - 1.0) + vy * vy / (ny - 1.0));
  r.p = t_two_sided_p(r.t, r.df);
  const double tq = t_quantile(1.0 - alpha / 2.0, r.df);
  r.lower = r.diff - tq * r.se;
  r.upper = r.diff + tq * r.se;
  const double m = nx + ny - 2.0;
  const double pooled =
      std::sqrt(((nx - 1.0) * r.x.sd * r.x.sd + (ny - 1.0) * r.y.sd * r.y.sd) / m);
  r.cohens_d = pooled > 0.0 ? r.diff / pooled : 0.0;
  r.hedges_g = r.cohens_d * hedges_correction(m);
  return r;
}

}  // namespace llmfp::stats
