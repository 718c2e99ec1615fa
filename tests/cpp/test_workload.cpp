// Any workload (docs/workloads.md): exact at every measured shape of every bundled dataset,
// monotone in input and output tokens, interpolation and extrapolation against hand-computed
// values, hidden reasoning tokens, sessions (sum of turns, caching 0 % = no caching).
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "llmfp/dataset.hpp"
#include "llmfp/footprint.hpp"
#include "llmfp/workload.hpp"
#include "support.hpp"

using namespace llmfp;
namespace wl = footprint::workload;

namespace {

// Every footprint dataset of the manifest (paper-v6, snapshots, and any added later).
std::vector<std::string> bundled() {
  std::vector<std::string> out;
  const json manifest = test::load_json("public/data/manifest.json");
  for (const auto& d : manifest["datasets"]) {
    if (d["kind"] != "footprint") continue;
    for (const auto& v : d["versions"])
      out.push_back("public/data/" + v["file"].get<std::string>());
  }
  return out;
}

json one_model(const json& model) {
  return {{"kind", "footprint"}, {"models", json::array({model})}};
}

void check_same(const json& a, const json& b, const std::string& where) {
  for (const char* q : {"energy_wh", "water_ml", "carbon_g"}) {
    for (const char* k : {"mean", "sd", "p5", "p50", "p95", "low", "high"}) {
      INFO(where << " " << q << "." << k);
      CHECK(test::rel_diff(a[q][k].get<double>(), b[q][k].get<double>()) <= 1e-9);
    }
  }
}

// A synthetic model with two or three measured lengths and flat percentiles.
json synthetic(const std::vector<std::tuple<std::string, double, double, double>>& knots) {
  json prompts = json::array();
  for (const auto& [name, out, ttft, tps] : knots) {
    prompts.push_back({{"prompt", name},
                       {"output_tokens", out},
                       {"ttft_s", {ttft, ttft, ttft, ttft, ttft}},
                       {"tps", {tps, tps, tps, tps, tps}}});
  }
  json m = {{"model", "M"},
            {"host", "H"},
            {"hardware", "X"},
            {"size_class", "Large"},
            {"p_gpu_kw", 5.6},
            {"p_nongpu_kw", 4.6},
            {"u_gpu_min", 0.055},
            {"u_gpu_max", 0.075},
            {"u_nongpu", 0.0625},
            {"pue", 1.12},
            {"wue_site_l_per_kwh", 0.3},
            {"wue_source_l_per_kwh", 4.35},
            {"cif_kg_per_kwh", 0.34},
            {"prompts", prompts}};
  return {{"kind", "footprint"}, {"models", json::array({m})}};
}

json workload(const json& dataset, double in, double out, const char* rule = "measured") {
  return test::call({{"op", "estimate"},
                     {"dataset", dataset},
                     {"workload", {{"input_tokens", in}, {"output_tokens", out}, {"rule", rule}}}});
}

// Time of one query implied by a row's mean energy (T = E * 3.6 / (Pbar * PUE)).
double seconds(const json& row) {
  return row["energy_wh"]["mean"].get<double>() * 3.6 /
         (row["work"]["power_expected_kw"].get<double>() * row["work"]["pue"].get<double>());
}

}  // namespace

TEST_CASE("workload: every measured shape of every bundled dataset gives the measured numbers") {
  int shapes = 0, monotone_exact = 0, monotone_rule = 0, expected = 0;
  const auto files = bundled();
  REQUIRE(files.size() >= 3);
  for (const auto& file : files) {
    const json d = test::load_json(file);
    for (const auto& m : d["models"]) {
      for (const auto& p : m["prompts"]) {
        const std::string name = p["prompt"];
        expected += p.contains("input_tokens") || name == "short" || name == "medium" ||
                    name == "long" || name == "extra_long";
      }
    }
    for (const auto& m : d["models"]) {
      const json sub = one_model(m);
      const json measured = test::call({{"op", "estimate"}, {"dataset", sub}});
      REQUIRE(test::error_of(measured) == "ok");
      for (const auto& row : measured["result"]["rows"]) {
        const std::string prompt = row["prompt"];
        std::optional<double> n = wl::known_input_tokens(prompt);
        for (const auto& p : m["prompts"]) {
          if (p["prompt"] == prompt && p.contains("input_tokens"))
            n = p["input_tokens"].get<double>();
        }
        if (!n) continue;
        ++shapes;
        const std::string where =
            std::string(file) + " " + m["model"].get<std::string>() + " " + prompt;
        // The default rule ("measured"): exactly the measured prompt, every number.
        const json w = workload(sub, *n, row["output_tokens"].get<double>());
        REQUIRE(test::error_of(w) == "ok");
        const json& wr = w["result"]["rows"][0];
        check_same(wr, row, where);
        CHECK(wr["workload"]["measured_shape"] == true);
        CHECK_FALSE(wr["workload"].contains("basis"));
        // At a measured shape the range is the utilisation bounds only.
        CHECK(wr["energy_wh"]["range_low"] == wr["energy_wh"]["low"]);
        CHECK(wr["energy_wh"]["range_high"] == wr["energy_wh"]["high"]);
        if (row.contains("reference")) CHECK(wr["reference"] == row["reference"]);
        // The "monotone" rule: the same, unless a shorter measured input gives more energy at
        // this output length; then exactly that measurement (with this output length).
        const json mw = workload(sub, *n, row["output_tokens"].get<double>(), "monotone");
        const json& mr = mw["result"]["rows"][0];
        if (!mr["workload"].contains("basis")) {
          ++monotone_exact;
          check_same(mr, row, where + " (monotone)");
          continue;
        }
        ++monotone_rule;
        const std::string basis = mr["workload"]["basis"];
        const json alt = test::call({{"op", "estimate"},
                                     {"dataset", sub},
                                     {"select", {{"prompts", {basis}}}},
                                     {"overrides", {{"output_tokens", row["output_tokens"]}}}});
        check_same(mr, alt["result"]["rows"][0], where + " (monotone, basis " + basis + ")");
        CHECK(mr["energy_wh"]["mean"].get<double>() > row["energy_wh"]["mean"].get<double>());
      }
    }
  }
  INFO("shapes " << shapes << ", monotone rule exact " << monotone_exact
                 << ", from a shorter input " << monotone_rule);
  CHECK(shapes == expected);  // 87 + 194 + 52 in paper-v6 and the two snapshots
  CHECK(monotone_exact + monotone_rule == shapes);
  WARN("monotone rule: " << monotone_rule << " of " << shapes
                         << " measured shapes take a shorter input's measurement");
}

TEST_CASE("workload: more input or output tokens never give less energy (rule monotone)") {
  const double inputs[] = {1,    50,   100,   200,   316, 999, 1000,
                           1001, 3000, 10000, 30000, 1e5, 5e5, 2e6};
  const double outputs[] = {1, 10, 300, 1000, 1500, 5000, 1e5};
  int checked = 0;
  for (const auto& file : bundled()) {
    const auto d = dataset::load_footprint(test::load_json(file), "");
    for (const auto& m : d.models) {
      const auto ks = wl::knots(m, {});
      for (double o : outputs) {
        double prev_in = 0;
        for (double n : inputs) {
          wl::Query q{n, o};
          q.monotone = true;
          const auto r = wl::resolve(ks, q, m.assumptions, 0.5);
          const double e = footprint::energy_wh_mean(r.inputs, m.assumptions, 0.5);
          INFO(file << " " << m.model << " in " << n << " out " << o);
          CHECK(e >= prev_in * (1 - 1e-12));
          prev_in = e;
          ++checked;
          // and in output at this input, under either rule
          for (bool monotone : {true, false}) {
            wl::Query q1{n, o}, q2{n, o * 1.5 + 1};
            q1.monotone = q2.monotone = monotone;
            const auto r1 = wl::resolve(ks, q1, m.assumptions, 0.5);
            const auto r2 = wl::resolve(ks, q2, m.assumptions, 0.5);
            CHECK(footprint::energy_wh_mean(r2.inputs, m.assumptions, 0.5) >=
                  footprint::energy_wh_mean(r1.inputs, m.assumptions, 0.5));
          }
        }
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("workload: interpolation in ln tokens, the band in plain tokens, both ends") {
  // ttft 1 s and 100 tok/s at 100 tokens, 3 s and 50 tok/s at 1,000 tokens.
  const json d = synthetic({{"short", 300, 1, 100}, {"medium", 1000, 3, 50}});
  // Halfway in ln tokens (sqrt(100 x 1000)): every percentile is the average.
  const json mid = workload(d, std::round(std::sqrt(1e5)), 500);  // 316 tokens
  REQUIRE(test::error_of(mid) == "ok");
  const json& row = mid["result"]["rows"][0];
  const double t = std::log(316.0 / 100) / std::log(10.0);
  CHECK(row["assumptions"]["ttft_s"][2].get<double>() == Approx(1 + 2 * t).epsilon(1e-12));
  CHECK(row["assumptions"]["tps"][2].get<double>() == Approx(100 - 50 * t).epsilon(1e-12));
  CHECK(row["workload"]["latency_at"]["position"] == "between");
  CHECK(row["workload"]["latency_at"]["weight"].get<double>() == Approx(t).epsilon(1e-12));
  // Flat percentiles: the time is exactly L + O / R.
  CHECK(seconds(row) == Approx(1 + 2 * t + 500 / (100 - 50 * t)).epsilon(1e-9));
  // The band: the same line in plain tokens (t' = 216 / 900) is faster here (less energy).
  const double tl = (316.0 - 100) / 900;
  const double t_lin = 1 + 2 * tl + 500 / (100 - 50 * tl);
  const double lo =
      row["energy_wh"]["range_low"].get<double>() / row["energy_wh"]["low"].get<double>();
  CHECK(lo * seconds(row) == Approx(t_lin).epsilon(1e-9));
  CHECK(row["energy_wh"]["range_high"] == row["energy_wh"]["high"]);

  // Below the shortest: held at 100 tokens.
  const json below = workload(d, 20, 300);
  CHECK(seconds(below["result"]["rows"][0]) == Approx(1 + 300.0 / 100).epsilon(1e-9));
  CHECK(below["result"]["notes"].dump().find("shorter than its shortest") != std::string::npos);

  // Above the longest (one factor of 10 beyond 1,000 tokens): L rises by the last segment's
  // rise per factor of 10 (2 s), R falls by its ratio (x 0.5): 5 s and 25 tok/s.
  const json above = workload(d, 10000, 1000);
  const json& ar = above["result"]["rows"][0];
  CHECK(seconds(ar) == Approx(5 + 1000.0 / 25).epsilon(1e-9));
  CHECK(ar["workload"]["speed_at"]["position"] == "above");
  // The range: from the values held at 1,000 tokens (3 s, 50 tok/s) up to L growing with
  // the last segment's slope per token (3 + 2 / 900 x 9,000 = 23 s) at 25 tok/s.
  const double e_per_s = ar["energy_wh"]["mean"].get<double>() / seconds(ar);
  CHECK(ar["energy_wh"]["range_low"].get<double>() / ar["energy_wh"]["low"].get<double>() *
            ar["energy_wh"]["mean"].get<double>() / e_per_s ==
        Approx(3 + 1000.0 / 50).epsilon(1e-9));
  CHECK(ar["energy_wh"]["range_high"].get<double>() / ar["energy_wh"]["high"].get<double>() *
            ar["energy_wh"]["mean"].get<double>() / e_per_s ==
        Approx(23 + 1000.0 / 25).epsilon(1e-9));
  CHECK(above["result"]["notes"].dump().find("longer than its longest") != std::string::npos);
}

TEST_CASE("workload: input_tokens of a dataset's prompt entries key the measured lengths") {
  json d = synthetic({{"a", 300, 1, 100}, {"b", 1000, 3, 50}});
  d["models"][0]["prompts"][0]["input_tokens"] = 200;
  d["models"][0]["prompts"][1]["input_tokens"] = 2000;
  const json r = workload(d, 2000, 1000);
  REQUIRE(test::error_of(r) == "ok");
  CHECK(r["result"]["rows"][0]["workload"]["measured_shape"] == true);
  CHECK(seconds(r["result"]["rows"][0]) == Approx(3 + 1000.0 / 50).epsilon(1e-9));
  d["models"][0]["prompts"][1]["input_tokens"] = -5;
  const json bad = workload(d, 2000, 1000);
  CHECK(test::error_of(bad).rfind("out_of_range at /dataset/models/0/prompts/1/input_tokens", 0) ==
        0);
}

TEST_CASE("workload: hidden reasoning tokens replace the measured latency (no double count)") {
  const json d = synthetic({{"short", 300, 20, 100}, {"medium", 1000, 30, 100}});
  const json base = workload(d, 100, 300);
  CHECK(seconds(base["result"]["rows"][0]) == Approx(20 + 3).epsilon(1e-9));
  CHECK(base["result"]["rows"][0]["workload"]["reasoning"] == "in_measured_latency");
  const json r = test::call(
      {{"op", "estimate"},
       {"dataset", d},
       {"workload", {{"input_tokens", 100}, {"output_tokens", 300}, {"reasoning_tokens", 5000}}}});
  REQUIRE(test::error_of(r) == "ok");
  const json& row = r["result"]["rows"][0];
  // (5,000 thinking + 300 answer) / 100 tok/s; the 20 s measured latency is not added.
  CHECK(seconds(row) == Approx(53).epsilon(1e-9));
  CHECK(row["workload"]["reasoning"] == "explicit_tokens");
  CHECK(row["assumptions"]["ttft_s"] == json({0, 0, 0, 0, 0}));
}

TEST_CASE("session: totals are the sum of the turns, each turn a workload of its context") {
  const json d = test::load_json("public/data/paper-v6/2025-10-26.json");
  const json sel = {{"models", {"GPT-4.1", "o3-mini (high)"}}};
  const json gen = {{"turns", 6}, {"input_tokens", 200}, {"output_tokens", 400}};
  const json r = test::call({{"op", "estimate"},
                             {"dataset", d},
                             {"select", sel},
                             {"session", {{"system_tokens", 500}, {"generate", gen}}}});
  REQUIRE(test::error_of(r) == "ok");
  REQUIRE(r["result"]["rows"].size() == 2);
  for (const auto& row : r["result"]["rows"]) {
    const auto& turns = row["session"]["turns"];
    REQUIRE(turns.size() == 6);
    double sum = 0, low = 0, high = 0, var = 0;
    for (std::size_t k = 0; k < turns.size(); ++k) {
      const auto& t = turns[k];
      CHECK(t["input_tokens"].get<double>() == 500 + 600.0 * static_cast<double>(k) + 200);
      const json one =
          test::call({{"op", "estimate"},
                      {"dataset", d},
                      {"select", {{"models", {row["model"]}}}},
                      {"workload", {{"input_tokens", t["input_tokens"]}, {"output_tokens", 400}}}});
      CHECK(test::rel_diff(t["energy_wh"]["mean"].get<double>(),
                           one["result"]["rows"][0]["energy_wh"]["mean"].get<double>()) <= 1e-12);
      sum += t["energy_wh"]["mean"].get<double>();
      low += t["energy_wh"]["low"].get<double>();
      high += t["energy_wh"]["high"].get<double>();
      var += std::pow(t["energy_wh"]["sd"].get<double>(), 2);
    }
    CHECK(test::rel_diff(row["energy_wh"]["mean"].get<double>(), sum) <= 1e-12);
    CHECK(test::rel_diff(row["energy_wh"]["low"].get<double>(), low) <= 1e-12);
    CHECK(test::rel_diff(row["energy_wh"]["high"].get<double>(), high) <= 1e-12);
    CHECK(test::rel_diff(row["energy_wh"]["sd"].get<double>(), std::sqrt(var)) <= 1e-12);
    CHECK(row["output_tokens"] == 2400);
    CHECK(row["energy_wh"]["range_low"].get<double>() <= row["energy_wh"]["low"].get<double>());
    CHECK(row["energy_wh"]["range_high"].get<double>() >= row["energy_wh"]["high"].get<double>());
  }
  // An explicit list of the same turns is the same session.
  json list = json::array();
  for (int k = 0; k < 6; ++k) list.push_back({{"input_tokens", 200}, {"output_tokens", 400}});
  const json r2 = test::call({{"op", "estimate"},
                              {"dataset", d},
                              {"select", sel},
                              {"session", {{"system_tokens", 500}, {"turns", list}}}});
  CHECK(r2["result"]["rows"] == r["result"]["rows"]);
}

TEST_CASE("session: caching 0 % is no caching; caching lowers prefill only") {
  const json d = test::load_json("public/data/paper-v6/2025-10-26.json");
  const json sel = {{"models", {"GPT-4.1"}}};
  const json gen = {{"turns", 10}, {"input_tokens", 300}, {"output_tokens", 500}};
  const auto run = [&](const json& extra) {
    json s = {{"system_tokens", 2000}, {"generate", gen}};
    for (auto it = extra.begin(); it != extra.end(); ++it) s[it.key()] = it.value();
    const json r =
        test::call({{"op", "estimate"}, {"dataset", d}, {"select", sel}, {"session", s}});
    REQUIRE(test::error_of(r) == "ok");
    return r["result"]["rows"][0];
  };
  json none = run(json::object());
  json zero = run({{"cached_share", 0}});
  none["session"].erase("cached_share");
  zero["session"].erase("cached_share");
  CHECK(none == zero);
  const json half = run({{"cached_share", {{"value", 0.5}, {"low", 0.2}, {"high", 0.9}}}});
  const auto& t = half["session"]["turns"][3];  // prefix 2000 + 3 x 800 = 4400
  CHECK(t["uncached_tokens"].get<double>() == 300 + 0.5 * 4400);
  CHECK(t["input_tokens"].get<double>() == 4700);
  // Speed is read at the full context (decoding attends to all of it), latency at the uncached
  // part.
  CHECK(t["speed_at"]["position"] == "between");
  CHECK(half["energy_wh"]["range_low"].get<double>() <= half["energy_wh"]["low"].get<double>());
}

TEST_CASE("workload: scale, rank and uncertainty accept the same workload") {
  const json d = test::load_json("public/data/paper-v6/2025-10-26.json");
  const json w = {{"input_tokens", 3000}, {"output_tokens", 800}};
  const json est = test::call(
      {{"op", "estimate"}, {"dataset", d}, {"select", {{"models", {"GPT-4.1"}}}}, {"workload", w}});
  REQUIRE(test::error_of(est) == "ok");
  const double per = est["result"]["rows"][0]["energy_wh"]["mean"];
  const json sc = test::call(
      {{"op", "scale"},
       {"estimate", {{"dataset", d}, {"select", {{"models", {"GPT-4.1"}}}}, {"workload", w}}},
       {"mix", {{"workload", 1}}},
       {"day", {{"queries", 20}}}});
  REQUIRE(test::error_of(sc) == "ok");
  CHECK(test::rel_diff(sc["result"]["day"]["energy_wh"]["mean"].get<double>(), 20 * per) <= 1e-12);
  const json rk = test::call({{"op", "rank"}, {"dataset", d}, {"workload", w}});
  CHECK(test::error_of(rk) == "ok");
  const json uq = test::call({{"op", "uncertainty"},
                              {"dataset", d},
                              {"select", {{"models", {"GPT-4.1"}}}},
                              {"workload", w},
                              {"draws", 2000}});
  REQUIRE(test::error_of(uq) == "ok");
}
