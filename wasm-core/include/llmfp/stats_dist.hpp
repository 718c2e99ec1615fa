// Distribution functions for the statistical tests (stats.hpp), on pmath only, so that
// p-values are bit-identical natively and in WebAssembly.
//
//   regularized incomplete beta  I_x(a, b)        continued fraction (modified Lentz)
//   F distribution               P(F > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2)
//   Student t                    P(|T| > t) = I_{df/(df + t^2)}(df/2, 1/2)
//   studentized range            P(Q <= q; k, df), numerical integration (stats_dist.cpp)
#pragma once

namespace llmfp::stats {

/// Regularized incomplete beta I_x(a, b) for a, b > 0 and x in [0, 1]; y must be 1 - x
/// computed by the caller without rounding where possible. upper = true returns
/// 1 - I_x(a, b) = I_y(b, a) without cancellation.
double beta_inc(double a, double b, double x, double y, bool upper = false);

/// Survival function of the F distribution: P(F > f), f >= 0, d1, d2 > 0.
double f_sf(double f, double d1, double d2);
/// Two-sided p-value of Student's t: P(|T| > |t|), df > 0.
double t_two_sided_p(double t, double df);
/// Cumulative distribution of Student's t.
double t_cdf(double t, double df);
/// Quantile of Student's t (0 < p < 1).
double t_quantile(double p, double df);

/// Studentized range distribution of the range of k standard normal means divided by an
/// independent sqrt(chi^2_df / df): P(Q <= q). k >= 2, df >= 1 (df > 1e5 uses df = inf).
double studentized_range_cdf(double q, double k, double df);
/// Upper tail P(Q > q).
double studentized_range_sf(double q, double k, double df);
/// Quantile: the q with P(Q <= q) = p (0 < p < 1).
double studentized_range_quantile(double p, double k, double df);

}  // namespace llmfp::stats
