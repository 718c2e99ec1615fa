// Radial DEA models in envelopment form, one LP of m + s (+1) rows per DMU o
// (Charnes, Cooper & Rhodes 1978; Banker, Charnes & Cooper 1984; Cooper, Seiford & Tone
// 2007, ch. 3-5; Andersen & Petersen 1993 for super-efficiency):
//
//   input (io):  min theta - eps*(1.s- + 1.s+)
//                s.t. theta x_io - sum_j lambda_j x_ij - s-_i = 0      (i = 1..m)
//                     sum_j lambda_j y_rj - s+_r = y_ro                (r = 1..s)
//   output (oo): max phi + eps*(1.s- + 1.s+)
//                s.t. sum_j lambda_j x_ij + s-_i = x_io
//                     phi y_ro - sum_j lambda_j y_rj + s+_r = 0
//   returns to scale: CRS none; VRS sum lambda = 1; NIRS <= 1; NDRS >= 1.
//   super-efficiency: lambda_o fixed at 0.
//
// Second phase (epsilon = 0): theta (phi) fixed at its optimum, maximise the sum of slacks
// in scaled units (sum s_i / sx_i: unit-free), which separates efficient DMUs (score 1,
// no slack) from weakly efficient ones. The multiplier weights are the duals of the
// first phase's rows: io v = duals of input rows, u = duals of output rows, w0 = dual of
// the convexity row, and theta = u.y_o + w0 with v.x_o = 1 (oo: phi = v.x_o + w0, u.y_o = 1).
#include <cmath>

#include "common.hpp"

namespace llmfp::dea {

namespace {

using detail::Scaled;

// Column layout: [score | lambda (reference DMUs `ref`) | s- (m) | s+ (s)];
// rows: inputs, outputs, rts.
lp::Problem envelopment(const Scaled& d, int o, const RadialOptions& opt, bool phase2, double score,
                        const std::vector<int>& ref) {
  const int n = static_cast<int>(ref.size()), m = d.m, s = d.s;
  const bool io = opt.orientation == Orientation::input;
  const bool has_rts = opt.rts != Rts::crs;
  const int rows = m + s + (has_rts ? 1 : 0);
  const int cols = 1 + n + m + s;
  lp::Problem p;
  p.A = Eigen::MatrixXd::Zero(rows, cols);
  p.b = Eigen::VectorXd::Zero(rows);
  p.c = Eigen::VectorXd::Zero(cols);
  p.sense.assign(rows, lp::Sense::eq);
  p.free_var.assign(cols, false);
  p.free_var[0] = true;
  p.maximize = !io;
  for (int i = 0; i < m; ++i) {
    for (int k = 0; k < n; ++k) p.A(i, 1 + k) = -d.X(ref[k], i);
    p.A(i, 0) = io ? d.X(o, i) : 0.0;
    p.A(i, 1 + n + i) = -1.0;
    p.b(i) = io ? 0.0 : -d.X(o, i);
  }
  for (int r = 0; r < s; ++r) {
    for (int k = 0; k < n; ++k) p.A(m + r, 1 + k) = d.Y(ref[k], r);
    p.A(m + r, 0) = io ? 0.0 : -d.Y(o, r);
    p.A(m + r, 1 + n + m + r) = -1.0;
    p.b(m + r) = io ? d.Y(o, r) : 0.0;
  }
  if (has_rts) {
    p.A.block(m + s, 1, 1, n).setOnes();
    p.b(m + s) = 1.0;
    p.sense[m + s] = opt.rts == Rts::vrs    ? lp::Sense::eq
                     : opt.rts == Rts::nirs ? lp::Sense::le
                                            : lp::Sense::ge;
  }
  for (int k = 0; k < n; ++k) {
    if (opt.super && ref[k] == o) p.A.col(1 + k).setZero();
  }
  const double slack_sign = io ? -1.0 : 1.0;  // slacks always improve the objective
  if (phase2) {
    // Fix the score: move its column to the right-hand side; maximise total slack.
    p.b -= score * p.A.col(0);
    p.A.col(0).setZero();
    p.maximize = true;
    p.c.tail(m + s).setOnes();
  } else {
    p.c(0) = 1.0;
    for (int i = 0; i < m; ++i) p.c(1 + n + i) = slack_sign * opt.epsilon * d.sx(i);
    for (int r = 0; r < s; ++r) p.c(1 + n + m + r) = slack_sign * opt.epsilon * d.sy(r);
  }
  return p;
}

RadialResult solve_one(const Scaled& d, int o, const RadialOptions& opt,
                       const std::vector<int>& ref) {
  const int n = static_cast<int>(ref.size()), m = d.m, s = d.s;
  RadialResult res;
  const lp::Problem p1 = envelopment(d, o, opt, false, 0.0, ref);
  lp::Solution sol = lp::solve(p1);
  res.status = sol.status;
  res.lambda = Eigen::VectorXd::Zero(d.n);
  res.slack_in = Eigen::VectorXd::Zero(m);
  res.slack_out = Eigen::VectorXd::Zero(s);
  res.v = Eigen::VectorXd::Zero(m);
  res.u = Eigen::VectorXd::Zero(s);
  if (sol.status != lp::Status::optimal) return res;
  res.score = sol.x(0);
  // Duals -> weights. io (min): v_i, u_r are the duals of the input/output rows as written;
  // oo (max): rows read -X'lambda - s- = -x_o and Y'lambda - phi y_o - s+ = 0, so v = -dual,
  // u = -dual. w0 is the dual of the convexity row in both.
  const double sgn = opt.orientation == Orientation::input ? 1.0 : -1.0;
  const Eigen::VectorXd ws = sgn * sol.duals.head(m + s);  // scaled weights, >= 0
  const double wmax = ws.cwiseAbs().maxCoeff();
  for (int i = 0; i < m + s; ++i) {
    const double w = ws(i) < 1e-13 * wmax ? 0.0 : ws(i);  // drop round-off
    if (i < m) {
      res.v(i) = w / d.sx(i);
    } else {
      res.u(i - m) = w / d.sy(i - m);
    }
  }
  res.w0 = opt.rts != Rts::crs ? sol.duals(m + s) : 0.0;
  lp::Solution fin = sol;
  if (opt.second_phase && opt.epsilon == 0.0) {
    lp::Solution sol2 = lp::solve(envelopment(d, o, opt, true, res.score, ref));
    if (sol2.status == lp::Status::optimal) fin = sol2;
  }
  for (int k = 0; k < n; ++k) res.lambda(ref[k]) = std::max(fin.x(1 + k), 0.0);
  bool slack = false;
  for (int i = 0; i < m; ++i) {
    const double v = std::max(fin.x(1 + n + i), 0.0);
    slack = slack || v > detail::kSlackTol;
    res.slack_in(i) = v * d.sx(i);
  }
  for (int r = 0; r < s; ++r) {
    const double v = std::max(fin.x(1 + n + m + r), 0.0);
    slack = slack || v > detail::kSlackTol;
    res.slack_out(r) = v * d.sy(r);
  }
  res.weakly_efficient = !opt.super && std::fabs(res.score - 1.0) <= 1e-8;
  res.efficient = res.weakly_efficient && !slack;
  return res;
}

}  // namespace

std::vector<RadialResult> radial(const Data& data, const RadialOptions& options) {
  const Scaled d = detail::scale(data);
  std::vector<RadialResult> out;
  out.reserve(d.n);
  // Reference set: the non-dominated DMUs (same scores, weights, peers and max-slack
  // solutions); super-efficiency removes o itself, so it keeps every DMU.
  std::vector<int> all(d.n);
  for (int j = 0; j < d.n; ++j) all[j] = j;
  const std::vector<int> ref = options.super ? all : detail::frame(d);
  for (int o = 0; o < d.n; ++o) out.push_back(solve_one(d, o, options, ref));
  return out;
}

}  // namespace llmfp::dea
