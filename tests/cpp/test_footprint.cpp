// Reproduction of the paper's per-query numbers by the footprint core (plain structs),
// and closed-form checks of its building blocks.
#include <catch2/catch.hpp>

#include <cmath>

#include "../../wasm-core/src/footprint/fast_normal.hpp"
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

TEST_CASE("fast normal distribution agrees with pmath to 1e-14", "[footprint]") {
  double worst_cdf = 0, worst_q = 0;
  for (int i = -4000; i <= 4000; ++i) {
    const double z = i / 400.0;  // -10 .. 10
    const double a = footprint::fast::normal_cdf(z);
    const double b = pmath::normal_cdf(z);
    worst_cdf = std::max(worst_cdf, std::fabs(a - b) / b);
  }
  for (int i = 1; i < 2000; ++i) {
    const double p = i / 2000.0;
    const double z = footprint::fast::normal_quantile(p);
    worst_q = std::max(worst_q, std::fabs(z - pmath::normal_quantile(p)) / std::max(1.0, std::fabs(z)));
  }
  CHECK(worst_cdf < 5e-14);
  CHECK(worst_q < 1e-13);
}

TEST_CASE("quadrature SD and percentiles agree with a 400,000-draw Monte Carlo", "[footprint]") {
  // Independent check of the quadrature: sampling error of P5/P50/P95 at n = 4e5 is
  // ~0.1-0.3 %, of the SD ~0.2-0.5 %.
  const auto d = load("public/data/paper-v6/2025-10-26.json");
  footprint::Settings mc;
  mc.sampling = footprint::Sampling::kMonteCarlo;
  mc.draws = 400000;
  mc.seed = 7;
  int rows = 0;
  for (std::size_t i = 0; i < d.models.size(); i += 6) {
    for (const auto& p : d.models[i].prompts) {
      const auto q = footprint::estimate(p.inputs, d.models[i].assumptions, {});
      const auto m = footprint::estimate(p.inputs, d.models[i].assumptions, mc);
      INFO(d.models[i].model << " / " << p.prompt);
      CHECK(test::rel_diff(q.energy_wh.mean, m.energy_wh.mean) < 0.005);
      CHECK(test::rel_diff(q.energy_wh.sd, m.energy_wh.sd) < 0.01);
      CHECK(test::rel_diff(q.energy_wh.p5, m.energy_wh.p5) < 0.006);
      CHECK(test::rel_diff(q.energy_wh.p50, m.energy_wh.p50) < 0.006);
      CHECK(test::rel_diff(q.energy_wh.p95, m.energy_wh.p95) < 0.006);
      CHECK(q.energy_wh.p5 <= q.energy_wh.p50);
      CHECK(q.energy_wh.p50 <= q.energy_wh.p95);
      ++rows;
    }
  }
  CHECK(rows >= 12);
}
