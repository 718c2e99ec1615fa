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

TEST_CASE("format_significant rounds to significant digits and prints the shortest form", "[api]") {
  // Labels of tornado probes ("low_at"/"high_at"): like printf's %.6g, without printf.
  using llmfp::format_significant;
  CHECK(format_significant(0.1 + 0.2) == "0.3");
  CHECK(format_significant(1.12) == "1.12");
  CHECK(format_significant(4.0) == "4");
  CHECK(format_significant(1234567.0) == "1234570");
  CHECK(format_significant(-0.000123456789) == "-0.000123457");
  CHECK(format_significant(0.0625, 2) == "0.062");  // ties to even, as %.2g
  CHECK(format_significant(99999.96) == "100000");
  CHECK(format_significant(2.5e-7) == "2.5e-07");
  CHECK(format_significant(0.0) == "0");
  CHECK(format_significant(1e300) == "1e+300");  // beyond the exact powers: unrounded
  CHECK(format_significant(123456789e12) == "1.23457e+20");
}
