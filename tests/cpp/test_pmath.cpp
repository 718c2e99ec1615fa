// pmath against <cmath> and known values: the portable functions must be accurate,
// not only deterministic.
#include <algorithm>
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/pmath.hpp"
#include "support.hpp"

using llmfp::test::rel_diff;
namespace pm = llmfp::pmath;

TEST_CASE("pmath exp and log agree with <cmath> to a few ulp", "[pmath]") {
  for (double x = -700.0; x <= 700.0; x += 0.37) {
    INFO("x = " << x);
    CHECK(rel_diff(pm::exp(x), std::exp(x)) < 4e-16);
  }
  for (double x = 1e-300; x < 1e300; x *= 3.7) {
    INFO("x = " << x);
    CHECK(std::fabs(pm::log(x) - std::log(x)) <= 4e-16 * std::fmax(1.0, std::fabs(std::log(x))));
  }
  CHECK(pm::exp(0.0) == 1.0);
  CHECK(pm::log(1.0) == 0.0);
  CHECK(std::isinf(pm::exp(710.0)));
  CHECK(pm::exp(-746.0) == 0.0);
  CHECK(std::isnan(pm::log(-1.0)));
}

TEST_CASE("pmath erfc, normal cdf and quantile", "[pmath]") {
  for (double x = -6.0; x <= 26.0; x += 0.01) {
    INFO("x = " << x);
    CHECK(rel_diff(pm::erfc(x), std::erfc(x)) < 2e-14);
  }
  // Known values: Phi(1.959963984540054) = 0.975, Phi(-1) = 0.15865525393145705
  CHECK(rel_diff(pm::normal_cdf(1.959963984540054), 0.975) < 1e-15);
  CHECK(rel_diff(pm::normal_cdf(-1.0), 0.15865525393145705) < 1e-14);
  for (double p = 1e-12; p < 1.0; p = (p < 0.5 ? p * 1.7 : 1.0 - (1.0 - p) / 1.7)) {
    INFO("p = " << p);
    const double z = pm::normal_quantile(p);
    const double back = p < 0.5 ? pm::normal_cdf(z) : 1.0 - pm::normal_cdf(z);
    CHECK(rel_diff(back, p < 0.5 ? p : 1.0 - p) < 1e-12);
    if (1.0 - p < 1e-12) break;
  }
  CHECK(std::fabs(pm::normal_quantile(0.5)) < 1e-16);
}

TEST_CASE("pmath lgamma and pow", "[pmath]") {
  for (double x = 0.01; x < 200.0; x *= 1.3) {
    INFO("x = " << x);
    CHECK(std::fabs(pm::lgamma(x) - std::lgamma(x)) <
          1e-13 * std::fmax(1.0, std::fabs(std::lgamma(x))));
  }
  CHECK(rel_diff(pm::pow(2.0, 10.0), 1024.0) < 1e-15);
  CHECK(rel_diff(pm::pow(10.0, -3.5), std::pow(10.0, -3.5)) < 1e-14);
}

TEST_CASE("Rng is reproducible and uniform() stays inside (0, 1)", "[pmath]") {
  pm::Rng a(42);
  pm::Rng b(42);
  pm::Rng c(43);
  double sum = 0.0;
  double sum_sq = 0.0;
  const int n = 200000;
  bool differs = false;
  for (int i = 0; i < n; ++i) {
    const double u = a.uniform();
    REQUIRE(u > 0.0);
    REQUIRE(u < 1.0);
    REQUIRE(u == b.uniform());
    differs = differs || (u != c.uniform());
    sum += u;
    sum_sq += u * u;
  }
  CHECK(differs);
  const double mean = sum / n;
  const double var = sum_sq / n - mean * mean;
  // Uniform(0,1): mean 1/2 (SE 0.00065), variance 1/12
  CHECK(std::fabs(mean - 0.5) < 0.003);
  CHECK(std::fabs(var - 1.0 / 12.0) < 0.002);
  pm::Rng g(7);
  double zs = 0.0;
  double zs2 = 0.0;
  for (int i = 0; i < n; ++i) {
    const double z = g.normal();
    zs += z;
    zs2 += z * z;
  }
  CHECK(std::fabs(zs / n) < 0.01);
  CHECK(std::fabs(zs2 / n - 1.0) < 0.015);
}

TEST_CASE("pmath::fast normal functions agree with the accurate ones to a few ulp", "[pmath]") {
  // The inner-loop versions (footprint quadrature and Monte Carlo, uncertainty sampling,
  // studentized range) against the continued-fraction Phi and the twice-refined quantile.
  double worst_cdf = 0, worst_pdf = 0;
  for (int i = -4000; i <= 4000; ++i) {
    const double z = i / 400.0;  // -10 .. 10, past both ends of the table
    worst_cdf = std::max(worst_cdf, rel_diff(pm::fast::normal_cdf(z), pm::normal_cdf(z)));
    worst_pdf = std::max(worst_pdf, rel_diff(pm::fast::normal_pdf(z), pm::normal_pdf(z)));
  }
  CHECK(worst_cdf < 5e-14);
  CHECK(worst_pdf < 5e-14);
  double worst_q = 0;
  for (int i = 1; i < 2000; ++i) {
    const double p = i / 2000.0;
    const double z = pm::normal_quantile(p);
    worst_q = std::max(worst_q,
                       std::fabs(pm::fast::normal_quantile(p) - z) / std::max(1.0, std::fabs(z)));
  }
  for (int k = 1; k <= 30; ++k) {  // the far tails, p from 1e-10 up
    const double p = std::pow(10.0, -10.0 + 9.0 * k / 30.0);
    for (double q : {p, 1.0 - p}) {
      const double z = pm::normal_quantile(q);
      worst_q = std::max(worst_q, std::fabs(pm::fast::normal_quantile(q) - z) / std::fabs(z));
    }
  }
  CHECK(worst_q < 1e-13);
  CHECK(pm::fast::normal_cdf(0.0) == 0.5);
  CHECK(pm::fast::normal_quantile(0.5) == 0.0);
  // Acklam's guess alone: within its published 1.15e-9 relative error.
  for (int i = 1; i < 1000; ++i) {
    const double p = i / 1000.0;
    const double z = pm::normal_quantile(p);
    CHECK(std::fabs(pm::normal_quantile_guess(p) - z) <= 1.15e-9 * std::max(1.0, std::fabs(z)));
  }
}
