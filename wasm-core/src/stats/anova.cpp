// One- and two-way analysis of variance (stats.hpp).
//
// One-way:  SS_between = sum_i n_i (ybar_i - ybar)^2,  SS_within = sum_i sum_j (y_ij - ybar_i)^2,
//           F = (SS_between / (k - 1)) / (SS_within / (N - k)),  p = P(F_{k-1, N-k} > F).
// Two-way, type II sums of squares (Langsrud 2003; statsmodels anova_lm(typ=2)):
//   SS(A)  = RSS(B)     - RSS(A + B)        df = rank(A + B) - rank(B)
//   SS(B)  = RSS(A)     - RSS(A + B)        df = rank(A + B) - rank(A)
//   SS(AB) = RSS(A + B) - RSS(A * B)        df = rank(A * B) - rank(A + B)
//   residual = RSS of the largest model, df = N - its rank; F = MS_term / MS_residual.
// Every model here predicts a constant within each cell (a, b), so
//   RSS(model) = SS_within_cells + sum_cells n_c (ybar_c - fitted_c)^2
// and each model is fitted by weighted least squares on the cell means (weights n_c),
// with a column-pivoting Householder QR (Eigen) that also gives the rank. The within-cell
// part is summed once by two passes, so no large sums of squares are subtracted.
// Effect sizes: eta^2 = SS / SS_total, partial eta^2 = SS / (SS + SS_res),
// omega^2 = (SS - df MS_res) / (SS_total + MS_res).
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include <Eigen/Dense>

#include "llmfp/stats.hpp"
#include "llmfp/stats_dist.hpp"
#include "llmfp/status.hpp"

namespace llmfp::stats {

namespace {

// Mean and sum of squared deviations by two passes.
std::pair<double, double> mean_and_ss(const std::vector<double>& v) {
  double sum = 0.0;
  for (double x : v) sum += x;
  const double mean = sum / static_cast<double>(v.size());
  double ss = 0.0;
  for (double x : v) ss += (x - mean) * (x - mean);
  return {mean, ss};
}

AnovaRow make_row(std::string term, double df, double ss, double ss_total, double ms_res,
                  double df_res, double ss_res) {
  AnovaRow row;
  row.term = std::move(term);
  row.df = df;
  row.ss = ss < 0.0 ? 0.0 : ss;  // rounding can leave -1e-13 for a null effect
  row.ms = df > 0.0 ? row.ss / df : 0.0;
  row.has_f = df > 0.0;
  if (row.has_f) {
    row.f = row.ms / ms_res;
    row.p = f_sf(row.f, df, df_res);
  }
  row.eta_sq = row.ss / ss_total;
  row.partial_eta_sq = row.ss / (row.ss + ss_res);
  row.omega_sq = (row.ss - df * ms_res) / (ss_total + ms_res);
  return row;
}

AnovaRow residual_row(double df, double ss, double ss_total) {
  AnovaRow row;
  row.term = "Residual";
  row.df = df;
  row.ss = ss;
  row.ms = ss / df;
  row.eta_sq = ss / ss_total;
  return row;
}

void require_spread(double ss_res, double ss_total, const std::string& where_y) {
  if (!(ss_res > 1e-13 * ss_total) || !(ss_total > 0.0)) {
    fail(code::kInfeasible, where_y,
         "every group's values are identical, so the residual variance is zero and the "
         "F test is undefined");
  }
}

struct Cell {
  std::size_t a = 0;
  std::size_t b = 0;
  std::vector<double> values;
};

struct Fit {
  double rss_between = 0.0;  // sum_c n_c (ybar_c - fitted_c)^2
  double rank = 0.0;
};

// Weighted least squares of cell means on an indicator design; cols(c) lists the columns
// (besides the intercept) that are 1 for cell c.
template <class Cols>
Fit fit_cells(const std::vector<Cell>& cells, const std::vector<double>& means, double grand,
              int ncols, Cols&& cols) {
  const auto m = static_cast<Eigen::Index>(cells.size());
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(m, ncols + 1);
  Eigen::VectorXd y(m);
  for (Eigen::Index c = 0; c < m; ++c) {
    const double w = std::sqrt(static_cast<double>(cells[c].values.size()));
    x(c, 0) = w;
    for (int j : cols(cells[c])) x(c, j + 1) = w;
    y(c) = w * (means[c] - grand);
  }
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
  qr.setThreshold(1e-10);
  const Eigen::VectorXd coef = qr.solve(y);
  const Eigen::VectorXd resid = y - x * coef;
  return {resid.squaredNorm(), static_cast<double>(qr.rank())};
}

}  // namespace

AnovaResult anova_one_way(const OneFactorData& data) {
  const std::size_t k = data.levels.size();
  std::vector<std::vector<double>> groups(k);
  for (std::size_t i = 0; i < data.y.size(); ++i) groups[data.level[i]].push_back(data.y[i]);
  AnovaResult out;
  out.n = data.y.size();
  for (std::size_t g = 0; g < k; ++g) {
    if (groups[g].empty()) {
      fail(code::kInvalidValue, data.where.a,
           "group \"" + data.levels[g] + "\" has no observations");
    }
    out.groups.push_back(summarize(data.levels[g], groups[g]));
  }
  if (k < 2) {
    fail(code::kInvalidValue, data.where.a,
         "ANOVA needs at least 2 groups, got " + std::to_string(k));
  }
  if (out.n <= k) {
    fail(code::kInvalidValue, data.where.y,
         "ANOVA needs more observations (" + std::to_string(out.n) + ") than groups (" +
             std::to_string(k) + ")");
  }
  const double grand = mean_and_ss(data.y).first;
  double ss_within = 0.0;
  double ss_between = 0.0;
  for (const auto& g : groups) {
    const auto [mean, ss] = mean_and_ss(g);
    ss_within += ss;
    ss_between += static_cast<double>(g.size()) * (mean - grand) * (mean - grand);
  }
  const double ss_total = ss_within + ss_between;
  require_spread(ss_within, ss_total, data.where.y);
  const auto df_res = static_cast<double>(out.n - k);
  const double ms_res = ss_within / df_res;
  out.ss_total = ss_total;
  out.rows.push_back(make_row("group", static_cast<double>(k - 1), ss_between, ss_total, ms_res,
                              df_res, ss_within));
  out.rows.push_back(residual_row(df_res, ss_within, ss_total));
  return out;
}

AnovaResult anova_two_way(const TwoFactorData& data, bool interaction) {
  std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> by_cell;
  for (std::size_t i = 0; i < data.y.size(); ++i)
    by_cell[{data.a[i], data.b[i]}].push_back(data.y[i]);
  const std::size_t na = data.a_levels.size();
  const std::size_t nb = data.b_levels.size();
  if (na < 2 || nb < 2) {
    fail(code::kInvalidValue, na < 2 ? data.where.a : data.where.b,
         "two-way ANOVA needs at least 2 levels of each factor");
  }
  std::vector<Cell> cells;
  std::vector<double> means;
  AnovaResult out;
  out.n = data.y.size();
  double ss_within = 0.0;
  for (auto& [key, values] : by_cell) {
    const auto [mean, ss] = mean_and_ss(values);
    ss_within += ss;
    means.push_back(mean);
    out.groups.push_back(
        summarize(data.a_levels[key.first] + " | " + data.b_levels[key.second], values));
    cells.push_back({key.first, key.second, std::move(values)});
  }
  const double grand = mean_and_ss(data.y).first;
  const int ia = static_cast<int>(na) - 1;  // treatment coding: level 0 is the baseline
  const int ib = static_cast<int>(nb) - 1;
  auto cols_a = [](const Cell& c) {
    return c.a > 0 ? std::vector<int>{int(c.a) - 1} : std::vector<int>{};
  };
  auto cols_b = [](const Cell& c) {
    return c.b > 0 ? std::vector<int>{int(c.b) - 1} : std::vector<int>{};
  };
  auto cols_ab = [&](const Cell& c) {
    std::vector<int> v = cols_a(c);
    if (c.b > 0) v.push_back(ia + int(c.b) - 1);
    return v;
  };
  const Fit fa = fit_cells(cells, means, grand, ia, cols_a);
  const Fit fb = fit_cells(cells, means, grand, ib, cols_b);
  const Fit fab = fit_cells(cells, means, grand, ia + ib, cols_ab);
  double ss_total = ss_within;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    ss_total +=
        static_cast<double>(cells[c].values.size()) * (means[c] - grand) * (means[c] - grand);
  }
  const double rank_full = interaction ? static_cast<double>(cells.size()) : fab.rank;
  const double ss_res = interaction ? ss_within : ss_within + fab.rss_between;
  const double df_res = static_cast<double>(out.n) - rank_full;
  if (!(df_res >= 1.0)) {
    fail(code::kInvalidValue, data.where.y,
         "too few observations: the model has no residual degrees of freedom (" +
             std::to_string(out.n) + " observations, " +
             std::to_string(static_cast<long>(rank_full)) + " parameters)");
  }
  require_spread(ss_res, ss_total, data.where.y);
  const double ms_res = ss_res / df_res;
  out.ss_total = ss_total;
  out.rows.push_back(make_row("a", fab.rank - fb.rank, fb.rss_between - fab.rss_between, ss_total,
                              ms_res, df_res, ss_res));
  out.rows.push_back(make_row("b", fab.rank - fa.rank, fa.rss_between - fab.rss_between, ss_total,
                              ms_res, df_res, ss_res));
  if (interaction) {
    out.rows.push_back(
        make_row("a:b", rank_full - fab.rank, fab.rss_between, ss_total, ms_res, df_res, ss_res));
  }
  out.rows.push_back(residual_row(df_res, ss_res, ss_total));
  return out;
}

}  // namespace llmfp::stats
