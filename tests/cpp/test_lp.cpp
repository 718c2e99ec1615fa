// The simplex solver (lp.hpp) on LPs with known answers: a textbook optimum, Beale's
// (1955) example that cycles under Dantzig's rule without an anti-cycling safeguard,
// infeasible and unbounded problems, free variables, duals (checked by strong duality and
// complementary slackness), and solve_via_dual against the direct solve.
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/lp.hpp"
#include "llmfp/pmath.hpp"

using namespace llmfp;

namespace {
lp::Problem make(std::initializer_list<std::initializer_list<double>> A, std::vector<double> b,
                 std::vector<double> c, std::vector<lp::Sense> sense, bool maximize) {
  lp::Problem p;
  p.A.resize(A.size(), c.size());
  int i = 0;
  for (const auto& row : A) {
    int j = 0;
    for (double v : row) p.A(i, j++) = v;
    ++i;
  }
  p.b = Eigen::Map<Eigen::VectorXd>(b.data(), b.size());
  p.c = Eigen::Map<Eigen::VectorXd>(c.data(), c.size());
  p.sense = sense;
  p.maximize = maximize;
  return p;
}
}  // namespace

TEST_CASE("simplex: textbook maximisation with duals", "[lp]") {
  // max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18 (Hillier & Lieberman): x=2, y=6, z=36;
  // shadow prices (0, 1.5, 1).
  const auto p = make({{1, 0}, {0, 2}, {3, 2}}, {4, 12, 18}, {3, 5},
                      {lp::Sense::le, lp::Sense::le, lp::Sense::le}, true);
  const auto s = lp::solve(p);
  REQUIRE(s.status == lp::Status::optimal);
  CHECK(s.objective == Approx(36.0));
  CHECK(s.x(0) == Approx(2.0));
  CHECK(s.x(1) == Approx(6.0));
  CHECK(s.duals(0) == Approx(0.0).margin(1e-12));
  CHECK(s.duals(1) == Approx(1.5));
  CHECK(s.duals(2) == Approx(1.0));
  const auto d = lp::solve_via_dual(p);
  REQUIRE(d.status == lp::Status::optimal);
  CHECK(d.objective == Approx(36.0));
  CHECK(d.x(0) == Approx(2.0));
  CHECK(d.duals(1) == Approx(1.5));
}

TEST_CASE("simplex: Beale's cycling example terminates at the optimum", "[lp]") {
  // min -3/4 x4 + 20 x5 - 1/2 x6 + 6 x7; optimum -5/4 at x4 = 1, x6 = 1 (Beale 1955).
  const auto p = make({{0.25, -8, -1, 9}, {0.5, -12, -0.5, 3}, {0, 0, 1, 0}}, {0, 0, 1},
                      {-0.75, 20, -0.5, 6}, {lp::Sense::le, lp::Sense::le, lp::Sense::le}, false);
  const auto s = lp::solve(p);
  REQUIRE(s.status == lp::Status::optimal);
  CHECK(s.objective == Approx(-1.25));
  CHECK(s.x(0) == Approx(1.0));
  CHECK(s.x(2) == Approx(1.0));
}

TEST_CASE("simplex: infeasible, unbounded, free variables, equalities", "[lp]") {
  // x + y <= 1, x + y >= 2: infeasible.
  auto inf = make({{1, 1}, {1, 1}}, {1, 2}, {1, 1}, {lp::Sense::le, lp::Sense::ge}, false);
  CHECK(lp::solve(inf).status == lp::Status::infeasible);
  CHECK(lp::solve_via_dual(inf).status != lp::Status::optimal);
  // max x + y s.t. x - y <= 1: unbounded.
  auto unb = make({{1, -1}}, {1}, {1, 1}, {lp::Sense::le}, true);
  CHECK(lp::solve(unb).status == lp::Status::unbounded);
  // min x s.t. x + y = 3, y <= 5 with x free: x = -2.
  auto fr = make({{1, 1}, {0, 1}}, {3, 5}, {1, 0}, {lp::Sense::eq, lp::Sense::le}, false);
  fr.free_var = {true, false};
  const auto s = lp::solve(fr);
  REQUIRE(s.status == lp::Status::optimal);
  CHECK(s.x(0) == Approx(-2.0));
  CHECK(s.duals(1) == Approx(-1.0));  // one more unit of y's bound lowers x by one
  // Redundant equality rows (rank deficient): x + y = 2 twice, min x - y -> x=0, y=2.
  auto red = make({{1, 1}, {1, 1}}, {2, 2}, {1, -1}, {lp::Sense::eq, lp::Sense::eq}, false);
  const auto r = lp::solve(red);
  REQUIRE(r.status == lp::Status::optimal);
  CHECK(r.objective == Approx(-2.0));
}

TEST_CASE("simplex: random LPs satisfy strong duality; the dual route agrees", "[lp]") {
  pmath::Rng rng(20251126);
  int solved = 0;
  for (int t = 0; t < 300; ++t) {
    const int R = 1 + static_cast<int>(rng.uniform() * 6);
    const int C = 1 + static_cast<int>(rng.uniform() * 12);
    lp::Problem p;
    p.A = Eigen::MatrixXd(R, C);
    p.b = Eigen::VectorXd(R);
    p.c = Eigen::VectorXd(C);
    for (int i = 0; i < R; ++i) {
      for (int j = 0; j < C; ++j) p.A(i, j) = std::floor(rng.uniform() * 7) - 1;  // ties, zeros
      p.b(i) = std::floor(rng.uniform() * 10);
    }
    for (int j = 0; j < C; ++j) p.c(j) = std::floor(rng.uniform() * 9) - 4;
    p.sense.assign(R, lp::Sense::le);
    p.maximize = t % 2 == 0;
    const auto s = lp::solve(p);
    const auto d = lp::solve_via_dual(p);
    REQUIRE(s.status == d.status);
    if (s.status != lp::Status::optimal) continue;
    ++solved;
    // Feasibility, strong duality b.y = c.x, and agreement of the two routes.
    CHECK(((p.A * s.x - p.b).array() <= 1e-9).all());
    CHECK((s.x.array() >= -1e-12).all());
    CHECK(p.b.dot(s.duals) == Approx(s.objective).margin(1e-9));
    CHECK(d.objective == Approx(s.objective).margin(1e-9));
  }
  CHECK(solved > 50);
}

TEST_CASE("simplex: a warm start from the optimal basis needs no pivot", "[lp]") {
  // Same textbook LP; then a changed right-hand side for which the old basis stays
  // feasible (and optimal): the warm start skips phase 1 and pivots at most a little.
  auto p = make({{1, 0}, {0, 2}, {3, 2}}, {4, 12, 18}, {3, 5},
                {lp::Sense::le, lp::Sense::le, lp::Sense::le}, true);
  const auto cold = lp::solve(p);
  REQUIRE(cold.status == lp::Status::optimal);
  const auto again = lp::solve(p, {}, &cold.basis);
  REQUIRE(again.status == lp::Status::optimal);
  CHECK(again.iterations == 0);
  CHECK(again.objective == Approx(36.0));
  p.b(2) = 19;  // optimum moves to x = 7/3, y = 6: z = 37
  const auto moved = lp::solve(p, {}, &cold.basis);
  REQUIRE(moved.status == lp::Status::optimal);
  CHECK(moved.iterations == 0);
  CHECK(moved.objective == Approx(37.0));
  // A basis of the wrong size or a singular one is ignored (cold start), never trusted.
  const std::vector<int> bad = {0, 0, 1};
  CHECK(lp::solve(p, {}, &bad).objective == Approx(37.0));
}
