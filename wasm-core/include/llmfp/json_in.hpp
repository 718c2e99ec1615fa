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

#include "llmfp/status.hpp"

namespace llmfp {

using json = nlohmann::json;

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
