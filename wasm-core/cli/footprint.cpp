// footprint: the engine's JSON API on the command line (same code as the wasm module).
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include "include_files.hpp"
#include "llmfp/api.hpp"

namespace {

constexpr const char* kHelp = R"help(footprint - per-query energy, water and carbon of LLM inference

Usage:
  footprint [--pretty] [FILE | -]     read a JSON request from FILE (or stdin), print the response
  footprint --help                    this text
  footprint --version                 engine version

The request is a JSON object with an "op" field (default "estimate"):
  version           engine and API version
  validate_dataset  check a footprint dataset and list every problem with its JSON path
  estimate          energy (Wh), water (mL) and carbon (g CO2e) of one query per model/prompt
  scale             a day or a year of queries, with the paper's equivalences
  dea, rank         data envelopment analysis / eco-efficiency ranking of models
  uncertainty, sensitivity, stats, attribute   (see docs/api.md)

Any object {"$include": "path.json"} in the request is replaced by that file's JSON
(paths relative to the request file's folder, or to the current folder for stdin).
Only regular files inside that folder can be included (symlinks are resolved first);
the request and its files may hold 64 MiB in all (see docs/security.md).

The response is {"ok": true, "op": ..., "result": ...} or
{"ok": false, "op": ..., "error": {"code", "message", "path"}} where "path" is the JSON
pointer of the offending field. Exit status: 0 ok, 1 error response, 2 usage or I/O error.

Example:
  echo '{"op":"estimate","dataset":{"$include":"public/data/paper-v6/2025-10-26.json"},
         "select":{"models":["GPT-4o (Mar '25)"],"prompts":["short"]}}' | footprint --pretty
)help";

std::string dir_of(const std::string& file) {
  auto slash = file.rfind('/');
  return slash == std::string::npos ? std::string(".") : file.substr(0, slash);
}

}  // namespace

int run(int argc, char** argv) {
  bool pretty = false;
  std::string file = "-";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (arg == "--version") {
      std::printf("footprint %s\n", llmfp::engine_version());
      return 0;
    }
    if (arg == "--pretty") {
      pretty = true;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      std::fprintf(stderr, "footprint: unknown option %s (try --help)\n", arg.c_str());
      return 2;
    } else {
      file = arg;
    }
  }

  std::string text;
  std::string base_dir = ".";
  if (file == "-") {
    text = llmfp::cli::read_fd(0, llmfp::kMaxRequestBytes);  // more is "too_large" below
  } else {
    try {
      text = llmfp::cli::read_file(file, "");
    } catch (const llmfp::InputError& e) {
      std::fprintf(stderr, "footprint: %s\n", e.what());
      return 2;
    }
    base_dir = dir_of(file);
  }

  // Resolve {"$include"} objects, then hand the text to the same entry point as wasm.
  // Parsing with the engine's limits first: a request nested too deep, not JSON or too
  // large is left to handle(), which reports it exactly as the wasm module does.
  if (text.size() <= llmfp::kMaxRequestBytes && text.find("\"$include\"") != std::string::npos) {
    llmfp::json request;
    bool parsed = true;
    try {
      request = llmfp::parse_json(text, llmfp::kMaxJsonDepth);
    } catch (const llmfp::InputError&) {
      parsed = false;
    }
    if (parsed) {
      try {
        llmfp::cli::resolve_includes(request, base_dir);
        text = request.dump(-1, ' ', false, llmfp::json::error_handler_t::replace);
      } catch (const llmfp::InputError& e) {
        llmfp::json err = {{"ok", false},
                           {"op", nullptr},
                           {"error",
                            {{"code", e.issue().code},
                             {"message", llmfp::truncated(e.issue().message, 600)},
                             {"path", e.issue().path}}}};
        std::cout << err.dump(pretty ? 2 : -1, ' ', false, llmfp::json::error_handler_t::replace)
                  << "\n";
        return 1;
      }
    }
  }

  const std::string response = llmfp::handle(text);
  const auto parsed = llmfp::json::parse(response);
  if (pretty) {
    std::cout << parsed.dump(2, ' ', false, llmfp::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << response << "\n";
  }
  return parsed.value("ok", false) ? 0 : 1;
}

int main(int argc, char** argv) {
  // handle() never throws; this guards the CLI's own I/O (e.g. out of memory reading stdin).
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "footprint: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "footprint: unexpected error\n");
  }
  return 2;
}
