// Per-query energy, water and carbon (Jegham et al., arXiv 2505.09598, section 4 / v6
// section 4.3, and the authors' dashboard code for the constants the paper does not print).
//
//   T   = L + O / R                      seconds; L latency (ttft_s), R speed (tps), O output_tokens
//   P_b = P_GPU * U_GPU,b + P_nonGPU * U_nonGPU          kW, b in {min, max}
//   E_b = T / 3600 * P_b * PUE  (kWh)  = T * P_b * PUE / 3.6  (Wh)
//   E   = w * E_max + (1 - w) * E_min = T * Pbar * PUE / 3.6,  Pbar = w P_max + (1 - w) P_min
//   W   = E * (WUE_site / PUE + WUE_source)   mL (E in Wh, WUE in L/kWh = mL/Wh)
//   C   = E * CIF                             g  (CIF in kg/kWh = g/Wh)
//
// Estimators of the distribution of E over (L, R):
//   v6 quadrature  : copula_quadrature.cpp (exact mean, quadrature SD and percentiles)
//   v6 Monte Carlo : N draws (z1, z2) ~ N(0, [[1, rho], [rho, 1]]) from pmath::Rng uniforms
//                    (u1 uniform, z1 = Phi^-1(u1), z2 = rho z1 + s Phi^-1(u3)), u = Phi(z)
//                    clipped to [0.05, 0.95], marginals by linear interpolation; sample mean,
//                    sample SD (ddof 1), percentiles by linear interpolation (NumPy default).
//   v4 grid        : the 25 pairs (L_i, R_j) of percentiles times {E_min, E_max} = 50 values;
//                    mean and population SD (ddof 0); weights w / (1 - w) when w != 0.5.
// Symbols -> fields: L ttft_s, R tps, O output_tokens, P_GPU p_gpu_kw, P_nonGPU p_nongpu_kw,
// U u_gpu_min / u_gpu_max / u_nongpu, PUE pue, WUE wue_site_l_per_kwh / wue_source_l_per_kwh,
// CIF cif_kg_per_kwh, w w_max, rho rho.
#include "llmfp/footprint.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "footprint_internal.hpp"
#include "llmfp/pmath.hpp"

namespace llmfp::footprint {

double power_kw(const Node& node, double u_gpu, double u_nongpu) {
  return node.p_gpu_kw * u_gpu + node.p_nongpu_kw * u_nongpu;
}

double expected_power_kw(const Node& node, const Utilisation& util, double w_max) {
  return w_max * power_kw(node, util.u_gpu_max, util.u_nongpu) +
         (1.0 - w_max) * power_kw(node, util.u_gpu_min, util.u_nongpu);
}

double energy_wh(double time_s, double power_kw_value, double pue) {
  return time_s * power_kw_value * pue / 3.6;
}

double query_energy_wh(double ttft_s, double tps, double output_tokens, const Assumptions& a,
                       double w_max) {
  const double time_s = ttft_s + output_tokens / std::max(tps, kMinTps);
  return energy_wh(time_s, expected_power_kw(a.node, a.util, w_max), a.mult.pue);
}

double water_ml_per_wh(const Multipliers& m) {
  return m.wue_site_l_per_kwh / m.pue + m.wue_source_l_per_kwh;
}

Quantiles sorted(Quantiles q) {
  std::sort(q.begin(), q.end());
  return q;
}

double marginal_at(const Quantiles& q, double u) {
  if (!(u > kLevels[0])) return q[0];
  if (!(u < kLevels[4])) return q[4];
  std::size_t k = 0;
  while (u > kLevels[k + 1]) ++k;
  const double f = (u - kLevels[k]) / (kLevels[k + 1] - kLevels[k]);
  return q[k] + f * (q[k + 1] - q[k]);
}

double marginal_mean(const Quantiles& q) {
  double m = kLevels[0] * q[0] + (1.0 - kLevels[4]) * q[4];
  for (std::size_t k = 0; k + 1 < q.size(); ++k) {
    m += (kLevels[k + 1] - kLevels[k]) * 0.5 * (q[k] + q[k + 1]);
  }
  return m;
}

namespace {
// Integral of 1/(a + b u) over a segment of width du from value y0 to y1 (both > 0).
double inverse_segment(double y0, double y1, double du) {
  const double x = (y1 - y0) / y0;
  if (std::fabs(x) < 1e-4) {  // log(1 + x) / x by its series: no cancellation
    return du / y0 * (1.0 - x / 2.0 + x * x / 3.0 - x * x * x / 4.0);
  }
  return du * pmath::log(y1 / y0) / (y1 - y0);
}
}  // namespace

double marginal_inverse_mean(const Quantiles& q) {
  double m = kLevels[0] / q[0] + (1.0 - kLevels[4]) / q[4];
  for (std::size_t k = 0; k + 1 < q.size(); ++k) {
    m += inverse_segment(q[k], q[k + 1], kLevels[k + 1] - kLevels[k]);
  }
  return m;
}

double marginal_second_moment(const Quantiles& q) {
  double m = kLevels[0] * q[0] * q[0] + (1.0 - kLevels[4]) * q[4] * q[4];
  for (std::size_t k = 0; k + 1 < q.size(); ++k) {
    const double a = q[k];
    const double b = q[k + 1];
    m += (kLevels[k + 1] - kLevels[k]) * (a * a + a * b + b * b) / 3.0;
  }
  return m;
}

double marginal_inverse_second_moment(const Quantiles& q) {
  double m = kLevels[0] / (q[0] * q[0]) + (1.0 - kLevels[4]) / (q[4] * q[4]);
  for (std::size_t k = 0; k + 1 < q.size(); ++k) {
    m += (kLevels[k + 1] - kLevels[k]) / (q[k] * q[k + 1]);
  }
  return m;
}

double energy_wh_mean(const PromptInputs& in, const Assumptions& a, double w_max) {
  const double time_s =
      marginal_mean(sorted(in.ttft_s)) + in.output_tokens * marginal_inverse_mean(sorted(in.tps));
  return energy_wh(time_s, expected_power_kw(a.node, a.util, w_max), a.mult.pue);
}

double percentile_linear(std::vector<double>& values, double p) {
  std::sort(values.begin(), values.end());
  const double pos = p * static_cast<double>(values.size() - 1);
  const auto i = static_cast<std::size_t>(std::floor(pos));
  if (i + 1 >= values.size()) return values.back();
  return values[i] + (pos - static_cast<double>(i)) * (values[i + 1] - values[i]);
}

namespace {

// Fills everything that only depends on time moments and the power/multiplier factors.
Result finish(const TimeStats& t, const Assumptions& a, double w_max) {
  Result r;
  Work& w = r.work;
  w.ttft_mean_s = t.ttft_mean_s;
  w.inv_tps_mean_s_per_token = t.inv_tps_mean;
  w.time_mean_s = t.mean_s;
  w.time_sd_s = t.sd_s;
  w.power_min_kw = power_kw(a.node, a.util.u_gpu_min, a.util.u_nongpu);
  w.power_max_kw = power_kw(a.node, a.util.u_gpu_max, a.util.u_nongpu);
  w.power_expected_kw = expected_power_kw(a.node, a.util, w_max);
  w.energy_min_wh = energy_wh(t.mean_s, w.power_min_kw, a.mult.pue);
  w.energy_max_wh = energy_wh(t.mean_s, w.power_max_kw, a.mult.pue);
  w.water_ml_per_wh = water_ml_per_wh(a.mult);
  w.carbon_g_per_wh = a.mult.cif_kg_per_kwh;
  const double k = energy_wh(1.0, w.power_expected_kw, a.mult.pue);  // Wh per second of T
  Summary& e = r.energy_wh;
  e.mean = t.mean_s * k;
  e.sd = t.sd_s * k;
  e.p5 = t.p5_s * k;
  e.p50 = t.p50_s * k;
  e.p95 = t.p95_s * k;
  e.low = w.energy_min_wh;
  e.high = w.energy_max_wh;
  if (t.has_energy) {  // v4: the energy values are not a multiple of T
    e.mean = t.energy_mean_wh;
    e.sd = t.energy_sd_wh;
    e.p5 = t.energy_p5_wh;
    e.p50 = t.energy_p50_wh;
    e.p95 = t.energy_p95_wh;
  }
  auto scaled = [&e](double f) {
    return Summary{e.mean * f, e.sd * f, e.p5 * f, e.p50 * f, e.p95 * f, e.low * f, e.high * f};
  };
  r.water_ml = scaled(w.water_ml_per_wh);
  r.carbon_g = scaled(w.carbon_g_per_wh);
  return r;
}

TimeStats monte_carlo(const PromptInputs& in, const Settings& s) {
  const Quantiles ttft = sorted(in.ttft_s);
  const Quantiles tps = sorted(in.tps);
  const double c = std::sqrt(1.0 - s.rho * s.rho);
  pmath::Rng rng(s.seed);
  std::vector<double> times(static_cast<std::size_t>(s.draws));
  double sum_l = 0, sum_g = 0;
  for (double& t : times) {
    const double u1 = rng.uniform();  // = Phi(z1)
    const double z1 = pmath::fast::normal_quantile(u1);
    const double z2 = s.rho * z1 + c * pmath::fast::normal_quantile(rng.uniform());
    const double l = marginal_at(ttft, u1);
    const double g = 1.0 / std::max(marginal_at(tps, pmath::fast::normal_cdf(z2)), kMinTps);
    sum_l += l;
    sum_g += g;
    t = l + in.output_tokens * g;
  }
  const auto n = static_cast<double>(times.size());
  TimeStats out;
  out.ttft_mean_s = sum_l / n;
  out.inv_tps_mean = sum_g / n;
  double sum = 0;
  for (double t : times) sum += t;
  out.mean_s = sum / n;
  double ss = 0;
  for (double t : times) ss += (t - out.mean_s) * (t - out.mean_s);
  out.sd_s = times.size() > 1 ? std::sqrt(ss / (n - 1.0)) : 0.0;
  out.p5_s = percentile_linear(times, 0.05);
  out.p50_s = percentile_linear(times, 0.50);
  out.p95_s = percentile_linear(times, 0.95);
  return out;
}

}  // namespace

Result estimate(const PromptInputs& in, const Assumptions& a, const Settings& s) {
  TimeStats t;
  if (s.estimator == Estimator::kV4) {
    t = v4_grid(in, a, s.w_max);
  } else if (s.sampling == Sampling::kMonteCarlo) {
    t = monte_carlo(in, s);
  } else {
    t = copula_quadrature(in, s.rho);
  }
  return finish(t, a, s.w_max);
}

}  // namespace llmfp::footprint
