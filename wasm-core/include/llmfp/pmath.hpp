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
/// log Gamma(x) for x > 0 (Lanczos, relative accuracy ~1e-14).
double lgamma(double x);

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
