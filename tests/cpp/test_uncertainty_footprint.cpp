// The footprint model under uncertainty: with every assumption fixed the Monte Carlo
// reproduces the paper's numbers (and the footprint engine's exact mean); assumptions with
// closed-form effects (PUE, utilisation, batch size from the paper's appendix, regions'
// published means) give the known values.
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/dataset.hpp"
#include "llmfp/uncertainty_footprint.hpp"
#include "support.hpp"

namespace fp = llmfp::footprint;
namespace uq = llmfp::uq;
using llmfp::test::rel_diff;

namespace {

const llmfp::dataset::Footprint& paper_v6() {
  static const auto data = llmfp::dataset::load_footprint(
      llmfp::test::load_json("public/data/paper-v6/2025-10-26.json"), "");
  return data;
}

uq::FootprintCase make_case(const llmfp::dataset::ModelRow& m, const llmfp::dataset::PromptRow& p) {
  uq::FootprintCase c;
  c.prompt = p.inputs;
  c.assumptions = m.assumptions;
  c.basis.coded = m.assumptions.util;
  // GPUs of the size class (docs/METHOD.md): Nano/Micro 1, Small 2, Medium 4, Large 8.
  const double gpus = m.size_class == "Large"    ? 8
                      : m.size_class == "Medium" ? 4
                      : m.size_class == "Small"  ? 2
                                                 : 1;
  c.basis.coded_gpus = gpus;
  c.gpus = gpus;
  return c;
}

uq::FootprintCase find_case(const std::string& model, const std::string& prompt) {
  for (const auto& m : paper_v6().models) {
    if (m.model != model) continue;
    for (const auto& p : m.prompts) {
      if (p.prompt == prompt) return make_case(m, p);
    }
  }
  FAIL("no " << model << " / " << prompt);
  return {};
}

}  // namespace

TEST_CASE("paper preset: every paper-v6 row within 0.5 % (mean) and 2 % (SD) of the authors'",
          "[uncertainty][footprint]") {
  std::size_t rows = 0;
  for (const auto& m : paper_v6().models) {
    for (const auto& p : m.prompts) {
      REQUIRE(p.reference.has_value());
      const auto c = make_case(m, p);
      const auto r = uq::propagate(c, uq::nominal_uncertainty(c), 50000, 0, 20, 1.0);
      const auto& ref = *p.reference;
      INFO(m.model << " / " << p.prompt);
      CHECK(rel_diff(r.per_query[0].mean, ref.energy_wh_mean) < 0.005);
      CHECK(rel_diff(r.per_query[0].sd, ref.energy_wh_sd) < 0.02);
      CHECK(rel_diff(r.per_query[1].mean, ref.water_ml_mean) < 0.005);
      CHECK(rel_diff(r.per_query[1].sd, ref.water_ml_sd) < 0.02);
      CHECK(rel_diff(r.per_query[2].mean, ref.carbon_g_mean) < 0.005);
      CHECK(rel_diff(r.per_query[2].sd, ref.carbon_g_sd) < 0.02);
      // And within 4 standard errors of the footprint engine's exact copula mean.
      const double exact = fp::energy_wh_mean(c.prompt, c.assumptions, 0.5);
      CHECK(std::fabs(r.per_query[0].mean - exact) < 4.0 * r.per_query[0].sd / std::sqrt(50000.0));
      ++rows;
    }
  }
  CHECK(rows == 87);
}

TEST_CASE(
    "paper preset: the tornado's base is the exact mean; scaling an 8-query session "
    "gives mean x 8 and SD x sqrt 8",
    "[uncertainty][footprint]") {
  const auto c = find_case("GPT-4o (Mar '25)", "short");
  const auto u = uq::nominal_uncertainty(c);
  const auto s = uq::sensitivity(c, u, 20000, 3, 10);
  CHECK(rel_diff(s.tornado[0].base, fp::energy_wh_mean(c.prompt, c.assumptions, 0.5)) < 1e-12);
  // Only latency/speed varies: it carries all the variance.
  CHECK(s.sobol.indices[0][0].total == Approx(1.0).margin(0.03));
  const auto r = uq::propagate(c, u, 100000, 3, 20, 8.0);
  CHECK(rel_diff(r.scaled[0].mean, 8.0 * r.per_query[0].mean) < 0.002);
  CHECK(rel_diff(r.scaled[0].sd, std::sqrt(8.0) * r.per_query[0].sd) < 0.02);
  CHECK(r.scaled_shared_share[0] < 1e-20);  // zero up to rounding
}

TEST_CASE("PUE x utilisation: closed-form Sobol indices of a product of uniforms",
          "[uncertainty][footprint][sobol]") {
  // Latency/speed fixed: E = c * PUE * (P_min + w (P_max - P_min)), a product of the
  // independent uniforms PUE ~ U(1.1, 1.3) and P ~ U(P_min, P_max) (w ~ U(0, 1)).
  auto c = find_case("GPT-4.1", "medium");
  auto u = uq::nominal_uncertainty(c);
  u.copula = false;
  u.scalar[uq::kPue] = uq::Distribution::uniform(1.1, 1.3);
  u.scalar[uq::kWMax] = uq::Distribution::uniform(0.0, 1.0);
  const double p_min =
      fp::power_kw(c.assumptions.node, c.assumptions.util.u_gpu_min, c.assumptions.util.u_nongpu);
  const double p_max =
      fp::power_kw(c.assumptions.node, c.assumptions.util.u_gpu_max, c.assumptions.util.u_nongpu);
  const double m1 = 1.2, v1 = 0.04 / 12.0;
  const double m2 = 0.5 * (p_min + p_max), v2 = (p_max - p_min) * (p_max - p_min) / 12.0;
  const double q1 = v1 + m1 * m1, q2 = v2 + m2 * m2;
  const double v = q1 * q2 - m1 * m1 * m2 * m2;
  const auto s = uq::sensitivity(c, u, 50000, 5, 10);
  std::size_t i_pue = 0, i_w = 0;
  for (std::size_t i = 0; i < s.names.size(); ++i) {
    if (s.names[i] == "pue") i_pue = i;
    if (s.names[i] == "w_max") i_w = i;
  }
  const auto& e = s.sobol.indices[0];
  for (auto [i, first, total] : {std::tuple{i_pue, v1 * m2 * m2 / v, v1 * q2 / v},
                                 std::tuple{i_w, v2 * m1 * m1 / v, v2 * q1 / v}}) {
    INFO(s.names[i] << ": S " << e[i].first << " vs " << first << ", ST " << e[i].total << " vs "
                    << total);
    CHECK(std::fabs(e[i].first - first) < 4 * e[i].first_se + 0.005);
    CHECK(std::fabs(e[i].total - total) < 4 * e[i].total_se + 0.005);
  }
  for (std::size_t i = 0; i < s.names.size(); ++i) {
    if (i != i_pue && i != i_w) CHECK(e[i].total == 0.0);
  }
  // The tornado of energy: PUE at 1.1 and 1.3 scales the mean exactly.
  const double base = s.tornado[0].base;
  for (const auto& bar : s.tornado[0].bars) {
    if (bar.input == i_pue) {
      CHECK(rel_diff(bar.low, base * 1.1 / 1.12) < 1e-12);
      CHECK(rel_diff(bar.high, base * 1.3 / 1.12) < 1e-12);
    }
    if (bar.input == i_w) {
      CHECK(rel_diff(bar.low, base * p_min / m2) < 1e-12);
      CHECK(rel_diff(bar.high, base * p_max / m2) < 1e-12);
    }
  }
}

TEST_CASE("batch size 4 and 16 give the paper appendix's utilisation (Large, H100)",
          "[uncertainty][footprint]") {
  auto c = find_case("GPT-4.1", "short");
  auto u = uq::nominal_uncertainty(c);
  u.copula = false;
  u.scalar[uq::kBatch] = uq::Distribution::choice({4, 8, 16}, {1, 1, 1});
  const auto s = uq::sensitivity(c, u, 1000, 1, 10);
  REQUIRE(s.tornado[0].bars.size() == 1);
  const auto& bar = s.tornado[0].bars[0];
  CHECK(s.probe_labels[bar.input][bar.high_probe] == "4");
  CHECK(s.probe_labels[bar.input][bar.low_probe] == "16");
  // Appendix: B = 4: U_GPU 10 - 13.5 %, U_non 12.5 %; B = 16: 3.5 - 4.5 %, 3.125 %.
  const double t_s = fp::marginal_mean(fp::sorted(c.prompt.ttft_s)) +
                     c.prompt.output_tokens * fp::marginal_inverse_mean(fp::sorted(c.prompt.tps));
  const auto energy = [&](double u_min, double u_max, double u_non) {
    return t_s / 3.6 * 1.12 * (5.6 * 0.5 * (u_min + u_max) + 4.6 * u_non);
  };
  CHECK(rel_diff(bar.high, energy(0.10, 0.135, 0.125)) < 1e-9);
  CHECK(rel_diff(bar.low, energy(0.035, 0.045, 0.03125)) < 1e-9);
  CHECK(rel_diff(s.tornado[0].base, energy(0.055, 0.075, 0.0625)) < 1e-9);
}

TEST_CASE("region choice: mean carbon and water factors are the regions' published means",
          "[uncertainty][footprint]") {
  // Azure: plain mean over 27 regions, CIF 0.3413 kg/kWh, WUE_source 4.3513 L/kWh (regions
  // dataset, stated means). Latency fixed, so carbon / energy = CIF of the drawn region.
  const auto regions_json = llmfp::test::load_json("public/data/regions/2026-02-19.json");
  auto c = find_case("GPT-4.1", "long");
  auto u = uq::nominal_uncertainty(c);
  u.copula = false;
  for (const auto& prov : regions_json.at("providers")) {
    if (prov.at("provider") != "Azure") continue;
    for (const auto& r : prov.at("regions")) {
      u.regions.push_back({r.at("region").get<std::string>(),
                           r.at("wue_source_l_per_kwh").get<double>(),
                           r.at("cif_kg_per_kwh").get<double>(), 1.0});
    }
  }
  REQUIRE(u.regions.size() == 27);
  const std::size_t n = 100000;
  const auto r = uq::propagate(c, u, n, 9, 10, 1.0);
  const double e = r.per_query[0].mean;
  CHECK(r.per_query[0].sd < 1e-12 * e);  // energy does not vary
  double sd_cif = 0.0, mean_cif = 0.0;
  for (const auto& reg : u.regions) mean_cif += reg.cif_kg_per_kwh / 27.0;
  for (const auto& reg : u.regions)
    sd_cif += (reg.cif_kg_per_kwh - mean_cif) * (reg.cif_kg_per_kwh - mean_cif) / 27.0;
  CHECK(std::fabs(mean_cif - 0.3413) < 5e-5);
  CHECK(std::fabs(r.per_query[2].mean / e - 0.3413) < 4.0 * std::sqrt(sd_cif / n) + 5e-5);
  const double water = r.per_query[1].mean / e - 0.3 / 1.12;  // minus the site part
  CHECK(std::fabs(water - 4.3513) < 0.05);
  // Scaling: the region is shared by every query, so N queries keep the full relative spread.
  const auto big = uq::propagate(c, u, 20000, 9, 10, 1e6);
  CHECK(big.scaled_shared_share[2] == Approx(1.0));
  CHECK(big.scaled_shared_share[0] == 0.0);  // energy does not depend on the region
  CHECK(rel_diff(big.scaled[2].sd / big.scaled[2].mean, r.per_query[2].sd / r.per_query[2].mean) <
        0.05);
}
