// The core maths called with plain structs, without the JSON API (CONTRIBUTING.md: core
// maths is testable without JSON): its errors carry the location the caller gives, and
// dea::run returns typed scores and ranks (published values: Coelli, Rao & Battese 1998,
// tests/fixtures/dea-cases/coelli1998.json) that the JSON edge writes unchanged.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "llmfp/attribution.hpp"
#include "llmfp/dea_json.hpp"
#include "llmfp/dea_run.hpp"
#include "llmfp/stats.hpp"
#include "llmfp/status.hpp"
#include "support.hpp"

namespace stats = llmfp::stats;
namespace dea = llmfp::dea;
using llmfp::json;

namespace {

// "code at path" of the InputError that f throws, or "no error".
template <class F>
std::string error_at(F&& f) {
  try {
    f();
  } catch (const llmfp::InputError& e) {
    return e.issue().code + " at " + e.issue().path;
  }
  return "no error";
}

const stats::Where kWhere = {"values", "first sample", "groups", "blocks"};

stats::OneFactorData one_factor(std::vector<double> y, const std::vector<std::string>& labels) {
  stats::Factor f = stats::make_factor(labels);
  return {std::move(y), f.index, f.levels, kWhere};
}

}  // namespace

TEST_CASE("stats maths reports errors at the locations its caller gives", "[stats][structs]") {
  // One group only; as many observations as groups; no spread within the groups.
  CHECK(error_at([] {
          stats::anova_one_way(one_factor({1, 2, 3}, {"u", "u", "u"}));
        }) == "invalid_value at groups");
  CHECK(error_at([] {
          stats::anova_one_way(one_factor({1, 2}, {"u", "v"}));
        }) == "invalid_value at values");
  CHECK(error_at([] {
          stats::anova_one_way(one_factor({2, 2, 3, 3}, {"u", "u", "v", "v"}));
        }) == "infeasible at values");
  CHECK(error_at([] {
          stats::tukey_hsd(one_factor({2, 2, 3, 3}, {"u", "u", "v", "v"}), 0.05);
        }) == "infeasible at values");
  CHECK(error_at([] {
          stats::tukey_hsd(one_factor({1, 2}, {"u", "u"}), 0.05);
        }) == "invalid_value at groups");
  CHECK(error_at([] {
          stats::welch_t_test({1, 1, 1}, {2, 2}, 0.05, kWhere);
        }) == "infeasible at first sample");
  CHECK(error_at([] {
          stats::welch_t_test({1, 2}, {2}, 0.05, kWhere);
        }) == "invalid_value at values");
  stats::TwoFactorData two;
  two.y = {1, 2, 3, 4};
  two.a = {0, 1, 0, 1};
  two.b = {0, 0, 0, 0};
  two.a_levels = {"u", "v"};
  two.b_levels = {"p"};
  two.where = kWhere;
  CHECK(error_at([&] { stats::anova_two_way(two, true); }) == "invalid_value at blocks");
}

TEST_CASE("make_factor sorts levels in byte order, as np.unique", "[stats][structs]") {
  const stats::Factor f = stats::make_factor({"b", "B", "a", "b", "10", "9"});
  CHECK(f.levels == std::vector<std::string>{"10", "9", "B", "a", "b"});
  CHECK(f.index == std::vector<std::size_t>{4, 2, 3, 4, 0, 1});
}

TEST_CASE("attribution reports errors at the locations its caller gives", "[attribute][structs]") {
  llmfp::attribution::Settings s;
  s.reference_host = "ref";
  s.reference_hardware = "H100";
  s.hypotheses = {{"H100", 3.35}, {"A100", 2.039}};
  llmfp::attribution::Where where{"hosts?", "reference host?", "reference hardware?", "data?",
                                  kWhere};
  std::vector<llmfp::attribution::Observation> obs;
  for (const char* date : {"2026-01-01", "2026-01-02", "2026-01-03"}) {
    for (const char* host : {"ref", "other"}) obs.push_back({date, "short", host, 50.0});
  }
  // Every value identical: the one-way ANOVA of host has no residual variance.
  CHECK(error_at([&] { llmfp::attribution::infer(obs, s, where); }) == "infeasible at values");
  CHECK(error_at([&] {
          llmfp::attribution::infer({obs[0], obs[2]}, s, where);
        }) == "invalid_value at hosts?");
  s.reference_hardware = "TPU";
  CHECK(error_at([&] { llmfp::attribution::infer(obs, s, where); }) ==
        "invalid_value at reference hardware?");
}

TEST_CASE("competition_rank: ties share a rank, the next rank skips, missing is 0",
          "[dea][structs]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> scores = {0.5, 1.0, 1.0 + 1e-12, nan, 0.75};
  CHECK(dea::competition_rank(scores, true) == std::vector<int>{4, 1, 1, 0, 3});
  CHECK(dea::competition_rank(scores, false) == std::vector<int>{1, 3, 3, 0, 2});
  CHECK(dea::competition_ranks(scores, true) == json::parse("[4, 1, 1, null, 3]"));
}

TEST_CASE("dea::run returns Coelli et al.'s published scores as a struct", "[dea][structs]") {
  const json c = llmfp::test::load_json("tests/fixtures/dea-cases/coelli1998.json");
  dea::Table t;
  t.dmus = c.at("dmus").get<std::vector<std::string>>();
  t.input_names = {"x1", "x2"};
  t.output_names = {"q"};
  t.data.X.resize(5, 2);
  t.data.Y.resize(5, 1);
  for (int j = 0; j < 5; ++j) {
    t.data.X(j, 0) = c["inputs"][j][0].get<double>();
    t.data.X(j, 1) = c["inputs"][j][1].get<double>();
    t.data.Y(j, 0) = c["outputs"][j][0].get<double>();
  }
  for (const char* key : {"ccr_io", "ccr_oo"}) {
    const json& exp = c["expected"][key];
    dea::Model m;
    m.type = dea::ModelType::envelopment;
    m.radial.orientation =
        exp["model"]["orientation"] == "io" ? dea::Orientation::input : dea::Orientation::output;
    const dea::Outcome o = dea::run(t, m);
    INFO(key);
    REQUIRE(o.scores.size() == 5);
    REQUIRE(o.radial.size() == 5);
    for (int j = 0; j < 5; ++j) {
      CHECK(std::fabs(o.scores[j] - exp["values"][j].get<double>()) <= exp["tol"].get<double>());
    }
    // Both orientations rank firm 2 and 5 first (efficient), then 3, 4, 1.
    CHECK(o.ranks == std::vector<int>{5, 1, 3, 4, 1});
    CHECK(o.dmus == t.dmus);
    // The JSON edge writes the struct's numbers as they are.
    const json out = dea::to_json(o);
    for (int j = 0; j < 5; ++j) CHECK(out["scores"][j].get<double>() == o.scores[j]);
    CHECK(out["ranks"] == json(o.ranks));
  }
  dea::Model game;
  game.type = dea::ModelType::game;
  const dea::Outcome g = dea::run(t, game);
  CHECK(g.ranks == std::vector<int>{5, 1, 3, 4, 2});  // oracle_game_e: .45, 1, .79, .66, .90
  CHECK(g.radial.empty());
}
