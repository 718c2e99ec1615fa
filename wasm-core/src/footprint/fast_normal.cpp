// Fast normal distribution: see fast_normal.hpp for the method.
#include "fast_normal.hpp"

#include <array>
#include <cmath>

#include "llmfp/pmath.hpp"

namespace llmfp::footprint::fast {
namespace {

constexpr int kPerUnit = 64;
constexpr int kSteps = 9 * kPerUnit;  // grid a_i = -i / 64, i = 0..576
constexpr int kTerms = 10;            // |a h| <= 9/128: the 10th term is < 1e-16 relative

struct Table {
  std::array<double, kSteps + 1> cdf{}, pdf{};
  Table() {
    for (int i = 0; i <= kSteps; ++i) {
      const double a = -static_cast<double>(i) / kPerUnit;
      cdf[i] = pmath::normal_cdf(a);
      pdf[i] = pmath::normal_pdf(a);
    }
  }
};

const Table& table() {
  static const Table t;
  return t;
}

int nearest(double z) { return static_cast<int>(std::floor(-z * kPerUnit + 0.5)); }

// 1/n, so the series below multiply instead of divide (a division costs ~15 multiplies).
constexpr std::array<double, 20> kInverse = {0.0,      1.0,      1.0 / 2,  1.0 / 3,  1.0 / 4,
                                             1.0 / 5,  1.0 / 6,  1.0 / 7,  1.0 / 8,  1.0 / 9,
                                             1.0 / 10, 1.0 / 11, 1.0 / 12, 1.0 / 13, 1.0 / 14,
                                             1.0 / 15, 1.0 / 16, 1.0 / 17, 1.0 / 18, 1.0 / 19};

// exp(x) for |x| <= 0.071 (|a h| + h^2/2 on the grid) by its Taylor series to x^11
// (truncation < 1e-21).
double small_exp(double x) {
  double p = 1.0;
  for (int n = 11; n >= 1; --n) p = 1.0 + p * x * kInverse[n];
  return p;
}

// Phi(z) for -9 <= z <= 0.
double lower_cdf(double z) {
  const Table& t = table();
  const int i = nearest(z);
  const double a = -static_cast<double>(i) / kPerUnit;
  const double h = z - a;
  // sum_{n>=0} (-1)^n He_n(a) h^{n+1} / (n+1)!
  double he_prev = 0.0;  // He_{-1}
  double he = 1.0;       // He_0
  double power = h;      // h^{n+1} / (n+1)!
  double sum = power;
  for (int n = 0; n + 1 < kTerms; ++n) {
    const double he_next = a * he - n * he_prev;
    he_prev = he;
    he = he_next;
    power *= -h * kInverse[n + 2];
    sum += he * power;
  }
  return t.cdf[i] + t.pdf[i] * sum;
}

// Acklam's rational approximation of Phi^-1 (relative error 1.15e-9; P. J. Acklam, 2003).
double quantile_guess(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  auto tail = [&](double q) {
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  };
  if (p < 0.02425) return tail(std::sqrt(-2.0 * pmath::log(p)));
  if (p > 1.0 - 0.02425) return -tail(std::sqrt(-2.0 * pmath::log(1.0 - p)));
  const double q = p - 0.5;
  const double r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

}  // namespace

double normal_cdf(double z) {
  if (!(z >= -9.0 && z <= 9.0)) return pmath::normal_cdf(z);
  return z <= 0.0 ? lower_cdf(z) : 1.0 - lower_cdf(-z);
}

// phi(z) = phi(a) exp(-a h - h^2 / 2) for |z| <= 9 (a the nearest grid point).
double normal_pdf(double z) {
  const double x = -std::fabs(z);
  if (!(x >= -9.0)) return pmath::normal_pdf(z);
  const int i = nearest(x);
  const double a = -static_cast<double>(i) / kPerUnit;
  const double h = x - a;
  return table().pdf[i] * small_exp(-a * h - 0.5 * h * h);
}

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) return pmath::normal_quantile(p);
  const double z = quantile_guess(p);
  // Halley step on f(z) = Phi(z) - p (upper half: (1 - p) - Phi(-z), for precision).
  const double f = z < 0.0 ? normal_cdf(z) - p : (1.0 - p) - normal_cdf(-z);
  const double u = f / normal_pdf(z);
  return z - u / (1.0 + 0.5 * z * u);
}

}  // namespace llmfp::footprint::fast
