// Generic uncertainty machinery against closed forms: distributions (moments, quantiles,
// frequencies), Monte Carlo summaries within sampling error, and Sobol indices of models
// whose indices are known analytically (linear, product of uniforms, Ishigami).
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/pmath.hpp"
#include "llmfp/sensitivity.hpp"
#include "llmfp/uncertainty.hpp"

using llmfp::uq::Distribution;
using llmfp::uq::Input;
using llmfp::uq::Model;
using llmfp::uq::scalar_input;

namespace {

constexpr double kPi = 3.141592653589793;

// Sample column as a vector.
std::vector<double> column(const std::vector<double>& x, std::size_t stride, std::size_t c) {
  std::vector<double> v;
  for (std::size_t j = c; j < x.size(); j += stride) v.push_back(x[j]);
  return v;
}

// Estimate within 4 standard errors plus a small absolute slack.
void check_index(double estimate, double se, double truth, double slack = 0.005) {
  INFO("estimate " << estimate << " +- " << se << ", closed form " << truth);
  CHECK(std::fabs(estimate - truth) <= 4.0 * se + slack);
}

}  // namespace

TEST_CASE("distributions: closed-form moments and quantiles", "[uncertainty]") {
  const auto u = Distribution::uniform(2.0, 5.0);
  CHECK(u.mean() == 3.5);
  CHECK(u.variance() == Approx(0.75));
  CHECK(u.quantile(0.25) == Approx(2.75));
  const auto t = Distribution::triangular(1.0, 2.0, 4.0);
  CHECK(t.mean() == Approx(7.0 / 3.0));
  CHECK(t.variance() == Approx((1.0 + 4.0 + 16.0 - 2.0 - 4.0 - 8.0) / 18.0));
  // F(mode) = (c - a) / (b - a) = 1/3: the inverse CDF returns the mode there.
  CHECK(t.quantile(1.0 / 3.0) == Approx(2.0));
  // Independent check of the inverse: F(x) = (x - a)^2 / ((b - a)(c - a)) left of the mode,
  // 1 - (b - x)^2 / ((b - a)(b - c)) right of it.
  for (double p : {0.01, 0.2, 0.5, 0.8, 0.99}) {
    const double x = t.quantile(p);
    const double cdf = x <= 2.0 ? (x - 1.0) * (x - 1.0) / 3.0 : 1.0 - (4.0 - x) * (4.0 - x) / 6.0;
    CHECK(cdf == Approx(p).epsilon(1e-12));
  }
  const auto c = Distribution::choice({10.0, 20.0, 30.0}, {6.0, 4.0, 3.0});
  CHECK(c.mean() == Approx((60.0 + 80.0 + 90.0) / 13.0));
  CHECK(c.quantile(6.0 / 13.0 - 1e-9) == 10.0);
  CHECK(c.quantile(6.0 / 13.0 + 1e-9) == 20.0);
  CHECK(c.quantile(0.999) == 30.0);
  CHECK(Distribution::fixed(1.12).is_fixed());
  CHECK(Distribution::uniform(1.0, 1.0).is_fixed());
  CHECK_FALSE(Distribution::triangular(1.0, 1.0, 2.0).is_fixed());
}

TEST_CASE("type-7 percentiles match NumPy's default", "[uncertainty]") {
  const std::vector<double> v = {1.0, 2.0, 3.0, 4.0};
  // numpy.percentile([1, 2, 3, 4], [0, 5, 25, 50, 95, 100]) = 1, 1.15, 1.75, 2.5, 3.85, 4
  CHECK(llmfp::uq::percentile_sorted(v, 0.0) == 1.0);
  CHECK(llmfp::uq::percentile_sorted(v, 5.0) == Approx(1.15));
  CHECK(llmfp::uq::percentile_sorted(v, 25.0) == Approx(1.75));
  CHECK(llmfp::uq::percentile_sorted(v, 50.0) == Approx(2.5));
  CHECK(llmfp::uq::percentile_sorted(v, 95.0) == Approx(3.85));
  CHECK(llmfp::uq::percentile_sorted(v, 100.0) == 4.0);
}

TEST_CASE("Monte Carlo summaries are within sampling error of known distributions",
          "[uncertainty]") {
  const std::size_t n = 100000;
  const std::vector<Input> inputs = {
      scalar_input("u", Distribution::uniform(2.0, 5.0)),
      scalar_input("t", Distribution::triangular(1.0, 2.0, 4.0)),
      scalar_input("c", Distribution::choice({10.0, 20.0, 30.0}, {6.0, 4.0, 3.0}))};
  const auto x = llmfp::uq::draw_sample(inputs, n, 42, 0);
  REQUIRE(x.size() == 3 * n);

  const auto su = llmfp::uq::summarise(x, 3, 0, 20);
  CHECK(std::fabs(su.mean - 3.5) < 4.0 * std::sqrt(0.75 / n));
  CHECK(su.sd == Approx(std::sqrt(0.75)).epsilon(0.01));
  // SE of the p-quantile of U(2, 5): sqrt(p (1 - p) / n) / density, density 1/3.
  for (std::size_t k = 0; k < 5; ++k) {
    const double p = llmfp::uq::kPercentiles[k] / 100.0;
    const double se = std::sqrt(p * (1.0 - p) / n) * 3.0;
    INFO("P" << llmfp::uq::kPercentiles[k] << " = " << su.percentiles[k]);
    CHECK(std::fabs(su.percentiles[k] - (2.0 + 3.0 * p)) < 4.0 * se);
  }
  std::size_t total = 0;
  for (auto c : su.histogram.counts) total += c;
  CHECK(total == n);
  CHECK(su.histogram.counts.size() == 20);
  // Uniform: each of the 20 bins holds n/20 within 5 binomial SDs.
  for (auto c : su.histogram.counts)
    CHECK(std::fabs(c - n / 20.0) < 5.0 * std::sqrt(n * 0.05 * 0.95));

  const auto st = llmfp::uq::summarise(x, 3, 1, 10);
  CHECK(std::fabs(st.mean - 7.0 / 3.0) < 4.0 * std::sqrt((21.0 - 14.0) / 18.0 / n));
  // Median of the triangular (1, 2, 4): right of the mode, 4 - sqrt(0.5 * 3 * 2) = 4 - sqrt 3.
  CHECK(std::fabs(st.percentiles[2] - (4.0 - std::sqrt(3.0))) < 0.01);

  const auto cs = column(x, 3, 2);
  std::size_t tens = 0;
  for (double v : cs) tens += (v == 10.0);
  const double p10 = 6.0 / 13.0;
  CHECK(std::fabs(tens / double(n) - p10) < 4.0 * std::sqrt(p10 * (1 - p10) / n));
}

TEST_CASE("streams: same seed same draws; an input's draws do not depend on the others",
          "[uncertainty]") {
  std::vector<Input> a = {scalar_input("pue", Distribution::uniform(1.1, 1.3)),
                          scalar_input("w", Distribution::uniform(0.0, 1.0))};
  std::vector<Input> b = {scalar_input("pue", Distribution::fixed(1.12)),
                          scalar_input("w", Distribution::uniform(0.0, 1.0))};
  const auto xa = llmfp::uq::draw_sample(a, 1000, 7, 0);
  const auto xa2 = llmfp::uq::draw_sample(a, 1000, 7, 0);
  const auto xb = llmfp::uq::draw_sample(b, 1000, 7, 0);
  const auto xc = llmfp::uq::draw_sample(a, 1000, 8, 0);
  CHECK(xa == xa2);
  CHECK(column(xa, 2, 1) == column(xb, 2, 1));
  CHECK(column(xb, 2, 0) == std::vector<double>(1000, 1.12));
  CHECK(column(xa, 2, 1) != column(xc, 2, 1));
}

TEST_CASE("Sobol: one uncertain input of a linear model has S = ST = 1, the others 0",
          "[uncertainty][sobol]") {
  const std::vector<Input> inputs = {scalar_input("a", Distribution::fixed(2.0)),
                                     scalar_input("b", Distribution::triangular(0.0, 1.0, 3.0)),
                                     scalar_input("c", Distribution::fixed(-1.0))};
  Model model{1, [](const double* x, double* y) { y[0] = 3.0 * x[0] + 2.0 * x[1] - x[2]; }};
  const auto r = llmfp::uq::sobol(inputs, model, 20000, 1);
  CHECK(r.evaluations == 20000 * 3);
  const auto& s = r.indices[0];
  check_index(s[1].first, s[1].first_se, 1.0);
  check_index(s[1].total, s[1].total_se, 1.0);
  CHECK(s[0].first == 0.0);
  CHECK(s[0].total == 0.0);
  CHECK(s[2].total == 0.0);
  // Variance of 2 b, b triangular (0, 1, 3): 4 (0 + 1 + 9 - 0 - 0 - 3) / 18.
  CHECK(r.variance[0] == Approx(4.0 * 7.0 / 18.0).epsilon(0.02));
}

TEST_CASE("Sobol: additive linear model, S_i = ST_i = a_i^2 Var x_i / sum",
          "[uncertainty][sobol]") {
  const std::vector<Input> inputs = {scalar_input("x1", Distribution::uniform(0.0, 1.0)),
                                     scalar_input("x2", Distribution::uniform(0.0, 2.0)),
                                     scalar_input("x3", Distribution::uniform(-1.0, 1.0))};
  Model model{1, [](const double* x, double* y) { y[0] = 1.0 * x[0] + 3.0 * x[1] + 0.5 * x[2]; }};
  const double v1 = 1.0 / 12.0, v2 = 9.0 * 4.0 / 12.0, v3 = 0.25 * 4.0 / 12.0;
  const double total = v1 + v2 + v3;
  const auto r = llmfp::uq::sobol(inputs, model, 50000, 3);
  const double truth[] = {v1 / total, v2 / total, v3 / total};
  for (int i = 0; i < 3; ++i) {
    check_index(r.indices[0][i].first, r.indices[0][i].first_se, truth[i]);
    check_index(r.indices[0][i].total, r.indices[0][i].total_se, truth[i]);
  }
}

TEST_CASE("Sobol: product of independent uniforms against closed-form indices",
          "[uncertainty][sobol]") {
  // y = x1 x2 x3, x_i ~ U(a_i, b_i). With m_i = E x_i and q_i = E x_i^2:
  //   V = prod q - prod m^2;  V_i = Var x_i prod_{j != i} m_j^2;  VT_i = Var x_i prod_{j != i} q_j.
  const double a[] = {1.0, 0.0, 2.0};
  const double b[] = {3.0, 1.0, 2.5};
  std::vector<Input> inputs;
  double m[3], q[3], var[3];
  for (int i = 0; i < 3; ++i) {
    inputs.push_back(scalar_input("x" + std::to_string(i), Distribution::uniform(a[i], b[i])));
    m[i] = 0.5 * (a[i] + b[i]);
    var[i] = (b[i] - a[i]) * (b[i] - a[i]) / 12.0;
    q[i] = var[i] + m[i] * m[i];
  }
  const double v = q[0] * q[1] * q[2] - m[0] * m[0] * m[1] * m[1] * m[2] * m[2];
  Model model{1, [](const double* x, double* y) { y[0] = x[0] * x[1] * x[2]; }};
  const auto r = llmfp::uq::sobol(inputs, model, 100000, 11);
  CHECK(r.variance[0] == Approx(v).epsilon(0.02));
  for (int i = 0; i < 3; ++i) {
    const int j = (i + 1) % 3, k = (i + 2) % 3;
    const double s1 = var[i] * m[j] * m[j] * m[k] * m[k] / v;
    const double st = var[i] * q[j] * q[k] / v;
    INFO("input " << i);
    check_index(r.indices[0][i].first, r.indices[0][i].first_se, s1);
    check_index(r.indices[0][i].total, r.indices[0][i].total_se, st);
  }
}

TEST_CASE("Sobol: Ishigami function (a = 7, b = 0.1) against its known indices",
          "[uncertainty][sobol]") {
  // Ishigami & Homma (1990); indices e.g. Saltelli et al. (2008), "Global Sensitivity
  // Analysis: The Primer", section 4.5: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2,
  // V1 = b pi^4/5 + b^2 pi^8/50 + 1/2, V2 = a^2/8, V3 = 0, VT3 = 8 b^2 pi^8/225.
  const double a = 7.0, b = 0.1;
  const double pi4 = std::pow(kPi, 4), pi8 = std::pow(kPi, 8);
  const double v = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  const double v1 = b * pi4 / 5 + b * b * pi8 / 50 + 0.5;
  const double v2 = a * a / 8;
  const double vt3 = 8 * b * b * pi8 / 225;
  std::vector<Input> inputs;
  for (const char* name : {"x1", "x2", "x3"}) {
    inputs.push_back(scalar_input(name, Distribution::uniform(-kPi, kPi)));
  }
  Model model{1, [a, b](const double* x, double* y) {
                y[0] = std::sin(x[0]) + a * std::sin(x[1]) * std::sin(x[1]) +
                       b * std::pow(x[2], 4) * std::sin(x[0]);
              }};
  const auto r = llmfp::uq::sobol(inputs, model, 1 << 16, 2024);
  const auto& s = r.indices[0];
  CHECK(r.variance[0] == Approx(v).epsilon(0.03));
  check_index(s[0].first, s[0].first_se, v1 / v);  // 0.3139
  check_index(s[1].first, s[1].first_se, v2 / v);  // 0.4424
  check_index(s[2].first, s[2].first_se, 0.0);
  check_index(s[0].total, s[0].total_se, (v1 + vt3) / v);  // 0.5576
  check_index(s[1].total, s[1].total_se, v2 / v);          // 0.4424
  check_index(s[2].total, s[2].total_se, vt3 / v);         // 0.2437
  CHECK(v1 / v == Approx(0.3139).epsilon(1e-3));
  CHECK(vt3 / v == Approx(0.2437).epsilon(1e-3));
}

TEST_CASE("tornado: outputs at each input's low and high, sorted by swing", "[uncertainty]") {
  const std::vector<Input> inputs = {
      scalar_input("small", Distribution::uniform(0.0, 1.0), 0.5),
      scalar_input("big", Distribution::triangular(-1.0, 0.0, 2.0), 0.0),
      scalar_input("fixed", Distribution::fixed(5.0)),
      scalar_input("pick", Distribution::choice({1.0, 4.0, 2.0}, {1.0, 1.0, 1.0}), 2.0)};
  Model model{2, [](const double* x, double* y) {
                y[0] = x[0] + 10.0 * x[1] + x[2] + 2.0 * x[3];
                y[1] = -x[0];
              }};
  const auto t = llmfp::uq::tornado(inputs, model);
  REQUIRE(t.size() == 2);
  const double base = 0.5 + 0.0 + 5.0 + 4.0;
  CHECK(t[0].base == base);
  REQUIRE(t[0].bars.size() == 3);  // the fixed input has no bar
  CHECK(t[0].bars[0].input == 1);  // swing 30
  CHECK(t[0].bars[0].low == base - 10.0);
  CHECK(t[0].bars[0].high == base + 20.0);
  CHECK(t[0].bars[1].input == 3);  // swing 2 * (4 - 1) = 6
  CHECK(t[0].bars[1].low_probe == 0);
  CHECK(t[0].bars[1].high_probe == 1);
  CHECK(t[0].bars[2].input == 0);  // swing 1
  CHECK(t[1].bars[0].input == 0);
  CHECK(t[1].bars[0].low == -1.0);
  for (std::size_t k = 1; k < t[0].bars.size(); ++k) {
    CHECK(t[0].bars[k - 1].swing() >= t[0].bars[k].swing());
  }
}
