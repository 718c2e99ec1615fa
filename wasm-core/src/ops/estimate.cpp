// op "estimate": per-query energy (Wh), water (mL) and carbon (g CO2e) of each selected
// (model, prompt) of a footprint dataset, under the paper's assumptions or overridden ones.
// The request is read by estimate_request.cpp, the rows estimated by
// footprint::estimate_rows (estimate_rows.hpp, no JSON) and written by estimate_json.cpp.
//
// Request (docs/estimate.md):
//   {"op": "estimate", "dataset": {footprint dataset},
//    "select": {"models": [...], "prompts": [...]},                       optional
//    "method": {"estimator", "sampling", "draws", "seed", "rho", "w_max"}, optional
//    "overrides": {...}, "hardware": {...}, "hosts": {...}, "regions": {...},  optional
//    "workload": {...} | "session": {...}}                                 optional
// Result: {"method": {...}, "rows": [{model, company, host, prompt, output_tokens,
//   aa_intelligence_index, assumptions, energy_wh, water_ml, carbon_g, work, reference}],
//   "notes": [...]}
#include "estimate_json.hpp"
#include "estimate_request.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

json estimate(const Obj& request) {
  only_estimate_fields(request);
  const EstimateInput in = read_estimate(request);
  return estimate_json(footprint::estimate_rows(in.dataset, in.query), in.query.settings);
}

}  // namespace llmfp::ops
