// The footprint model (footprint.hpp) as an uncertainty model (uncertainty.hpp): which
// assumptions may be uncertain, how they enter E, W and C, and per-query / scaled results.
//
// Inputs (names as in the request's "uncertain" object; each independent of the others):
//   latency_speed         (L, R) from the Gaussian copula of the v6 method (rho = -0.3,
//                         marginals by linear interpolation through P5..P95, u clipped to
//                         [0.05, 0.95]); "fixed" = L = E[L], R = 1 / E[1/R] (the mean query)
//   w_max                 position between the utilisation bounds: E = w E_max + (1 - w) E_min
//   batch_size            B; utilisation derived as footprint::derive_utilisation
//   gpus                  G GPUs of the node serving the model (same derivation)
//   pue, wue_site_l_per_kwh, wue_source_l_per_kwh, cif_kg_per_kwh, output_tokens,
//   p_gpu_kw, p_nongpu_kw scalar assumptions
//   region                one of a provider's regions (sets WUE_source and CIF together);
//                         replaces wue_source_l_per_kwh and cif_kg_per_kwh when uncertain
// Outputs: energy_wh, water_ml, carbon_g of one query.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "llmfp/footprint.hpp"
#include "llmfp/sensitivity.hpp"
#include "llmfp/uncertainty.hpp"

namespace llmfp::uq {

/// Names of the scalar inputs in model order (latency_speed and region are not scalars).
inline constexpr std::array<const char*, 10> kScalarInputs = {"w_max",
                                                              "batch_size",
                                                              "gpus",
                                                              "pue",
                                                              "wue_site_l_per_kwh",
                                                              "wue_source_l_per_kwh",
                                                              "cif_kg_per_kwh",
                                                              "output_tokens",
                                                              "p_gpu_kw",
                                                              "p_nongpu_kw"};
enum ScalarIndex : std::size_t {
  kWMax,
  kBatch,
  kGpus,
  kPue,
  kWueSite,
  kWueSource,
  kCif,
  kOutputTokens,
  kPGpu,
  kPNonGpu
};
inline constexpr std::array<const char*, 3> kOutputs = {"energy_wh", "water_ml", "carbon_g"};

/// One region a query may run in, with the provider's weight.
struct RegionOption {
  std::string name;
  double wue_source_l_per_kwh = 0;
  double cif_kg_per_kwh = 0;
  double weight = 1;
};

/// The point estimate's inputs for one (model, prompt): what "nominal" means.
struct FootprintCase {
  footprint::PromptInputs prompt;      // percentiles as in the dataset (sorted here)
  footprint::Assumptions assumptions;  // resolved (after overrides)
  footprint::UtilisationBasis basis;   // for batch size / GPU count
  double gpus = 8;                     // nominal G
  double batch_size = 8;               // nominal B
  double w_max = 0.5;
  double rho = -0.3;
};

/// How each assumption varies. Distributions default to fixed at the nominal value
/// (set by `nominal_uncertainty`).
struct FootprintUncertainty {
  bool copula = true;  // latency_speed drawn from the copula (else fixed at the mean query)
  double rho = -0.3;
  std::array<Distribution, kScalarInputs.size()> scalar;  // in kScalarInputs order
  std::vector<RegionOption> regions;                      // >= 2 options: region is uncertain
};

/// Everything fixed at the case's nominal values, copula on (the paper preset).
FootprintUncertainty nominal_uncertainty(const FootprintCase& c);
/// Nominal value of a scalar input of the case.
double nominal_value(const FootprintCase& c, std::size_t i);

/// The model and its inputs. `inputs` holds every input (fixed ones too) in the order
/// latency_speed, the scalars of kScalarInputs (wue_source and cif omitted when the region
/// is uncertain), region (only when uncertain).
struct FootprintModel {
  std::vector<Input> inputs;
  Model model;  // 3 outputs: energy_wh, water_ml, carbon_g
  /// Energy per second of query time (Wh/s), output tokens, water (mL/Wh) and carbon (g/Wh)
  /// factors of a row: the parts of the model that do not depend on (L, R).
  std::function<void(const double* x, double* k_o_water_carbon)> factors;
  std::size_t latency_offset = 0;  // L at x[latency_offset], R at x[latency_offset + 1]
};

FootprintModel build_model(const FootprintCase& c, const FootprintUncertainty& u);

/// Per-query results and the total of `queries` queries.
struct FootprintPropagation {
  std::size_t draws = 0;
  std::array<Summary, 3> per_query;  // energy_wh, water_ml, carbon_g
  double queries = 1;
  std::array<Summary, 3> scaled;
  /// Per output, the share of the scaled variance due to the assumptions shared by all
  /// queries (the rest is the independent query-to-query latency / speed variation); 0 when
  /// the output does not vary.
  std::array<double, 3> scaled_shared_share{};
};

/// Seeded Monte Carlo of `draws` joint draws (the sample A of `sensitivity`). Scaling: the
/// assumptions are shared by all N queries, latency / speed vary independently per query:
/// given the assumptions theta, the total is N k(theta) m_T(theta) + sqrt(N) k(theta)
/// s_T(theta) z with z ~ N(0, 1) (central limit theorem), where k is Wh per second of query
/// time, m_T = E[L] + O E[1/R], s_T^2 = Var L + O^2 Var(1/R) + 2 O Cov(L, 1/R), moments of
/// (L, R) taken over the sample. Mean N m and SD sqrt(N) s when only (L, R) vary (paper).
FootprintPropagation propagate(const FootprintCase& c, const FootprintUncertainty& u,
                               std::size_t draws, std::uint64_t seed, std::size_t bins,
                               double queries);

struct FootprintSensitivity {
  std::vector<std::string> names;  // of the model's inputs, in model order
  std::vector<bool> fixed;
  SobolResult sobol;
  std::vector<Tornado> tornado;                        // per output
  std::vector<std::vector<std::string>> probe_labels;  // per input
  std::array<Summary, 3> per_query;                    // of sample A
};

FootprintSensitivity sensitivity(const FootprintCase& c, const FootprintUncertainty& u,
                                 std::size_t draws, std::uint64_t seed, std::size_t bins);

}  // namespace llmfp::uq
