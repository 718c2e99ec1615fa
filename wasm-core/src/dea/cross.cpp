// Cross-efficiency (Sexton, Silkman & Hogan 1986; Doyle & Green 1994) with the
// secondary goals as formulated in the R package deaR (the authors' tool), and the
// Lim & Zhu (2015) correction for input-oriented VRS.
//
// With w = (v, u, w0) and, for DMU j, the linear forms num_j(w), den_j(w) of common.cpp
// (io: u.y_j + w0 and v.x_j; oo: u.y_j and v.x_j + w0), the weights of rating DMU d are
// optimal for d (score t_d = theta_d or phi_d) and feasible: num_j - den_j <= 0 for all
// j != d. deaR's secondary goals, aggressive = make the others look worse:
//   M2:  io: den_d = 1, num_d = theta_d;  oo: num_d = 1, den_d = phi_d;
//        aggressive min / benevolent max  sum_{j != d} (num_j - den_j)
//   M3:  io: sum_{j != d} den_j = 1, num_d - theta_d den_d = 0;
//        aggressive min / benevolent max  sum_{j != d} num_j
//        oo: sum_{j != d} num_j = 1, den_d - phi_d num_d = 0;
//        aggressive max / benevolent min  sum_{j != d} den_j
// Each LP has k = m + s (+1) variables and n + 1 rows, so it is solved through its dual
// (k rows). E_dj = num_j / den_j (io) or den_j / num_j (oo). Lim & Zhu (io, VRS):
// E_dj = u.y_j / (v.x_j - w0) for d != j, E_dd = theta_d, and M3's sums use those forms.
// A secondary LP that is unbounded (aggressive VRS) is reported as such and the row
// falls back to the rating DMU's simple (arbitrary) weights.
// Maverick index (Doyle & Green 1994, as in deaR): (theta_j - e_j) / min(theta_j, e_j);
// for oo the same in phi-space: (e_j - phi_j) / min(e_j, phi_j).
#include <cmath>
#include <cstdlib>
#include <limits>

#include "common.hpp"

namespace llmfp::dea {

namespace {

using detail::Forms;
using detail::Scaled;

struct RatioForms {
  const Forms& f;
  bool lim_zhu;
  // The ratio whose value is the cross-efficiency (numerator/denominator as printed).
  Eigen::RowVectorXd top(const Scaled& d, int j) const {
    if (f.orientation == Orientation::output) return f.den(d, j);
    Eigen::RowVectorXd r = f.num(d, j);
    if (lim_zhu && f.w0 != 0) r(f.k - 1) = 0.0;
    return r;
  }
  Eigen::RowVectorXd bottom(const Scaled& d, int j) const {
    if (f.orientation == Orientation::output) return f.num(d, j);
    Eigen::RowVectorXd r = f.den(d, j);
    if (lim_zhu && f.w0 != 0) r(f.k - 1) = -1.0;
    return r;
  }
};

// The linear forms of every DMU as matrices (rows = DMUs), computed once per run.
struct FormTable {
  Eigen::MatrixXd num, den, top, bottom;  // n x k
  Eigen::RowVectorXd sum_num, sum_den, sum_top, sum_bottom;
  std::vector<int> frame;  // rows the secondary LPs need (non-dominated DMUs)
};

FormTable form_table(const Scaled& d, const Forms& f, const RatioForms& rf) {
  FormTable t;
  t.num.resize(d.n, f.k);
  t.den.resize(d.n, f.k);
  t.top.resize(d.n, f.k);
  t.bottom.resize(d.n, f.k);
  for (int j = 0; j < d.n; ++j) {
    t.num.row(j) = f.num(d, j);
    t.den.row(j) = f.den(d, j);
    t.top.row(j) = rf.top(d, j);
    t.bottom.row(j) = rf.bottom(d, j);
  }
  t.sum_num = t.num.colwise().sum();
  t.sum_den = t.den.colwise().sum();
  t.sum_top = t.top.colwise().sum();
  t.sum_bottom = t.bottom.colwise().sum();
  t.frame = detail::frame(d);
  return t;
}

lp::Solution secondary(const Scaled& d, const Forms& f, const FormTable& t, int o, double score,
                       const CrossOptions& opt) {
  const bool io = opt.orientation == Orientation::input;
  const int eps_rows = opt.epsilon > 0 ? f.m + f.s : 0;
  int n_frame = 0;
  for (int j : t.frame) n_frame += j != o;
  const int rows = n_frame + 2 + eps_rows;
  lp::Problem p;
  p.A = Eigen::MatrixXd::Zero(rows, f.k);
  p.b = Eigen::VectorXd::Zero(rows);
  p.c = Eigen::VectorXd::Zero(f.k);
  p.sense.assign(rows, lp::Sense::le);
  int row = 0;
  // Feasibility num_j <= den_j: needed for the non-dominated DMUs only (see frame()).
  for (int j : t.frame) {
    if (j != o) p.A.row(row++) = t.num.row(j) - t.den.row(j);
  }
  const Eigen::RowVectorXd sum_num = t.sum_num - t.num.row(o);
  const Eigen::RowVectorXd sum_den = t.sum_den - t.den.row(o);
  const Eigen::RowVectorXd sum_top = t.sum_top - t.top.row(o);
  const Eigen::RowVectorXd sum_bottom = t.sum_bottom - t.bottom.row(o);
  // The rating DMU keeps its own score t (model forms: theta for io, phi for oo).
  const Eigen::RowVectorXd num_o = f.num(d, o), den_o = f.den(d, o);
  p.sense[row] = p.sense[row + 1] = lp::Sense::eq;
  if (opt.formulation == Formulation::M2) {
    p.A.row(row) = io ? den_o : num_o;
    p.b(row++) = 1.0;
    p.A.row(row) = io ? num_o : den_o;
    p.b(row++) = score;
    p.c = (sum_num - sum_den).transpose();
    p.maximize = opt.method == CrossMethod::benevolent;
  } else {
    p.A.row(row) = sum_bottom;  // io: sum of denominators (Lim & Zhu: of v.x_j - w0); oo: of u.y_j
    p.b(row++) = 1.0;
    p.A.row(row++) = io ? num_o - score * den_o : den_o - score * num_o;
    p.c = sum_top.transpose();
    p.maximize = (opt.method == CrossMethod::benevolent) == io;
  }
  for (int i = 0; i < eps_rows; ++i) {
    p.A(row, i) = 1.0;
    p.sense[row] = lp::Sense::ge;
    p.b(row++) = opt.epsilon * (i < f.m ? d.sx(i) : d.sy(i - f.m));
  }
  detail::apply_w0_sign(f, p);
  return lp::solve_via_dual(p);
}

}  // namespace

namespace {

// Scaled weights of each rating DMU: the primary (simple) weights, replaced by the
// secondary goal's where it has an optimum.
Eigen::MatrixXd choose_weights(const Scaled& d, const Forms& f, const FormTable& table,
                               const CrossOptions& opt, CrossResult& res) {
  const int n = d.n;
  Eigen::MatrixXd W = Eigen::MatrixXd::Zero(n, f.k);
  res.secondary.assign(n, lp::Status::optimal);
  for (int o = 0; o < n; ++o) {
    const RadialResult& pr = res.primary[o];
    W.row(o).segment(0, f.m) = pr.v.cwiseProduct(d.sx).transpose();
    W.row(o).segment(f.m, f.s) = pr.u.cwiseProduct(d.sy).transpose();
    if (f.w0 != 0) W(o, f.k - 1) = f.w0 == -1 ? -pr.w0 : pr.w0;
    res.secondary[o] = pr.status;
    if (pr.status != lp::Status::optimal || opt.method == CrossMethod::arbitrary || n < 2) continue;
    const lp::Solution sol = secondary(d, f, table, o, pr.score, opt);
    res.secondary[o] = sol.status;
    if (sol.status == lp::Status::optimal) W.row(o) = sol.x.transpose();
  }
  return W;
}

// Weights in data units and the matrix E (rows = rating DMU, columns = rated DMU).
void fill_matrix(const Scaled& d, const Forms& f, const RatioForms& rf, const FormTable& table,
                 const Eigen::MatrixXd& W, CrossResult& res) {
  const int n = d.n;
  res.V = Eigen::MatrixXd(n, f.m);
  res.U = Eigen::MatrixXd(n, f.s);
  res.W0 = Eigen::VectorXd::Zero(n);
  res.E = Eigen::MatrixXd(n, n);
  for (int o = 0; o < n; ++o) {
    Eigen::VectorXd w = W.row(o).transpose();
    // Weights are >= 0 by construction; drop round-off (below 1e-13 of the largest).
    const double wmax = w.head(f.m + f.s).cwiseAbs().maxCoeff();
    for (int i = 0; i < f.m + f.s; ++i) {
      if (w(i) < 1e-13 * wmax) w(i) = 0.0;
    }
    res.V.row(o) = w.segment(0, f.m).cwiseQuotient(d.sx).transpose();
    res.U.row(o) = w.segment(f.m, f.s).cwiseQuotient(d.sy).transpose();
    res.W0(o) = detail::w0_value(f, w);
    if (f.w0 == -1) w(f.k - 1) = -w(f.k - 1);  // forms use the signed value
    const Eigen::VectorXd tops = table.top * w;
    const Eigen::VectorXd bottoms = table.bottom * w;
    for (int j = 0; j < n; ++j) {
      res.E(o, j) = std::fabs(bottoms(j)) > 1e-300 ? tops(j) / bottoms(j)
                                                   : std::numeric_limits<double>::quiet_NaN();
    }
    // Lim & Zhu keep each DMU's self-appraisal at its own VRS score (as deaR does).
    if (rf.lim_zhu && res.primary[o].status == lp::Status::optimal) {
      res.E(o, o) = res.primary[o].score;
    }
  }
}

// Column means e (the scores), row means A and the maverick index.
void fill_means(const CrossOptions& opt, CrossResult& res) {
  const auto n = res.E.rows();
  const bool io = opt.orientation == Orientation::input;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  res.e = Eigen::VectorXd::Zero(n);
  res.A = Eigen::VectorXd::Zero(n);
  res.maverick = Eigen::VectorXd::Zero(n);
  for (Eigen::Index j = 0; j < n; ++j) {
    double col = 0.0, row = 0.0;
    int ncol = 0, nrow = 0;
    for (Eigen::Index k = 0; k < n; ++k) {
      if (k == j && !opt.self_appraisal) continue;
      if (std::isfinite(res.E(k, j))) col += res.E(k, j), ++ncol;
      if (std::isfinite(res.E(j, k))) row += res.E(j, k), ++nrow;
    }
    res.e(j) = ncol ? col / ncol : nan;
    res.A(j) = nrow ? row / nrow : nan;
    const double t = res.primary[j].score, e = res.e(j);
    res.maverick(j) = io ? (t - e) / std::min(t, e) : (e - t) / std::min(t, e);
  }
}

}  // namespace

CrossResult cross(const Data& data, const CrossOptions& opt) {
  const Scaled d = detail::scale(data);
  const bool io = opt.orientation == Orientation::input;
  const Forms f = detail::forms(d, opt.rts, opt.orientation);
  const RatioForms rf{f, opt.lim_zhu && io && opt.rts != Rts::crs};
  CrossResult res;
  RadialOptions ro;
  ro.orientation = opt.orientation;
  ro.rts = opt.rts;
  ro.epsilon = opt.epsilon;
  ro.second_phase = false;
  res.primary = radial(data, ro);
  const FormTable table = form_table(d, f, rf);
  const Eigen::MatrixXd W = choose_weights(d, f, table, opt, res);
  fill_matrix(d, f, rf, table, W, res);
  fill_means(opt, res);
  return res;
}

void cross_bounds(const Data& data, Orientation orientation, Rts rts, Eigen::MatrixXd& lo,
                  Eigen::MatrixXd& hi) {
  const Scaled d = detail::scale(data);
  const int n = d.n;
  const Forms f = detail::forms(d, rts, orientation);
  const RatioForms rf{f, false};
  RadialOptions ro;
  ro.orientation = orientation;
  ro.rts = rts;
  ro.second_phase = false;
  const auto primary = radial(data, ro);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  lo = Eigen::MatrixXd::Constant(n, n, nan);
  hi = Eigen::MatrixXd::Constant(n, n, nan);
  for (int o = 0; o < n; ++o) {
    if (primary[o].status != lp::Status::optimal) continue;
    // Optimal weights of o, homogeneous form (ratios do not depend on the scale of w):
    // num_k - den_k <= 0 for all k, optimality of o as an equality, bottom_j(w) = 1.
    for (int j = 0; j < n; ++j) {
      lp::Problem p;
      p.A = Eigen::MatrixXd::Zero(n + 2, f.k);
      p.b = Eigen::VectorXd::Zero(n + 2);
      p.sense.assign(n + 2, lp::Sense::le);
      for (int k = 0; k < n; ++k) p.A.row(k) = f.num(d, k) - f.den(d, k);
      const double t = primary[o].score;
      p.A.row(n) = orientation == Orientation::input ? f.num(d, o) - t * f.den(d, o)
                                                     : f.den(d, o) - t * f.num(d, o);
      p.sense[n] = lp::Sense::eq;
      p.A.row(n + 1) = rf.bottom(d, j);
      p.sense[n + 1] = lp::Sense::eq;
      p.b(n + 1) = 1.0;
      p.c = rf.top(d, j).transpose();
      detail::apply_w0_sign(f, p);
      p.maximize = false;
      const lp::Solution a = lp::solve_via_dual(p);
      p.maximize = true;
      const lp::Solution b = lp::solve_via_dual(p);
      const double inf = std::numeric_limits<double>::infinity();
      if (a.status == lp::Status::optimal) lo(o, j) = a.objective;
      if (a.status == lp::Status::unbounded) lo(o, j) = -inf;
      if (b.status == lp::Status::optimal) hi(o, j) = b.objective;
      if (b.status == lp::Status::unbounded) hi(o, j) = inf;
    }
  }
}

}  // namespace llmfp::dea
