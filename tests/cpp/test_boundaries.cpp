// Boundaries of the estimate (an extension beyond the paper; docs/estimate.md): energy of
// the accelerators only, of the IT equipment, or of the facility (the paper's), cooling-only
// water, market-based carbon. Expected values are computed here in closed form from the
// dataset file's own numbers, not from the engine.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <catch2/catch.hpp>

#include "support.hpp"

using llmfp::json;
namespace test = llmfp::test;

namespace {

constexpr std::array<double, 5> kLevel = {0.05, 0.25, 0.50, 0.75, 0.95};

std::array<double, 5> sorted5(const json& a) {
  std::array<double, 5> q{};
  for (std::size_t i = 0; i < 5; ++i) q[i] = a.at(i).get<double>();
  std::sort(q.begin(), q.end());
  return q;
}

// E[X] for X piecewise linear in u through the five percentiles, flat beyond P5 and P95.
double mean_of(const std::array<double, 5>& q) {
  double m = 0.05 * q[0] + 0.05 * q[4];
  for (std::size_t k = 0; k < 4; ++k) m += (kLevel[k + 1] - kLevel[k]) * (q[k] + q[k + 1]) / 2;
  return m;
}

// E[1/X] of the same marginal: the integral of 1/(a + b u) is log(x1 / x0) / b per segment.
double inverse_mean_of(const std::array<double, 5>& q) {
  double m = 0.05 / q[0] + 0.05 / q[4];
  for (std::size_t k = 0; k < 4; ++k) {
    const double du = kLevel[k + 1] - kLevel[k];
    m += q[k + 1] == q[k] ? du / q[k] : du * std::log(q[k + 1] / q[k]) / (q[k + 1] - q[k]);
  }
  return m;
}

// Mean query time, s: E[L] + O * E[1/R] (the v6 copula's mean does not depend on rho).
double mean_time_s(const json& prompt) {
  return mean_of(sorted5(prompt.at("ttft_s"))) +
         prompt.at("output_tokens").get<double>() * inverse_mean_of(sorted5(prompt.at("tps")));
}

json estimate_all(const json& dataset, const json& overrides) {
  json req = {{"op", "estimate"}, {"dataset", dataset}};
  if (!overrides.is_null()) req["overrides"] = overrides;
  const json res = test::call(req);
  REQUIRE(test::error_of(res) == "ok");
  return res.at("result").at("rows");
}

double num(const json& j, const char* key) { return j.at(key).get<double>(); }

}  // namespace

TEST_CASE(
    "boundary accelerator / it: the paper's energy with only those power terms, no PUE "
    "(every row of paper-v6)",
    "[boundary]") {
  const json d = test::load_json("public/data/paper-v6/2025-10-26.json");
  const json acc = estimate_all(d, {{"boundary", "accelerator"}});
  const json it = estimate_all(d, {{"boundary", "it"}});
  const json fac = estimate_all(d, {{"boundary", "facility"}});
  const json paper = estimate_all(d, nullptr);
  std::size_t i = 0;
  double worst = 0;
  for (const auto& m : d.at("models")) {
    const double u_gpu = 0.5 * num(m, "u_gpu_max") + 0.5 * num(m, "u_gpu_min");
    const double p_gpu = num(m, "p_gpu_kw") * u_gpu;                         // kW
    const double p_it = p_gpu + num(m, "p_nongpu_kw") * num(m, "u_nongpu");  // kW
    for (const auto& p : m.at("prompts")) {
      INFO(m.at("model").get<std::string>() << " / " << p.at("prompt").get<std::string>());
      REQUIRE(i < acc.size());
      REQUIRE(acc[i].at("model") == m.at("model"));
      const double t = mean_time_s(p);
      const double e_acc = t * p_gpu / 3.6;  // kW * s / 3.6 = Wh
      const double e_it = t * p_it / 3.6;
      const double e_fac = e_it * num(m, "pue");
      const double got_acc = acc[i].at("energy_wh").at("mean").get<double>();
      const double got_it = it[i].at("energy_wh").at("mean").get<double>();
      CHECK(test::rel_diff(got_acc, e_acc) < 1e-9);
      CHECK(test::rel_diff(got_it, e_it) < 1e-9);
      CHECK(test::rel_diff(fac[i].at("energy_wh").at("mean").get<double>(), e_fac) < 1e-9);
      // "facility" is the default: the same numbers as no boundary at all.
      CHECK(fac[i].at("energy_wh") == paper[i].at("energy_wh"));
      // Water and carbon follow the paper's formulas on the counted energy (PUE = 1).
      const double wue = num(m, "wue_site_l_per_kwh") + num(m, "wue_source_l_per_kwh");
      CHECK(test::rel_diff(it[i].at("water_ml").at("mean").get<double>(), e_it * wue) < 1e-9);
      CHECK(test::rel_diff(acc[i].at("carbon_g").at("mean").get<double>(),
                           e_acc * num(m, "cif_kg_per_kwh")) < 1e-9);
      worst = std::max({worst, test::rel_diff(got_acc, e_acc), test::rel_diff(got_it, e_it)});
      ++i;
    }
  }
  CHECK(i == acc.size());
  CHECK(i == 87);  // 29 models x 3 prompts
  WARN("worst relative difference from the closed form: " << worst);
}

TEST_CASE("boundary: the work block says which parts were kept", "[boundary]") {
  const json d = test::load_json("public/data/paper-v6/2025-10-26.json");
  json req = {{"op", "estimate"},
              {"dataset", d},
              {"select", {{"models", {"GPT-4o (Mar '25)"}}, {"prompts", {"short"}}}},
              {"overrides", {{"boundary", "accelerator"}, {"water_scope", "site"}}}};
  const json res = test::call(req);
  REQUIRE(test::error_of(res) == "ok");
  const json& row = res["result"]["rows"][0];
  const json& b = row["work"]["boundary"];
  CHECK(b["energy"] == "accelerator");
  CHECK(b["water"] == "site");
  CHECK(b["carbon"] == "location");
  CHECK(b["kept"]["gpu_power"] == true);
  CHECK(b["kept"]["non_gpu_power"] == false);
  CHECK(b["kept"]["pue"] == false);
  CHECK(b["kept"]["source_water"] == false);
  CHECK(b["host_pue"] == 1.12);  // Azure (paper v6)
  CHECK(row["work"]["pue"] == 1.0);
  CHECK(row["assumptions"]["p_nongpu_kw"] == 0.0);
  const json& o = row["assumptions"]["overridden"];
  CHECK(std::find(o.begin(), o.end(), "boundary") != o.end());
  CHECK(std::find(o.begin(), o.end(), "water_scope") != o.end());

  req["overrides"] = json::object();
  const json paper = test::call(req)["result"]["rows"][0]["work"]["boundary"];
  CHECK(paper["energy"] == "facility");
  CHECK(paper["water"] == "site_and_source");
  CHECK(paper["kept"]["pue"] == true);
  CHECK(paper["kept"]["source_water"] == true);
  CHECK(paper["kept"]["location_carbon"] == true);
}

TEST_CASE("water_scope site: E x WUE_site / PUE (cooling water only)", "[boundary]") {
  const json d = test::load_json("public/data/paper-v6/2025-10-26.json");
  const json site = estimate_all(d, {{"water_scope", "site"}});
  const json both = estimate_all(d, nullptr);
  std::size_t i = 0;
  for (const auto& m : d.at("models")) {
    for (const auto& p : m.at("prompts")) {
      INFO(m.at("model").get<std::string>() << " / " << p.at("prompt").get<std::string>());
      const double e = site[i].at("energy_wh").at("mean").get<double>();
      CHECK(e == both[i].at("energy_wh").at("mean").get<double>());  // energy unchanged
      const double want = e * num(m, "wue_site_l_per_kwh") / num(m, "pue");
      CHECK(test::rel_diff(site[i].at("water_ml").at("mean").get<double>(), want) < 1e-12);
      CHECK(test::rel_diff(site[i].at("water_ml").at("p95").get<double>(),
                           site[i].at("energy_wh").at("p95").get<double>() *
                               num(m, "wue_site_l_per_kwh") / num(m, "pue")) < 1e-12);
      ++i;
    }
  }
  CHECK(i == 87);  // 29 models x 3 prompts
}

TEST_CASE("carbon_basis market: the user's factor, or a clear error without one", "[boundary]") {
  const json d = test::load_json("public/data/paper-v6/2025-10-26.json");
  json req = {{"op", "estimate"},
              {"dataset", d},
              {"select", {{"models", {"GPT-4o (Mar '25)"}}, {"prompts", {"short"}}}},
              {"overrides", {{"carbon_basis", "market"}}}};
  json res = test::call(req);
  CHECK(test::error_at(res) == "missing_field at /overrides/market_cif_kg_per_kwh");
  const std::string msg = res["error"]["message"].get<std::string>();
  CHECK(msg.find("market-based carbon factor") != std::string::npos);
  CHECK(msg.find("no market-based data") != std::string::npos);

  req["overrides"]["market_cif_kg_per_kwh"] = 0.05;
  res = test::call(req);
  REQUIRE(test::error_of(res) == "ok");
  const json& row = res["result"]["rows"][0];
  CHECK(test::rel_diff(row["carbon_g"]["mean"].get<double>(),
                       row["energy_wh"]["mean"].get<double>() * 0.05) < 1e-12);
  CHECK(row["work"]["boundary"]["carbon"] == "market");
  CHECK(row["work"]["boundary"]["kept"]["location_carbon"] == false);

  // A market factor without the market basis, or beside a location factor, is ambiguous.
  req["overrides"] = {{"market_cif_kg_per_kwh", 0.05}};
  CHECK(test::error_at(test::call(req)) == "invalid_value at /overrides/market_cif_kg_per_kwh");
  req["overrides"] = {
      {"carbon_basis", "market"}, {"market_cif_kg_per_kwh", 0.05}, {"cif_kg_per_kwh", 0.3}};
  CHECK(test::error_at(test::call(req)) == "invalid_value at /overrides/cif_kg_per_kwh");
  req["overrides"] = {{"boundary", "rack"}};
  res = test::call(req);
  CHECK(test::error_at(res) == "unknown_value at /overrides/boundary");
  CHECK(res["error"]["message"].get<std::string>().find("accelerator") != std::string::npos);
}
