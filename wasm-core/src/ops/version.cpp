// op "version": engine and API version, so the UI and embeds can show what computed a
// number. Request: {"op": "version"}.
#include "llmfp/api.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

json version(const Obj& request) {
  request.only({"op"});
  return {{"engine", engine_version()},
          {"api", 1},
#ifdef __EMSCRIPTEN__
          {"target", "wasm32"},
#else
          {"target", "native"},
#endif
          {"module", module_name()},
          {"ops", available_ops()},
          {"method", "Jegham et al., How Hungry is AI?, arXiv 2505.09598 (v4, v6)"}};
}

}  // namespace llmfp::ops
