// Reading an "estimate" request into the typed query of estimate_rows.hpp (the request's
// dataset, selection, method, overrides, reference datasets, workload or session), shared
// by the ops that estimate rows: estimate, scale (its nested "estimate"), rank, attribute.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llmfp/dataset.hpp"
#include "llmfp/estimate_rows.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::ops {

/// A read estimate request: the dataset and what to estimate of it.
struct EstimateInput {
  dataset::Footprint dataset;
  footprint::RowQuery query;
};

/// request["method"] (absent: the dataset's estimator with the paper's settings).
footprint::Settings read_method(const std::optional<Obj>& m, const std::string& default_estimator);

/// Indices of the selected models, in the order asked (dataset order by default).
std::vector<std::size_t> select_models(const dataset::Footprint& d,
                                       const std::optional<Arr>& names);

/// Fails on a field an estimate request does not define (unknown_field).
void only_estimate_fields(const Obj& request);

/// Reads and validates a whole estimate request (fields as docs/estimate.md; `request` may
/// also carry the fields of the op that nests it, which that op checks).
EstimateInput read_estimate(const Obj& request);

}  // namespace llmfp::ops
