// Game cross-efficiency (Liang, Wu, Cook & Zhu 2008, Operations Research 56(5):1278-1288),
// constant returns to scale, input orientation.
//
// Given the current efficiencies alpha_d, the d-game cross-efficiency of DMU j is
//   alpha_dj = max u.y_j  s.t.  v.x_j = 1,  u.y_l - v.x_l <= 0 (all l),
//                               u.y_d - alpha_d v.x_d >= 0,   u, v >= 0,
// (j maximises its own efficiency without pushing d below alpha_d); then
// alpha_j <- mean over d of alpha_dj. Starting from the simple (arbitrary) cross-efficiency,
// the iteration converges to the game cross-efficiency, a Nash equilibrium; it stops when
// no alpha changes by more than 1e-10 (or after 300 rounds: status iteration_limit).
// Cost: n^2 LPs per round and tens of rounds, so the op allows it for up to 40 DMUs.
// For d = j the LP is the CCR model (alpha_jj = theta_j). Rows for l are needed for the
// non-dominated DMUs only (see detail::frame), and each LP is solved through its dual.
#include <cmath>

#include "common.hpp"

namespace llmfp::dea {

namespace {

double d_game(const detail::Scaled& d, const std::vector<int>& frame, int j, int rater,
              double alpha, lp::Status& status) {
  const int k = d.m + d.s;
  const int rows = static_cast<int>(frame.size()) + 2;
  lp::Problem p;
  p.A = Eigen::MatrixXd::Zero(rows, k);
  p.b = Eigen::VectorXd::Zero(rows);
  p.c = Eigen::VectorXd::Zero(k);
  p.sense.assign(rows, lp::Sense::le);
  int row = 0;
  for (int l : frame) {
    p.A.block(row, 0, 1, d.m) = -d.X.row(l);
    p.A.block(row, d.m, 1, d.s) = d.Y.row(l);
    ++row;
  }
  p.A.block(row, 0, 1, d.m) = d.X.row(j);
  p.sense[row] = lp::Sense::eq;
  p.b(row++) = 1.0;
  p.A.block(row, 0, 1, d.m) = alpha * d.X.row(rater);
  p.A.block(row, d.m, 1, d.s) = -d.Y.row(rater);
  p.c.tail(d.s) = d.Y.row(j).transpose();
  p.maximize = true;
  const lp::Solution sol = lp::solve_via_dual(p);
  status = sol.status;
  return sol.objective;
}

}  // namespace

GameResult game(const Data& data) {
  const detail::Scaled d = detail::scale(data);
  const int n = d.n;
  GameResult res;
  CrossOptions start;
  start.method = CrossMethod::arbitrary;
  Eigen::VectorXd alpha = cross(data, start).e;
  res.status = lp::Status::iteration_limit;
  const std::vector<int> frame = detail::frame(d);
  for (res.rounds = 1; res.rounds <= 300; ++res.rounds) {
    Eigen::VectorXd next = Eigen::VectorXd::Zero(n);
    for (int j = 0; j < n; ++j) {
      for (int r = 0; r < n; ++r) {
        lp::Status st = lp::Status::optimal;
        const double v = d_game(d, frame, j, r, alpha(r), st);
        if (st != lp::Status::optimal) {
          res.status = st;
          res.e = alpha;
          return res;
        }
        next(j) += v / n;
      }
    }
    const double change = (next - alpha).cwiseAbs().maxCoeff();
    alpha = next;
    if (change <= 1e-10) {
      res.status = lp::Status::optimal;
      break;
    }
  }
  res.e = alpha;
  return res;
}

}  // namespace llmfp::dea
