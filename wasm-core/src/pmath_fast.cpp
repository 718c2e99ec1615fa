// pmath::fast: the standard normal distribution, density and quantile for inner loops
// (pmath.hpp). Phi and phi are tabulated once at a_i = -i/64 on [-9, 0] with the accurate
// pmath functions; between nodes Phi follows its Taylor series in h = z - a (|h| <= 1/128)
// with the Hermite recurrence for the derivatives, phi follows phi(a) exp(-a h - h^2/2)
// with a short exp series, and the quantile is Acklam's guess plus one Halley step.
// Only + - * / and floor: identical natively and in WebAssembly. Agreement with the
// accurate functions is checked in tests/cpp/test_pmath.cpp.
#include <array>
#include <cmath>

#include "llmfp/pmath.hpp"

namespace llmfp::pmath::fast {
namespace {

constexpr int kPerUnit = 64;
constexpr int kSteps = 9 * kPerUnit;  // grid a_i = -i / 64, i = 0..576
constexpr int kTerms = 10;            // |a h| <= 9/128: the 10th term is < 1e-16 relative

struct Table {
  std::array<double, kSteps + 1> cdf{}, pdf{};
  Table() {
    for (int i = 0; i <= kSteps; ++i) {
      const double a = -static_cast<double>(i) / kPerUnit;
      cdf[i] = pmath::normal_cdf(a);  // the accurate ones (outer namespace)
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
  const double z = normal_quantile_guess(p);
  // Halley step on f(z) = Phi(z) - p (upper half: (1 - p) - Phi(-z), for precision).
  const double f = z < 0.0 ? normal_cdf(z) - p : (1.0 - p) - normal_cdf(-z);
  const double u = f / normal_pdf(z);
  return z - u / (1.0 + 0.5 * z * u);
}

}  // namespace llmfp::pmath::fast
