// op "rank" on the bundled paper-v6 dataset: the DMUs and their data are what the dataset
// and op "estimate" say (models without an Intelligence Index left out and listed), the
// scores are those of op "dea" on the same matrix, and bad requests name the field.
#include <cmath>
#include <set>

#include <catch2/catch.hpp>

#include "support.hpp"

using llmfp::json;
using llmfp::test::call;

namespace {
const json& rank_dataset() {
  static const json d = llmfp::test::load_json("public/data/paper-v6/2025-10-26.json");
  return d;
}
}  // namespace

TEST_CASE("rank: DMUs, data and exclusions follow the dataset and estimate", "[rank]") {
  const json r = call({{"op", "rank"}, {"dataset", rank_dataset()}});
  INFO(llmfp::test::error_of(r));
  REQUIRE(r["ok"] == true);
  const json& res = r["result"];
  std::set<std::string> scored, unscored;
  for (const auto& m : rank_dataset()["models"]) {
    (m["aa_intelligence_index"].is_number() ? scored : unscored)
        .insert(m["model"].get<std::string>());
  }
  REQUIRE(res["models"].size() == scored.size());
  REQUIRE(res["excluded"].size() == unscored.size());
  for (const auto& e : res["excluded"]) CHECK(unscored.count(e["model"].get<std::string>()) == 1);
  // Energy input = mean over prompts of estimate's energy_wh.mean, per model.
  const json est = call({{"op", "estimate"}, {"dataset", rank_dataset()}});
  REQUIRE(est["ok"] == true);
  for (std::size_t j = 0; j < res["models"].size(); ++j) {
    const std::string model = res["models"][j];
    double sum = 0;
    int cnt = 0;
    for (const auto& row : est["result"]["rows"]) {
      if (row["model"] == model) sum += row["energy_wh"]["mean"].get<double>(), ++cnt;
    }
    CHECK(res["dea"]["data"]["inputs"][j][0].get<double>() == Approx(sum / cnt).epsilon(1e-12));
  }
  // Scores are those of op "dea" with the authors' defaults on the same matrix.
  const json d = call({{"op", "dea"},
                       {"dmus", res["models"]},
                       {"inputs", res["dea"]["data"]["inputs"]},
                       {"outputs", res["dea"]["data"]["outputs"]}});
  REQUIRE(d["ok"] == true);
  int efficient_rank1 = 0;
  for (std::size_t j = 0; j < res["models"].size(); ++j) {
    CHECK(res["scores"][j].get<double>() ==
          Approx(d["result"]["scores"][j].get<double>()).epsilon(1e-12));
    CHECK(res["scores"][j].get<double>() <= 1 + 1e-9);
    efficient_rank1 += res["ranks"][j] == 1;
  }
  CHECK(efficient_rank1 >= 1);
  CHECK(res["dea"]["model"]["method"] == "aggressive");
  CHECK(res["dea"]["model"]["formulation"] == "M3");
}

TEST_CASE("rank: model x prompt DMUs are averaged per model; user columns", "[rank]") {
  const json r = call({{"op", "rank"},
                       {"dataset", rank_dataset()},
                       {"unit", "model_prompt"},
                       {"inputs", {"energy_wh", "cif_kg_per_kwh"}}});
  REQUIRE(r["ok"] == true);
  const json& res = r["result"];
  for (std::size_t j = 0; j < res["models"].size(); ++j) {
    double sum = 0;
    int cnt = 0;
    const std::string prefix = res["models"][j].get<std::string>() + " / ";
    for (std::size_t k = 0; k < res["dea"]["dmus"].size(); ++k) {
      if (res["dea"]["dmus"][k].get<std::string>().rfind(prefix, 0) == 0)
        sum += res["dea"]["scores"][k].get<double>(), ++cnt;
    }
    REQUIRE(cnt >= 1);
    CHECK(res["scores"][j].get<double>() == Approx(sum / cnt).epsilon(1e-12));
  }
  // A user column: models without a value are excluded with the reason.
  const json first = rank_dataset()["models"][0]["model"];
  const json r2 = call({{"op", "rank"},
                        {"dataset", rank_dataset()},
                        {"inputs", {"energy_wh", "price_usd"}},
                        {"columns", {{"price_usd", {{first.get<std::string>(), 2.0}}}}}});
  REQUIRE(r2["ok"] == true);
  CHECK(r2["result"]["models"].size() == 1);
}

TEST_CASE("rank: bad requests name the field", "[rank]") {
  json r =
      call({{"op", "rank"}, {"dataset", rank_dataset()}, {"inputs", {"energy_wh", "pue_typo"}}});
  CHECK(r["error"]["code"] == "unknown_value");
  CHECK(r["error"]["path"] == "/inputs/1");
  r = call({{"op", "rank"}, {"dataset", rank_dataset()}, {"model", {{"method", "nice"}}}});
  CHECK(r["error"]["path"] == "/model/method");
  r = call({{"op", "rank"}, {"dataset", rank_dataset()}, {"unit", "prompt"}});
  CHECK(r["error"]["path"] == "/unit");
  json broken = rank_dataset();
  broken["models"][0]["pue"] = -1;
  r = call({{"op", "rank"}, {"dataset", broken}});
  CHECK(r["ok"] == false);
  CHECK(r["error"]["path"].get<std::string>().rfind("/dataset/models/0", 0) == 0);
}
