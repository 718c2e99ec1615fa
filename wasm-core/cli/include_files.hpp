// {"$include": "relative/path.json"} objects in a request are replaced by that file's
// parsed JSON, so a request can reference a bundled dataset instead of inlining it.
// Native only (the CLI and the native tests); the wasm API takes inline JSON.
#pragma once

#include <string>

#include "llmfp/json_in.hpp"

namespace llmfp::cli {

/// Replaces every {"$include": path} in `value` (paths relative to `base_dir`). Throws
/// InputError (code "unknown_value" for a missing file, "parse_error" for bad JSON).
void resolve_includes(json& value, const std::string& base_dir, const std::string& path = "");

/// Reads a whole file; throws InputError naming it if it cannot be read.
std::string read_file(const std::string& file, const std::string& pointer);

}  // namespace llmfp::cli
