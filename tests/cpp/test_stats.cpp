// The statistics engine against SciPy / statsmodels reference values
// (tests/fixtures/stats/*.json, made by scripts/make-stats-fixtures.py; tolerance 1e-4
// relative, p-values 1e-4 relative or 1e-10 absolute when tiny).
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/stats_dist.hpp"
#include "support.hpp"

using llmfp::json;
using llmfp::test::call;
using llmfp::test::error_of;
using llmfp::test::load_json;
using llmfp::test::rel_diff;

namespace {

constexpr double kTol = 1e-4;

// Relative agreement, or absolute for values near zero (p-values of 1e-12, diffs of 0).
bool close(double actual, double expected, double abs_floor = 1e-10) {
  return std::fabs(actual - expected) <= kTol * std::fabs(expected) + abs_floor;
}

json stats_request(const json& c, const char* test) {
  json r = {{"op", "stats"}, {"test", test}};
  for (const char* key : {"y", "a", "b", "x", "alpha", "interaction"}) {
    if (c.contains(key)) r[key] = c[key];
  }
  return r;
}

}  // namespace

TEST_CASE("F, t and studentized range distributions match SciPy", "[stats][dist]") {
  namespace s = llmfp::stats;
  const json fx = load_json("tests/fixtures/stats/distributions.json");
  double worst = 0.0;
  for (const auto& r : fx["studentized_range_cdf"]) {
    const double got = s::studentized_range_cdf(r["q"], r["k"], r["df"]);
    INFO("ptukey q=" << r["q"] << " k=" << r["k"] << " df=" << r["df"] << " got " << got);
    CHECK(std::fabs(got - r["cdf"].get<double>()) < 1e-8);
    worst = std::fmax(worst, std::fabs(got - r["cdf"].get<double>()));
  }
  WARN("studentized range cdf: worst absolute difference from SciPy " << worst);
  for (const auto& r : fx["studentized_range_quantile"]) {
    INFO("qtukey p=" << r["p"] << " k=" << r["k"] << " df=" << r["df"]);
    CHECK(rel_diff(s::studentized_range_quantile(r["p"], r["k"], r["df"]), r["q"]) < 1e-7);
  }
  for (const auto& r : fx["f_sf"]) {
    INFO("F f=" << r["f"] << " d1=" << r["d1"] << " d2=" << r["d2"]);
    CHECK(close(s::f_sf(r["f"], r["d1"], r["d2"]), r["sf"], 1e-14));
  }
  for (const auto& r : fx["t"]) {
    INFO("t t=" << r["t"] << " df=" << r["df"]);
    CHECK(close(s::t_two_sided_p(r["t"], r["df"]), r["p_two_sided"], 1e-14));
    // SciPy 1.10 t.ppf itself is off by ~4e-9 at df = 40 (its cdf at that point is not
    // 0.975 to 1e-16; ours is), so quantiles are compared to 1e-7.
    CHECK(rel_diff(s::t_quantile(0.975, r["df"]), r["q975"]) < 1e-7);
  }
}

TEST_CASE("one-way ANOVA matches scipy f_oneway and statsmodels", "[stats][anova]") {
  const json fx = load_json("tests/fixtures/stats/anova1.json");
  for (const auto& c : fx["cases"]) {
    const json res = call(stats_request(c, "anova1"));
    INFO(c["name"] << ": " << res.dump().substr(0, 400));
    REQUIRE(error_of(res) == "ok");
    const json& t = res["result"]["table"];
    const json& e = c["expect"];
    CHECK(close(t[0]["f"], e["f"]));
    CHECK(close(t[0]["p"], e["p"]));
    CHECK(close(t[0]["ss"], e["ss_group"]));
    CHECK(close(t[1]["ss"], e["ss_residual"]));
    CHECK(t[0]["df"] == e["df_group"]);
    CHECK(t[1]["df"] == e["df_residual"]);
    // eta^2 = SS_group / (SS_group + SS_residual) in a one-way design.
    const double eta = e["ss_group"].get<double>() /
                       (e["ss_group"].get<double>() + e["ss_residual"].get<double>());
    CHECK(close(t[0]["eta_sq"], eta));
  }
}

TEST_CASE("two-way ANOVA (type II) matches statsmodels anova_lm(typ=2)", "[stats][anova]") {
  const json fx = load_json("tests/fixtures/stats/anova2.json");
  REQUIRE(fx["cases"].size() >= 5);
  for (const auto& c : fx["cases"]) {
    const json res = call(stats_request(c, "anova2"));
    INFO(c["name"] << ": " << res.dump().substr(0, 400));
    REQUIRE(error_of(res) == "ok");
    const json& table = res["result"]["table"];
    REQUIRE(table.size() == c["expect"].size());
    for (std::size_t i = 0; i < table.size(); ++i) {
      const json& e = c["expect"][i];
      INFO("term " << e["term"]);
      CHECK(table[i]["term"] == e["term"]);
      CHECK(table[i]["df"] == e["df"]);
      CHECK(close(table[i]["ss"], e["ss"]));
      if (!e["f"].is_null()) {
        CHECK(close(table[i]["f"], e["f"]));
        CHECK(close(table[i]["p"], e["p"]));
      }
    }
  }
}

TEST_CASE("Tukey HSD matches statsmodels pairwise_tukeyhsd", "[stats][tukey]") {
  const json fx = load_json("tests/fixtures/stats/tukey.json");
  for (const auto& c : fx["cases"]) {
    const json res = call(stats_request(c, "tukey"));
    INFO(c["name"] << ": " << res.dump().substr(0, 400));
    REQUIRE(error_of(res) == "ok");
    const json& r = res["result"];
    CHECK(close(r["q_crit"], c["expect"]["q_crit"]));
    CHECK(close(r["mse"], c["expect"]["mse"]));
    CHECK(r["df_error"] == c["expect"]["df_error"]);
    REQUIRE(r["pairs"].size() == c["expect"]["pairs"].size());
    for (std::size_t i = 0; i < r["pairs"].size(); ++i) {
      const json& g = r["pairs"][i];
      const json& e = c["expect"]["pairs"][i];
      INFO(e["group1"] << " vs " << e["group2"]);
      CHECK(g["group1"] == e["group1"]);
      CHECK(g["group2"] == e["group2"]);
      CHECK(close(g["diff"], e["diff"]));
      CHECK(close(g["se"], e["se"]));
      CHECK(close(g["p_adj"], e["p_adj"]));
      CHECK(close(g["lower"], e["lower"]));
      CHECK(close(g["upper"], e["upper"]));
      CHECK(g["reject"] == e["reject"]);
    }
  }
}

TEST_CASE("Welch's t-test matches scipy ttest_ind(equal_var=False)", "[stats][welch]") {
  const json fx = load_json("tests/fixtures/stats/welch.json");
  for (const auto& c : fx["cases"]) {
    const json res = call(stats_request(c, "welch"));
    INFO(c["name"] << ": " << res.dump().substr(0, 400));
    REQUIRE(error_of(res) == "ok");
    for (const char* key : {"t", "p", "df", "diff", "lower", "upper", "cohens_d", "hedges_g"}) {
      INFO(key);
      CHECK(close(res["result"][key], c["expect"][key]));
    }
  }
}

TEST_CASE("GPT-4o mini case: two-way ANOVA and Tukey HSD on the fixture subset",
          "[stats][gpt4omini]") {
  const json fx = load_json("tests/fixtures/stats/gpt-4o-mini.json");
  const json& a = fx["anova2"];
  json req = stats_request(a, "anova2");
  const json res = call(req);
  REQUIRE(error_of(res) == "ok");
  for (std::size_t i = 0; i < a["expect"].size(); ++i) {
    const json& e = a["expect"][i];
    const json& g = res["result"]["table"][i];
    INFO(e["term"]);
    CHECK(close(g["ss"], e["ss"]));
    if (!e["f"].is_null()) {
      CHECK(close(g["f"], e["f"]));
      CHECK(close(g["p"], e["p"]));
    }
  }
  const json& t = fx["tukey"];
  const json tres = call(stats_request(t, "tukey"));
  REQUIRE(error_of(tres) == "ok");
  for (std::size_t i = 0; i < t["expect"]["pairs"].size(); ++i) {
    const json& e = t["expect"]["pairs"][i];
    const json& g = tres["result"]["pairs"][i];
    INFO(e["group1"] << " vs " << e["group2"]);
    CHECK(close(g["diff"], e["diff"]));
    CHECK(close(g["p_adj"], e["p_adj"]));
  }
}

TEST_CASE("stats op rejects bad input with a named field", "[stats][errors]") {
  const auto err = [](const json& r) {
    const json res = call(r);
    if (res.value("ok", false)) return std::string("ok");
    return res["error"]["code"].get<std::string>() + " " + res["error"]["path"].get<std::string>();
  };
  const json ok_y = {1.0, 2.0, 3.0, 4.0};
  const json ok_a = {"u", "u", "v", "v"};
  CHECK(err({{"op", "stats"}, {"test", "anova3"}}) == "unknown_value /test");
  CHECK(err({{"op", "stats"}, {"test", "anova1"}, {"a", ok_a}}) == "missing_field /y");
  CHECK(err({{"op", "stats"}, {"test", "anova1"}, {"y", {1, "x", 3, 4}}, {"a", ok_a}}) ==
        "wrong_type /y/1");
  CHECK(err({{"op", "stats"}, {"test", "anova1"}, {"y", ok_y}, {"a", {"u", "v"}}}) ==
        "invalid_value /a");
  CHECK(err({{"op", "stats"}, {"test", "anova1"}, {"y", ok_y}, {"a", {"u", "u", "u", "u"}}}) ==
        "invalid_value /a");
  CHECK(err({{"op", "stats"}, {"test", "anova1"}, {"y", {2, 2, 3, 3}}, {"a", ok_a}}) ==
        "infeasible /y");
  CHECK(err({{"op", "stats"}, {"test", "welch"}, {"x", {1.0}}, {"y", ok_y}}) == "out_of_range /x");
  CHECK(err({{"op", "stats"}, {"test", "welch"}, {"x", ok_y}, {"y", ok_y}, {"alpha", 1.5}}) ==
        "out_of_range /alpha");
  CHECK(err({{"op", "stats"}, {"test", "tukey"}, {"y", ok_y}, {"a", ok_a}, {"bogus", 1}}) ==
        "unknown_field /bogus");
  CHECK(err({{"op", "stats"},
             {"test", "anova2"},
             {"y", ok_y},
             {"a", ok_a},
             {"b", {"p", "p", "p", "p"}}}) == "invalid_value /b");
}
