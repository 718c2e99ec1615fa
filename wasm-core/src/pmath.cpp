// Deterministic elementary functions: see pmath.hpp for why.
//
// exp: x = k ln2 + r, |r| <= ln2/2 (Cody-Waite split of ln2), exp(r) by its Taylor
//      series to r^17 (truncation < 1e-22 relative), then scaled by 2^k with ldexp.
// log: x = m 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(s), s = (m-1)/(m+1),
//      |s| < 0.1716, odd series to s^29.
// erfc: x < 1: erf(x) = (2/sqrt(pi)) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1))
//      (all terms positive: no cancellation); x >= 1: Laplace continued fraction
//      erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))),
//      evaluated backwards from a fixed depth.
// normal_quantile: Acklam's rational approximation, then two Halley steps on Phi.
// lgamma: Lanczos (g = 7, 9 terms) with the reflection-free form for x >= 0.5 and
//      lgamma(x) = lgamma(x + 1) - log(x) below.
#include "llmfp/pmath.hpp"

#include <cmath>
#include <limits>

namespace llmfp::pmath {

namespace {
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // upper bits of ln 2
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

double exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893384) return kInf;
  if (x < -745.1332191019412) return 0.0;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  // Horner evaluation of sum_{n=0}^{17} r^n / n!
  double p = 1.0;
  for (int n = 17; n >= 1; --n) p = 1.0 + p * r / n;
  return std::ldexp(p, static_cast<int>(k));
}

double log(double x) {
  if (std::isnan(x) || x < 0.0) return kNaN;
  if (x == 0.0) return -kInf;
  if (std::isinf(x)) return kInf;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1)
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    e -= 1;
  }
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double series = 1.0 / 29.0;
  for (int k = 27; k >= 1; k -= 2) series = 1.0 / k + s2 * series;
  const double log_m = 2.0 * s * series;
  return e * kLn2Hi + (e * kLn2Lo + log_m);
}

double pow(double x, double y) {
  if (std::isnan(x) || std::isnan(y) || x < 0.0) return kNaN;
  if (y == 0.0) return 1.0;
  if (x == 0.0) return y > 0.0 ? 0.0 : kInf;
  if (x == 1.0) return 1.0;
  return exp(y * log(x));
}

namespace {

// exp(-x^2) without the rounding error of x*x (which is 1e-13 relative at x = 16):
// x = h + l with h = x rounded down to 1/16, so h*h is exact.
double exp_minus_square(double x) {
  const double h = std::floor(x * 16.0) / 16.0;
  const double l = x - h;
  return exp(-h * h) * exp(-l * (x + h));
}

// erf(x) for 0 <= x < 1 by the positive-term series.
double erf_series(double x) {
  const double x2 = x * x;
  double term = x;
  double sum = x;
  for (int n = 1; n < 200; ++n) {
    term *= 2.0 * x2 / (2.0 * n + 1.0);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return 2.0 / std::sqrt(kPi) * exp_minus_square(x) * sum;
}

// erfc(x) for x >= 1 by the continued fraction (depth 250 reaches 2e-16 at x = 1).
double erfc_fraction(double x) {
  double f = x;
  for (int k = x < 2.0 ? 250 : 80; k >= 1; --k) f = x + (k * 0.5) / f;
  return exp_minus_square(x) / std::sqrt(kPi) / f;
}

}  // namespace

double erfc(double x) {
  if (std::isnan(x)) return x;
  if (x < 0.0) return 2.0 - erfc(-x);
  if (x < 1.0) return 1.0 - erf_series(x);
  if (x > 27.3) return 0.0;
  return erfc_fraction(x);
}

double erf(double x) {
  if (std::isnan(x)) return x;
  if (x < 0.0) return -erf(-x);
  if (x < 1.0) return erf_series(x);
  return 1.0 - erfc_fraction(x);
}

double normal_pdf(double z) { return exp(-0.5 * z * z) / std::sqrt(2.0 * kPi); }

double normal_cdf(double z) { return 0.5 * erfc(-z / kSqrt2); }

double normal_quantile_guess(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  constexpr double kLow = 0.02425;   // below (and above 1 - kLow): the tail form
  const auto tail = [&](double q) {  // q = sqrt(-2 log p) of the nearer tail
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  };
  if (p < kLow) return tail(std::sqrt(-2.0 * log(p)));
  if (p > 1.0 - kLow) return -tail(std::sqrt(-2.0 * log(1.0 - p)));
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

double normal_quantile(double p) {
  if (std::isnan(p) || p < 0.0 || p > 1.0) return kNaN;
  if (p == 0.0) return -kInf;
  if (p == 1.0) return kInf;
  double z = normal_quantile_guess(p);
  // Halley refinement on f(z) = Phi(z) - p; work in the smaller tail for accuracy.
  for (int i = 0; i < 2; ++i) {
    // f(z) = Phi(z) - p, computed as (1 - p) - Q(z) in the upper half for precision.
    const double f = (z < 0.0) ? normal_cdf(z) - p : (1.0 - p) - 0.5 * erfc(z / kSqrt2);
    const double u = f * std::sqrt(2.0 * kPi) * exp(0.5 * z * z);
    z = z - u / (1.0 + 0.5 * z * u);
  }
  return z;
}

double lgamma(double x) {
  if (std::isnan(x) || x <= 0.0) return kNaN;
  if (x < 0.5) return lgamma(x + 1.0) - log(x);
  static const double g = 7.0;
  static const double coef[] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                                771.32342877765313,   -176.61502916214059,   12.507343278686905,
                                -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  const double z = x - 1.0;
  double sum = coef[0];
  for (int i = 1; i < 9; ++i) sum += coef[i] / (z + i);
  const double t = z + g + 0.5;
  return 0.5 * log(2.0 * kPi) + (z + 0.5) * log(t) - t + log(sum);
}

// ---- Rng ------------------------------------------------------------------------------

namespace {
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

Rng::Rng(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (auto& word : s_) word = splitmix64(state);
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double Rng::uniform() {
  // 53 random bits, centred in their cell: (i + 0.5) / 2^53 lies strictly in (0, 1).
  return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;
}

double Rng::normal() { return normal_quantile(uniform()); }

}  // namespace llmfp::pmath
