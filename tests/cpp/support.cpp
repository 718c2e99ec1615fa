#include "support.hpp"

#include <cmath>

#include "include_files.hpp"
#include "llmfp/api.hpp"

namespace llmfp::test {

std::string repo_path(const std::string& relative) {
  return std::string(LLMFP_SOURCE_DIR) + "/" + relative;
}

json load_json(const std::string& relative) {
  const std::string file = repo_path(relative);
  json value = json::parse(cli::read_file(file, ""));
  const auto slash = file.rfind('/');
  cli::resolve_includes(value, file.substr(0, slash));
  return value;
}

json call(const json& request) { return json::parse(handle(request.dump())); }

std::string error_of(const json& response) {
  if (response.value("ok", false)) return "ok";
  const auto& e = response.at("error");
  return e.value("code", "?") + " at " + e.value("path", "?") + ": " + e.value("message", "");
}

double rel_diff(double a, double b) {
  return b == 0.0 ? std::fabs(a - b) : std::fabs(a - b) / std::fabs(b);
}

}  // namespace llmfp::test
