// footprint::estimate_rows (estimate_rows.hpp), the typed "estimate these rows" function
// the ops share, used here without any JSON: hand-built datasets and reference datasets as
// structs, results against closed forms of the paper's formulas (footprint.hpp).
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/dataset.hpp"
#include "llmfp/estimate_rows.hpp"
#include "llmfp/reference.hpp"
#include "support.hpp"

using namespace llmfp;

namespace {

// Constant latency L and speed R: T = L + O / R exactly, whatever the estimator.
dataset::PromptRow constant_prompt(const std::string& name, double ttft_s, double tps,
                                   double output_tokens) {
  dataset::PromptRow p;
  p.prompt = name;
  p.inputs.output_tokens = output_tokens;
  p.inputs.ttft_s.fill(ttft_s);
  p.inputs.tps.fill(tps);
  p.path = "/models/0/prompts/" + name;
  return p;
}

// One model on an H100-class node: P = 5.6 x 0.1 + 4.6 x 0.05 = 0.79 kW at both bounds.
dataset::Footprint tiny() {
  dataset::ModelRow m;
  m.model = "M";
  m.company = "C";
  m.host = "Azure";
  m.hardware = "H";
  m.size_class = "Large";
  m.assumptions.node = {5.6, 4.6};
  m.assumptions.util = {0.1, 0.1, 0.05};
  m.assumptions.mult = {1.2, 0.5, 3.0, 0.4};
  m.prompts = {constant_prompt("short", 1.0, 10.0, 100), constant_prompt("long", 3.0, 5.0, 100)};
  m.path = "/models/0";
  dataset::Footprint d;
  d.models = {m};
  d.estimator = "v6";
  return d;
}

footprint::RowQuery all_rows() {
  footprint::RowQuery q;
  q.models = {0};
  q.overrides_path = "/overrides";
  q.dataset_path = "/dataset";
  return q;
}

// E = T / 3600 x P x PUE x 1000 (Wh), T in s, P in kW.
double energy_wh(double time_s, double power_kw, double pue) {
  return time_s / 3600.0 * power_kw * pue * 1000.0;
}

}  // namespace

TEST_CASE("estimate_rows: closed forms of the paper's formulas on a typed dataset",
          "[estimate_rows]") {
  const auto d = tiny();
  const auto e = footprint::estimate_rows(d, all_rows());
  REQUIRE(e.rows.size() == 2);
  REQUIRE(e.notes.empty());
  const auto& s = e.rows[0];
  CHECK(s.kind == footprint::RowKind::kPrompt);
  CHECK(s.prompt == "short");
  CHECK(s.model->model == "M");
  const double e_short = energy_wh(1.0 + 100.0 / 10.0, 0.79, 1.2);  // 2.8966... Wh
  CHECK(test::rel_diff(s.energy_wh.mean, e_short) < 1e-12);
  CHECK(s.energy_wh.sd < 1e-12);  // no variation in L or R
  // water = E x (WUE_site / PUE + WUE_source), carbon = E x CIF
  CHECK(test::rel_diff(s.water_ml.mean, e_short * (0.5 / 1.2 + 3.0)) < 1e-12);
  CHECK(test::rel_diff(s.carbon_g.mean, e_short * 0.4) < 1e-12);
  const double e_long = energy_wh(3.0 + 100.0 / 5.0, 0.79, 1.2);
  CHECK(test::rel_diff(e.rows[1].energy_wh.mean, e_long) < 1e-12);
  CHECK(e.rows[1].work->time_mean_s == Approx(23.0));
}

TEST_CASE("estimate_rows: selection, numeric overrides and notes", "[estimate_rows]") {
  const auto d = tiny();
  auto q = all_rows();
  q.prompts = std::set<std::string>{"long", "medium"};
  q.overrides.pue = 1.5;
  q.overrides.output_tokens = 50;
  const auto e = footprint::estimate_rows(d, q);
  REQUIRE(e.rows.size() == 1);
  CHECK(e.rows[0].prompt == "long");
  CHECK(e.rows[0].output_tokens == 50);
  CHECK(test::rel_diff(e.rows[0].energy_wh.mean, energy_wh(3.0 + 50.0 / 5.0, 0.79, 1.5)) < 1e-12);
  CHECK(e.rows[0].resolved.overridden == std::vector<std::string>{"pue", "output_tokens"});
  REQUIRE(e.notes.size() == 1);
  CHECK(e.notes[0] == "\"M\" has no \"medium\" prompt in this dataset");
  CHECK(footprint::count_rows(d, q) == 1);
}

TEST_CASE("estimate_rows: overrides through typed reference datasets", "[estimate_rows]") {
  const auto d = tiny();
  reference::Hardware hw;
  hw.hardware.push_back({"A", "A100", {3.2, 3.3}, 8, "/hardware/hardware/0"});
  reference::SizeClass large{
      "Large", 8.0, {{"A100", {0.025, 0.05, 0.0125}}}, "/hardware/size_classes/0"};
  hw.size_classes.push_back(large);
  reference::Regions regions;
  reference::Provider p;
  p.provider = "Azure";
  p.pue = 1.1;
  p.wue_site_l_per_kwh = 0.3;
  p.regions.push_back({"R1", 2.0, 0.25, 1, "/regions/providers/0/regions/0"});
  regions.providers.push_back(p);

  auto q = all_rows();
  q.prompts = std::set<std::string>{"short"};
  q.overrides.hardware = "A";
  q.overrides.region = "R1";
  q.refs.hardware = hw;
  q.refs.regions = regions;
  const auto e = footprint::estimate_rows(d, q);
  REQUIRE(e.rows.size() == 1);
  // P at U_min: 3.2 x 0.025 + 3.3 x 0.0125 = 0.12125 kW, at U_max: 3.2 x 0.05 + 0.04125 =
  // 0.20125 kW;
  // expected power (w = 0.5): 1.29 kW; PUE and WUE_site of the provider, region's others.
  const double e_mean = energy_wh(11.0, 0.5 * 0.12125 + 0.5 * 0.20125, 1.1);
  const auto& row = e.rows[0];
  CHECK(test::rel_diff(row.energy_wh.mean, e_mean) < 1e-12);
  CHECK(test::rel_diff(row.energy_wh.low, energy_wh(11.0, 0.12125, 1.1)) < 1e-12);
  CHECK(test::rel_diff(row.water_ml.mean, e_mean * (0.3 / 1.1 + 2.0)) < 1e-12);
  CHECK(test::rel_diff(row.carbon_g.mean, e_mean * 0.25) < 1e-12);
  CHECK(row.resolved.region == std::optional<std::string>("R1"));

  // gpus / batch size: U = G D / (N B) with D = U_coded N B / G_coded (D = 0.4 and 0.1 here):
  // half the GPUs, half the utilisation at B = 8.
  auto g = all_rows();
  g.prompts = std::set<std::string>{"short"};
  g.overrides.hardware = "A";
  g.overrides.gpus = 4;
  g.refs.hardware = hw;
  const auto half = footprint::estimate_rows(d, g).rows.at(0);
  CHECK(half.resolved.assumptions.util.u_gpu_max == Approx(0.025));
  CHECK(half.resolved.assumptions.util.u_nongpu == Approx(0.00625));
}

TEST_CASE("estimate_rows: a missing reference dataset or entry is named", "[estimate_rows]") {
  const auto d = tiny();
  auto q = all_rows();
  q.overrides.host = "Azure";
  try {
    footprint::estimate_rows(d, q);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.issue().code == code::kMissingField);
    CHECK(e.issue().path == "/hosts");
  }
  reference::Hosts hosts;
  hosts.presets.push_back({"v6",
                           {{"AWS", {1.14, 0.18, 5.12, 0.3}, false, "/hosts/presets/0/hosts/0"}},
                           "/hosts/presets/0"});
  q.refs.hosts = hosts;
  try {
    footprint::estimate_rows(d, q);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.issue().code == code::kUnknownValue);
    CHECK(e.issue().path == "/overrides/host");
    CHECK(e.issue().message.find("Azure") != std::string::npos);
  }
  q.overrides.host = "AWS";
  const auto row = footprint::estimate_rows(d, q).rows.at(0);
  CHECK(row.resolved.assumptions.mult.pue == 1.14);
  CHECK(row.resolved.host == "AWS");
}

TEST_CASE("estimate_rows: a workload at a measured shape is that row, and so is a one-turn session",
          "[estimate_rows]") {
  const auto d = tiny();  // "short" is measured at 100 input tokens, "long" at 10,000
  const auto rows = footprint::estimate_rows(d, all_rows()).rows;
  auto q = all_rows();
  footprint::workload::Query w;
  w.input_tokens = 100;
  w.output_tokens = 100;
  q.workload = w;
  const auto e = footprint::estimate_rows(d, q);
  REQUIRE(e.rows.size() == 1);
  const auto& row = e.rows[0];
  CHECK(row.kind == footprint::RowKind::kWorkload);
  CHECK(row.workload->resolved.measured_shape);
  CHECK(row.energy_wh.mean == rows[0].energy_wh.mean);
  CHECK(row.band->at(0).low == rows[0].energy_wh.low);  // no interpolation band
  CHECK(e.notes.front().find("extension beyond the paper") != std::string::npos);

  // Halfway in ln(tokens) between the two: L = 2 s exactly (linear in ln n).
  w.input_tokens = 1000;
  q.workload = w;
  const auto mid = footprint::estimate_rows(d, q).rows.at(0);
  CHECK(mid.workload->resolved.ttft_at.position == footprint::workload::Position::kBetween);
  CHECK(mid.inputs.ttft_s[2] == Approx(2.0));

  footprint::workload::Session s;
  s.turns.push_back({100, 100, -1});
  auto qs = all_rows();
  qs.session = s;
  const auto one = footprint::estimate_rows(d, qs).rows.at(0);
  CHECK(one.kind == footprint::RowKind::kSession);
  CHECK(one.session->turns.size() == 1);
  CHECK(one.energy_wh.mean == rows[0].energy_wh.mean);
  CHECK(test::rel_diff(one.water_ml.mean, rows[0].water_ml.mean) < 1e-12);
}

TEST_CASE("estimate_rows: a model without a known input length cannot run a workload",
          "[estimate_rows]") {
  auto d = tiny();
  for (auto& p : d.models[0].prompts) p.prompt += "_x";  // names without a known length
  auto q = all_rows();
  q.workload = footprint::workload::Query{500, 100, -1, -1, false};
  try {
    footprint::estimate_rows(d, q);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.issue().path == "/dataset");
  }
  d.models[0].prompts[0].input_tokens = 0.5;  // not a whole number of tokens
  CHECK_THROWS_WITH(footprint::prompt_input_tokens(d.models[0]),
                    Catch::Contains("must be a whole number"));
}

TEST_CASE("estimate_rows on paper v6 reproduces the published GPT-4o rows", "[estimate_rows]") {
  const auto d =
      dataset::load_footprint(test::load_json("public/data/paper-v6/2025-10-26.json"), "/dataset");
  auto q = footprint::RowQuery{};
  for (std::size_t i = 0; i < d.models.size(); ++i) {
    if (d.models[i].model == "GPT-4o (Mar '25)") q.models.push_back(i);
  }
  REQUIRE(q.models.size() == 1);
  const auto e = footprint::estimate_rows(d, q);
  REQUIRE(e.rows.size() == 3);
  for (const auto& r : e.rows) {
    REQUIRE(r.reference);
    CHECK(test::rel_diff(r.energy_wh.mean, r.reference->energy_wh_mean) < 0.005);
    CHECK(test::rel_diff(r.water_ml.mean, r.reference->water_ml_mean) < 0.005);
    CHECK(test::rel_diff(r.carbon_g.mean, r.reference->carbon_g_mean) < 0.005);
  }
}

TEST_CASE("reference look-ups and the stricter range check", "[estimate_rows]") {
  reference::Hosts h;
  h.presets.push_back({"v6", {{"Azure", {1.12, 0.3, 4.35, 0.34}, false, "/p/0/h/0"}}, "/p/0"});
  CHECK(reference::find_preset(h, "v4") == nullptr);
  REQUIRE(reference::find_preset(h, "v6") != nullptr);
  CHECK(reference::find_host(*reference::find_preset(h, "v6"), "Azure")->mult.pue == 1.12);
  CHECK(reference::within(0.3, "/x/wue", Range::closed(0, 100)) == 0.3);
  // The same message and code as the JSON reader gives for that value at that pointer.
  const std::string path = "/hosts/presets/0/hosts/1/pue";
  Issue from_json, typed;
  try {
    as_number(json(7.5), path, Range::closed(1, 5));
  } catch (const InputError& e) {
    from_json = e.issue();
  }
  try {
    reference::within(7.5, path, Range::closed(1, 5));
  } catch (const InputError& e) {
    typed = e.issue();
  }
  CHECK(typed.code == code::kOutOfRange);
  CHECK(typed.message == from_json.message);
  CHECK(typed.message.find("7.5") != std::string::npos);
  CHECK(typed.path == path);
}
