// Scaling and the weight-space linear forms shared by the DEA models.
//
// Scaling: x~_ij = x_ij / sx_i with sx_i = max_j |x_ij| (1 if the column is all zero);
// weights scale back as v_i = v~_i / sx_i, so every ratio u.y / v.x is unchanged.
// Multiplier forms (Charnes, Cooper & Rhodes 1978; Banker, Charnes & Cooper 1984):
//   input orientation:  E_j(w) = (u.y_j + w0) / v.x_j
//   output orientation: F_j(w) = (v.x_j + w0) / u.y_j   (Farrell, >= 1)
#include "common.hpp"

#include <cmath>

namespace llmfp::dea {

Eigen::VectorXd column_scales(const Eigen::MatrixXd& M) {
  Eigen::VectorXd out = Eigen::VectorXd::Ones(M.cols());
  for (Eigen::Index c = 0; c < M.cols(); ++c) {
    double mx = 0.0;
    for (Eigen::Index r = 0; r < M.rows(); ++r) mx = std::max(mx, std::fabs(M(r, c)));
    if (mx > 0.0) out(c) = mx;
  }
  return out;
}

namespace detail {

Scaled scale(const Data& data) {
  Scaled d;
  d.n = static_cast<int>(data.X.rows());
  d.m = static_cast<int>(data.X.cols());
  d.s = static_cast<int>(data.Y.cols());
  d.sx = column_scales(data.X);
  d.sy = column_scales(data.Y);
  d.X = data.X * d.sx.cwiseInverse().asDiagonal();
  d.Y = data.Y * d.sy.cwiseInverse().asDiagonal();
  return d;
}

std::vector<int> frame(const Scaled& d) {
  std::vector<int> out;
  for (int j = 0; j < d.n; ++j) {
    bool dominated = false;
    for (int k = 0; k < d.n && !dominated; ++k) {
      if (k == j) continue;
      bool weakly = true, strictly = false;
      for (int i = 0; i < d.m && weakly; ++i) {
        weakly = d.X(k, i) <= d.X(j, i);
        strictly = strictly || d.X(k, i) < d.X(j, i);
      }
      for (int r = 0; r < d.s && weakly; ++r) {
        weakly = d.Y(k, r) >= d.Y(j, r);
        strictly = strictly || d.Y(k, r) > d.Y(j, r);
      }
      dominated = weakly && strictly;
    }
    if (!dominated) out.push_back(j);
  }
  return out;
}

int w0_sign(Rts rts, Orientation orientation) {
  // Dual sign of the convexity row sum(lambda) {=, <=, >=} 1: io is a minimisation,
  // oo a maximisation, so the signs are mirrored.
  const int io = orientation == Orientation::input ? 1 : -1;
  switch (rts) {
    case Rts::crs: return 0;
    case Rts::vrs: return 2;
    case Rts::nirs: return -io;
    case Rts::ndrs: return io;
  }
  return 0;
}

Forms forms(const Scaled& d, Rts rts, Orientation orientation) {
  Forms f;
  f.m = d.m;
  f.s = d.s;
  f.w0 = w0_sign(rts, orientation);
  f.k = d.m + d.s + (f.w0 != 0 ? 1 : 0);
  f.orientation = orientation;
  return f;
}

Eigen::RowVectorXd Forms::num(const Scaled& d, int j) const {
  Eigen::RowVectorXd r = Eigen::RowVectorXd::Zero(k);
  r.segment(m, s) = d.Y.row(j);
  if (w0 != 0 && orientation == Orientation::input) r(k - 1) = 1.0;
  return r;
}

Eigen::RowVectorXd Forms::den(const Scaled& d, int j) const {
  Eigen::RowVectorXd r = Eigen::RowVectorXd::Zero(k);
  r.segment(0, m) = d.X.row(j);
  if (w0 != 0 && orientation == Orientation::output) r(k - 1) = 1.0;
  return r;
}

void apply_w0_sign(const Forms& f, lp::Problem& p) {
  p.free_var.assign(f.k, false);
  if (f.w0 == 2) p.free_var[f.k - 1] = true;
  if (f.w0 == -1) p.A.col(f.k - 1) *= -1.0, p.c(f.k - 1) *= -1.0;
}

double w0_value(const Forms& f, const Eigen::VectorXd& x) {
  if (f.w0 == 0) return 0.0;
  return f.w0 == -1 ? -x(f.k - 1) : x(f.k - 1);
}

}  // namespace detail
}  // namespace llmfp::dea
