// "Estimate these rows": the one typed function behind every op that estimates dataset
// rows (estimate, scale, rank, attribute; uncertainty and trend share its pieces, the
// overrides and the workload resolution). Plain structs in, plain structs out: the ops
// read the request into a RowQuery (src/ops/estimate_request.hpp) and write the rows as
// JSON (src/ops/estimate_json.hpp); nothing here sees JSON.
//
// Rows: for each selected model (in the order asked) each selected prompt size of the
// dataset, or, with a workload, one row at the workload's lengths (docs/workloads.md), or,
// with a session, one row with every turn and the totals.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "llmfp/footprint.hpp"
#include "llmfp/footprint_data.hpp"
#include "llmfp/overrides.hpp"
#include "llmfp/workload.hpp"

namespace llmfp::footprint {

/// What to estimate (validated: names exist, limits checked by the request reader).
struct RowQuery {
  std::vector<std::size_t> models;               // dataset indices, in the order asked
  std::optional<std::set<std::string>> prompts;  // nullopt: every prompt size
  Settings settings;
  Overrides overrides;
  References refs;
  std::string overrides_path;  // pointer of the request's "overrides" (for errors)
  std::string dataset_path;    // pointer of the request's "dataset" (for errors)
  std::optional<workload::Query> workload;
  std::optional<workload::Session> session;
};

enum class RowKind { kPrompt, kWorkload, kSession };

/// A quantity's range: the utilisation bounds widened by the interpolation band (and, in
/// sessions, by the cached share's range). Workload and session rows only.
struct Band {
  double low = 0, high = 0;
};

/// One query of a workload row or of a session's turn: what was asked and how it was read.
struct QueryWork {
  workload::Query query;
  workload::Resolved resolved;
};

struct Turn {
  double new_input_tokens = 0;
  QueryWork query;
  Summary energy_wh, water_ml, carbon_g;
  std::array<Band, 3> band{};  // energy, water, carbon
};

/// A session's turns and its settings (the totals are the row's quantities).
struct SessionWork {
  std::vector<Turn> turns;
  double system_tokens = 0;
  bool history = true;
  workload::CachedShare cached;
};

struct EstimateRow {
  RowKind kind = RowKind::kPrompt;
  const dataset::ModelRow* model = nullptr;  // into the dataset (which must outlive the rows)
  std::string prompt;                        // the prompt size, "workload" or "session"
  Resolved resolved;
  PromptInputs inputs;  // after the overrides (a session: its first turn's)
  double output_tokens = 0;
  // The three quantities per query. A session row gives mean, sd, low and high of its
  // totals (p5, p50 and p95 are not defined for them).
  Summary energy_wh, water_ml, carbon_g;
  std::optional<std::array<Band, 3>> band;  // workload and session rows
  std::optional<Work> work;                 // prompt and workload rows
  std::optional<dataset::Reference> reference;
  std::optional<double> input_tokens;  // prompt rows: given by the dataset
  std::string measured;                // prompt rows: date of the measurement, or empty
  std::optional<QueryWork> workload;
  std::optional<SessionWork> session;
};

struct Estimate {
  std::vector<EstimateRow> rows;
  std::vector<std::string> notes;  // in words, for the reader of the result
};

/// Number of (model, prompt) rows a query without workload or session gives.
std::size_t count_rows(const dataset::Footprint& d, const RowQuery& q);

/// Estimates the rows. Throws InputError when an override cannot be applied to a model,
/// or when no selected model can run a workload or session.
Estimate estimate_rows(const dataset::Footprint& d, const RowQuery& q);

/// Input tokens of each prompt entry of a model as the dataset gives them (-1 when absent),
/// checked as workload lengths (whole tokens, 1 to 2,000,000).
std::vector<double> prompt_input_tokens(const dataset::ModelRow& m);

}  // namespace llmfp::footprint
