// Runs every tests/fixtures/api/*.json case through the native engine. The same files
// run through the wasm module under Node (tests/wasm/api-fixtures.test.mjs).
//
// Fixture format:
//   {"description": "...", "request": {...},   // may contain {"$include": "path.json"}
//    "expect": [{"pointer": "/ok", "equals": true},
//               {"pointer": "/result/x", "approx": 0.42, "rel_tol": 0.005},
//               {"pointer": "/error/message", "contains": "pue"}]}
#include <vector>

#include <catch2/catch.hpp>

#include "support.hpp"

using llmfp::json;

namespace {}  // namespace

TEST_CASE("API fixtures (native)", "[api][fixtures]") {
  const auto files = llmfp::test::json_files("tests/fixtures/api");
  REQUIRE(!files.empty());
  for (const auto& name : files) {
    const json fixture = llmfp::test::load_json("tests/fixtures/api/" + name);
    const json response = llmfp::test::call(fixture.at("request"));
    for (const auto& check : fixture.at("expect")) {
      const auto pointer = check.at("pointer").get<std::string>();
      INFO(name << ": " << fixture.value("description", "") << "\n  at " << pointer
                << "\n  response: " << response.dump().substr(0, 600));
      REQUIRE(response.contains(json::json_pointer(pointer)));
      const json& actual = response.at(json::json_pointer(pointer));
      if (check.contains("equals")) CHECK(actual == check["equals"]);
      if (check.contains("approx")) {
        REQUIRE(actual.is_number());
        CHECK(llmfp::test::rel_diff(actual.get<double>(), check["approx"].get<double>()) <=
              check.value("rel_tol", 1e-9));
      }
      if (check.contains("contains")) {
        CHECK(actual.get<std::string>().find(check["contains"].get<std::string>()) !=
              std::string::npos);
      }
    }
  }
}
