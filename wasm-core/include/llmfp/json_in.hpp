// Validated reading of JSON requests and datasets.
//
// Every accessor knows the JSON pointer (RFC 6901) of the value it reads, so an
// error always names the field: {"code": "out_of_range", "path": "/overrides/pue", ...}.
// Readers throw llmfp::InputError; the API layer (api.cpp) is the only place that
// catches it and turns it into the {"ok": false, "error": {...}} envelope, so no
// exception ever crosses into JavaScript.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace llmfp {

using json = nlohmann::json;

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

class Arr;

/// A JSON object together with its pointer. Construction fails with wrong_type if the
/// value is not an object.
class Obj {
 public:
  Obj(const json& value, std::string path);

  const json& raw() const { return *value_; }
  const std::string& path() const { return path_; }
  std::string at(std::string_view key) const { return pointer_child(path_, key); }
  bool has(std::string_view key) const;  // present and not null

  double number(std::string_view key, Range range = Range::any()) const;
  double number_or(std::string_view key, double fallback, Range range = Range::any()) const;
  std::optional<double> number_opt(std::string_view key, Range range = Range::any()) const;
  long long integer(std::string_view key, long long lo, long long hi) const;
  long long integer_or(std::string_view key, long long fallback, long long lo, long long hi) const;
  std::string string(std::string_view key) const;  // non-empty
  std::string string_or(std::string_view key, std::string fallback) const;
  /// A string that must be one of `allowed`; fails with unknown_value listing them.
  std::string choice(std::string_view key, std::initializer_list<const char*> allowed) const;
  std::string choice_or(std::string_view key, std::string fallback,
                        std::initializer_list<const char*> allowed) const;
  bool boolean_or(std::string_view key, bool fallback) const;
  Obj object(std::string_view key) const;
  std::optional<Obj> object_opt(std::string_view key) const;
  Arr array(std::string_view key) const;
  std::optional<Arr> array_opt(std::string_view key) const;

  /// Fails with unknown_field on the first key not in `known` (catches typos such as
  /// "overides"). Call it on objects whose schema is closed.
  void only(std::initializer_list<const char*> known) const;

 private:
  const json& field(std::string_view key) const;  // requires presence
  const json* value_;
  std::string path_;
};

/// A JSON array together with its pointer.
class Arr {
 public:
  Arr(const json& value, std::string path);
  std::size_t size() const { return value_->size(); }
  const std::string& path() const { return path_; }
  const json& raw() const { return *value_; }
  Obj object(std::size_t i) const;
  double number(std::size_t i, Range range = Range::any()) const;
  std::string string(std::size_t i) const;
  /// All elements as numbers; fails on the first bad one with its index in the path.
  std::vector<double> numbers(Range range = Range::any()) const;
  std::vector<std::string> strings() const;
  /// Fails with out_of_range unless lo <= size() <= hi.
  void require_size(std::size_t lo, std::size_t hi) const;

 private:
  const json* value_;
  std::string path_;
};

/// Checks a bare JSON value as a number (used by both Obj and Arr).
double as_number(const json& value, const std::string& path, Range range);

/// A number for messages: shortest round-trip form ("0.9", "1e-12"), the same natively
/// and in wasm. Prefer it to std::to_string(double), which prints "0.900000".
std::string format_number(double v);
/// v rounded to `digits` significant decimal digits (1-15), then as format_number: a
/// label such as "0.3" for 0.30000000000000004. No printf: see format_number.
std::string format_significant(double v, int digits = 6);

/// Name of a JSON value's type for messages ("a string", "an array", ...).
std::string describe_type(const json& value);

/// Text from the input for a message: in double quotes, cut to about `max_bytes` (at a
/// UTF-8 character boundary, "…" marks the cut), so an error never echoes a huge input.
std::string quote_input(std::string_view text, std::size_t max_bytes = 80);
/// `text` cut to about `max_bytes` as quote_input() does, without the quotes.
std::string truncated(std::string_view text, std::size_t max_bytes);

/// Parses JSON text with the engine's limits, iteratively (no recursion on the text's
/// nesting). Throws InputError: "too_large" when arrays/objects nest deeper than
/// `max_depth` (the depth is checked before the deeper value is built), "not_finite" for a
/// number beyond a double's range such as 1e400 (with its path), "parse_error" for anything
/// else, including a NUL byte or trailing bytes after the document (with the byte offset).
/// Paths are `base` + the pointer inside the text; `what` names the text in messages
/// ("the request", "the file").
json parse_json(std::string_view text, int max_depth, const std::string& base = "",
                const std::string& what = "the request");

}  // namespace llmfp
