// Overrides of the estimate request (docs/estimate.md): every assumption of a dataset row
// can be replaced, directly (numbers) or through the reference datasets (hardware class,
// size class, GPU count and batch size -> hardware dataset; host preset -> hosts dataset;
// region -> regions dataset). Plain structs: the request's "overrides" object is read by
// src/footprint/overrides_json.hpp, the reference datasets by reference_json.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llmfp/footprint.hpp"
#include "llmfp/footprint_data.hpp"
#include "llmfp/reference.hpp"

namespace llmfp::footprint {

struct Overrides {
  std::optional<std::string> hardware, size_class, host, multipliers, region;
  std::optional<double> gpus, batch_size;
  std::optional<double> p_gpu_kw, p_nongpu_kw, u_gpu_min, u_gpu_max, u_nongpu;
  std::optional<double> pue, wue_site_l_per_kwh, wue_source_l_per_kwh, cif_kg_per_kwh;
  std::optional<double> output_tokens;
  std::optional<Quantiles> ttft_s, tps;
  // Boundaries (an extension beyond the paper; docs/estimate.md "Boundaries").
  std::optional<std::string> boundary, water_scope, carbon_basis;
  std::optional<double> market_cif_kg_per_kwh;
  bool any() const;
};

/// Reference datasets passed in the request (each may be absent), read once.
using References = reference::Sets;

/// A dataset row after the overrides.
struct Resolved {
  Assumptions assumptions;
  std::string host, hardware, size_class;
  std::optional<std::string> region, multipliers;
  std::optional<double> gpus, batch_size;
  std::vector<std::string> overridden;  // names of the overridden assumptions
  // What the numbers count (step 8 of overrides.cpp): the paper's boundary by default.
  std::string boundary = "facility", water_scope = "site_and_source", carbon_basis = "location";
  double host_pue = 1;  // the host's PUE, also when the boundary leaves it out
};

/// Applies the overrides to one model row. Throws InputError naming the override (at
/// `base`, the pointer of the request's "overrides") or the missing reference dataset.
Resolved resolve(const dataset::ModelRow& row, const Overrides& ov, const References& refs,
                 const std::string& base);

/// Prompt-level overrides (output_tokens, ttft_s, tps) applied to one prompt's inputs.
PromptInputs resolve_prompt(const PromptInputs& in, const Overrides& ov);

}  // namespace llmfp::footprint
