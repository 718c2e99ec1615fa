// Fast, deterministic standard normal distribution and quantile for the footprint
// estimators (millions of calls per request). pmath::normal_cdf evaluates a continued
// fraction of depth up to 250 (about 1 us a call here); these give the same values to a
// few ulp in ~20-40 ns, using only + - * / and pmath functions, so results stay
// bit-identical natively and in WebAssembly.
#pragma once

namespace llmfp::footprint::fast {

/// Phi(z). Taylor series around a table of Phi and phi at steps of 1/64 on [-9, 0]:
/// Phi(a + h) = Phi(a) + phi(a) sum_{n>=0} (-1)^n He_n(a) h^{n+1} / (n+1)!,
/// He_{n+1} = z He_n - n He_{n-1} (probabilists' Hermite); |h| <= 1/128, 12 terms.
/// Outside [-9, 9] it defers to pmath::normal_cdf.
double normal_cdf(double z);
/// phi(z), the standard normal density, from the same table.
double normal_pdf(double z);
/// Phi^-1(p), 0 < p < 1: pmath's rational first guess refined by one Halley step on the
/// fast Phi above.
double normal_quantile(double p);

}  // namespace llmfp::footprint::fast
