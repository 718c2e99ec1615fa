// Fixture loading, structured mutation and the response contract check shared by the
// fuzz targets: see fuzz_support.hpp.
#include "fuzz_support.hpp"

#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <set>

#include "include_files.hpp"
#include "llmfp/api.hpp"

#ifndef LLMFP_SOURCE_DIR
#define LLMFP_SOURCE_DIR "."
#endif

namespace llmfp::fuzz {

std::uint64_t Bytes::u64() {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(u8()) << (8 * i);
  return v;
}

std::vector<Base> load_fixture_requests(const std::string& op) {
  const char* env = std::getenv("LLMFP_FIXTURES_DIR");
  const std::string dir = env ? env : std::string(LLMFP_SOURCE_DIR) + "/tests/fixtures/api";
  std::vector<std::string> files;
  if (DIR* d = opendir(dir.c_str())) {
    while (const dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) files.push_back(name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  std::vector<Base> out;
  for (const auto& name : files) {
    try {
      json fixture = json::parse(cli::read_file(dir + "/" + name, ""));
      json request = fixture.at("request");
      cli::resolve_includes(request, dir, LLMFP_SOURCE_DIR);
      if (!op.empty() && !(request.is_object() && request.value("op", "estimate") == op)) continue;
      out.push_back({name, std::move(request)});
    } catch (const std::exception& e) {
      std::fprintf(stderr, "fuzz: skipping fixture %s: %s\n", name.c_str(), e.what());
    }
  }
  return out;
}

namespace {

// The request being checked, so a broken contract can show what was sent: the fuzzer's
// reproducer is the raw input bytes, which say nothing until they are mutated again.
const json* current_request = nullptr;

[[noreturn]] void broken(const std::string& what, const json& response) {
  const auto dump = [](const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  std::fprintf(stderr, "\nAPI CONTRACT BROKEN: %s\nresponse: %s\n", what.c_str(),
               dump(response).substr(0, 2000).c_str());
  if (current_request != nullptr) {
    std::fprintf(stderr, "request: %s\n", dump(*current_request).c_str());
  }
  std::abort();
}

const std::set<std::string>& known_codes() {
  static const std::set<std::string> codes = {
      "parse_error",   "missing_field", "wrong_type", "not_finite", "out_of_range", "unknown_field",
      "unknown_value", "invalid_value", "too_large",  "unknown_op", "infeasible",
  };
  return codes;
}

void check_issue(const json& issue, const json* request, const json& response) {
  if (!issue.is_object()) broken("an error/issue is not an object", response);
  const json code = issue.value("code", json());
  const json message = issue.value("message", json());
  const json path = issue.value("path", json());
  if (!code.is_string()) broken("error.code is not a string", response);
  if (code == "internal")
    broken("error code \"internal\": an exception escaped an operation", response);
  if (known_codes().count(code.get<std::string>()) == 0) broken("unknown error code", response);
  if (!message.is_string() || message.get<std::string>().empty())
    broken("empty error.message", response);
  if (!path.is_string()) broken("error.path is not a string", response);
  const std::string p = path.get<std::string>();
  if (p.empty() || request == nullptr) return;
  json::json_pointer pointer;
  try {
    pointer = json::json_pointer(p);
  } catch (const json::exception&) {
    broken("error.path is not a valid JSON pointer", response);
  }
  if (!request->contains(pointer.parent_pointer())) {
    broken("error.path names a field whose parent is not in the request", response);
  }
}

}  // namespace

void check_response(const json& response, const json* request) {
  if (!response.is_object()) broken("response is not an object", response);
  if (!response.contains("ok") || !response["ok"].is_boolean()) broken("no boolean ok", response);
  if (!response.contains("op")) broken("no op", response);
  if (response["ok"].get<bool>()) {
    if (!response.contains("result")) broken("ok response without result", response);
    if (request && request->is_object() && request->contains("op") &&
        response["op"] != (*request)["op"]) {
      broken("ok response for another op", response);
    }
    return;
  }
  if (!response.contains("error")) broken("failed response without error", response);
  const json& error = response["error"];
  check_issue(error, request, response);
  if (error.contains("issues")) {
    if (!error["issues"].is_array() || error["issues"].empty())
      broken("issues is not a non-empty array", response);
    for (const auto& issue : error["issues"]) check_issue(issue, request, response);
  }
}

void run_and_check(const json& request) {
  current_request = &request;
  const json response = handle_json(request);
  const std::string text = response.dump(-1, ' ', false, json::error_handler_t::replace);
  check_response(json::parse(text), &request);
}

// ---- mutation ------------------------------------------------------------------------

namespace {

// Nodes at or below a root, counted and picked by depth-first index without building a
// list (the datasets inside requests have thousands of nodes; this runs every mutation).
// "/op" is skipped so the fuzzer stays within one operation.
std::size_t count_nodes(const json& node, bool request_root, bool skip_self) {
  std::size_t n = skip_self ? 0 : 1;
  if (node.is_object()) {
    for (const auto& [key, child] : node.items()) {
      n += count_nodes(child, false, request_root && key == "op");
    }
  } else if (node.is_array()) {
    for (const auto& child : node) n += count_nodes(child, false, false);
  }
  return n;
}

// Pointer of the k-th node (same order and skipping as count_nodes); k is decremented.
bool pick_node(const json& node, const std::string& pointer, std::size_t& k, std::string& out) {
  if (pointer != "/op") {
    if (k == 0) {
      out = pointer;
      return true;
    }
    --k;
  }
  if (node.is_object()) {
    for (const auto& [key, child] : node.items()) {
      if (pick_node(child, pointer_child(pointer, key), k, out)) return true;
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (pick_node(node[i], pointer_child(pointer, i), k, out)) return true;
    }
  }
  return false;
}

void collect_strings(const json& node, std::vector<std::string>& out) {
  if (out.size() >= 512) return;
  if (node.is_string()) {
    out.push_back(node.get<std::string>());
  } else if (node.is_structured()) {
    for (const auto& child : node) collect_strings(child, out);
  }
}

double edge_number(Bytes& in) {
  static const double kEdges[] = {0.0,
                                  -0.0,
                                  1.0,
                                  -1.0,
                                  0.5,
                                  2.0,
                                  3.0,
                                  7.0,
                                  1e-300,
                                  5e-324,
                                  1e-9,
                                  1e9,
                                  1e300,
                                  std::numeric_limits<double>::max(),
                                  -std::numeric_limits<double>::max(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  std::numeric_limits<double>::quiet_NaN(),
                                  2147483648.0,
                                  9007199254740993.0,
                                  1.0 + 1e-15,
                                  0.999999999999};
  return kEdges[in.below(sizeof(kEdges) / sizeof(kEdges[0]))];
}

json edge_integer(Bytes& in) {
  switch (in.below(8)) {
    case 0: return json(std::numeric_limits<std::int64_t>::min());
    case 1: return json(std::numeric_limits<std::int64_t>::max());
    case 2: return json(std::numeric_limits<std::uint64_t>::max());
    case 3: return json(static_cast<std::int64_t>(in.u16()) - 128);
    case 4: return json(1000000);
    case 5: return json(static_cast<std::int64_t>(in.u64()));
    case 6: return json(0);
    default: return json(static_cast<int>(in.u8()));
  }
}

json hostile_string(Bytes& in, const std::vector<std::string>& dictionary) {
  switch (in.below(7)) {
    case 0: return "";
    case 1: return std::string("a\0b", 3);
    case 2: return "\xff\xfe not utf-8 \xc3";
    case 3: return "~1/~0 ~ /";
    case 4: return std::string(static_cast<std::size_t>(in.u16()) + 1, 'x');
    default:
      if (dictionary.empty()) return "estimate";
      {
        std::string s = dictionary[in.below(dictionary.size())];
        if (in.u8() % 4 == 0 && !s.empty()) s.pop_back();  // near-miss of a valid name
        return s;
      }
  }
}

json random_value(Bytes& in, const std::vector<std::string>& dictionary) {
  switch (in.below(9)) {
    case 0: return nullptr;
    case 1: return in.u8() % 2 == 0;
    case 2: return json::array();
    case 3: return json::object();
    case 4: return edge_number(in);
    case 5: return edge_integer(in);
    case 6: {
      std::uint64_t bits = in.u64();
      double d = 0;
      std::memcpy(&d, &bits, sizeof d);
      return d;
    }
    case 7: return json::array({edge_number(in), edge_number(in)});
    default: return hostile_string(in, dictionary);
  }
}

void mutate_once(json& request, Bytes& in, const std::string& root,
                 const std::vector<std::string>& dictionary) {
  if (!request.contains(json::json_pointer(root))) return;
  const json& top = request.at(json::json_pointer(root));
  const std::size_t total = count_nodes(top, root.empty(), false);
  if (total == 0) return;
  auto pick = [&]() {
    std::size_t k = in.below(total);
    std::string pointer;
    pick_node(top, root, k, pointer);
    return json::json_pointer(pointer);
  };
  const json::json_pointer at = pick();
  json& node = request.at(at);
  const bool is_top = at.empty();
  switch (in.below(10)) {
    case 0:  // replace by an edge-case number, a type change or a hostile string
    case 1: node = random_value(in, dictionary); break;
    case 2:  // scale a number by an awkward factor
      if (node.is_number()) {
        static const double kFactors[] = {0.0, -1.0, 1e-9, 1e9, 0.5, 2.0, 1.0 + 1e-12, 1e300};
        node = node.get<double>() * kFactors[in.below(8)];
      } else {
        node = edge_number(in);
      }
      break;
    case 3:  // delete this member or element
      if (!is_top) {
        json& parent = request.at(at.parent_pointer());
        if (parent.is_object()) {
          parent.erase(at.back());
        } else if (parent.is_array()) {
          parent.erase(parent.begin() + static_cast<std::ptrdiff_t>(std::stoul(at.back())));
        }
      }
      break;
    case 4:  // an unknown key, or a near-miss of a known one
      if (node.is_object()) {
        std::string key = node.empty() ? "x" : node.begin().key() + "_";
        if (in.u8() % 2 == 0) key = "unknown_field";
        node[key] = random_value(in, dictionary);
      }
      break;
    case 5:  // grow an array by copies of one of its elements (up to 300)
      if (node.is_array() && !node.empty()) {
        const json copy = node[in.below(node.size())];
        const std::size_t n = 1 + in.below(in.u8() % 8 == 0 ? 300 : 4);
        for (std::size_t i = 0; i < n; ++i) node.push_back(copy);
      }
      break;
    case 6:  // shrink an array
      if (node.is_array())
        node.erase(node.begin() + static_cast<std::ptrdiff_t>(in.below(node.size() + 1)),
                   node.end());
      break;
    case 7: {  // copy another node here (structural confusion: an object where a number was)
      const json::json_pointer other = pick();
      json copy = request.at(other);
      request.at(at) = std::move(copy);
      break;
    }
    case 8: {  // swap with another node
      const json::json_pointer other = pick();
      if (!other.empty() && !is_top && other != at) {
        json a = request.at(at);
        json b = request.at(other);
        // Only if neither contains the other (swapping an ancestor would lose a subtree).
        const std::string sa = at.to_string();
        const std::string sb = other.to_string();
        if (sa.rfind(sb + "/", 0) != 0 && sb.rfind(sa + "/", 0) != 0) {
          request.at(at) = std::move(b);
          request.at(other) = std::move(a);
        }
      }
      break;
    }
    default: node = hostile_string(in, dictionary); break;
  }
}

}  // namespace

void mutate(json& request, Bytes& in, const std::string& root_pointer) {
  std::vector<std::string> dictionary;
  collect_strings(request, dictionary);
  const std::size_t count = 1 + in.below(4);
  for (std::size_t i = 0; i < count && !in.empty(); ++i)
    mutate_once(request, in, root_pointer, dictionary);
}

}  // namespace llmfp::fuzz
