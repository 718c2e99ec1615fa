// Any workload (docs/workloads.md): a query of any input and output length, hidden
// reasoning tokens, and conversations / agent sessions of many turns. An EXTENSION of the
// paper (which measures three fixed prompt shapes): the time to first token and output
// speed at other input lengths come from the same model's measured lengths.
//
//   knots      the model's measured prompt sizes, keyed on input tokens (short 100,
//              medium 1,000, long 10,000, extra_long 100,000, or the dataset's input_tokens)
//   between    each percentile of L (ttft_s) and R (tps) linear in ln(input tokens)
//              between the two measured lengths around n; the same line in plain tokens
//              gives the interpolation band (both meet at the measured lengths)
//   below      the shortest measured length's values (held; conservative: shorter inputs
//              are not slower)
//   above      conservative: L grows linearly in tokens with the last segment's slope (not
//              less than 0), R falls as a power of tokens with the last segment's ratio (not
//              faster than measured); the band reaches down to the values held flat
//   monotone   (rule "monotone"; the default rule "measured" keeps every measured shape
//              exact) more input never gives less energy: if a shorter measured length
//              gives a higher mean energy at this output length, its measurements are used
//              instead (reported in `basis`). Both cannot hold for every model: some
//              models' longer measured prompt was answered faster (docs/workloads.md).
//
// Plain structs; estimate_rows.hpp uses them, the JSON is read by src/footprint/workload_json.cpp
// and written by ops/estimate_json.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llmfp/footprint.hpp"
#include "llmfp/footprint_data.hpp"

namespace llmfp::footprint::workload {

/// Largest input (context) of one query, tokens: the longest context windows sold.
inline constexpr double kMaxInputTokens = 2e6;
/// Largest output (answer plus hidden reasoning) of one query, tokens.
inline constexpr double kMaxOutputTokens = 1e6;
/// Most turns of one session.
inline constexpr int kMaxTurns = 1000;

/// A whole number with thousands separators, for messages ("2,000,000").
std::string grouped(double n);

/// v if it is a whole number of tokens in [lo, hi]; else fails at `path` naming `key` and
/// saying what the tokens count (`what`).
double check_tokens(double v, const std::string& path, const char* key, double lo, double hi,
                    const char* what);

/// Input tokens of the known prompt sizes (used when a dataset gives no input_tokens).
std::optional<double> known_input_tokens(const std::string& prompt);

/// One measured prompt size of a model.
struct Knot {
  double input_tokens = 0;
  std::string prompt;
  PromptInputs inputs;  // as measured (output_tokens = the measured shape's)
};

/// The model's measured sizes, sorted by input tokens (a size without a known input length
/// is skipped; of two sizes with the same input length the first is kept).
std::vector<Knot> knots(const dataset::ModelRow& row, const std::vector<double>& input_tokens);

/// Latency and speed percentiles at an input length.
struct Point {
  Quantiles ttft_s{}, tps{};
};

/// Where an input length lies among the measured ones.
enum class Position { kMeasured, kBetween, kBelow, kAbove };

struct Interpolated {
  Point central;         // the method's value
  Point band_a, band_b;  // the interpolation band's two ends (= central at a measured length)
  Position position = Position::kMeasured;
  std::string lower, upper;  // prompt names of the measured lengths used (equal if one)
  double weight = 0;         // position between lower (0) and upper (1), in ln tokens
};

/// Percentiles of L and R at n input tokens (knots non-empty, sorted).
Interpolated interpolate(const std::vector<Knot>& ks, double n);

/// A workload of one query.
struct Query {
  double input_tokens = 0;       // the whole context sent (system + history + new input)
  double output_tokens = 0;      // visible answer
  double reasoning_tokens = -1;  // hidden thinking tokens; < 0: in the measured latency
  double uncached_tokens = -1;   // prefill length after caching; < 0: = input_tokens
  bool monotone = false;         // rule "monotone" (else "measured")
};

/// The inputs of one query of a workload, with how they were found.
struct Resolved {
  PromptInputs inputs;               // for footprint::estimate
  PromptInputs band_low, band_high;  // the interpolation band's ends (mean energy lower/higher)
  Interpolated ttft_at, tps_at;      // where L and R were read (differ with caching)
  std::string basis;            // "" normally; else the shorter measured size used (monotone rule)
  bool measured_shape = false;  // n and O equal a measured shape: its inputs exactly
};

/// Resolves one query against a model's knots. ttft_override / tps_override replace the
/// interpolated percentiles (the estimate's ttft_s / tps overrides).
Resolved resolve(const std::vector<Knot>& ks, const Query& q, const Assumptions& a, double w_max,
                 const std::optional<Quantiles>& ttft_override = std::nullopt,
                 const std::optional<Quantiles>& tps_override = std::nullopt);

// ---- sessions -----------------------------------------------------------------------------

/// One turn as sent: new input and output tokens (and optional hidden reasoning).
struct Turn {
  double input_tokens = 0;
  double output_tokens = 0;
  double reasoning_tokens = -1;
};

/// A cached share of the prefix (system prompt + history), with a range.
struct CachedShare {
  double value = 0, low = 0, high = 0;
};

struct Session {
  double system_tokens = 0;
  bool history = true;    // each turn's context holds all earlier turns (a chat / an agent)
  bool monotone = false;  // rule "monotone" for every turn
  std::vector<Turn> turns;
  CachedShare cached;
};

/// Query of turn k (0-based) at a cached share: context = system + earlier turns' inputs
/// and outputs (when history) + this turn's input; uncached = new input + (1 - share) x
/// prefix. Hidden reasoning tokens are not kept in the history (as chat APIs drop them).
Query turn_query(const Session& s, std::size_t k, double cached_share);

}  // namespace llmfp::footprint::workload
