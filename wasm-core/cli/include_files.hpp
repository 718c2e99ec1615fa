// {"$include": "relative/path.json"} objects in a request are replaced by that file's
// parsed JSON, so a request can reference a bundled dataset instead of inlining it.
// Native only (the CLI and the native tests); the wasm API takes inline JSON.
//
// The rules (docs/security.md, "CLI as a service"): an included file must be an existing
// regular file whose real path (symlinks resolved) lies under `root` (the request file's
// folder for the CLI); devices, pipes and sockets are refused without being read (a pipe
// cannot hang the reader); each file and all of them together are at most kMaxRequestBytes;
// the included JSON obeys the same depth limit as a request, counted from where it is
// included. Errors name the "$include" path the request gave, never the file's contents,
// and a file outside `root` gets the same answer as a missing one.
#pragma once

#include <string>

#include "llmfp/json_in.hpp"

namespace llmfp::cli {

/// Replaces every {"$include": path} in `value` (paths relative to `base_dir`; files must
/// be under `root`, which defaults to `base_dir`). Throws InputError: "unknown_value" for a
/// file that is missing or outside `root`, "invalid_value" for one that is not a regular
/// file, "too_large" for a file or a total over the limit or JSON nested too deep,
/// "parse_error" for bad JSON, "not_finite" for a number such as 1e400.
void resolve_includes(json& value, const std::string& base_dir, const std::string& root = "");

/// Reads a whole file or pipe (the request the CLI was given), at most kMaxRequestBytes
/// + 1 bytes (so a larger input is seen as too large, never read to the end); throws
/// InputError naming it if it cannot be read.
std::string read_file(const std::string& file, const std::string& pointer);

/// Reads at most `max_bytes` + 1 bytes from a file descriptor (stdin for the CLI).
std::string read_fd(int fd, std::size_t max_bytes);

}  // namespace llmfp::cli
