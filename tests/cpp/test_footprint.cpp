// Reproduction of the paper's per-query numbers by the footprint core (plain structs),
// and closed-form checks of its building blocks.
#include <cmath>

#include <catch2/catch.hpp>

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

TEST_CASE("v6 quadrature reproduces every paper-v6 row (mean 0.5 %, SD 2 %)",
          "[footprint][paper]") {
  const auto d = load("public/data/paper-v6/2025-10-26.json");
  const Worst w = reproduce(d, {});
  WARN("worst mean " << w.mean << " at " << w.where_mean << "; worst SD " << w.sd << " at "
                     << w.where_sd);
  CHECK(w.rows == 87 * 3);
  CHECK(w.mean <= 0.005);
  CHECK(w.sd <= 0.02);
}

TEST_CASE("v6 quadrature reproduces every 2025-10-26 snapshot row (mean 0.5 %, SD 2 %)",
          "[footprint][paper]") {
  const auto d = load("public/data/snapshot/2025-10-26.json");
  const Worst w = reproduce(d, {});
  WARN("worst mean " << w.mean << " at " << w.where_mean << "; worst SD " << w.sd << " at "
                     << w.where_sd);
  CHECK(w.rows == 194 * 3);
  CHECK(w.mean <= 0.005);
  CHECK(w.sd <= 0.02);
}

TEST_CASE("v6 Monte Carlo (N = 10,000) reproduces the snapshot within its sampling error",
          "[footprint][paper]") {
  const auto d = load("public/data/snapshot/2025-10-26.json");
  footprint::Settings s;
  s.sampling = footprint::Sampling::kMonteCarlo;
  const Worst w = reproduce(d, s);
  WARN("worst mean " << w.mean << " at " << w.where_mean << "; worst SD " << w.sd << " at "
                     << w.where_sd);
  // Two independent 10,000-draw samples: means differ by a few SE (CV up to ~0.5 -> SE 0.5 %).
  CHECK(w.mean <= 0.02);
  CHECK(w.sd <= 0.06);
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

namespace {
footprint::Assumptions large_h100_azure() {
  return {{5.6, 4.6}, {0.055, 0.075, 0.0625}, {1.12, 0.3, 4.35, 0.34}};
}
// Midpoint rule over u in (0, 1) of f(marginal_at(q, u)): an independent check of the
// closed forms.
template <class F>
double integrate_marginal(const Quantiles& q, F f) {
  const int n = 400000;
  double s = 0;
  for (int i = 0; i < n; ++i) s += f(footprint::marginal_at(q, (i + 0.5) / n));
  return s / n;
}
}  // namespace

TEST_CASE("marginal moments: closed forms equal numerical integration", "[footprint]") {
  const Quantiles q = {45, 64, 96, 131, 141};
  CHECK(test::rel_diff(footprint::marginal_mean(q),
                       integrate_marginal(q, [](double x) { return x; })) < 1e-9);
  CHECK(test::rel_diff(footprint::marginal_inverse_mean(q),
                       integrate_marginal(q, [](double x) { return 1 / x; })) < 1e-9);
  // Equal neighbours (a flat segment) take the series branch.
  const Quantiles flat = {50, 50, 50.000001, 80, 80};
  CHECK(test::rel_diff(footprint::marginal_inverse_mean(flat),
                       integrate_marginal(flat, [](double x) { return 1 / x; })) < 1e-9);
}

TEST_CASE("v6 quadrature with rho = 0: Var T = Var L + O^2 Var(1/R) exactly", "[footprint]") {
  footprint::PromptInputs in{1000, {0.43, 0.48, 0.63, 0.89, 1.17}, {50, 60, 72, 78, 82}};
  const auto a = large_h100_azure();
  footprint::Settings s;
  s.rho = 0;
  const auto r = footprint::estimate(in, a, s);
  const double el = integrate_marginal(in.ttft_s, [](double x) { return x; });
  const double el2 = integrate_marginal(in.ttft_s, [](double x) { return x * x; });
  const double eg = integrate_marginal(in.tps, [](double x) { return 1 / x; });
  const double eg2 = integrate_marginal(in.tps, [](double x) { return 1 / (x * x); });
  const double sd_t = std::sqrt(el2 - el * el + 1e6 * (eg2 - eg * eg));
  CHECK(test::rel_diff(r.work.time_sd_s, sd_t) < 1e-6);
  CHECK(test::rel_diff(r.work.time_mean_s, el + 1000 * eg) < 1e-9);
  // Negative correlation of latency and speed raises the SD of T (L high with R low).
  s.rho = -0.3;
  CHECK(footprint::estimate(in, a, s).work.time_sd_s > r.work.time_sd_s);
}

TEST_CASE("v4 grid with fixed latency and speed: the 50 values are E_min and E_max",
          "[footprint]") {
  footprint::PromptInputs in{300, {0.08, 0.08, 0.08, 0.08, 0.08}, {150, 150, 150, 150, 150}};
  footprint::Settings s;
  s.estimator = footprint::Estimator::kV4;
  const auto r = footprint::estimate(in, large_h100_azure(), s);
  // T = 0.08 + 300 / 150 = 2.08 s; paper v4 worked check: about 0.42 Wh.
  const double e_min = 2.08 * (5.6 * 0.055 + 4.6 * 0.0625) * 1.12 / 3.6;
  const double e_max = 2.08 * (5.6 * 0.075 + 4.6 * 0.0625) * 1.12 / 3.6;
  CHECK(test::rel_diff(r.energy_wh.mean, (e_min + e_max) / 2) < 1e-12);
  CHECK(test::rel_diff(r.energy_wh.sd, (e_max - e_min) / 2) < 1e-12);  // population SD
  CHECK(std::fabs(r.energy_wh.mean - 0.42) < 0.0025);
  CHECK(r.energy_wh.low == Approx(e_min).epsilon(1e-12));
  CHECK(r.energy_wh.high == Approx(e_max).epsilon(1e-12));
}

TEST_CASE("utilisation from GPU count and batch size (paper appendix)", "[footprint]") {
  footprint::UtilisationBasis large{{0.055, 0.075, 0.0625}, 8, 8, 8};
  const auto b4 = footprint::derive_utilisation(large, 8, 4);
  CHECK(b4.u_gpu_min == Approx(0.10).epsilon(1e-12));
  CHECK(b4.u_gpu_max == Approx(0.135).epsilon(1e-12));
  CHECK(b4.u_nongpu == Approx(0.125).epsilon(1e-12));
  const auto b16 = footprint::derive_utilisation(large, 8, 16);
  CHECK(b16.u_gpu_min == Approx(0.035).epsilon(1e-12));
  CHECK(b16.u_gpu_max == Approx(0.045).epsilon(1e-12));
  CHECK(b16.u_nongpu == Approx(0.03125).epsilon(1e-12));
  // The preset is kept exactly; U falls with B and rises with G.
  const auto same = footprint::derive_utilisation(large, 8, 8);
  CHECK(same.u_gpu_min == 0.055);
  const auto g4 = footprint::derive_utilisation(large, 4, 8);
  CHECK(g4.u_gpu_max == Approx(0.0375).epsilon(1e-12));
  double previous = 1e9;
  for (double b : {1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 32.0, 64.0}) {
    const double per_query_kw =
        footprint::power_kw({5.6, 4.6}, footprint::derive_utilisation(large, 8, b).u_gpu_max,
                            footprint::derive_utilisation(large, 8, b).u_nongpu);
    CHECK(per_query_kw < previous);
    previous = per_query_kw;
  }
}

TEST_CASE("percentiles: a constant query time gives equal percentiles", "[footprint]") {
  footprint::PromptInputs in{300, {0.5, 0.5, 0.5, 0.5, 0.5}, {100, 100, 100, 100, 100}};
  const auto r = footprint::estimate(in, large_h100_azure(), {});
  const double e = footprint::energy_wh(
      3.5, footprint::expected_power_kw({5.6, 4.6}, {0.055, 0.075, 0.0625}, 0.5), 1.12);
  CHECK(r.energy_wh.mean == Approx(e).epsilon(1e-12));
  CHECK(r.energy_wh.sd == Approx(0).margin(1e-12));
  CHECK(r.energy_wh.p5 == Approx(e).epsilon(1e-9));
  CHECK(r.energy_wh.p95 == Approx(e).epsilon(1e-9));
}
