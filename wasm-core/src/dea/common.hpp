// Shared pieces of the DEA code (private to wasm-core/src/dea/).
#pragma once

#include "llmfp/dea.hpp"

namespace llmfp::dea::detail {

constexpr double kEffTol = 1e-9;    // |score - 1| below this: radially efficient
constexpr double kSlackTol = 1e-9;  // scaled slack below this: zero

/// Data divided column by column by their scales (largest absolute value).
struct Scaled {
  Eigen::MatrixXd X, Y;    // n x m, n x s
  Eigen::VectorXd sx, sy;  // m, s
  int n = 0, m = 0, s = 0;
};

Scaled scale(const Data& data);

/// DMUs not Pareto-dominated by another (x_k <= x_j and y_k >= y_j, one strictly). Every
/// efficient DMU is in this set, and every weight vector that rates all of them at most 1
/// rates every DMU at most 1, so LPs may restrict their reference set (columns of the
/// envelopment form, rows of the multiplier form) to it (restricted basis entry, Ali 1993).
std::vector<int> frame(const Scaled& d);

/// Sign of the returns-to-scale multiplier w0 allowed by rts and orientation:
/// 0 = absent (CRS), 2 = free (VRS), +1 = w0 >= 0, -1 = w0 <= 0.
int w0_sign(Rts rts, Orientation orientation);

/// A weight vector w = [v (m) | u (s) | w0 (0 or 1)] and the linear forms the models use,
/// in scaled units: model numerator/denominator (io: u.y + w0 over v.x; oo: u.y over
/// v.x + w0), whose ratio is the efficiency of DMU j under w.
struct Forms {
  int m = 0, s = 0, k = 0;  // k = number of weights
  int w0 = 0;               // w0_sign
  Orientation orientation = Orientation::input;
  Eigen::RowVectorXd num(const Scaled& d, int j) const;
  Eigen::RowVectorXd den(const Scaled& d, int j) const;
};

Forms forms(const Scaled& d, Rts rts, Orientation orientation);

/// Adds the sign of w0 to an LP over w: a free variable, or w0 >= 0 via a bound. w0 <= 0
/// is expressed by negating its column (caller reads x(k-1) back through w0_value()).
void apply_w0_sign(const Forms& f, lp::Problem& p);
double w0_value(const Forms& f, const Eigen::VectorXd& x);

}  // namespace llmfp::dea::detail
