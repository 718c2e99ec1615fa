// The only file that knows about JavaScript. Two functions, JSON text in and out:
//   Module.handle(requestText) -> responseText   (see llmfp/api.hpp for the envelope)
//   Module.version()           -> "0.1.0"
// Nothing stateful crosses the boundary and nothing needs freeing.
#include <string>

#include <emscripten/bind.h>

#include "llmfp/api.hpp"

namespace {
std::string handle_request(const std::string& text) { return llmfp::handle(text); }
std::string version() { return llmfp::engine_version(); }
}  // namespace

EMSCRIPTEN_BINDINGS(llmfp) {
  emscripten::function("handle", &handle_request);
  emscripten::function("version", &version);
}
