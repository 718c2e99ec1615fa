// Classical tests for comparing groups of measurements: one- and two-way ANOVA (type II
// sums of squares), Tukey HSD (Tukey-Kramer for unequal sizes), Welch's t-test, and
// their effect sizes. Plain structs in, plain structs out; the JSON op is ops/stats.cpp.
//
// Every p-value comes from the distributions of stats_dist.hpp (built on pmath), so
// results are bit-identical natively and in WebAssembly. Functions throw
// InputError(invalid_value / infeasible, status.hpp) when the data cannot support the test
// (too few observations, zero variance), located where the caller says the data came
// from (Where); they never abort.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace llmfp::stats {

/// Where a test's inputs came from: the location (InputError path) of the errors it
/// reports. The caller fills these in (at the API edge, the JSON pointers of the request's
/// fields); the maths never invents a location.
struct Where {
  std::string y;  // the values (Welch: the second sample)
  std::string x;  // Welch: the first sample
  std::string a;  // the labels of factor A (one-way: the groups)
  std::string b;  // the labels of factor B
};

/// Labels of a factor sorted in byte order, as statsmodels does (np.unique), and each
/// observation's level index.
struct Factor {
  std::vector<std::size_t> index;
  std::vector<std::string> levels;
};
Factor make_factor(const std::vector<std::string>& labels);

/// Summary of one group (sd with ddof = 1; 0 when n = 1).
struct GroupSummary {
  std::string name;
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;
  double median = 0.0;
  double min = 0.0;
  double max = 0.0;
};

/// Observations of y labelled by one factor: level[i] indexes levels.
struct OneFactorData {
  std::vector<double> y;
  std::vector<std::size_t> level;
  std::vector<std::string> levels;
  Where where;  // of y and the labels (a)
};

/// Observations of y labelled by two factors A and B.
struct TwoFactorData {
  std::vector<double> y;
  std::vector<std::size_t> a;
  std::vector<std::size_t> b;
  std::vector<std::string> a_levels;
  std::vector<std::string> b_levels;
  Where where;  // of y and the labels (a, b)
};

/// One row of an ANOVA table. f and p are absent (has_f false) for the residual row.
struct AnovaRow {
  std::string term;
  double df = 0.0;
  double ss = 0.0;
  double ms = 0.0;
  bool has_f = false;
  double f = 0.0;
  double p = 0.0;
  double eta_sq = 0.0;          // SS_term / SS_total (corrected)
  double partial_eta_sq = 0.0;  // SS_term / (SS_term + SS_residual)
  double omega_sq = 0.0;        // (SS_term - df MS_res) / (SS_total + MS_res), may be < 0
};

struct AnovaResult {
  std::vector<AnovaRow> rows;  // terms in order, residual last
  double ss_total = 0.0;       // corrected total sum of squares
  std::size_t n = 0;
  std::vector<GroupSummary> groups;  // per level (one-way) or per non-empty cell (two-way)
};

/// One-way ANOVA of y by level (every level with at least one observation; needs
/// N > number of levels >= 2).
AnovaResult anova_one_way(const OneFactorData& data);

/// Two-way ANOVA with type II sums of squares: each main effect is adjusted for the other
/// (SS(A|B) = RSS(B) - RSS(A+B)), the interaction for both main effects
/// (SS(AB|A,B) = RSS(A+B) - RSS(A*B)). Equal to types I and III in balanced designs.
/// Empty cells reduce the interaction's degrees of freedom (ranks, not level counts).
AnovaResult anova_two_way(const TwoFactorData& data, bool interaction);

/// One pairwise comparison of Tukey's HSD: diff = mean(group2) - mean(group1).
struct TukeyPair {
  std::size_t group1 = 0;
  std::size_t group2 = 0;
  double diff = 0.0;
  double se = 0.0;  // sqrt(MSE / 2 (1/n1 + 1/n2)): the studentized-range scale
  double q = 0.0;   // |diff| / se
  double p_adj = 0.0;
  double lower = 0.0;
  double upper = 0.0;
  bool reject = false;
  double hedges_g = 0.0;  // diff / sqrt(MSE), small-sample corrected with df_error
};

struct TukeyResult {
  std::vector<GroupSummary> groups;
  std::vector<TukeyPair> pairs;  // (i, j) for i < j in level order
  double mse = 0.0;
  double df_error = 0.0;
  double q_crit = 0.0;  // studentized range quantile at 1 - alpha
  double alpha = 0.05;
};

/// Tukey HSD over all pairs of levels (Tukey-Kramer standard errors for unequal n).
/// mse/df_error < 0 means: pool within the groups (one-way residual); otherwise the
/// given error term is used (e.g. the residual of a two-way model).
/// keep(i, j), if given, selects the pairs to compute (the family size stays k groups).
TukeyResult tukey_hsd(const OneFactorData& data, double alpha, double mse = -1.0,
                      double df_error = -1.0,
                      const std::function<bool(std::size_t, std::size_t)>& keep = {});

struct WelchResult {
  GroupSummary x;
  GroupSummary y;
  double diff = 0.0;  // mean(x) - mean(y)
  double se = 0.0;
  double t = 0.0;
  double df = 0.0;  // Welch-Satterthwaite
  double p = 0.0;   // two-sided
  double lower = 0.0;
  double upper = 0.0;     // (1 - alpha) confidence interval of diff
  double cohens_d = 0.0;  // diff / pooled SD
  double hedges_g = 0.0;  // d * J(n1 + n2 - 2), J exact (gamma ratio)
  double alpha = 0.05;
};

/// Welch's unequal-variance t-test of mean(x) - mean(y); each sample needs n >= 2.
/// `where` locates x and y in errors.
WelchResult welch_t_test(const std::vector<double>& x, const std::vector<double>& y, double alpha,
                         const Where& where);

/// Summary of one sample (sorted copy for the median).
GroupSummary summarize(const std::string& name, const std::vector<double>& values);

/// Hedges' small-sample correction J(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)).
double hedges_correction(double m);

}  // namespace llmfp::stats
