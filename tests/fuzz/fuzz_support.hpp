// Shared pieces of the libFuzzer targets (tests/fuzz/fuzz_*.cpp).
//
// Every target feeds the engine through its public entry (llmfp::handle / handle_json)
// and then checks the API contract on the response (check_response). A broken contract
// is reported like a crash (abort), so libFuzzer saves the input as a reproducer:
//  - the response is one JSON object {"ok": bool, "op": ..., "result" | "error"};
//  - an error has a known code, a non-empty message and a JSON pointer "path" that is
//    "" or whose parent exists in the request (the field it names is really there, or is
//    a missing member of a real object);
//  - the code is never "internal": that code means an unexpected exception escaped an
//    operation, which the engine's rules forbid for any input.
// Sanitizers (ASan, UBSan) and libFuzzer's own timeout and memory limits catch the rest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace llmfp::fuzz {

using json = nlohmann::json;

/// Reads the fuzz input as a little stream of choices; returns zeros once exhausted.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool empty() const { return pos_ >= size_; }
  std::uint8_t u8() { return empty() ? 0 : data_[pos_++]; }
  std::uint16_t u16() { return static_cast<std::uint16_t>(u8() | (u8() << 8)); }
  std::uint64_t u64();
  /// Picks an index below n (n > 0).
  std::size_t below(std::size_t n) { return n <= 256 ? u8() % n : u16() % n; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

/// A fixture request with its file name, $include objects resolved.
struct Base {
  std::string name;
  json request;
};

/// Requests of tests/fixtures/api/*.json (LLMFP_FIXTURES_DIR overrides the folder),
/// sorted by file name. With op non-empty, only those whose "op" equals it.
std::vector<Base> load_fixture_requests(const std::string& op);

/// Applies 1 to 4 mutations chosen by `in` to the nodes of `request` at or below
/// `root_pointer` (never to "/op"): edge-case numbers, type changes, deleted or
/// unknown keys, grown/shrunk arrays, swapped or copied values, hostile strings.
void mutate(json& request, Bytes& in, const std::string& root_pointer = "");

/// Checks the API contract on a response envelope (see the top of this file); aborts with
/// a message on stderr when it is broken. `request` is the parsed request, or null when
/// the request text was not JSON.
void check_response(const json& response, const json* request);

/// handle_json + the same serialisation as llmfp::handle, then check_response on the
/// re-parsed text (so the text the caller sees is what is checked).
void run_and_check(const json& request);

}  // namespace llmfp::fuzz
