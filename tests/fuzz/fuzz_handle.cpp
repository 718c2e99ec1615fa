// libFuzzer target: raw bytes into the engine's single entry point llmfp::handle, the
// same function the wasm module exports. Seeds: every fixture request as JSON text
// (tests/fuzz/corpus/handle/), plus the token dictionary tests/fuzz/json.dict.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "llmfp/api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string response_text = llmfp::handle(text);
  // handle() must always answer with JSON, whatever it was given.
  const auto response = llmfp::fuzz::json::parse(response_text);
  // The request as the engine saw it, for the error-path check (when it is JSON at all
  // and within the engine's depth limit, so this parse cannot recurse too deeply).
  llmfp::fuzz::json request;
  const bool parsed =
      response.value("error", llmfp::fuzz::json::object()).value("code", "") != "parse_error" &&
      response.value("error", llmfp::fuzz::json::object()).value("code", "") != "too_large";
  if (parsed) {
    request = llmfp::fuzz::json::parse(text, nullptr, false);
  }
  llmfp::fuzz::check_response(response, parsed && !request.is_discarded() ? &request : nullptr);
  return 0;
}
