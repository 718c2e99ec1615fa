// The envelope and the firewall: every malformed request gets a structured error.
#include <catch2/catch.hpp>

#include "llmfp/api.hpp"
#include "support.hpp"

using llmfp::json;
using llmfp::test::call;

namespace {
json raw(const std::string& text) { return json::parse(llmfp::handle(text)); }
}  // namespace

TEST_CASE("version op answers with the engine version", "[api]") {
  const auto r = call({{"op", "version"}});
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["engine"] == llmfp::engine_version());
  CHECK(r["result"]["target"] == "native");
}

TEST_CASE("malformed requests give structured errors", "[api]") {
  CHECK(raw("")["error"]["code"] == "parse_error");
  CHECK(raw("{\"op\": ")["error"]["code"] == "parse_error");
  CHECK(raw("[1,2]")["error"]["code"] == "wrong_type");
  CHECK(raw("42")["error"]["path"] == "");
  CHECK(raw(R"({"op": 3})")["error"]["path"] == "/op");
  CHECK(raw(R"({"op": 3})")["error"]["code"] == "wrong_type");
  const auto unknown = raw(R"({"op": "estimmate"})");
  CHECK(unknown["error"]["code"] == "unknown_op");
  CHECK(unknown["error"]["message"].get<std::string>().find("estimate") != std::string::npos);
  CHECK(raw(R"({"op": "version", "extra": 1})")["error"]["path"] == "/extra");
  CHECK(raw(R"({"op": "version", "extra": 1})")["error"]["code"] == "unknown_field");
  // Deep nesting is refused before parsing.
  CHECK(raw(std::string(100000, '['))["error"]["code"] == "too_large");
  // Invalid UTF-8 inside a string: a parse error, not a crash.
  CHECK(raw("{\"op\": \"\xff\xfe\"}")["error"]["code"] == "parse_error");
}

TEST_CASE("JSON pointer escaping follows RFC 6901", "[api]") {
  CHECK(llmfp::pointer_child("/a", "b/c~d") == "/a/b~1c~0d");
  CHECK(llmfp::pointer_child("", std::size_t{3}) == "/3");
}

TEST_CASE("readers name the field and the rule", "[api]") {
  const json j = {{"pue", 0.5}, {"name", 7}, {"nan", nullptr}, {"k", 2.5}, {"list", {1, "x"}}};
  const llmfp::Obj o(j, "/overrides");
  auto code_of = [](auto&& fn) {
    try {
      fn();
    } catch (const llmfp::InputError& e) {
      return e.issue().code + " " + e.issue().path;
    }
    return std::string("no error");
  };
  CHECK(code_of([&] { o.number("pue", llmfp::Range::closed(1.0, 3.0)); }) ==
        "out_of_range /overrides/pue");
  CHECK(code_of([&] { o.string("name"); }) == "wrong_type /overrides/name");
  CHECK(code_of([&] { o.number("nan"); }) == "missing_field /overrides/nan");
  CHECK(code_of([&] { o.integer("k", 0, 10); }) == "wrong_type /overrides/k");
  CHECK(code_of([&] { o.array("list").numbers(); }) == "wrong_type /overrides/list/1");
  CHECK(code_of([&] { o.choice("name", {"a"}); }) == "wrong_type /overrides/name");
  CHECK(o.number_or("absent", 1.5) == 1.5);
}
