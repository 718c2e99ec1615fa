#include "include_files.hpp"

#include <fstream>
#include <sstream>

namespace llmfp::cli {

std::string read_file(const std::string& file, const std::string& pointer) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(code::kUnknownValue, pointer, "cannot read file \"" + file + "\"");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void resolve_includes(json& value, const std::string& base_dir, const std::string& path) {
  if (value.is_object()) {
    auto it = value.find("$include");
    if (it != value.end() && value.size() == 1) {
      const std::string where = pointer_child(path, "$include");
      if (!it->is_string()) fail(code::kWrongType, where, "$include must be a file path string");
      const std::string file = base_dir + "/" + it->get<std::string>();
      const std::string text = read_file(file, where);
      try {
        value = json::parse(text);
      } catch (const json::parse_error& e) {
        fail(code::kParseError, where,
             "\"" + file + "\" is not valid JSON (at byte " + std::to_string(e.byte) + ")");
      }
      return;
    }
    for (const auto& [key, child] : value.items())
      resolve_includes(child, base_dir, pointer_child(path, key));
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      resolve_includes(value[i], base_dir, pointer_child(path, i));
    }
  }
}

}  // namespace llmfp::cli
