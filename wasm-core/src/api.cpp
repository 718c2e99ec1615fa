// JSON envelope, dispatch and the exception firewall: see api.hpp.
#include "llmfp/api.hpp"

#include <algorithm>
#include <exception>
#include <new>

#include "llmfp/op_table.hpp"
#include "llmfp/ops.hpp"

namespace llmfp {

const char* engine_version() { return "0.1.0"; }

namespace {

// The ops this binary serves, from the API contract (wasm-core/contract/ops.json; the header
// is generated at configure time). Native builds serve all of them. The web app loads two
// wasm modules so that the calculator's first estimate downloads only what it needs: "core"
// (LLMFP_MODULE_CORE: the calculator, compare, rank and scale views) and "lab"
// (LLMFP_MODULE_LAB: uncertainty, statistics, import/export), fetched when first used.
// web/src/engine/modules.js routes by the same contract.
using contract::kAllOps;
using contract::kServedOps;

// Longest message an error envelope carries: a message that echoes a huge input (a model
// name, a key) is cut, so a reply never repeats megabytes of the request. The path stays
// exact (it is a pointer into the request, which is itself limited in size).
constexpr std::size_t kMaxMessageBytes = 600;

json error_envelope(const json& op, const std::vector<Issue>& issues) {
  const auto item = [](const Issue& i) {
    return json{
        {"code", i.code}, {"message", truncated(i.message, kMaxMessageBytes)}, {"path", i.path}};
  };
  json error = item(issues.front());
  if (issues.size() > 1) {
    json list = json::array();
    for (const auto& i : issues) list.push_back(item(i));
    error["issues"] = std::move(list);
  }
  return {{"ok", false}, {"op", op}, {"error", std::move(error)}};
}

json single_error(const json& op, const char* code, const std::string& message) {
  return error_envelope(op, {Issue{code, message, ""}});
}

}  // namespace

std::vector<std::string> available_ops() {
  std::vector<std::string> names;
  for (const auto& entry : kServedOps) names.emplace_back(entry.name);
  return names;
}

const char* module_name() {
#if defined(LLMFP_MODULE_CORE)
  return "core";
#elif defined(LLMFP_MODULE_LAB)
  return "lab";
#else
  return "all";
#endif
}

json handle_json(const json& request) {
  json op_name = nullptr;
  try {
    Obj req(request, "");
    std::string list;
    std::string op = "estimate";
    if (req.has("op")) {
      // Echo "op" only once it is known to be a string, and cut short: an object there
      // (e.g. a file the CLI included) must not come back in the reply.
      op = req.string("op");
    }
    op_name = truncated(op, 64);
    for (const auto& entry : kServedOps) {
      if (op == entry.name) {
        return {{"ok", true}, {"op", op}, {"result", entry.fn(req)}};
      }
    }
    for (const char* name : kAllOps) {
      if (op == name) {
        fail(code::kUnknownOp, "/op",
             "op " + quote_input(op) +
                 " is served by the other wasm module of the engine, not by \"" + module_name() +
                 "\" (web/src/engine/modules.js routes it)");
      }
      if (!list.empty()) list += ", ";
      list += name;
    }
    fail(code::kUnknownOp, "/op", "unknown op " + quote_input(op) + "; known ops: " + list);
  } catch (const InputError& e) {
    return error_envelope(op_name, e.all());
  } catch (const std::bad_alloc&) {
    return single_error(op_name, code::kTooLarge,
                        "the request needs more memory than is available");
  } catch (const std::exception& e) {
    return single_error(op_name, code::kInternal,
                        std::string("internal error (please report): ") + e.what());
  } catch (...) {
    return single_error(op_name, code::kInternal, "internal error (please report)");
  }
}

std::string handle(std::string_view request_text) {
  json response;
  try {
    if (request_text.size() > kMaxRequestBytes) {
      response = single_error(nullptr, code::kTooLarge,
                              "the request is " + std::to_string(request_text.size()) +
                                  " bytes; the limit is " + std::to_string(kMaxRequestBytes));
    } else {
      json request;
      try {
        request = parse_json(request_text, kMaxJsonDepth);
      } catch (const InputError& e) {
        return error_envelope(nullptr, e.all())
            .dump(-1, ' ', false, json::error_handler_t::replace);
      }
      response = handle_json(request);
    }
    // Invalid UTF-8 echoed from the request is replaced rather than thrown on.
    return response.dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (...) {
    return R"json({"ok":false,"op":null,"error":{"code":"internal","message":"internal error (please report)","path":""}})json";
  }
}

}  // namespace llmfp
