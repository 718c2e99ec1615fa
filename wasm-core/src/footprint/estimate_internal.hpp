// Internal to estimate_rows.cpp and estimate_workload.cpp.
#pragma once

#include "llmfp/estimate_rows.hpp"

namespace llmfp::footprint::detail {

/// The rows of a query with a workload or a session.
Estimate estimate_workloads(const dataset::Footprint& d, const RowQuery& q);

}  // namespace llmfp::footprint::detail
