// JSON side of DEA, shared by the ops "dea" and "rank": reading the "model" object,
// validating a data matrix (every bad value named by DMU, column and JSON pointer),
// and writing results.
#pragma once

#include <string>
#include <vector>

#include "llmfp/dea.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::dea {

enum class ModelType { envelopment, multiplier, super, cross, game };

struct Model {
  ModelType type = ModelType::cross;  // the authors' set-up: cross-efficiency,
  RadialOptions radial;               // CCR, input-oriented, epsilon 0,
  CrossOptions cross;                 // Doyle & Green method III aggressive, self-appraisal
  bool return_matrix = true;
};

/// Reads {"type", "orientation", "rts", "method", "formulation", "self_appraisal",
/// "epsilon", "lim_zhu"} (all optional) from `model` (may be absent: defaults).
Model read_model(const Obj* model);

/// Names and data of a DEA problem with the pointers of where each value came from, so
/// validation can name the field.
struct Table {
  std::vector<std::string> dmus;
  std::vector<std::string> input_names, output_names;
  Data data;
  std::vector<std::string> dmu_paths;               // pointer of each DMU (row)
  std::vector<std::vector<std::string>> in_paths;   // pointer of each input value
  std::vector<std::vector<std::string>> out_paths;  // pointer of each output value
};

/// Checks a table: finite, non-negative values; at least one positive input and one
/// positive output per DMU; size limits. Throws InputError naming DMU, column and pointer.
/// Returns warnings for data that give a defined but weak result (few DMUs for the number
/// of inputs and outputs, constant columns, duplicate DMUs).
std::vector<std::string> validate(const Table& table, const Model& model);

/// Runs the model and writes the result object (see docs/ranking.md).
json run(const Table& table, const Model& model);

/// Competition ranks (1, 1, 3, ...) of scores, best first; null for missing scores.
json competition_ranks(const std::vector<double>& scores, bool higher_is_better);

}  // namespace llmfp::dea
