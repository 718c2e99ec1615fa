// JSON request of the ops "uncertainty" and "sensitivity" (docs/uncertainty.md): the "estimate"
// request (dataset, select, method, overrides, hardware, hosts, regions) plus "preset",
// "uncertain", "draws", "seed", "bins" and, for "uncertainty", "scale". Internal to the two ops.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llmfp/dataset.hpp"
#include "llmfp/json_in.hpp"
#include "llmfp/uncertainty_footprint.hpp"

namespace llmfp::uq {

/// One (model, prompt) to analyse.
struct CaseRequest {
  std::string model, company, host, prompt;
  FootprintCase c;
  FootprintUncertainty u;
  json inputs = json::array();  // how each assumption varies (for the result)
  std::optional<dataset::Reference> reference;
};

struct Request {
  std::vector<CaseRequest> cases;
  std::size_t draws = 10000;
  std::uint64_t seed = 0;
  std::size_t bins = 40;
  double queries = 1;  // "scale.queries" (uncertainty only)
  std::string preset = "paper";
  double rho = -0.3, w_max = 0.5;
  json notes = json::array();
};

/// Reads and validates the request (throws InputError naming the field).
Request read_request(const Obj& request, bool is_uncertainty);

/// Result JSON helpers shared by the two ops.
json summary_json(const Summary& s);
json method_json(const Request& r);
json row_head(const CaseRequest& c);

}  // namespace llmfp::uq
