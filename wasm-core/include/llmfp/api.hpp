// The engine's one entry point: JSON text in, JSON envelope out.
//
//   request:  {"op": "<operation>", ...operation fields...}
//   success:  {"ok": true, "op": "<operation>", "result": {...}}
//   failure:  {"ok": false, "op": "<operation or null>",
//              "error": {"code": "...", "message": "...", "path": "/json/pointer",
//                        "issues": [{code, message, path}, ...]  // only if several}}
//
// handle() never throws and never aborts on input: every failure, including a bug,
// becomes an envelope. Used by the Embind binding and by the native CLI alike, so both
// produce byte-identical output for the same request.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "llmfp/json_in.hpp"

namespace llmfp {

/// Requests larger than this are refused with code "too_large".
inline constexpr std::size_t kMaxRequestBytes = std::size_t{64} * 1024 * 1024;
/// Arrays/objects nested deeper than this are refused (protects recursive code).
inline constexpr int kMaxJsonDepth = 64;

std::string handle(std::string_view request_text);

/// Same as handle() on an already-parsed request (used by tests).
json handle_json(const json& request);

/// Names of the ops this binary serves (all natively; a subset in each wasm module).
std::vector<std::string> available_ops();
/// "all" natively, "core" or "lab" for the two wasm modules (see api.cpp).
const char* module_name();

/// Engine version string (semver of the engine and its JSON API).
const char* engine_version();

}  // namespace llmfp
