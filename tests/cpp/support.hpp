// Helpers shared by the native tests: repository paths, JSON files, the API.
#pragma once

#include <string>
#include <vector>

#include "llmfp/json_in.hpp"

namespace llmfp::test {

/// Absolute path of a file in the repository (tests run from any folder).
std::string repo_path(const std::string& relative);
/// Names of the .json files in a repository folder, sorted (fixture and case lists).
std::vector<std::string> json_files(const std::string& relative_dir);
/// Parsed JSON of a repository file (with {"$include"} objects resolved).
json load_json(const std::string& relative);
/// Sends a request through the public entry point (text in, text out) and parses it.
json call(const json& request);
/// Error code and path of a failed response, "ok" if it succeeded: for readable asserts.
std::string error_of(const json& response);
/// "code at path" of a failed response (without its message), "ok" if it succeeded.
std::string error_at(const json& response);
/// Relative difference |a - b| / |b| (absolute if b == 0).
double rel_diff(double a, double b);

}  // namespace llmfp::test
