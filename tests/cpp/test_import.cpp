// Bring-your-own measurements (ops "import" and "export"): malformed files each give a
// precise message naming the row and column (or the file), percentiles from raw samples
// follow the linear-interpolation definition, and a dataset round-trips through export
// and import unchanged.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "llmfp/api.hpp"
#include "support.hpp"

using llmfp::json;
using llmfp::test::call;
using llmfp::test::error_of;
using llmfp::test::load_json;

namespace {

const std::string kHeader =
    "model,host,hardware,size_class,prompt,output_tokens,ttft_p5_s,ttft_p25_s,ttft_p50_s,ttft_p75_"
    "s,ttft_p95_s,"
    "tps_p5,tps_p25,tps_p50,tps_p75,tps_p95\n";
const std::string kRow =
    "M,Azure,DGX H200/H100,Large,short,300,0.3,0.4,0.5,0.6,0.9,40,50,60,70,80\n";

json request(const std::string& text, bool with_sets = true) {
  json r = {{"op", "import"}, {"text", text}};
  if (with_sets) {
    r["hardware"] = load_json("public/data/hardware/v6.json");
    r["hosts"] = load_json("public/data/hosts/v6.json");
  }
  return r;
}

struct Outcome {
  std::string code, path, message;
  std::size_t issues = 0;
};

Outcome import(const std::string& text, bool with_sets = true) {
  const json res = call(request(text, with_sets));
  if (res.value("ok", false)) return {"ok", "", "", 0};
  const json& e = res["error"];
  return {e["code"], e["path"], e["message"], e.contains("issues") ? e["issues"].size() : 1};
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  s.replace(s.find(from), from.size(), to);
  return s;
}

std::string read_file(const std::string& rel) {
  std::ifstream f(llmfp::test::repo_path(rel));
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("import: a valid file gives a footprint dataset filled from hardware and hosts",
          "[import]") {
  const json res = call(request(kHeader + kRow));
  REQUIRE(error_of(res) == "ok");
  const json& m = res["result"]["dataset"]["models"][0];
  CHECK(m["p_gpu_kw"] == 5.6);     // DGX H200/H100 (hardware dataset)
  CHECK(m["u_gpu_max"] == 0.075);  // Large on H100-family (coded table)
  CHECK(m["pue"] == 1.12);         // Azure, v6 preset
  CHECK(m["prompts"][0]["tps"] == json({40, 50, 60, 70, 80}));
  // The imported dataset feeds the estimate op as it is.
  const json est = call({{"op", "estimate"}, {"dataset", res["result"]["dataset"]}});
  CHECK(error_of(est) == "ok");
  // The example file shipped with the import page is valid.
  CHECK(import(read_file("web/src/features/import/measurements-example.csv")).code == "ok");
  CHECK(import(read_file("web/src/features/import/measurements-template.csv"), false).code == "ok");
}

TEST_CASE("import: raw samples become linear-interpolation percentiles", "[import]") {
  std::string text = "model,host,hardware,size_class,prompt,output_tokens,ttft_s,tps\n";
  for (int i = 1; i <= 21; ++i) {
    text += "M,Azure,DGX H200/H100,Large,short,300," + std::to_string(i) + "," +
            std::to_string(100 + i) + "\n";
  }
  const json res = call(request(text));
  REQUIRE(error_of(res) == "ok");
  // 21 samples 1..21: position p * 20 -> 2, 6, 11, 16, 20 (NumPy's default percentiles).
  CHECK(res["result"]["dataset"]["models"][0]["prompts"][0]["ttft_s"] == json({2, 6, 11, 16, 20}));
  CHECK(res["result"]["dataset"]["models"][0]["prompts"][0]["tps"] ==
        json({102, 106, 111, 116, 120}));
}

TEST_CASE("import: malformed files each get a precise message", "[import][errors]") {
  struct Case {
    const char* what;
    std::string text;
    std::string code, path, message;
    bool sets = true;
  };
  const std::string mb50(50u * 1024u * 1024u, 'x');
  const std::vector<Case> cases = {
      {"empty file", "", "invalid_value", "/text", "empty"},
      {"only blank lines", "\n \n\r\n", "invalid_value", "/text", "empty"},
      {"semicolon delimiter", "model;host;prompt\nM;Azure;short\n", "invalid_value", "/text",
       "semicolons"},
      {"tab delimiter", "model\thost\tprompt\nM\tAzure\tshort\n", "invalid_value", "/text", "tabs"},
      {"header only", kHeader, "invalid_value", "/text", "no data rows"},
      {"missing column", replace(kHeader, ",tps_p50", "") + replace(kRow, ",60,", ","),
       "missing_field", "/header", "tps_p50"},
      {"unknown column", replace(kHeader, "tps_p95", "tsp_p95") + kRow, "unknown_field",
       "/header/15", "tsp_p95"},
      {"text in a number", kHeader + replace(kRow, ",60,", ",sixty,"), "invalid_value",
       "/rows/0/tps_p50", "not a number"},
      {"thousands separator quoted", kHeader + replace(kRow, ",60,", ",\"1,073\","),
       "invalid_value", "/rows/0/tps_p50", "not a number"},
      {"thousands separator bare", kHeader + replace(kRow, ",60,", ",1,073,"), "invalid_value",
       "/text", "17 fields"},
      {"negative speed", kHeader + replace(kRow, ",40,", ",-40,"), "invalid_value",
       "/rows/0/tps_p5", "must be > 0"},
      {"zero speed", kHeader + replace(kRow, ",80\n", ",0\n"), "invalid_value", "/rows/0/tps_p95",
       "must be > 0"},
      {"negative latency", kHeader + replace(kRow, ",0.3,", ",-0.3,"), "invalid_value",
       "/rows/0/ttft_p5_s", ">= 0"},
      {"duplicated model and prompt", kHeader + kRow + kRow, "invalid_value", "/rows/1/prompt",
       "duplicated"},
      {"unknown hardware", kHeader + replace(kRow, "DGX H200/H100", "TPU v9"), "invalid_value",
       "/rows/0/hardware", "unknown hardware"},
      {"unknown size class", kHeader + replace(kRow, "Large", "Huge"), "invalid_value",
       "/rows/0/size_class", "unknown size class"},
      {"unknown host, no multipliers", kHeader + replace(kRow, "Azure", "MyCloud"), "invalid_value",
       "/rows/0/pue", "no host \"MyCloud\""},
      {"no hosts dataset, no multipliers", kHeader + kRow, "invalid_value", "/rows/0/p_gpu_kw",
       "no hardware dataset", false},
      {"model columns differ",
       kHeader + kRow + replace(replace(kRow, "short", "long"), "Azure", "AWS"), "invalid_value",
       "/rows/1/host", "same model"},
      {"empty model name", kHeader + replace(kRow, "M,", ","), "invalid_value", "/rows/0/model",
       "required"},
      {"ragged row", kHeader + "M,Azure\n", "invalid_value", "/text", "line 2 has 2 fields"},
      {"unterminated quote", kHeader + "\"M,Azure\n", "invalid_value", "/text", "never closed"},
      {"stray quote", kHeader + replace(kRow, "M,", "M\"x,"), "invalid_value", "/text",
       "quote in the middle"},
      {"invalid JSON", "{\"rows\": [", "invalid_value", "/text", "not valid JSON"},
      {"JSON row with an array", "[{\"model\": \"M\", \"tps_p50\": [1, 2]}]", "wrong_type",
       "/rows/0/tps_p50", "number or text"},
      {"JSON of another shape", "{\"foo\": 1}", "invalid_value", "/text", "footprint dataset"},
      {"50 MB file", mb50, "too_large", "/text", "50 MB"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const Outcome o = import(c.text, c.sets);
    CHECK(o.code == c.code);
    CHECK(o.path == c.path);
    INFO("message: " << o.message);
    CHECK(o.message.find(c.message) != std::string::npos);
  }
}

TEST_CASE("import lists every bad row and column at once", "[import][errors]") {
  std::string text = kHeader + replace(kRow, ",40,", ",-40,") +
                     replace(replace(kRow, "short", "long"), ",0.5,", ",x,") +
                     replace(kRow, "M,", "N,").replace(0, 0, "");
  text = replace(text, "N,Azure,DGX H200/H100,Large", "N,Azure,DGX H200/H100,Gigantic");
  const Outcome o = import(text);
  CHECK(o.code == "invalid_value");
  CHECK(o.issues == 3);
}

TEST_CASE("a dataset round-trips through export and import unchanged", "[import][roundtrip]") {
  json dataset = load_json("public/data/paper-v6/2025-10-26.json");
  // Fields the import format does not carry (they describe the source, not the model).
  for (auto& m : dataset["models"]) {
    for (const char* k : {"dashboard_model", "api_id"}) m.erase(k);
    if (m.contains("company") && m["company"].is_null()) m.erase("company");
    for (auto& p : m["prompts"]) {
      p.erase("reference");
      p.erase("printed");
    }
  }
  const json exported = call({{"op", "export"}, {"dataset", dataset}});
  REQUIRE(error_of(exported) == "ok");
  const std::string csv = exported["result"]["csv"];
  const json imported = call({{"op", "import"}, {"text", csv}});
  REQUIRE(error_of(imported) == "ok");
  CHECK(imported["result"]["dataset"]["models"] == dataset["models"]);
  const json again = call({{"op", "export"}, {"dataset", imported["result"]["dataset"]}});
  CHECK(again["result"]["csv"] == csv);
  CHECK(imported["result"]["counts"]["models"] == 30);
}
