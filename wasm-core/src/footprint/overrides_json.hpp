// JSON of the overrides (llmfp/overrides.hpp): reading request["overrides"] and writing
// the work block's account of the boundary.
#pragma once

#include "llmfp/json_in.hpp"
#include "llmfp/overrides.hpp"

namespace llmfp::footprint {

/// Reads request["overrides"]; its pointer is overrides.path().
Overrides read_overrides(const Obj& overrides);

/// The work block's account of the boundary: which parts of the paper's formulas were kept.
json boundary_json(const Resolved& r);

}  // namespace llmfp::footprint
