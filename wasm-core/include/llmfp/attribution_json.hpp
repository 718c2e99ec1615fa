// JSON form of an attribution result, with its plain-words conclusion (used by the op
// "attribute").
#pragma once

#include <string>
#include <vector>

#include "llmfp/attribution.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::attribution {

/// infer() for the op "attribute": its errors name the request's fields (/hosts,
/// /reference/host, /reference/hardware, /data).
Result attribute(std::vector<Observation> observations, const Settings& settings);

json to_json(const Result& r, const Settings& s, const std::string& metric);

/// Plain-words conclusion: host effect, each host against the reference, the hardware it
/// points to, and the caveat that daily values are rolling aggregates.
std::string conclusion(const Result& r, const Settings& s, const std::string& metric);

}  // namespace llmfp::attribution
