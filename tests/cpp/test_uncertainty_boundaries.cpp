// Boundaries in the uncertainty and sensitivity ops (an extension beyond the paper;
// docs/uncertainty.md, "Boundaries"): they read the same overrides as the estimate, and a
// term the boundary leaves out is held at its boundary value (never drawn), so their means
// are the estimate's.
#include <algorithm>
#include <cmath>
#include <string>

#include <catch2/catch.hpp>

#include "support.hpp"

using llmfp::json;
namespace test = llmfp::test;
namespace {

// GPT-4o (Mar '25) on Azure (PUE 1.12 in the hosts dataset), short prompt, the ranges
// preset with the batch size fixed: energy is linear in w (uniform on [0, 1], mean 0.5)
// and in PUE, so with PUE held the mean energy is the estimate's.
json uq_request(const std::string& op, const json& overrides) {
  static const json refs = {{"dataset", test::load_json("public/data/paper-v6/2025-10-26.json")},
                            {"hardware", test::load_json("public/data/hardware/v6.json")},
                            {"hosts", test::load_json("public/data/hosts/v6.json")},
                            {"regions", test::load_json("public/data/regions/2026-02-19.json")}};
  json req = refs;
  req.update(json{{"op", op},
                  {"select", {{"models", {"GPT-4o (Mar '25)"}}, {"prompts", {"short"}}}},
                  {"preset", "ranges"},
                  {"uncertain", {{"batch_size", {{"dist", "fixed"}}}}},
                  {"draws", 20000},
                  {"seed", 3}});
  if (!overrides.is_null()) req["overrides"] = overrides;
  return req;
}

json ok_result(const json& req) {
  const json res = test::call(req);
  INFO(test::error_of(res));
  REQUIRE(test::error_of(res) == "ok");
  return res.at("result");
}

// The estimate op's row for the same selection and overrides.
json estimate_row(const json& overrides) {
  json req = uq_request("estimate", overrides);
  for (const char* k : {"preset", "uncertain", "draws", "seed"}) req.erase(k);
  return ok_result(req).at("rows").at(0);
}

const json& input_named(const json& row, const std::string& name) {
  for (const auto& in : row.at("inputs")) {
    if (in.at("name") == name) return in;
  }
  FAIL("no input " << name);
  return row;
}

bool lists_input(const json& list, const std::string& name) {
  return std::any_of(list.begin(), list.end(),
                     [&](const json& j) { return j.at("input") == name; });
}

bool has_note(const json& result, const std::string& start) {
  const json& notes = result.at("notes");
  return std::any_of(notes.begin(), notes.end(),
                     [&](const json& n) { return n.get<std::string>().rfind(start, 0) == 0; });
}

// |mean - want| within 4 standard errors of the Monte Carlo mean (as the paper-preset test
// of test_uncertainty_footprint.cpp).
bool within_mc(const json& summary, double want, std::size_t draws) {
  const double se = summary.at("sd").get<double>() / std::sqrt(static_cast<double>(draws));
  return std::fabs(summary.at("mean").get<double>() - want) < 4.0 * se;
}

}  // namespace

TEST_CASE(
    "uncertainty, boundary it / accelerator: PUE held at 1 (no Sobol index, no tornado bar), "
    "the mean energy is the estimate's",
    "[boundary][uncertainty]") {
  const json fac = ok_result(uq_request("uncertainty", nullptr)).at("rows").at(0);
  // The paper's boundary still draws PUE from the hosts' spread (1.12 .. 1.27, mode 1.12).
  CHECK(input_named(fac, "pue").at("dist") == "triangular");

  double mean_it = 0;
  for (const std::string b : {"it", "accelerator"}) {
    INFO("boundary " << b);
    const json ov = {{"boundary", b}};
    const json result = ok_result(uq_request("uncertainty", ov));
    const json& row = result.at("rows").at(0);
    const json& pue = input_named(row, "pue");
    CHECK(pue.at("dist") == "fixed");
    CHECK(pue.at("value") == 1.0);
    CHECK(pue.at("low") == 1.0);
    CHECK(pue.at("high") == 1.0);
    CHECK(pue.at("source").get<std::string>().find("boundary") != std::string::npos);
    CHECK(has_note(result, "pue held at 1"));
    const json& p_non = input_named(row, "p_nongpu_kw");
    CHECK(p_non.at("dist") == "fixed");
    CHECK(p_non.at("value") == (b == "accelerator" ? 0.0 : 4.6));  // 8 x H100 node (paper)

    const json est = estimate_row(ov);
    const double want = est.at("energy_wh").at("mean").get<double>();
    CHECK(within_mc(row.at("energy_wh"), want, 20000));
    // The point (every input at its nominal value, the mean query) is the estimate's mean.
    CHECK(test::rel_diff(row.at("point").at("energy_wh").get<double>(), want) < 1e-9);

    const json sens = ok_result(uq_request("sensitivity", ov)).at("rows").at(0);
    for (const char* out : {"energy_wh", "water_ml", "carbon_g"}) {
      CHECK_FALSE(lists_input(sens.at("sobol").at(out).at("indices"), "pue"));
      CHECK_FALSE(lists_input(sens.at("tornado").at(out).at("bars"), "pue"));
      CHECK_FALSE(lists_input(sens.at("tornado").at(out).at("bars"), "p_nongpu_kw"));
    }
    CHECK(lists_input(sens.at("sobol").at("energy_wh").at("indices"), "w_max"));
    if (b == "it") {
      mean_it = row.at("energy_wh").at("mean").get<double>();
    } else {
      // Same seed, same draws of latency and w: the GPUs alone use less than the IT load.
      CHECK(row.at("energy_wh").at("mean").get<double>() < mean_it);
    }
  }
  // "facility" spelled out is the default, to the byte.
  CHECK(ok_result(uq_request("uncertainty", {{"boundary", "facility"}})).dump() ==
        ok_result(uq_request("uncertainty", nullptr)).dump());
  CHECK(ok_result(uq_request("sensitivity", {{"boundary", "facility"}})).dump() ==
        ok_result(uq_request("sensitivity", nullptr)).dump());
}

TEST_CASE(
    "uncertainty, water_scope site / carbon_basis market: a drawn region keeps the water and "
    "carbon terms the estimate keeps",
    "[boundary][uncertainty]") {
  // Only the region (and latency/speed) vary. Water is E (WUE_site / PUE + WUE_source) and
  // carbon E x CIF per draw (docs/estimate.md), so a factor held in every region shows as a
  // constant ratio to energy.
  const auto request = [](const json& ov) {
    json req = uq_request("uncertainty", ov);
    req["preset"] = "paper";
    req["uncertain"] = {{"region", {{"dist", "choice"}}}};
    return req;
  };
  const double wue_site = 0.3, pue = 1.12;  // Azure in the paper-v6 dataset
  {
    const json ov = {{"water_scope", "site"}};
    const json result = ok_result(request(ov));
    const json& row = result.at("rows").at(0);
    const double e = row.at("energy_wh").at("mean").get<double>();
    CHECK(test::rel_diff(row.at("water_ml").at("mean").get<double>(), e * wue_site / pue) < 1e-12);
    CHECK(within_mc(row.at("water_ml"), estimate_row(ov).at("water_ml").at("mean").get<double>(),
                    20000));
    CHECK(input_named(row, "region").at("dist") == "choice");  // the region still varies CIF
    const json& c = row.at("carbon_g");
    CHECK(c.at("max").get<double>() / c.at("min").get<double>() >
          3.0 * row.at("energy_wh").at("max").get<double>() /
              row.at("energy_wh").at("min").get<double>());
    CHECK(has_note(result, "region: WUE_source held at 0"));
  }
  {
    const json ov = {{"carbon_basis", "market"}, {"market_cif_kg_per_kwh", 0.05}};
    const json result = ok_result(request(ov));
    const json& row = result.at("rows").at(0);
    const double e = row.at("energy_wh").at("mean").get<double>();
    CHECK(test::rel_diff(row.at("carbon_g").at("mean").get<double>(), e * 0.05) < 1e-12);
    CHECK(within_mc(row.at("carbon_g"), estimate_row(ov).at("carbon_g").at("mean").get<double>(),
                    20000));
    CHECK(has_note(result, "region: the carbon intensity held"));
  }
  {
    // Both: the region changes nothing, so it is not drawn at all.
    const json ov = {{"boundary", "it"},
                     {"water_scope", "site"},
                     {"carbon_basis", "market"},
                     {"market_cif_kg_per_kwh", 0.05}};
    const json result = ok_result(request(ov));
    const json& row = result.at("rows").at(0);
    const auto& inputs = row.at("inputs");
    CHECK(std::none_of(inputs.begin(), inputs.end(),
                       [](const json& j) { return j.at("name") == "region"; }));
    CHECK(has_note(result, "region kept fixed"));
    const json est = estimate_row(ov);
    for (const char* out : {"energy_wh", "water_ml", "carbon_g"}) {
      INFO(out);
      CHECK(within_mc(row.at(out), est.at(out).at("mean").get<double>(), 20000));
    }
  }
}

TEST_CASE("uncertainty: a range on a term the boundary leaves out is an error naming it",
          "[boundary][uncertainty]") {
  const json range = {{"dist", "uniform"}, {"min", 1.1}, {"max", 1.3}};
  struct Case {
    json overrides;
    const char* input;
    const char* override_word;
  };
  for (const auto& c :
       {Case{{{"boundary", "it"}}, "pue", "facility"},
        Case{{{"boundary", "accelerator"}}, "pue", "facility"},
        Case{{{"boundary", "accelerator"}}, "p_nongpu_kw", "\"it\" or"},
        Case{{{"water_scope", "site"}}, "wue_source_l_per_kwh", "site_and_source"}}) {
    INFO(c.overrides.dump() << " " << c.input);
    json req = uq_request("uncertainty", c.overrides);
    req["preset"] = "paper";  // no region draw, which would replace wue_source_l_per_kwh
    req["uncertain"] = {{c.input, range}};
    const json res = test::call(req);
    CHECK(test::error_at(res) == std::string("invalid_value at /uncertain/") + c.input);
    const std::string msg = res["error"].value("message", "");
    CHECK(msg.find(std::string("remove uncertain.") + c.input) != std::string::npos);
    CHECK(msg.find(c.override_word) != std::string::npos);
    // A fixed value other than the boundary's is a range of one point: the same error.
    req["uncertain"] = {{c.input, 1.2}};
    CHECK(test::error_at(test::call(req)) == std::string("invalid_value at /uncertain/") + c.input);
    // Its default, or the boundary's value itself, is accepted and held.
    for (const json& spec : {json{{"dist", "default"}}, json{{"dist", "fixed"}}}) {
      req["uncertain"] = {{c.input, spec}};
      const json res_ok = test::call(req);
      REQUIRE(test::error_of(res_ok) == "ok");
      const json& in = input_named(res_ok["result"]["rows"][0], c.input);
      CHECK(in.at("dist") == "fixed");
      CHECK(in.at("low") == in.at("nominal"));
    }
  }
}
