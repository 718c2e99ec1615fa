// Internals shared by the footprint sources (not part of the public interface).
#pragma once

#include <vector>

#include "llmfp/footprint.hpp"

namespace llmfp::footprint {

/// Output speed floor of the method (tokens/s), so 1/R stays finite.
inline constexpr double kMinTps = 1e-9;

/// Distribution of the time of one query T = L + O/R (seconds), as an estimator sees it.
/// The v4 grid mixes two power levels, so it reports energy moments directly.
struct TimeStats {
  double ttft_mean_s = 0, inv_tps_mean = 0;
  double mean_s = 0, sd_s = 0, p5_s = 0, p50_s = 0, p95_s = 0;
  bool has_energy = false;
  double energy_mean_wh = 0, energy_sd_wh = 0;
  double energy_p5_wh = 0, energy_p50_wh = 0, energy_p95_wh = 0;
};

double marginal_second_moment(const Quantiles& q);          // E[X^2]
double marginal_inverse_second_moment(const Quantiles& q);  // E[1/X^2]
/// NumPy's default percentile (linear interpolation between order statistics); sorts.
double percentile_linear(std::vector<double>& values, double p);

TimeStats copula_quadrature(const PromptInputs& in, double rho);
TimeStats v4_grid(const PromptInputs& in, const Assumptions& a, double w_max);

}  // namespace llmfp::footprint
