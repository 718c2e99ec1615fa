// Reading one assumption's distribution from JSON, and the documented default ranges
// (spec_json.cpp). Internal to the uncertainty / sensitivity ops.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "llmfp/json_in.hpp"
#include "llmfp/uncertainty_footprint.hpp"

namespace llmfp::uq {

struct SpecResult {
  Distribution dist;
  bool by_default = false;  // "dist": "default" was asked
};

/// Lowest and highest PUE and WUE_site of the paper's hosts (hosts dataset, default preset;
/// read by request_json.cpp from the parsed hosts dataset).
struct HostSpread {
  std::optional<std::pair<double, double>> pue, wue_site;
};

/// A scalar input's spec: a number (fixed), or {"dist": "fixed"|"uniform"|"triangular"|
/// "choice"|"default", ...}. `fallback` is the default range (nullopt: none available).
SpecResult read_scalar(const json& raw, const std::string& path, std::size_t i, double nominal,
                       const std::optional<Distribution>& fallback);

/// The documented default range of a scalar input (nullopt: none), with its source.
std::optional<Distribution> default_scalar(std::size_t i, double nominal, const HostSpread& hosts,
                                           bool have_hardware, std::string* source);

json describe_scalar(std::size_t i, const Distribution& d, double nominal, bool by_default,
                     const std::string& source);

}  // namespace llmfp::uq
