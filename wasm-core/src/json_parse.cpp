// Parsing JSON text with limits (json_in.hpp: parse_json) and cutting echoed input short.
//
// nlohmann's parser is iterative, but the DOM it builds is walked recursively later (dump,
// copies, our readers), so a depth limit must stop the parse itself: a SAX handler wraps
// nlohmann's DOM builder, counts open arrays/objects and refuses the one that goes past
// the limit before it exists. The handler also tracks the JSON pointer of the value being
// read, so a number such as 1e400 (which does not fit a double) is reported where it is.
#include <cstdint>
#include <vector>

#include "llmfp/json_in.hpp"

namespace llmfp {

std::string truncated(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Back up over UTF-8 continuation bytes (10xxxxxx) so a character is never split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return std::string(text.substr(0, cut)) + "\u2026";
}

std::string quote_input(std::string_view text, std::size_t max_bytes) {
  return "\"" + truncated(text, max_bytes) + "\"";
}

namespace {

using DomParser = nlohmann::detail::json_sax_dom_parser<json>;

class LimitedSax {
 public:
  LimitedSax(json& root, int max_depth, std::string base)
      : dom_(root, true), max_depth_(max_depth), base_(std::move(base)) {}

  bool null() { return value(dom_.null()); }
  bool boolean(bool v) { return value(dom_.boolean(v)); }
  bool number_integer(json::number_integer_t v) { return value(dom_.number_integer(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return value(dom_.number_unsigned(v)); }
  bool number_float(json::number_float_t v, const std::string& s) {
    return value(dom_.number_float(v, s));
  }
  bool string(std::string& v) { return value(dom_.string(v)); }
  bool binary(json::binary_t& v) { return value(dom_.binary(v)); }

  bool start_object(std::size_t n) { return open(false) && dom_.start_object(n); }
  bool key(std::string& k) {
    frames_.back().key = k;
    return dom_.key(k);
  }
  bool end_object() { return close(dom_.end_object()); }
  bool start_array(std::size_t n) { return open(true) && dom_.start_array(n); }
  bool end_array() { return close(dom_.end_array()); }

  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& e) {
    error_byte_ = position;
    overflow_ = e.id == 406;  // out_of_range 406: "number overflow" (1e400, -1e999)
    token_ = token;
    return false;
  }

  /// Pointer of the value being read (where an error happened).
  std::string here() const {
    std::string path = base_;
    for (const auto& f : frames_) {
      path = f.array ? pointer_child(path, f.index) : pointer_child(path, f.key);
    }
    return path;
  }

  bool too_deep() const { return too_deep_; }
  bool overflow() const { return overflow_; }
  std::size_t error_byte() const { return error_byte_; }
  const std::string& token() const { return token_; }

 private:
  struct Frame {
    bool array;
    std::size_t index;
    std::string key;
  };

  bool value(bool ok) {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return ok;
  }
  bool open(bool array) {
    if (static_cast<int>(frames_.size()) >= max_depth_) {
      too_deep_ = true;
      return false;
    }
    frames_.push_back({array, 0, {}});
    return true;
  }
  bool close(bool ok) {
    frames_.pop_back();
    return value(ok);
  }

  DomParser dom_;
  int max_depth_;
  std::string base_;
  std::vector<Frame> frames_;
  bool too_deep_ = false;
  bool overflow_ = false;
  std::size_t error_byte_ = 0;
  std::string token_;
};

}  // namespace

json parse_json(std::string_view text, int max_depth, const std::string& base,
                const std::string& what) {
  // nlohmann reads a NUL byte as the end of the text, which would accept
  // {"op":"version"}\0anything; a NUL is never valid JSON text.
  const auto nul = text.find('\0');
  if (nul != std::string_view::npos) {
    fail(code::kParseError, base,
         what + " is not valid JSON (at byte " + std::to_string(nul + 1) +
             ": a NUL byte; nothing may follow the JSON value)");
  }
  json root;
  LimitedSax sax(root, max_depth, base);
  if (json::sax_parse(text, &sax, json::input_format_t::json, true)) return root;
  if (sax.too_deep()) {
    fail(code::kTooLarge, sax.here(),
         what + " nests arrays/objects deeper than " + std::to_string(max_depth) + " levels");
  }
  if (sax.overflow()) {
    const std::string at = sax.here();
    fail(code::kNotFinite, at,
         "the number " + quote_input(sax.token(), 40) +
             " is too large to compute with (it does not fit a double); use a finite number");
  }
  fail(code::kParseError, base,
       what + " is not valid JSON (at byte " + std::to_string(sax.error_byte()) + ")");
}

}  // namespace llmfp
