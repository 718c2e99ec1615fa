// JSON form of an attribution result, with its plain-words conclusion (used by the op
// "attribute").
#pragma once

#include <string>

#include "llmfp/attribution.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::attribution {

json to_json(const Result& r, const Settings& s, const std::string& metric);

/// Plain-words conclusion: host effect, each host against the reference, the hardware it
/// points to, and the caveat that daily values are rolling aggregates.
std::string conclusion(const Result& r, const Settings& s, const std::string& metric);

}  // namespace llmfp::attribution
