// Per-query energy, water and carbon of LLM inference (Jegham et al., "How Hungry is AI?",
// arXiv 2505.09598, v4 and v6; see docs/estimate.md).
//
//   time of one query, s       T = L + O / R           (L latency, R tokens/s, O output tokens)
//   node power at bound b, kW  P_b = P_GPU * U_GPU,b + P_nonGPU * U_nonGPU
//   energy at bound b, Wh      E_b = T / 3600 * P_b * PUE * 1000
//   expected energy, Wh        E = w * E_max + (1 - w) * E_min          (w = 0.5)
//   water, mL                  W = E * (WUE_site / PUE + WUE_source)    (L/kWh = mL/Wh)
//   carbon, g CO2e             C = E * CIF                              (kg/kWh = g/Wh)
//
// L and R vary: each is given by five percentiles (P5, P25, P50, P75, P95). The v6
// estimator couples them with a Gaussian copula (rho = -0.3), the v4 estimator takes the
// 25-point grid of percentile pairs. Plain structs only: estimate_rows.hpp estimates
// dataset rows with them; the ops convert JSON (ops/estimate_request.cpp, estimate_json.cpp).
// This header is used directly by other parts of the engine (uncertainty, sensitivity):
// keep it stable.
#pragma once

#include <array>
#include <cstdint>

namespace llmfp::footprint {

/// Percentile levels of the latency and speed inputs, as fractions.
inline constexpr std::array<double, 5> kLevels = {0.05, 0.25, 0.50, 0.75, 0.95};
using Quantiles = std::array<double, 5>;

/// One (model, prompt) measurement.
struct PromptInputs {
  double output_tokens = 0;  // O
  Quantiles ttft_s{};        // L: time to first token, s (P5..P95)
  Quantiles tps{};           // R: output speed, tokens/s (P5..P95), all > 0
};

/// Rated power of one node (8 GPUs) of the hardware class.
struct Node {
  double p_gpu_kw = 0;
  double p_nongpu_kw = 0;
};

/// Fractions of node power drawn by one query (already divided by GPUs per node and batch).
struct Utilisation {
  double u_gpu_min = 0;
  double u_gpu_max = 0;
  double u_nongpu = 0;
};

/// Host multipliers.
struct Multipliers {
  double pue = 1;
  double wue_site_l_per_kwh = 0;    // on IT energy
  double wue_source_l_per_kwh = 0;  // on facility energy
  double cif_kg_per_kwh = 0;        // = g per Wh
};

struct Assumptions {
  Node node;
  Utilisation util;
  Multipliers mult;
};

enum class Estimator { kV6, kV4 };
enum class Sampling { kQuadrature, kMonteCarlo };

struct Settings {
  Estimator estimator = Estimator::kV6;
  Sampling sampling = Sampling::kQuadrature;  // v6 only
  int draws = 10000;                          // v6 Monte Carlo only
  std::uint64_t seed = 0;                     // v6 Monte Carlo only
  double rho = -0.3;                          // copula correlation of (L, R), v6
  double w_max = 0.5;                         // weight of the U_max bound
};

/// Distribution summary of one quantity per query. low/high: means at U_min / U_max.
struct Summary {
  double mean = 0, sd = 0, p5 = 0, p50 = 0, p95 = 0, low = 0, high = 0;
};

/// The intermediate numbers of each step ("show the work").
struct Work {
  double ttft_mean_s = 0;               // E[L]
  double inv_tps_mean_s_per_token = 0;  // E[1/R]
  double time_mean_s = 0;               // E[T] = E[L] + O * E[1/R] (estimator's own mean)
  double time_sd_s = 0;                 // SD of T
  double power_min_kw = 0;              // P at U_GPU,min
  double power_max_kw = 0;              // P at U_GPU,max
  double power_expected_kw = 0;         // w * P_max + (1 - w) * P_min
  double energy_min_wh = 0;             // mean energy at U_min (= energy_wh.low)
  double energy_max_wh = 0;             // mean energy at U_max (= energy_wh.high)
  double water_ml_per_wh = 0;           // WUE_site / PUE + WUE_source
  double carbon_g_per_wh = 0;           // CIF
};

struct Result {
  Summary energy_wh, water_ml, carbon_g;
  Work work;
};

// ---- building blocks (also used by the uncertainty engine) ------------------------------

/// Node power (kW) at a GPU and non-GPU utilisation.
double power_kw(const Node& node, double u_gpu, double u_nongpu);
/// w-weighted node power of the two utilisation bounds, kW.
double expected_power_kw(const Node& node, const Utilisation& util, double w_max);
/// Energy (Wh) of one query that takes time_s seconds at node power power_kw and a PUE.
double energy_wh(double time_s, double power_kw, double pue);
/// Energy (Wh) of one query with this latency and speed under the assumptions.
double query_energy_wh(double ttft_s, double tps, double output_tokens, const Assumptions& a,
                       double w_max);
/// mL of water per Wh: WUE_site / PUE + WUE_source.
double water_ml_per_wh(const Multipliers& m);

/// Percentiles made non-decreasing (sorted), as the method requires.
Quantiles sorted(Quantiles q);
/// Value of a marginal at probability u: linear interpolation through (kLevels, q), u
/// clipped to [0.05, 0.95] (flat tails). q must be sorted.
double marginal_at(const Quantiles& q, double u);
/// Exact E[X] of that marginal for U uniform on (0, 1).
double marginal_mean(const Quantiles& q);
/// Exact E[1/X] for positive q.
double marginal_inverse_mean(const Quantiles& q);

/// Exact mean energy (Wh) of the v6 copula (depends only on E[L] and E[1/R]).
double energy_wh_mean(const PromptInputs& in, const Assumptions& a, double w_max);

/// The full estimate for one (model, prompt). Inputs must be valid (dataset.hpp checks).
Result estimate(const PromptInputs& in, const Assumptions& a, const Settings& s);

// ---- utilisation from GPU count and batch size (paper appendix) -------------------------

/// U = G * D / (N * B): G GPUs of the N = 8 in a node serve a batch of B queries, drawing
/// the fraction D of their peak power. The coded table (B = 8) gives D per bound; the
/// batch-size appendix (Large, H100) gives D at B = 4 and B = 16 as well, which this scales
/// by (linear in log2 B between 4, 8 and 16; held at the end values outside). The non-GPU
/// fraction D_nonGPU does not change with B. D is capped at 1.
struct UtilisationBasis {
  Utilisation coded;       // the coded table's values for the class
  double coded_gpus = 8;   // the class's GPU count
  double coded_batch = 8;  // batch of the coded table
  double gpus_per_node = 8;
};
Utilisation derive_utilisation(const UtilisationBasis& basis, double gpus, double batch);
/// Ratio D(B) / D(8) for the min and max bounds (paper appendix, Large H100).
double batch_power_ratio(double batch, bool max_bound);

}  // namespace llmfp::footprint
