// The JSON of the estimate result (docs/estimate.md): the typed rows of estimate_rows.hpp
// written as {"method", "rows", "notes"}.
#pragma once

#include "llmfp/estimate_rows.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::ops {

json method_json(const footprint::Settings& s);
json estimate_json(const footprint::Estimate& e, const footprint::Settings& s);

}  // namespace llmfp::ops
