// Properties every correct DEA implementation has (Cooper, Seiford & Tone 2007, ch. 3-4),
// on seeded random data, and the op "dea" on bad data: a clear error naming the DMU,
// column and JSON pointer, or a defined result; never a crash or a hang.
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/dea.hpp"
#include "llmfp/pmath.hpp"
#include "support.hpp"

using llmfp::json;
namespace dea = llmfp::dea;

namespace {

dea::Data dea_random(llmfp::pmath::Rng& rng, int n, int m, int s) {
  dea::Data d;
  d.X.resize(n, m);
  d.Y.resize(n, s);
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < m; ++i) d.X(j, i) = 1 + 99 * rng.uniform();
    for (int r = 0; r < s; ++r) d.Y(j, r) = 1 + 99 * rng.uniform();
  }
  return d;
}

std::vector<double> scores(const dea::Data& d, dea::Orientation o, dea::Rts rts) {
  dea::RadialOptions opt;
  opt.orientation = o;
  opt.rts = rts;
  std::vector<double> out;
  for (const auto& r : dea::radial(d, opt)) out.push_back(r.score);
  return out;
}

json request(const json& inputs, const json& outputs, const json& model = json::object()) {
  json dmus = json::array();
  for (std::size_t j = 0; j < inputs.size(); ++j) dmus.push_back("D" + std::to_string(j));
  return {
      {"op", "dea"}, {"dmus", dmus}, {"inputs", inputs}, {"outputs", outputs}, {"model", model}};
}

}  // namespace

TEST_CASE("DEA: CCR scores do not change when an input column is rescaled", "[dea][properties]") {
  llmfp::pmath::Rng rng(7);
  for (int t = 0; t < 30; ++t) {
    const dea::Data d = dea_random(rng, 5 + t, 1 + t % 3, 1 + t % 2);
    for (double factor : {1e-9, 1e-3, 7.5, 1e6, 1e11}) {
      dea::Data e = d;
      e.X.col(0) *= factor;
      for (auto o : {dea::Orientation::input, dea::Orientation::output}) {
        const auto a = scores(d, o, dea::Rts::crs), b = scores(e, o, dea::Rts::crs);
        for (std::size_t j = 0; j < a.size(); ++j) CHECK(b[j] == Approx(a[j]).epsilon(1e-9));
      }
      dea::CrossOptions co;  // aggressive M3: a ratio of weighted sums, also unit-free
      const auto ca = dea::cross(d, co), cb = dea::cross(e, co);
      for (int j = 0; j < ca.e.size(); ++j) CHECK(cb.e(j) == Approx(ca.e(j)).epsilon(1e-8));
    }
  }
}

TEST_CASE("DEA: every model has at least one efficient DMU; scores are bounded",
          "[dea][properties]") {
  llmfp::pmath::Rng rng(11);
  for (int t = 0; t < 40; ++t) {
    const dea::Data d = dea_random(rng, 2 + t, 1 + t % 4, 1 + t % 3);
    for (auto rts : {dea::Rts::crs, dea::Rts::vrs, dea::Rts::nirs, dea::Rts::ndrs}) {
      for (auto o : {dea::Orientation::input, dea::Orientation::output}) {
        dea::RadialOptions opt;
        opt.orientation = o;
        opt.rts = rts;
        int efficient = 0;
        for (const auto& r : dea::radial(d, opt)) {
          REQUIRE(r.status == llmfp::lp::Status::optimal);
          if (o == dea::Orientation::input) CHECK(r.score <= 1 + 1e-9);
          if (o == dea::Orientation::output) CHECK(r.score >= 1 - 1e-9);
          efficient += r.efficient;
          // Multiplier weights are a certificate: io theta = u.y_o + w0 with v.x_o = 1.
        }
        CHECK(efficient >= 1);
      }
    }
  }
}

TEST_CASE("DEA: weights from the duals certify the score", "[dea][properties]") {
  llmfp::pmath::Rng rng(5);
  const dea::Data d = dea_random(rng, 25, 3, 2);
  for (auto rts : {dea::Rts::crs, dea::Rts::vrs}) {
    dea::RadialOptions opt;
    opt.rts = rts;
    const auto res = dea::radial(d, opt);
    for (int o = 0; o < 25; ++o) {
      const auto& r = res[o];
      CHECK(r.v.dot(d.X.row(o).transpose()) == Approx(1.0).epsilon(1e-9));
      CHECK(r.u.dot(d.Y.row(o).transpose()) + r.w0 == Approx(r.score).epsilon(1e-9));
      for (int j = 0; j < 25; ++j) {  // no DMU scores above 1 with o's weights
        CHECK(r.u.dot(d.Y.row(j).transpose()) + r.w0 <= r.v.dot(d.X.row(j).transpose()) + 1e-9);
      }
    }
  }
}

TEST_CASE("DEA: adding a dominated DMU changes no other score", "[dea][properties]") {
  llmfp::pmath::Rng rng(3);
  for (int t = 0; t < 20; ++t) {
    const dea::Data d = dea_random(rng, 4 + t, 2, 2);
    dea::Data e;
    const int n = static_cast<int>(d.X.rows());
    e.X.resize(n + 1, 2);
    e.Y.resize(n + 1, 2);
    e.X.topRows(n) = d.X;
    e.Y.topRows(n) = d.Y;
    e.X.row(n) = d.X.row(t % n) * 1.3;  // more input, less output than DMU t % n
    e.Y.row(n) = d.Y.row(t % n) * 0.8;
    for (auto rts : {dea::Rts::crs, dea::Rts::vrs}) {
      for (auto o : {dea::Orientation::input, dea::Orientation::output}) {
        const auto a = scores(d, o, rts), b = scores(e, o, rts);
        for (int j = 0; j < n; ++j) CHECK(b[j] == Approx(a[j]).epsilon(1e-9));
        CHECK((o == dea::Orientation::input ? b[n] < 1 : b[n] > 1));
      }
    }
  }
}

TEST_CASE("op dea: bad data gives an error naming DMU, column and pointer", "[dea][api]") {
  using llmfp::test::call;
  auto r = call(request({{1, 2}, {3, -4}}, {{1}, {2}}));
  CHECK(r["error"]["code"] == "out_of_range");
  CHECK(r["error"]["path"] == "/inputs/1/1");
  CHECK(r["error"]["message"].get<std::string>().find("'D1'") != std::string::npos);
  CHECK(r["error"]["message"].get<std::string>().find("'x2'") != std::string::npos);
  r = call(request({{1, nullptr}, {3, 4}}, {{1}, {2}}));
  CHECK(r["error"]["code"] == "missing_field");
  CHECK(r["error"]["path"] == "/inputs/0/1");
  r = call(request({{1, "a"}, {3, 4}}, {{1}, {2}}));
  CHECK(r["error"]["code"] == "wrong_type");
  CHECK(r["error"]["path"] == "/inputs/0/1");
  r = call(request({{1, 2}, {3}}, {{1}, {2}}));
  CHECK(r["error"]["path"] == "/inputs/1");
  r = call(request({{1, 2}, {3, 4}}, {{1}}));
  CHECK(r["error"]["path"] == "/outputs");
  r = call(request({{0, 0}, {3, 4}}, {{1}, {2}}));
  CHECK(r["error"]["code"] == "invalid_value");
  CHECK(r["error"]["path"] == "/inputs/0/0");
  r = call(request({{1}, {2}}, {{0}, {2}}));
  CHECK(r["error"]["path"] == "/outputs/0/0");
  r = call(request({{1e300}, {2}}, {{1}, {2}}));
  CHECK(r["error"]["code"] == "out_of_range");
  json dup = request({{1}, {2}}, {{1}, {2}});
  dup["dmus"] = {"A", "A"};
  CHECK(call(dup)["error"]["path"] == "/dmus/1");
  r = call(request({{1}, {2}}, {{1}, {2}}, {{"rts", "xrs"}}));
  CHECK(r["error"]["code"] == "unknown_value");
  CHECK(r["error"]["path"] == "/model/rts");
  r = call(request({{1}, {2}}, {{1}, {2}}, {{"type", "cross"}, {"self_appraisal", false}}));
  CHECK(r["ok"] == true);
  json single = request({{3}}, {{2}}, {{"type", "cross"}, {"self_appraisal", false}});
  CHECK(call(single)["error"]["path"] == "/model/self_appraisal");
}

TEST_CASE("op dea: degenerate data give defined results", "[dea][api]") {
  using llmfp::test::call;
  // A single DMU is efficient.
  auto r = call(request({{3}}, {{2}}, {{"type", "envelopment"}}));
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["scores"][0] == 1.0);
  // Fewer DMUs than inputs + outputs: all efficient, with a warning.
  r = call(request({{1, 2, 3}, {3, 1, 2}}, {{1, 1}, {2, 1}}, {{"type", "envelopment"}}));
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["warnings"].size() >= 1);
  // All-equal columns and duplicate DMUs: warnings, identical scores for the twins.
  r = call(request({{2, 5}, {2, 5}, {2, 7}}, {{1}, {1}, {3}}, {{"type", "envelopment"}}));
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["scores"][0] == r["result"]["scores"][1]);
  CHECK(r["result"]["warnings"].dump().find("same value") != std::string::npos);
  CHECK(r["result"]["warnings"].dump().find("identical") != std::string::npos);
  // Magnitudes 1e-12 .. 1e12: the same scores as the same data in ordinary units.
  const json small = request({{1e-12, 3e12}, {2e-12, 1e12}, {4e-12, 2e12}},
                             {{5e11}, {7e11}, {9e11}}, {{"type", "envelopment"}, {"rts", "vrs"}});
  const json plain =
      request({{1, 3}, {2, 1}, {4, 2}}, {{5}, {7}, {9}}, {{"type", "envelopment"}, {"rts", "vrs"}});
  const auto a = call(small), b = call(plain);
  REQUIRE(a["ok"] == true);
  for (int j = 0; j < 3; ++j)
    CHECK(a["result"]["scores"][j].get<double>() ==
          Approx(b["result"]["scores"][j].get<double>()).epsilon(1e-9));
  // Super-efficiency under VRS can be infeasible: reported as such, score null.
  r = call(request({{1}, {2}, {3}}, {{1}, {3}, {4}}, {{"type", "super"}, {"rts", "vrs"}}));
  REQUIRE(r["ok"] == true);
  int infeasible = 0;
  for (const auto& s : r["result"]["status"]) infeasible += s == "infeasible";
  CHECK(infeasible >= 1);
}
