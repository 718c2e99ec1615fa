// Inputs found by the fuzz targets (tests/fuzz/) that once broke the API contract, kept
// as plain tests so the release build checks them on every run. Each names what broke.
#include <string>

#include <catch2/catch.hpp>

#include "llmfp/api.hpp"

using llmfp::json;

namespace {
json raw(const std::string& text) { return json::parse(llmfp::handle(text)); }
}  // namespace

TEST_CASE("fuzz: a number beyond double range is a parse_error, not internal", "[api][fuzz]") {
  // fuzz_handle, seed nan-like.json: nlohmann throws out_of_range (406) for 1e400, which
  // escaped the parse_error handler and became "internal".
  for (const char* text : {R"({"op": "scale", "queries_per_day": 1e400})", "[-1e999]", "1e400"}) {
    const json r = raw(text);
    INFO(text << " -> " << r.dump());
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == "parse_error");
  }
}
