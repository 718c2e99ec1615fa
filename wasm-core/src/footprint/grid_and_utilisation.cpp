// The v4 quantile-grid estimator and utilisation derived from GPU count and batch size.
//
// v4 grid (arXiv 2505.09598v4, section 4): every pair (L_i, R_j) of the five latency and
// five speed percentiles gives T_ij = L_i + O / R_j, and each T_ij gives E_min and E_max:
// 50 values whose mean and population SD (ddof 0) are the published figures. With
// w != 0.5 the E_max values weigh w and the E_min values 1 - w (w = 0.5: equal weights).
//
// Utilisation (paper appendix "batch size"): U = G * D / (N * B), N = 8 GPUs per node,
// B queries per batch, D the fraction of peak power the G GPUs draw. The coded table is
// at B = 8; the appendix gives, for Large models on H100 (G = 8):
//   B = 4 : U_GPU 10 - 13.5 %, U_nonGPU 12.5 %   ->  D_GPU 0.40 - 0.54
//   B = 8 : U_GPU 5.5 - 7.5 %, U_nonGPU 6.25 %   ->  D_GPU 0.44 - 0.60 (coded table)
//   B = 16: U_GPU 3.5 - 4.5 %, U_nonGPU 3.125 %  ->  D_GPU 0.56 - 0.72
// so D_GPU grows with B while D_nonGPU = 0.5 stays. For any class we take its coded D
// (U_coded * N * 8 / G_class) and scale it by the appendix ratio D(B) / D(8), linear in
// log2 B between 4, 8 and 16 and held at the end values outside that range (the paper
// gives no other batch sizes); D is capped at 1.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "footprint_internal.hpp"
#include "llmfp/pmath.hpp"

namespace llmfp::footprint {

TimeStats v4_grid(const PromptInputs& in, const Assumptions& a, double w_max) {
  const double p_min = power_kw(a.node, a.util.u_gpu_min, a.util.u_nongpu);
  const double p_max = power_kw(a.node, a.util.u_gpu_max, a.util.u_nongpu);
  std::vector<std::pair<double, double>> values;  // (energy Wh, weight)
  std::vector<double> times;
  for (double l : in.ttft_s) {
    for (double r : in.tps) {
      const double t = l + in.output_tokens / std::max(r, kMinTps);
      times.push_back(t);
      values.emplace_back(energy_wh(t, p_min, a.mult.pue), (1.0 - w_max) / 25.0);
      values.emplace_back(energy_wh(t, p_max, a.mult.pue), w_max / 25.0);
    }
  }
  TimeStats out;
  for (double l : in.ttft_s) out.ttft_mean_s += l / 5.0;
  for (double r : in.tps) out.inv_tps_mean += 1.0 / std::max(r, kMinTps) / 5.0;
  for (double t : times) out.mean_s += t / 25.0;
  for (double t : times) out.sd_s += (t - out.mean_s) * (t - out.mean_s) / 25.0;
  out.sd_s = std::sqrt(out.sd_s);
  out.has_energy = true;
  for (const auto& [e, wt] : values) out.energy_mean_wh += wt * e;
  for (const auto& [e, wt] : values) {
    out.energy_sd_wh += wt * (e - out.energy_mean_wh) * (e - out.energy_mean_wh);
  }
  out.energy_sd_wh = std::sqrt(out.energy_sd_wh);
  std::stable_sort(values.begin(), values.end());
  auto percentile = [&values, w_max](double p) {
    if (w_max == 0.5) {  // equal weights: NumPy's linear interpolation, as the authors
      std::vector<double> v;
      v.reserve(values.size());
      for (const auto& vw : values) v.push_back(vw.first);
      return percentile_linear(v, p);
    }
    double cum = 0;  // weighted: the smallest value whose cumulative weight reaches p
    for (const auto& [e, wt] : values) {
      cum += wt;
      if (cum >= p - 1e-12) return e;
    }
    return values.back().first;
  };
  out.energy_p5_wh = percentile(0.05);
  out.energy_p50_wh = percentile(0.50);
  out.energy_p95_wh = percentile(0.95);
  std::vector<double> t_sorted = times;
  out.p5_s = percentile_linear(t_sorted, 0.05);
  out.p50_s = percentile_linear(t_sorted, 0.50);
  out.p95_s = percentile_linear(t_sorted, 0.95);
  return out;
}

double batch_power_ratio(double batch, bool max_bound) {
  // D_GPU at B = 4, 8, 16 (appendix, Large H100), as ratios to B = 8.
  const double d4 = max_bound ? 0.54 : 0.40;
  const double d8 = max_bound ? 0.60 : 0.44;
  const double d16 = max_bound ? 0.72 : 0.56;
  if (batch <= 4.0) return d4 / d8;
  if (batch >= 16.0) return d16 / d8;
  const double x = pmath::log(batch / 4.0) / pmath::kLn2;  // 0 at B = 4, 1 at 8, 2 at 16
  const double d = x <= 1.0 ? d4 + x * (d8 - d4) : d8 + (x - 1.0) * (d16 - d8);
  return d / d8;
}

Utilisation derive_utilisation(const UtilisationBasis& basis, double gpus, double batch) {
  if (gpus == basis.coded_gpus && batch == basis.coded_batch) return basis.coded;
  const double to_d = basis.gpus_per_node * basis.coded_batch / basis.coded_gpus;
  const double to_u = gpus / (basis.gpus_per_node * batch);
  const double ratio_ref_min = batch_power_ratio(basis.coded_batch, false);
  const double ratio_ref_max = batch_power_ratio(basis.coded_batch, true);
  const double d_min = basis.coded.u_gpu_min * to_d / ratio_ref_min;  // D at B = 8
  const double d_max = basis.coded.u_gpu_max * to_d / ratio_ref_max;
  Utilisation u;
  u.u_gpu_min = std::min(1.0, d_min * batch_power_ratio(batch, false)) * to_u;
  u.u_gpu_max = std::min(1.0, d_max * batch_power_ratio(batch, true)) * to_u;
  u.u_nongpu = std::min(1.0, basis.coded.u_nongpu * to_d) * to_u;
  return u;
}

}  // namespace llmfp::footprint
