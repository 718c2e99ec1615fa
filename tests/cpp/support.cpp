#include "support.hpp"

#include <dirent.h>

#include <algorithm>
#include <cmath>

#include "include_files.hpp"
#include "llmfp/api.hpp"

namespace llmfp::test {

std::string repo_path(const std::string& relative) {
  return std::string(LLMFP_SOURCE_DIR) + "/" + relative;
}

std::vector<std::string> json_files(const std::string& relative_dir) {
  std::vector<std::string> files;
  const std::string dir = repo_path(relative_dir);
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 5 && name.substr(name.size() - 5) == ".json") files.push_back(name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

json load_json(const std::string& relative) {
  const std::string file = repo_path(relative);
  json value = json::parse(cli::read_file(file, ""));
  const auto slash = file.rfind('/');
  cli::resolve_includes(value, file.substr(0, slash), LLMFP_SOURCE_DIR);
  return value;
}

json call(const json& request) { return json::parse(handle(request.dump())); }

std::string error_of(const json& response) {
  if (response.value("ok", false)) return "ok";
  const auto& e = response.at("error");
  return e.value("code", "?") + " at " + e.value("path", "?") + ": " + e.value("message", "");
}

std::string error_at(const json& response) {
  if (response.value("ok", false)) return "ok";
  const auto& e = response.at("error");
  return e.value("code", "?") + " at " + e.value("path", "?");
}

double rel_diff(double a, double b) {
  return b == 0.0 ? std::fabs(a - b) : std::fabs(a - b) / std::fabs(b);
}

}  // namespace llmfp::test
