// A footprint dataset as plain structs (kind "footprint": public/data/paper-v6/,
// public/data/latest/, ...; shape in docs/datasets.md). Read from JSON by dataset.hpp, the
// only place that sees the dataset's JSON; everything after the reader uses these structs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llmfp/footprint.hpp"
#include "llmfp/status.hpp"

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
  std::string path;             // JSON pointer of the dataset in the request
};

/// Optional lists to check names against (empty = not checked).
struct KnownNames {
  std::vector<std::string> hardware;
  std::vector<std::string> size_classes;
  std::vector<std::string> hosts;
};

}  // namespace llmfp::dataset
