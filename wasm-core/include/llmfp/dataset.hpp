// Loading and validating a footprint dataset (kind "footprint", public/data/paper-v6/,
// public/data/snapshot/; shape in docs/datasets.md).
//
// Validation reports EVERY bad field with its JSON pointer (not just the first): the
// loader throws one InputError carrying all issues. Percentiles out of order are not an
// error (the method sorts them) but a warning, also with its pointer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llmfp/footprint.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::dataset {

/// The authors' computed results for a (model, prompt), if the dataset has them.
struct Reference {
  double energy_wh_mean = 0, energy_wh_sd = 0;
  double water_ml_mean = 0, water_ml_sd = 0;
  double carbon_g_mean = 0, carbon_g_sd = 0;
};

struct PromptRow {
  std::string prompt;              // "short", "medium", "long", or a dataset's own name
  footprint::PromptInputs inputs;  // as given (unsorted if the dataset is)
  std::optional<Reference> reference;
  std::optional<double> input_tokens;  // given by datasets built from the daily data
  std::string measured;                // "YYYY-MM-DD" of the measurement, or empty
  std::string path;                    // JSON pointer of this prompt row
};

struct ModelRow {
  std::string model, company, host, hardware, size_class;
  std::optional<double> aa_intelligence_index;
  footprint::Assumptions assumptions;
  std::vector<PromptRow> prompts;
  std::string path;  // JSON pointer of this model
};

struct Footprint {
  std::string id, version, estimator;  // estimator: "v6" or "v4" (default "v6")
  std::vector<ModelRow> models;
  std::vector<Issue> warnings;  // e.g. percentiles out of order (sorted by the method)
};

/// Optional lists to check names against (empty = not checked).
struct KnownNames {
  std::vector<std::string> hardware;
  std::vector<std::string> size_classes;
  std::vector<std::string> hosts;
};

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
