// Errors and messages without JSON: the status type the engine's maths reports with.
//
// Core maths (stats, DEA, uncertainty, footprint) takes plain structs and reports a bad
// input by throwing llmfp::InputError with a code, a message in words and the location of
// the input (a JSON pointer when the value came from a request). Only the API layer
// (api.cpp) catches it and writes the {"ok": false, "error": {...}} envelope, so no
// exception ever crosses into JavaScript. Nothing here depends on nlohmann/json.
#pragma once

#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace llmfp {

/// Error codes used across the engine. Keep this list in sync with docs/api.md.
namespace code {
inline constexpr const char* kParseError = "parse_error";      // request text is not JSON
inline constexpr const char* kMissingField = "missing_field";  // required field absent
inline constexpr const char* kWrongType = "wrong_type";        // e.g. string where number expected
inline constexpr const char* kNotFinite = "not_finite";        // NaN or infinite number
inline constexpr const char* kOutOfRange = "out_of_range";     // number outside its allowed range
inline constexpr const char* kUnknownField = "unknown_field";  // a key the request does not define
inline constexpr const char* kUnknownValue = "unknown_value";  // enum/name not recognised
inline constexpr const char* kInvalidValue = "invalid_value";  // violates a cross-field rule
inline constexpr const char* kTooLarge = "too_large";          // request exceeds a size limit
inline constexpr const char* kUnknownOp = "unknown_op";        // "op" names no operation
inline constexpr const char* kInfeasible = "infeasible";  // a well-formed problem has no answer
inline constexpr const char* kInternal = "internal";      // a bug: please report
}  // namespace code

/// One problem with the input, located by JSON pointer.
struct Issue {
  std::string code;
  std::string message;
  std::string path;
};

/// Thrown by readers; caught only in api.cpp. May carry further issues (dataset validation
/// reports every bad field, not just the first).
class InputError : public std::runtime_error {
 public:
  explicit InputError(Issue first, std::vector<Issue> more = {});
  const Issue& issue() const { return issue_; }
  const std::vector<Issue>& all() const { return all_; }

 private:
  Issue issue_;
  std::vector<Issue> all_;  // includes issue_ as its first element
};

[[noreturn]] void fail(const std::string& code, const std::string& path,
                       const std::string& message);

/// Escapes a key for use as a JSON pointer segment (~ -> ~0, / -> ~1).
std::string pointer_child(const std::string& parent, std::string_view key);
std::string pointer_child(const std::string& parent, std::size_t index);

/// Allowed range of a number. Bounds are inclusive unless marked exclusive.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;
  bool max_exclusive = false;

  static Range any() { return {}; }
  static Range positive() { return {0.0, std::numeric_limits<double>::infinity(), true, false}; }
  static Range non_negative() { return {0.0, std::numeric_limits<double>::infinity()}; }
  static Range unit() { return {0.0, 1.0}; }  // [0, 1]
  static Range closed(double lo, double hi) { return {lo, hi}; }
  bool contains(double v) const;
  std::string describe() const;  // e.g. "> 0", "between 0 and 1"
};

/// A number for messages: shortest round-trip form ("0.9", "1e-12"), the same natively
/// and in wasm. Prefer it to std::to_string(double), which prints "0.900000".
std::string format_number(double v);
/// v rounded to `digits` significant decimal digits (1-15), then as format_number: a
/// label such as "0.3" for 0.30000000000000004. No printf: see format_number.
std::string format_significant(double v, int digits = 6);

}  // namespace llmfp
