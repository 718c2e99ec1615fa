// Reproduction of the paper's per-query numbers by the footprint core (plain structs),
// and closed-form checks of its building blocks.
#include <catch2/catch.hpp>

#include <cmath>

#include "llmfp/dataset.hpp"
#include "llmfp/footprint.hpp"
#include "llmfp/pmath.hpp"
#include "support.hpp"

using namespace llmfp;
using footprint::Quantiles;

namespace {
dataset::Footprint load(const std::string& rel) {
  return dataset::load_footprint(test::load_json(rel), "");
}

struct Worst {
  double mean = 0, sd = 0;
  std::string where_mean, where_sd;
  int rows = 0;
  void add(const std::string& where, double mean_rel, double sd_rel) {
    ++rows;
    if (mean_rel > mean) mean = mean_rel, where_mean = where;
    if (sd_rel > sd) sd = sd_rel, where_sd = where;
  }
};

// Every row with a reference: mean within mean_tol and SD within sd_tol, for energy,
// water and carbon.
Worst reproduce(const dataset::Footprint& d, const footprint::Settings& s) {
  Worst w;
  for (const auto& m : d.models) {
    for (const auto& p : m.prompts) {
      if (!p.reference) continue;
      const auto r = footprint::estimate(p.inputs, m.assumptions, s);
      const auto& ref = *p.reference;
      const std::string where = m.model + " / " + p.prompt;
      w.add(where + " energy", test::rel_diff(r.energy_wh.mean, ref.energy_wh_mean),
            test::rel_diff(r.energy_wh.sd, ref.energy_wh_sd));
      w.add(where + " water", test::rel_diff(r.water_ml.mean, ref.water_ml_mean),
            test::rel_diff(r.water_ml.sd, ref.water_ml_sd));
      w.add(where + " carbon", test::rel_diff(r.carbon_g.mean, ref.carbon_g_mean),
            test::rel_diff(r.carbon_g.sd, ref.carbon_g_sd));
    }
  }
  return w;
}
}  // namespace

TEST_CASE("v6 quadrature reproduces every paper-v6 row (mean 0.5 %, SD 2 %)", "[footprint][paper]") {
  const auto d = load("public/data/paper-v6/2025-10-26.json");
  const Worst w = reproduce(d, {});
  WARN("worst mean " << w.mean << " at " << w.where_mean << "; worst SD " << w.sd << " at " << w.where_sd);
  CHECK(w.rows == 87 * 3);
  CHECK(w.mean <= 0.005);
  CHECK(w.sd <= 0.02);
}

TEST_CASE("v6 quadrature reproduces every 2025-10-26 snapshot row (mean 0.5 %, SD 2 %)", "[footprint][paper]") {
  const auto d = load("public/data/snapshot/2025-10-26.json");
  const Worst w = reproduce(d, {});
  WARN("worst mean " << w.mean << " at " << w.where_mean << "; worst SD " << w.sd << " at " << w.where_sd);
  CHECK(w.rows == 194 * 3);
  CHECK(w.mean <= 0.005);
  CHECK(w.sd <= 0.02);
}

TEST_CASE("v6 Monte Carlo (N = 10,000) reproduces the snapshot within its sampling error", "[footprint][paper]") {
  const auto d = load("public/data/snapshot/2025-10-26.json");
  footprint::Settings s;
  s.sampling = footprint::Sampling::kMonteCarlo;
  const Worst w = reproduce(d, s);
  WARN("worst mean " << w.mean << " at " << w.where_mean << "; worst SD " << w.sd << " at " << w.where_sd);
  // Two independent 10,000-draw samples: means differ by a few SE (CV up to ~0.5 -> SE 0.5 %).
  CHECK(w.mean <= 0.02);
  CHECK(w.sd <= 0.06);
}
