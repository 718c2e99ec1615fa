// Validated JSON reading: see json_in.hpp. Messages are written for a person who typed
// the value ("pue must be >= 1, got 0.9"), and always carry the JSON pointer.
#include "llmfp/json_in.hpp"

#include <cmath>

namespace llmfp {

InputError::InputError(Issue first, std::vector<Issue> more)
    : std::runtime_error(first.message), issue_(std::move(first)) {
  all_.push_back(issue_);
  for (auto& m : more) all_.push_back(std::move(m));
}

void fail(const std::string& code, const std::string& path, const std::string& message) {
  throw InputError(Issue{code, message, path});
}

std::string pointer_child(const std::string& parent, std::string_view key) {
  std::string out = parent;
  out.push_back('/');
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string pointer_child(const std::string& parent, std::size_t index) {
  return parent + "/" + std::to_string(index);
}

std::string format_number(double v) {
  // nlohmann's shortest round-trip formatting: no iostreams or printf (both would pull
  // the locale machinery into the wasm module), and identical on every platform.
  if (!std::isfinite(v)) return std::isnan(v) ? "NaN" : (v > 0 ? "infinity" : "-infinity");
  std::string text = json(v).dump();
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

std::string format_significant(double v, int digits) {
  if (!std::isfinite(v) || v == 0.0 || digits < 1 || digits > 15) return format_number(v);
  // Powers of ten up to 1e22 are exact doubles, so one correctly rounded multiply or
  // divide gives the double nearest to the rounded decimal (the shortest form prints it).
  static constexpr double kTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const double a = std::fabs(v);
  if (a >= 1e21 || a < 1e-21) return format_number(v);  // beyond the exact powers: as is
  int exponent = 0;  // floor(log10 |v|), by comparison with the exact powers
  while (exponent < 22 && a >= kTen[exponent + 1]) ++exponent;
  if (a < 1.0) {
    while (exponent > -21 && a * kTen[1 - exponent] < 10.0) --exponent;  // a < 10^exponent
  }
  const int shift = digits - 1 - exponent;  // decimal places to keep
  if (shift >= 0 && shift <= 22)
    return format_number(std::nearbyint(v * kTen[shift]) / kTen[shift]);
  if (shift < 0 && -shift <= 22)
    return format_number(std::nearbyint(v / kTen[-shift]) * kTen[-shift]);
  return format_number(v);
}

namespace {

// The last segment of a pointer, for messages ("pue" rather than "/overrides/pue").
std::string field_name(const std::string& path) {
  auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.empty() ? std::string("value") : name;
}

}  // namespace

std::string describe_type(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "an unsupported value";
  }
}

bool Range::contains(double v) const {
  if (min_exclusive ? !(v > min) : !(v >= min)) return false;
  if (max_exclusive ? !(v < max) : !(v <= max)) return false;
  return true;
}

std::string Range::describe() const {
  const bool has_min = std::isfinite(min);
  const bool has_max = std::isfinite(max);
  std::string lo = std::string(min_exclusive ? "> " : ">= ") + format_number(min);
  std::string hi = std::string(max_exclusive ? "< " : "<= ") + format_number(max);
  if (has_min && has_max) return lo + " and " + hi;
  if (has_min) return lo;
  if (has_max) return hi;
  return "finite";
}

double as_number(const json& value, const std::string& path, Range range) {
  const std::string name = field_name(path);
  if (!value.is_number()) {
    fail(code::kWrongType, path, name + " must be a number, got " + describe_type(value));
  }
  const double v = value.get<double>();
  if (!std::isfinite(v)) {
    fail(code::kNotFinite, path, name + " must be a finite number");
  }
  if (!range.contains(v)) {
    fail(code::kOutOfRange, path,
         name + " must be " + range.describe() + ", got " + format_number(v));
  }
  return v;
}

// ---- Obj ----------------------------------------------------------------------------

Obj::Obj(const json& value, std::string path) : value_(&value), path_(std::move(path)) {
  if (!value.is_object()) {
    fail(code::kWrongType, path_,
         (path_.empty() ? std::string("the request") : field_name(path_)) +
             " must be an object, got " + describe_type(value));
  }
}

bool Obj::has(std::string_view key) const {
  auto it = value_->find(key);
  return it != value_->end() && !it->is_null();
}

const json& Obj::field(std::string_view key) const {
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) {
    fail(code::kMissingField, at(key), std::string(key) + " is required");
  }
  return *it;
}

double Obj::number(std::string_view key, Range range) const {
  return as_number(field(key), at(key), range);
}

double Obj::number_or(std::string_view key, double fallback, Range range) const {
  return has(key) ? number(key, range) : fallback;
}

std::optional<double> Obj::number_opt(std::string_view key, Range range) const {
  if (!has(key)) return std::nullopt;
  return number(key, range);
}

long long Obj::integer(std::string_view key, long long lo, long long hi) const {
  const std::string path = at(key);
  const double v = as_number(field(key), path, Range::any());
  if (std::floor(v) != v) {
    fail(code::kWrongType, path,
         std::string(key) + " must be a whole number, got " + format_number(v));
  }
  if (v < static_cast<double>(lo) || v > static_cast<double>(hi)) {
    fail(code::kOutOfRange, path,
         std::string(key) + " must be between " + std::to_string(lo) + " and " +
             std::to_string(hi) + ", got " + format_number(v));
  }
  return static_cast<long long>(v);
}

long long Obj::integer_or(std::string_view key, long long fallback, long long lo,
                          long long hi) const {
  return has(key) ? integer(key, lo, hi) : fallback;
}

std::string Obj::string(std::string_view key) const {
  const json& v = field(key);
  if (!v.is_string()) {
    fail(code::kWrongType, at(key),
         std::string(key) + " must be a string, got " + describe_type(v));
  }
  auto s = v.get<std::string>();
  if (s.empty()) fail(code::kInvalidValue, at(key), std::string(key) + " must not be empty");
  return s;
}

std::string Obj::string_or(std::string_view key, std::string fallback) const {
  return has(key) ? string(key) : std::move(fallback);
}

std::string Obj::choice(std::string_view key, std::initializer_list<const char*> allowed) const {
  std::string s = string(key);
  std::string list;
  for (const char* a : allowed) {
    if (s == a) return s;
    if (!list.empty()) list += ", ";
    list += a;
  }
  fail(code::kUnknownValue, at(key),
       std::string(key) + " must be one of " + list + "; got " + quote_input(s));
}

std::string Obj::choice_or(std::string_view key, std::string fallback,
                           std::initializer_list<const char*> allowed) const {
  return has(key) ? choice(key, allowed) : std::move(fallback);
}

bool Obj::boolean_or(std::string_view key, bool fallback) const {
  if (!has(key)) return fallback;
  const json& v = field(key);
  if (!v.is_boolean()) {
    fail(code::kWrongType, at(key),
         std::string(key) + " must be true or false, got " + describe_type(v));
  }
  return v.get<bool>();
}

Obj Obj::object(std::string_view key) const { return Obj(field(key), at(key)); }

std::optional<Obj> Obj::object_opt(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return object(key);
}

Arr Obj::array(std::string_view key) const { return Arr(field(key), at(key)); }

std::optional<Arr> Obj::array_opt(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  return array(key);
}

void Obj::only(std::initializer_list<const char*> known) const {
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    bool ok = false;
    for (const char* k : known) {
      if (it.key() == k) {
        ok = true;
        break;
      }
    }
    if (!ok) {
      std::string list;
      for (const char* k : known) {
        if (!list.empty()) list += ", ";
        list += k;
      }
      fail(code::kUnknownField, at(it.key()),
           "unknown field " + quote_input(it.key()) + " (allowed here: " + list + ")");
    }
  }
}

// ---- Arr ----------------------------------------------------------------------------

Arr::Arr(const json& value, std::string path) : value_(&value), path_(std::move(path)) {
  if (!value.is_array()) {
    fail(code::kWrongType, path_,
         field_name(path_) + " must be an array, got " + describe_type(value));
  }
}

Obj Arr::object(std::size_t i) const { return Obj((*value_)[i], pointer_child(path_, i)); }

double Arr::number(std::size_t i, Range range) const {
  return as_number((*value_)[i], pointer_child(path_, i), range);
}

std::string Arr::string(std::size_t i) const {
  const json& v = (*value_)[i];
  if (!v.is_string()) {
    fail(code::kWrongType, pointer_child(path_, i),
         "element " + std::to_string(i) + " of " + field_name(path_) + " must be a string, got " +
             describe_type(v));
  }
  return v.get<std::string>();
}

std::vector<double> Arr::numbers(Range range) const {
  std::vector<double> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.push_back(number(i, range));
  return out;
}

std::vector<std::string> Arr::strings() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.push_back(string(i));
  return out;
}

void Arr::require_size(std::size_t lo, std::size_t hi) const {
  if (size() < lo || size() > hi) {
    std::string want = lo == hi ? std::to_string(lo)
                                : "between " + std::to_string(lo) + " and " + std::to_string(hi);
    fail(code::kOutOfRange, path_,
         field_name(path_) + " must have " + want + " elements, got " + std::to_string(size()));
  }
}

}  // namespace llmfp
