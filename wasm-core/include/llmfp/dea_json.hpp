// JSON side of DEA, shared by the ops "dea" and "rank": reading the "model" object,
// validating a data matrix (every bad value named by DMU, column and JSON pointer),
// and writing results. The model, table and typed result are in dea_run.hpp.
#pragma once

#include <string>
#include <vector>

#include "llmfp/dea_run.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::dea {

/// Reads {"type", "orientation", "rts", "method", "formulation", "self_appraisal",
/// "epsilon", "lim_zhu"} (all optional) from `model` (may be absent: defaults).
Model read_model(const Obj* model);

/// Checks a table: finite, non-negative values; at least one positive input and one
/// positive output per DMU; size limits. Throws InputError naming DMU, column and pointer.
/// Returns warnings for data that give a defined but weak result (few DMUs for the number
/// of inputs and outputs, constant columns, duplicate DMUs).
std::vector<std::string> validate(const Table& table, const Model& model);

/// The result object of run() (see docs/ranking.md).
json to_json(const Outcome& outcome);

/// Competition ranks (competition_rank) as JSON: null for missing scores.
json competition_ranks(const std::vector<double>& scores, bool higher_is_better);

}  // namespace llmfp::dea
