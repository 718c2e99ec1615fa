// Loading and validating a footprint dataset (kind "footprint", public/data/paper-v6/,
// public/data/snapshot/; shape in docs/datasets.md): the JSON reader of the structs in
// footprint_data.hpp.
//
// Validation reports EVERY bad field with its JSON pointer (not just the first): the
// loader throws one InputError carrying all issues. Percentiles out of order are not an
// error (the method sorts them) but a warning, also with its pointer.
#pragma once

#include <string>

#include "llmfp/footprint_data.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::dataset {

/// Validates without throwing: every problem goes into `issues`, warnings into
/// out.warnings. `out` holds every row that could be read.
void validate_footprint(const json& value, const std::string& path, const KnownNames& known,
                        Footprint& out, std::vector<Issue>& issues);

/// Validates and returns the dataset; throws InputError listing every issue.
Footprint load_footprint(const json& value, const std::string& path, const KnownNames& known = {});

/// Element i of a five-percentile array, with a message naming it ("tps P50 must be > 0").
double read_percentile(const Arr& a, std::size_t i, const char* key, Range range);

/// Upper bound on issues reported for one dataset (the last one says how many were cut).
inline constexpr std::size_t kMaxIssues = 200;

}  // namespace llmfp::dataset
