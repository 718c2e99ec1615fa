// A DEA problem as the ops "dea" and "rank" state it (a model choice, a table of named
// DMUs) and its typed result, without JSON: dea_json.hpp reads the model and writes the
// result; the maths of each model is in dea.hpp.
#pragma once

#include <string>
#include <vector>

#include "llmfp/dea.hpp"

namespace llmfp::dea {

enum class ModelType { envelopment, multiplier, super, cross, game };

struct Model {
  ModelType type = ModelType::cross;  // the authors' set-up: cross-efficiency,
  RadialOptions radial;               // CCR, input-oriented, epsilon 0,
  CrossOptions cross;                 // Doyle & Green method III aggressive, self-appraisal
  bool return_matrix = true;
};

/// Names and data of a DEA problem with the locations of where each value came from
/// (JSON pointers at the API edge), so validation can name the field.
struct Table {
  std::vector<std::string> dmus;
  std::vector<std::string> input_names, output_names;
  Data data;
  std::vector<std::string> dmu_paths;               // location of each DMU (row)
  std::vector<std::vector<std::string>> in_paths;   // location of each input value
  std::vector<std::vector<std::string>> out_paths;  // location of each output value
};

/// What run() found: the results of the model that was run (one of radial, cross,
/// game), with the scores and ranks they give and the names they refer to.
struct Outcome {
  Model model;
  std::vector<std::string> dmus, input_names, output_names;
  std::vector<RadialResult> radial;  // envelopment, multiplier, super: one per DMU
  CrossResult cross;                 // cross
  GameResult game;                   // game
  /// Per DMU: radial score (NaN unless its LP is optimal), cross-efficiency e_j, or game
  /// score; ranks from competition_rank (io and game: higher is better).
  std::vector<double> scores;
  std::vector<int> ranks;
};

/// Runs the model on a table (validated by the caller: finite, non-negative data, a
/// positive input and output per DMU).
Outcome run(const Table& table, const Model& model);

/// Competition ranks (1, 1, 3, ...) of scores, best first, scores within 1e-9 (relative)
/// tying; 0 for a missing (non-finite) score.
std::vector<int> competition_rank(const std::vector<double>& scores, bool higher_is_better);

}  // namespace llmfp::dea
