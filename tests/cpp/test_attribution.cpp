// Hardware attribution (op "attribute"): the GPT-4o mini case on the bundled daily data
// agrees with statsmodels (tests/fixtures/stats/gpt-4o-mini.json) to 1e-4, synthetic
// hosts with a known speed ratio are attributed to the right class, energies equal the
// estimate op's, and bad requests name their field.
#include <cmath>

#include <catch2/catch.hpp>

#include "support.hpp"

using llmfp::json;
using llmfp::test::call;
using llmfp::test::error_of;
using llmfp::test::load_json;

namespace {

const json kHypotheses = {{{"hardware", "DGX A100"}, {"memory_bandwidth_tb_s", 2.039}},
                          {{"hardware", "DGX H200/H100"}, {"memory_bandwidth_tb_s", 3.35}}};

json mini_request() {
  return {{"op", "attribute"},
          {"data", load_json("public/data/provider-daily/2026-08-22/gpt-4o-mini.json")},
          {"reference", {{"host", "Microsoft Azure"}, {"hardware", "DGX H200/H100"}}},
          {"hypotheses", kHypotheses}};
}

bool close_rel(double a, double b) { return std::fabs(a - b) <= 1e-4 * std::fabs(b) + 1e-10; }

// Compares the engine's Tukey host pairs (host1, host2 within a prompt) with statsmodels'
// pairs, labelled "host | prompt", and returns how many expected pairs the engine
// reported; with_lower also compares the lower confidence bound.
int matched_host_pairs(const json& expected, const json& pairs, bool with_lower) {
  int matched = 0;
  for (const auto& e : expected) {
    for (const auto& g : pairs) {
      if (e["group1"] == g["host1"].get<std::string>() + " | " + g["prompt"].get<std::string>() &&
          e["group2"] == g["host2"].get<std::string>() + " | " + g["prompt"].get<std::string>()) {
        INFO(e["group1"] << " vs " << e["group2"]);
        CHECK(close_rel(g["diff"], e["diff"]));
        CHECK(close_rel(g["p_adj"], e["p_adj"]));
        if (with_lower) CHECK(close_rel(g["lower"], e["lower"]));
        CHECK(g["reject"] == e["reject"]);
        ++matched;
      }
    }
  }
  return matched;
}

std::string code_path(const json& r) {
  const json res = call(r);
  if (res.value("ok", false)) return "ok";
  return res["error"]["code"].get<std::string>() + " " + res["error"]["path"].get<std::string>();
}

// Two hosts, three prompts, 30 days; host "slow" runs at `ratio` times host "ref" with a
// deterministic wobble.
json synthetic(double ratio) {
  json date = json::array(), prompt = json::array(), provider = json::array(), tps = json::array();
  const char* prompts[] = {"short", "medium", "long"};
  for (int d = 0; d < 30; ++d) {
    for (int p = 0; p < 3; ++p) {
      const double base = 100.0 - 10.0 * p + ((d * 7 + p * 3) % 11) - 5.0;
      char day[16];
      std::snprintf(day, sizeof day, "2026-01-%02d", d + 1);
      for (int h = 0; h < 2; ++h) {
        date.push_back(day);
        prompt.push_back(prompts[p]);
        provider.push_back(h == 0 ? "ref" : "other");
        tps.push_back(h == 0 ? base : base * ratio * (1.0 + 0.01 * ((d % 5) - 2)));
      }
    }
  }
  return {{"op", "attribute"},
          {"data",
           {{"columns",
             {{"date", date}, {"prompt", prompt}, {"provider", provider}, {"tps_p50", tps}}}}},
          {"reference", {{"host", "ref"}, {"hardware", "DGX H200/H100"}}},
          {"hypotheses", kHypotheses}};
}

}  // namespace

TEST_CASE("GPT-4o mini attribution matches statsmodels on the bundled daily data",
          "[attribute][gpt4omini]") {
  const json fx = load_json("tests/fixtures/stats/gpt-4o-mini.json");
  const json res = call(mini_request());
  INFO(res.dump().substr(0, 500));
  REQUIRE(error_of(res) == "ok");
  const json& r = res["result"];
  CHECK(r["n"] == fx["n"]);
  CHECK(r["dates"]["count"] == fx["dates"].size());
  CHECK(r["dates"]["first"] == fx["dates"].front());
  CHECK(r["dates"]["last"] == fx["dates"].back());
  const json& table = r["anova"]["table"];
  const char* names[] = {"host", "prompt", "host:prompt", "Residual"};
  for (std::size_t i = 0; i < 4; ++i) {
    const json& e = fx["anova2"]["expect"][i];
    INFO(names[i]);
    CHECK(table[i]["term"] == names[i]);
    CHECK(close_rel(table[i]["ss"], e["ss"]));
    CHECK(table[i]["df"] == e["df"]);
    if (!e["f"].is_null()) {
      CHECK(close_rel(table[i]["f"], e["f"]));
      CHECK(close_rel(table[i]["p"], e["p"]));
    }
  }
  // Tukey: the engine reports the host pairs within each prompt; statsmodels lists all 15.
  CHECK(matched_host_pairs(fx["tukey"]["expect"]["pairs"], r["tukey"]["pairs"], true) == 3);
  CHECK(close_rel(r["tukey"]["q_crit"], fx["tukey"]["expect"]["q_crit"]));
  // The paper's conclusion (OpenAI's endpoint on A100) is what the speed ratio points to.
  REQUIRE(r["verdicts"].size() == 1);
  CHECK(r["verdicts"][0]["host"] == "OpenAI");
  CHECK(r["verdicts"][0]["most_likely"] == "DGX A100");
  CHECK(r["conclusion"].get<std::string>().find("rolling aggregates") != std::string::npos);
}

TEST_CASE("attribution recovers a known speed ratio", "[attribute]") {
  SECTION("A100-like ratio 2.039 / 3.35") {
    const json res = call(synthetic(2.039 / 3.35));
    REQUIRE(error_of(res) == "ok");
    const json& v = res["result"]["verdicts"][0];
    CHECK(std::fabs(v["ratio"].get<double>() - 2.039 / 3.35) < 0.01);
    CHECK(v["differs"] == true);
    CHECK(v["most_likely"] == "DGX A100");
    CHECK(v["prompts_differing"].size() == 3);
  }
  SECTION("same speed: no difference, the reference hardware") {
    const json res = call(synthetic(1.0));
    REQUIRE(error_of(res) == "ok");
    const json& v = res["result"]["verdicts"][0];
    CHECK(v["differs"] == false);
    CHECK(v["most_likely"] == "DGX H200/H100");
    CHECK(res["result"]["tukey"]["pairs"].size() == 3);
    for (const auto& p : res["result"]["tukey"]["pairs"]) CHECK(p["reject"] == false);
  }
  SECTION("three times faster fits no GPU hypothesis") {
    const json res = call(synthetic(3.0));
    REQUIRE(error_of(res) == "ok");
    CHECK(res["result"]["verdicts"][0]["fits_well"] == false);
  }
  SECTION("dedupe drops repeated days") {
    json req = synthetic(1.0);
    json& tps = req["data"]["columns"]["tps_p50"];
    for (std::size_t i = 6; i < tps.size(); ++i) {
      if ((i / 6) % 2 == 1) tps[i] = tps[i - 6];  // every odd day repeats the day before
    }
    req["dedupe"] = true;
    req["common_dates"] = false;
    const json res = call(req);
    REQUIRE(error_of(res) == "ok");
    CHECK(res["result"]["dropped_repeats"] == 90);
    CHECK(res["result"]["n"].get<int>() + res["result"]["dropped_repeats"].get<int>() == 180);
  }
}

TEST_CASE("energy per hardware hypothesis equals the estimate op with that hardware",
          "[attribute]") {
  json req = mini_request();
  req["footprint"] = {{"dataset", load_json("public/data/paper-v6/2025-10-26.json")},
                      {"model", "GPT-4o mini"},
                      {"hardware", load_json("public/data/hardware/v6.json")}};
  const json res = call(req);
  REQUIRE(error_of(res) == "ok");
  const json& energy = res["result"]["energy"];
  REQUIRE(energy.size() == 2);
  for (const auto& e : energy) {
    const json est = call({{"op", "estimate"},
                           {"dataset", req["footprint"]["dataset"]},
                           {"select", {{"models", {"GPT-4o mini"}}}},
                           {"overrides", {{"hardware", e["hardware"]}}},
                           {"hardware", req["footprint"]["hardware"]}});
    REQUIRE(error_of(est) == "ok");
    REQUIRE(e["prompts"].size() == est["result"]["rows"].size());
    for (std::size_t i = 0; i < e["prompts"].size(); ++i) {
      CHECK(e["prompts"][i]["energy_wh_mean"] == est["result"]["rows"][i]["energy_wh"]["mean"]);
    }
  }
  // Different node power on the two classes gives different energies.
  CHECK(energy[0]["prompts"][0]["energy_wh_mean"] != energy[1]["prompts"][0]["energy_wh_mean"]);
}

TEST_CASE("attribute rejects bad requests with a named field", "[attribute][errors]") {
  json r = synthetic(1.0);
  r.erase("reference");
  CHECK(code_path(r) == "missing_field /reference");
  r = synthetic(1.0);
  r["reference"]["host"] = "nobody";
  CHECK(code_path(r) == "invalid_value /reference/host");
  r = synthetic(1.0);
  r["reference"]["hardware"] = "TPU";
  CHECK(code_path(r) == "invalid_value /reference/hardware");
  r = synthetic(1.0);
  r["metric"] = "ttft_p50_s";
  CHECK(code_path(r) == "unknown_value /metric");
  r = synthetic(1.0);
  r["data"]["columns"]["tps_p50"][4] = -3;
  CHECK(code_path(r) == "out_of_range /data/columns/tps_p50/4");
  r = synthetic(1.0);
  r["data"]["columns"]["tps_p50"][4] = "fast";
  CHECK(code_path(r) == "wrong_type /data/columns/tps_p50/4");
  r = synthetic(1.0);
  r["data"]["columns"]["prompt"].erase(0);
  CHECK(code_path(r) == "invalid_value /data/columns/prompt");
  r = synthetic(1.0);
  r["hosts"] = {"ref"};
  CHECK(code_path(r) == "invalid_value /hosts");
  r = synthetic(1.0);
  r["hypotheses"][0]["memory_bandwidth_tb_s"] = 0;
  CHECK(code_path(r) == "out_of_range /hypotheses/0/memory_bandwidth_tb_s");
  r = mini_request();
  r["data"]["columns"]["provider"][0] = 7;
  CHECK(code_path(r) == "out_of_range /data/columns/provider/0");
  r = synthetic(1.0);
  r["from"] = "2027-01-01";
  CHECK(code_path(r) == "invalid_value /data");
  r = synthetic(1.0);
  r["scale"] = "sqrt";
  CHECK(code_path(r) == "unknown_value /scale");
}

TEST_CASE("GPT-4o mini attribution on log speeds matches statsmodels on log values",
          "[attribute][gpt4omini]") {
  const json fx = load_json("tests/fixtures/stats/gpt-4o-mini.json");
  json req = mini_request();
  req["scale"] = "log";
  const json res = call(req);
  REQUIRE(error_of(res) == "ok");
  const json& r = res["result"];
  CHECK(r["scale"] == "log");
  for (std::size_t i = 0; i < 4; ++i) {
    const json& e = fx["anova2_log"]["expect"][i];
    const json& g = r["anova"]["table"][i];
    INFO(e["term"]);
    CHECK(close_rel(g["ss"], e["ss"]));
    if (!e["f"].is_null()) {
      CHECK(close_rel(g["f"], e["f"]));
      CHECK(close_rel(g["p"], e["p"]));
    }
  }
  CHECK(matched_host_pairs(fx["tukey_log"]["expect"]["pairs"], r["tukey"]["pairs"], false) == 3);
  // On log speeds every prompt size differs, and the verdict is unchanged.
  CHECK(r["verdicts"][0]["prompts_differing"].size() == 3);
  CHECK(r["verdicts"][0]["most_likely"] == "DGX A100");
}
