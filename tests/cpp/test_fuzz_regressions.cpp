// Inputs found by the fuzz targets (tests/fuzz/) that once broke the API contract, kept
// as plain tests so the release build checks them on every run. Each names what broke.
#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "llmfp/api.hpp"
#include "support.hpp"

using llmfp::json;

namespace {
json handle_raw(const std::string& text) { return json::parse(llmfp::handle(text)); }
}  // namespace

TEST_CASE("fuzz: a number beyond double range is not_finite at its path, not internal",
          "[api][fuzz]") {
  // fuzz_handle, seed nan-like.json: nlohmann throws out_of_range (406) for 1e400, which
  // escaped the parse_error handler and became "internal"; then it was a parse_error with
  // no path. A double's largest value is about 1.8e308, so each of these overflows.
  const std::pair<const char*, const char*> cases[] = {
      {R"({"op": "scale", "queries_per_day": 1e400})", "/queries_per_day"},
      {"[-1e999]", "/0"},
      {"1e400", ""},
      {R"({"a": [1, {"b~/c": [true, 2E+309]}]})", "/a/1/b~0~1c/1"},
  };
  for (const auto& [text, path] : cases) {
    const json r = handle_raw(text);
    INFO(text << " -> " << r.dump());
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == "not_finite");
    CHECK(r["error"]["path"] == path);
  }
  // 1e308 still fits: not an error of the parser (the scale op reports its own problem).
  CHECK(handle_raw(R"({"op": "scale", "queries_per_day": 1e308})")["error"]["code"] !=
        "not_finite");
}

TEST_CASE("fuzz: a non-string id in a reference dataset is wrong_type at that id, not internal",
          "[api][fuzz]") {
  // fuzz_sensitivity (fresh-clone CI run, 2026-11-26): hardware.size_classes[2].id = true
  // reached json::value("id", "") in the uncertainty request reader, whose type_error
  // escaped as "internal". The import op read its hardware and hosts sets the same way.
  using llmfp::test::error_of;
  using llmfp::test::load_json;
  json sensitivity = load_json("tests/fixtures/api/sensitivity-batch-appendix.json")["request"];
  sensitivity["hardware"]["size_classes"][2]["id"] = true;
  CHECK(error_of(llmfp::test::call(sensitivity))
            .rfind("wrong_type at /hardware/size_classes/2/id: id must be a string, got", 0) == 0);

  const std::string csv =
      "model,host,hardware,size_class,prompt,output_tokens,ttft_p5_s,ttft_p25_s,ttft_p50_s,"
      "ttft_p75_s,ttft_p95_s,tps_p5,tps_p25,tps_p50,tps_p75,tps_p95\n"
      "M,Azure,DGX H200/H100,Large,short,300,0.3,0.4,0.5,0.6,0.9,40,50,60,70,80\n";
  const json import = {{"op", "import"},
                       {"text", csv},
                       {"hardware", load_json("public/data/hardware/v6.json")},
                       {"hosts", load_json("public/data/hosts/v6.json")}};
  REQUIRE(error_of(llmfp::test::call(import)) == "ok");
  const std::pair<const char*, json> breaks[] = {
      {"/hardware/hardware/0/id", 7},
      {"/hardware/size_classes/0/id", json::array()},
      {"/hosts/default_preset", false},
      {"/hosts/presets/0/id", true},
  };
  for (const auto& [pointer, value] : breaks) {
    json bad = import;
    bad[json::json_pointer(pointer)] = value;
    const std::string got = error_of(llmfp::test::call(bad));
    INFO(pointer << " -> " << got);
    CHECK(got.rfind(std::string("wrong_type at ") + pointer + ":", 0) == 0);
  }
}

TEST_CASE("fuzz: scale without the paper's published annual figures still scales", "[api][fuzz]") {
  // fuzz_scale (fresh-clone CI run, 2026-11-26): a case study without annual_water_kl hit
  // the const operator[] of a missing key (an assertion in debug builds, undefined
  // behaviour in release). The published figures are optional; a wrong type is named.
  using llmfp::test::call;
  using llmfp::test::error_of;
  const json base = llmfp::test::load_json("tests/fixtures/api/scale-gpt-4o-year.json")["request"];
  json missing = base;
  missing["constants"]["case_study"].erase("annual_water_kl");
  const json ok = call(missing);
  REQUIRE(error_of(ok) == "ok");
  CHECK(ok["result"]["published"]["annual_energy_mwh"]["low"] == 391509);
  CHECK_FALSE(ok["result"]["published"].contains("annual_water_kl"));

  json wrong = base;
  wrong["constants"]["case_study"]["annual_carbon_t"]["high"] = "163441";
  CHECK(
      error_of(call(wrong)).rfind("wrong_type at /constants/case_study/annual_carbon_t/high:", 0) ==
      0);
}

TEST_CASE("fuzz: attribute's footprint without a dataset is missing_field at that dataset",
          "[api][fuzz]") {
  // Found reading the code after the fuzz_scale case: the same const operator[] on a
  // field the request may lack.
  json request = llmfp::test::load_json("tests/fixtures/api/attribute-gpt-4o-mini.json")["request"];
  request["footprint"] = {{"model", "GPT-4o mini"}};
  CHECK(llmfp::test::error_of(llmfp::test::call(request))
            .rfind("missing_field at /footprint/dataset:", 0) == 0);
}

TEST_CASE("fuzz: a JSON dataset imported with problems names them at /text, in words",
          "[import][fuzz]") {
  // fuzz_handle (2026-12-05, seed import-bad-huge-number with 0e400): the problems of an
  // imported JSON dataset had paths such as /dataset/models/0/host, which is no field of
  // the import request (the file is the string at /text).
  const json r = llmfp::test::call(
      {{"op", "import"},
       {"format", "json"},
       {"text", R"({"models": [{"model": "M", "p_gpu_kw": 0, "prompts": [{"prompt": 7}]}]})"}});
  REQUIRE(r["ok"] == false);
  REQUIRE(r["error"].contains("issues"));
  for (const auto& i : r["error"]["issues"]) {
    INFO(i.dump());
    CHECK(i["path"] == "/text");
  }
  const std::string all = r["error"]["issues"].dump();
  CHECK(all.find("host is required (in the file: models #1, host)") != std::string::npos);
  CHECK(all.find("(in the file: models #1, prompts #1, prompt)") != std::string::npos);
}
