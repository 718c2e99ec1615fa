// Fast deterministic normal distribution and quantile for sampling (uncertainty.hpp).
//
// pmath::normal_cdf / normal_quantile are accurate to ~1e-15 but cost microseconds; the
// copula needs three of them per draw, and the sensitivity benchmark makes 200,000 draws.
// For drawing samples an absolute error of 1e-10 is far below the sampling error, so:
//   fast_normal_cdf:      cubic Hermite interpolation of Phi on a grid of step 1/128 over
//                         [-8.5, 8.5] (values and slopes phi from pmath, built once);
//                         |error| <= h^4 max|phi'''| / 384 ~ 1e-11; 0 / 1 outside.
//   fast_normal_quantile: Acklam's rational approximation (relative error < 1.15e-9),
//                         pmath::log in the tails, without refinement.
// Both use only + - * / sqrt floor and pmath: identical natively and in WebAssembly.
// Acklam, P. J. (2003), "An algorithm for computing the inverse
// normal cumulative distribution function" (coefficients a, b, c, d; breakpoint 0.02425).
// Cubic Hermite on [z_k, z_k + h], s = (z - z_k) / h:
//   Phi(z) ~ (2s^3 - 3s^2 + 1) F_k + (s^3 - 2s^2 + s) h f_k + (-2s^3 + 3s^2) F_k+1 + (s^3 - s^2) h
//   f_k+1
#include <cmath>
#include <vector>

#include "llmfp/pmath.hpp"
#include "llmfp/uncertainty.hpp"

namespace llmfp::uq {

namespace {

constexpr double kLo = -8.5;
constexpr double kSteps = 128.0;  // per unit of z
constexpr int kNodes = 17 * 128 + 1;

struct Table {
  std::vector<double> cdf, pdf;
  Table() : cdf(kNodes), pdf(kNodes) {
    for (int k = 0; k < kNodes; ++k) {
      const double z = kLo + k / kSteps;  // exact: k / 128 is a dyadic fraction
      cdf[k] = pmath::normal_cdf(z);
      pdf[k] = pmath::normal_pdf(z);
    }
  }
};

const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

double fast_normal_cdf(double z) {
  if (!(z > kLo)) return z <= kLo ? 0.0 : z;  // NaN passes through
  const double t = (z - kLo) * kSteps;
  if (t >= kNodes - 1) return 1.0;
  const Table& tab = table();
  const double fk = std::floor(t);
  const int k = static_cast<int>(fk);
  const double s = t - fk;
  const double h = 1.0 / kSteps;
  const double s2 = s * s;
  const double s3 = s2 * s;
  const double v = (2.0 * s3 - 3.0 * s2 + 1.0) * tab.cdf[k] + (s3 - 2.0 * s2 + s) * h * tab.pdf[k] +
                   (-2.0 * s3 + 3.0 * s2) * tab.cdf[k + 1] + (s3 - s2) * h * tab.pdf[k + 1];
  return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
}

double fast_normal_quantile(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  constexpr double kBreak = 0.02425;
  auto tail = [&](double q) {  // q = sqrt(-2 log p) for the lower tail
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  };
  if (p < kBreak) return tail(std::sqrt(-2.0 * pmath::log(p)));
  if (p > 1.0 - kBreak) return -tail(std::sqrt(-2.0 * pmath::log(1.0 - p)));
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

}  // namespace llmfp::uq
