// JSON of workloads and sessions (docs/workloads.md), shared by the estimate and
// uncertainty requests. Errors name the field and the allowed range.
#pragma once

#include <vector>

#include "llmfp/json_in.hpp"
#include "llmfp/workload.hpp"

namespace llmfp::footprint::workload {

/// A whole number of tokens in [lo, hi]; `what` says what it counts in the message.
double read_tokens(const Obj& o, const char* key, double lo, double hi, const char* what);
/// request["workload"]: {"input_tokens", "output_tokens", "reasoning_tokens"}.
Query read_query(const Obj& w);
/// request["session"]: {"system_tokens", "history", "cached_share", "turns" | "generate"}.
Session read_session(const Obj& s);

}  // namespace llmfp::footprint::workload
