// Portable, deterministic elementary functions.
//
// Why not <cmath>: the native build links glibc (whose exp/log pick FMA variants at run
// time on some CPUs) and the wasm build links musl; the two can differ in the last bit,
// and std::normal_distribution differs between libstdc++ and libc++. The engine promises
// bit-identical results natively and in WebAssembly for the same request and seed, so
// every transcendental function the numbers depend on comes from here. Only IEEE-exact
// operations are used (+ - * /, sqrt, floor, frexp, ldexp), with -ffp-contract=off.
// Accuracy: a few ulp (tests/cpp/test_pmath.cpp checks against <cmath>).
#pragma once

#include <cstdint>

namespace llmfp::pmath {

inline constexpr double kPi = 3.141592653589793238462643383279502884;
inline constexpr double kLn2 = 0.693147180559945309417232121458176568;
inline constexpr double kSqrt2 = 1.414213562373095048801688724209698079;

double exp(double x);
double log(double x);
/// x^y for x > 0 (exp(y log x)); x == 0 gives 0 for y > 0; negative x gives NaN.
double pow(double x, double y);
/// Complementary error function, relative accuracy ~1e-15 for x < 26.
double erfc(double x);
double erf(double x);
/// Standard normal density, distribution and quantile (Phi^-1, for 0 < p < 1).
double normal_pdf(double z);
double normal_cdf(double z);
double normal_quantile(double p);
/// Acklam's rational approximation of Phi^-1 for 0 < p < 1 (relative error < 1.15e-9;
/// P. J. Acklam, 2003): the first guess that normal_quantile refines.
double normal_quantile_guess(double p);
/// log Gamma(x) for x > 0 (Lanczos, relative accuracy ~1e-14).
double lgamma(double x);

/// The same three functions for inner loops (the footprint quadrature and Monte Carlo, the
/// uncertainty sampler, the studentized range), agreeing with the ones above to a few ulp
/// in ~20-40 ns instead of ~1 us (normal_cdf evaluates a continued fraction of depth up
/// to 250). Built on them, with + - * / only (pmath_fast.cpp has the method).
namespace fast {
/// Phi(z). Taylor series around a table of Phi and phi at steps of 1/64 on [-9, 0]:
/// Phi(a + h) = Phi(a) + phi(a) sum_{n>=0} (-1)^n He_n(a) h^{n+1} / (n+1)!,
/// He_{n+1} = a He_n - n He_{n-1} (probabilists' Hermite); |h| <= 1/128, 10 terms.
/// Outside [-9, 9] it defers to pmath::normal_cdf.
double normal_cdf(double z);
/// phi(z), the standard normal density, from the same table.
double normal_pdf(double z);
/// Phi^-1(p), 0 < p < 1: normal_quantile_guess refined by one Halley step on fast Phi.
double normal_quantile(double p);
}  // namespace fast

/// xoshiro256** generator seeded by splitmix64: identical streams on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  std::uint64_t next();
  /// Uniform in the open interval (0, 1): never returns 0 or 1.
  double uniform();
  /// Standard normal draw by inversion (normal_quantile(uniform())).
  double normal();

 private:
  std::uint64_t s_[4];
};

}  // namespace llmfp::pmath
