// Revised primal simplex, two phases, dense basis inverse: see lp.hpp for the method,
// the pivot rules and the tolerances.
//
// Standard form used internally: min c~^T x~ s.t. A~ x~ = b~ (b~ >= 0), x~ >= 0, built as
//   columns = [structural | negated copies of free columns | slacks | artificials],
// rows with b_i < 0 multiplied by -1 (row_sign). A free x_j = x~_j - x~_(copy of j).
// Reduced costs d_j = c~_j - a~_j^T y with y = B^-T c~_B; duals of the caller's rows are
// row_sign_i * y_i (negated for a maximisation).
#include "llmfp/lp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace llmfp::lp {

const char* to_string(Status status) {
  switch (status) {
    case Status::optimal: return "optimal";
    case Status::infeasible: return "infeasible";
    case Status::unbounded: return "unbounded";
    case Status::iteration_limit: return "iteration_limit";
  }
  return "unknown";
}

namespace {

constexpr int kRefactorEvery = 40;
constexpr int kDegenerateRun = 12;

struct Standard {
  Eigen::MatrixXd A;             // R x N
  Eigen::VectorXd b;             // R, >= 0
  Eigen::VectorXd cost;          // N (phase 2)
  std::vector<double> row_sign;  // R
  std::vector<int> free_copy;    // per structural column: index of its negated copy or -1
  int n_struct = 0;
  int first_artificial = 0;      // columns >= this are artificials
  std::vector<int> start_basis;  // slack or artificial per row
};

Standard to_standard(const Problem& p) {
  Standard s;
  const int R = static_cast<int>(p.A.rows());
  const int n = static_cast<int>(p.A.cols());
  s.n_struct = n;
  s.row_sign.assign(R, 1.0);
  for (int i = 0; i < R; ++i) s.row_sign[i] = p.b(i) < 0 ? -1.0 : 1.0;
  auto sense = [&](int i) { return p.sense.empty() ? Sense::eq : p.sense[i]; };
  int n_free = 0;
  s.free_copy.assign(n, -1);
  for (int j = 0; j < n; ++j) {
    if (!p.free_var.empty() && p.free_var[j]) s.free_copy[j] = n + n_free++;
  }
  int n_slack = 0;
  for (int i = 0; i < R; ++i) n_slack += sense(i) != Sense::eq;
  // Artificials: rows whose slack cannot start basic (equalities, or slack sign -1).
  std::vector<int> slack_col(R, -1);
  int col = n + n_free;
  std::vector<double> slack_coef(R, 0.0);
  for (int i = 0; i < R; ++i) {
    if (sense(i) == Sense::eq) continue;
    slack_col[i] = col++;
    slack_coef[i] = (sense(i) == Sense::le ? 1.0 : -1.0) * s.row_sign[i];
  }
  s.first_artificial = col;
  int n_art = 0;
  for (int i = 0; i < R; ++i) n_art += !(slack_col[i] >= 0 && slack_coef[i] > 0);
  const int N = col + n_art;
  s.A = Eigen::MatrixXd::Zero(R, N);
  s.cost = Eigen::VectorXd::Zero(N);
  const double dir = p.maximize ? -1.0 : 1.0;
  for (int j = 0; j < n; ++j) {
    s.cost(j) = dir * p.c(j);
    for (int i = 0; i < R; ++i) s.A(i, j) = s.row_sign[i] * p.A(i, j);
    if (s.free_copy[j] >= 0) {
      s.A.col(s.free_copy[j]) = -s.A.col(j);
      s.cost(s.free_copy[j]) = -s.cost(j);
    }
  }
  s.b = Eigen::VectorXd(R);
  s.start_basis.assign(R, -1);
  int art = s.first_artificial;
  for (int i = 0; i < R; ++i) {
    s.b(i) = s.row_sign[i] * p.b(i);
    if (slack_col[i] >= 0) s.A(i, slack_col[i]) = slack_coef[i];
    if (slack_col[i] >= 0 && slack_coef[i] > 0) {
      s.start_basis[i] = slack_col[i];
    } else {
      s.A(i, art) = 1.0;
      s.start_basis[i] = art++;
    }
  }
  return s;
}

class Simplex {
 public:
  Simplex(const Standard& s, const Options& o) : s_(s), o_(o) {
    R_ = static_cast<int>(s.A.rows());
    N_ = static_cast<int>(s.A.cols());
    max_iter_ = o.max_iterations > 0 ? o.max_iterations : 50 * (R_ + N_) + 1000;
  }

  /// Installs a basis; false if singular or (when require_feasible) primal infeasible.
  bool set_basis(const std::vector<int>& basis, bool require_feasible) {
    if (static_cast<int>(basis.size()) != R_) return false;
    std::vector<char> seen(N_, 0);
    for (int j : basis) {
      if (j < 0 || j >= N_ || seen[j]) return false;
      if (require_feasible && j >= s_.first_artificial) return false;
      seen[j] = 1;
    }
    basis_ = basis;
    if (!refactor()) return false;
    if (require_feasible && xB_.size() > 0 && xB_.minCoeff() < -o_.feasibility_tol) return false;
    for (int i = 0; i < R_; ++i) xB_(i) = std::max(xB_(i), 0.0);
    return true;
  }

  /// Runs the simplex with `cost`; columns >= `allowed_end` never enter.
  Status run(const Eigen::VectorXd& cost, int allowed_end) {
    int degenerate = 0;
    bool bland = false;
    int since_refactor = 0;
    bool fresh = true;
    std::vector<char> basic(N_, 0);
    for (int j : basis_) basic[j] = 1;
    while (true) {
      if (iterations_ >= max_iter_) return Status::iteration_limit;
      if (since_refactor >= kRefactorEvery) {
        refactor();
        since_refactor = 0;
        fresh = true;
      }
      Eigen::VectorXd cB(R_);
      for (int i = 0; i < R_; ++i) cB(i) = cost(basis_[i]);
      const Eigen::VectorXd y = Binv_.transpose() * cB;
      const Eigen::VectorXd d = cost - s_.A.transpose() * y;
      int q = -1;
      double best = -o_.optimality_tol;
      for (int j = 0; j < allowed_end; ++j) {
        if (basic[j] || !(d(j) < best)) continue;
        q = j;
        if (bland) break;
        best = d(j);
      }
      if (q < 0) {
        if (fresh) return Status::optimal;
        refactor();  // confirm optimality on a freshly factorised basis
        since_refactor = 0;
        fresh = true;
        continue;
      }
      const Eigen::VectorXd alpha = Binv_ * s_.A.col(q);
      const int r = ratio_test(alpha, bland);
      if (r < 0) return Status::unbounded;
      const double step = std::max(xB_(r), 0.0) / alpha(r);
      pivot(r, q, alpha, step);
      basic[q] = 1;
      ++iterations_;
      ++since_refactor;
      fresh = false;
      if (step * -d(q) <= 1e-13) {
        if (++degenerate >= kDegenerateRun) bland = true;
      } else {
        degenerate = 0;
        bland = false;
      }
      basic.assign(N_, 0);
      for (int j : basis_) basic[j] = 1;
    }
  }

  /// After phase 1: pivots basic artificials (at level ~0) out where the row allows.
  void drive_out_artificials() {
    for (int r = 0; r < R_; ++r) {
      if (basis_[r] < s_.first_artificial) continue;
      const Eigen::RowVectorXd row = Binv_.row(r) * s_.A;
      int q = -1;
      double best = 1e-7;
      for (int j = 0; j < s_.first_artificial; ++j) {
        if (std::find(basis_.begin(), basis_.end(), j) != basis_.end()) continue;
        if (std::fabs(row(j)) > best) best = std::fabs(row(j)), q = j;
      }
      if (q < 0) continue;  // redundant row: the artificial stays basic at zero
      const Eigen::VectorXd alpha = Binv_ * s_.A.col(q);
      pivot(r, q, alpha, xB_(r) / alpha(r));
    }
    refactor();
    for (int i = 0; i < R_; ++i) xB_(i) = std::max(xB_(i), 0.0);
  }

  bool refactor() {
    Eigen::MatrixXd B(R_, R_);
    for (int i = 0; i < R_; ++i) B.col(i) = s_.A.col(basis_[i]);
    Eigen::FullPivLU<Eigen::MatrixXd> lu(B);
    lu.setThreshold(1e-13);
    if (!lu.isInvertible()) return false;
    Binv_ = lu.inverse();
    xB_ = Binv_ * s_.b;
    return true;
  }

  double artificial_sum() const {
    double sum = 0.0;
    for (int i = 0; i < R_; ++i) {
      if (basis_[i] >= s_.first_artificial) sum += std::max(xB_(i), 0.0);
    }
    return sum;
  }

  const std::vector<int>& basis() const { return basis_; }
  const Eigen::VectorXd& basic_values() const { return xB_; }
  const Eigen::MatrixXd& basis_inverse() const { return Binv_; }
  int iterations() const { return iterations_; }

 private:
  int ratio_test(const Eigen::VectorXd& alpha, bool bland) const {
    double limit = std::numeric_limits<double>::infinity();
    for (int i = 0; i < R_; ++i) {
      if (alpha(i) > o_.pivot_tol) {
        limit = std::min(limit, (std::max(xB_(i), 0.0) + o_.feasibility_tol) / alpha(i));
      }
    }
    if (!std::isfinite(limit)) return -1;
    int r = -1;
    if (bland) {  // exact minimum ratio, ties to the smallest basic index
      double best_ratio = std::numeric_limits<double>::infinity();
      for (int i = 0; i < R_; ++i) {
        if (alpha(i) > o_.pivot_tol)
          best_ratio = std::min(best_ratio, std::max(xB_(i), 0.0) / alpha(i));
      }
      for (int i = 0; i < R_; ++i) {
        if (!(alpha(i) > o_.pivot_tol)) continue;
        const double ratio = std::max(xB_(i), 0.0) / alpha(i);
        if (ratio <= best_ratio + 1e-12 && (r < 0 || basis_[i] < basis_[r])) r = i;
      }
      return r;
    }
    for (int i = 0; i < R_; ++i) {  // Harris: largest pivot among ratios within the limit
      if (!(alpha(i) > o_.pivot_tol)) continue;
      const double ratio = std::max(xB_(i), 0.0) / alpha(i);
      if (ratio <= limit && (r < 0 || alpha(i) > alpha(r))) r = i;
    }
    return r;
  }

  void pivot(int r, int q, const Eigen::VectorXd& alpha, double step) {
    xB_ -= step * alpha;
    xB_(r) = step;
    const double inv = 1.0 / alpha(r);
    Binv_.row(r) *= inv;
    for (int i = 0; i < R_; ++i) {
      if (i != r && alpha(i) != 0.0) Binv_.row(i) -= alpha(i) * Binv_.row(r);
    }
    basis_[r] = q;
  }

  const Standard& s_;
  const Options& o_;
  int R_ = 0;
  int N_ = 0;
  int max_iter_ = 0;
  int iterations_ = 0;
  std::vector<int> basis_;
  Eigen::MatrixXd Binv_;
  Eigen::VectorXd xB_;
};

Solution finish(const Problem& p, const Standard& s, const Simplex& sx, Status status) {
  Solution sol;
  sol.status = status;
  sol.iterations = sx.iterations();
  sol.basis = sx.basis();
  const int R = static_cast<int>(s.A.rows());
  const int n = s.n_struct;
  Eigen::VectorXd full = Eigen::VectorXd::Zero(s.A.cols());
  for (int i = 0; i < R; ++i) full(sx.basis()[i]) = sx.basic_values()(i);
  sol.x = Eigen::VectorXd(n);
  for (int j = 0; j < n; ++j) {
    sol.x(j) = full(j) - (s.free_copy[j] >= 0 ? full(s.free_copy[j]) : 0.0);
  }
  sol.objective = p.c.size() == n ? p.c.dot(sol.x) : 0.0;
  Eigen::VectorXd cB(R);
  for (int i = 0; i < R; ++i) cB(i) = s.cost(sx.basis()[i]);
  const Eigen::VectorXd y = sx.basis_inverse().transpose() * cB;
  sol.duals = Eigen::VectorXd(R);
  for (int i = 0; i < R; ++i) sol.duals(i) = (p.maximize ? -1.0 : 1.0) * s.row_sign[i] * y(i);
  return sol;
}

}  // namespace

Solution solve(const Problem& problem, const Options& options, const std::vector<int>* warm_basis) {
  const Standard s = to_standard(problem);
  Simplex sx(s, options);
  const int R = static_cast<int>(s.A.rows());
  if (R == 0) {  // no constraints: optimal at 0 unless the objective can decrease
    Solution sol;
    sol.x = Eigen::VectorXd::Zero(problem.A.cols());
    sol.duals = Eigen::VectorXd(0);
    sol.status = Status::optimal;
    for (int j = 0; j < s.n_struct; ++j) {
      if (s.cost(j) < 0 || (s.free_copy[j] >= 0 && s.cost(j) != 0)) sol.status = Status::unbounded;
    }
    return sol;
  }
  const bool warm = warm_basis && sx.set_basis(*warm_basis, true);
  if (!warm) {
    sx.set_basis(s.start_basis, false);
    Eigen::VectorXd phase1 = Eigen::VectorXd::Zero(s.A.cols());
    for (int j = s.first_artificial; j < s.A.cols(); ++j) phase1(j) = 1.0;
    if (s.first_artificial < s.A.cols()) {
      const Status st = sx.run(phase1, static_cast<int>(s.A.cols()));
      if (st == Status::iteration_limit) return finish(problem, s, sx, st);
      const double scale = 1.0 + s.b.lpNorm<Eigen::Infinity>();
      if (sx.artificial_sum() > 1e-8 * scale) return finish(problem, s, sx, Status::infeasible);
      sx.drive_out_artificials();
    }
  }
  const Status st = sx.run(s.cost, s.first_artificial);
  return finish(problem, s, sx, st);
}

Solution solve_via_dual(const Problem& p, const Options& options) {
  const int R = static_cast<int>(p.A.rows());
  const int n = static_cast<int>(p.A.cols());
  const double dir = p.maximize ? -1.0 : 1.0;  // primal as a minimisation of dir * c
  Problem d;
  d.maximize = true;
  d.A = p.A.transpose();
  d.b = dir * p.c;
  d.c = p.b;
  d.sense.assign(n, Sense::le);
  d.free_var.assign(R, false);
  std::vector<double> y_sign(R, 1.0);
  for (int i = 0; i < R; ++i) {
    const Sense sense = p.sense.empty() ? Sense::eq : p.sense[i];
    if (sense == Sense::eq) d.free_var[i] = true;
    if (sense == Sense::le) {  // y_i <= 0: substitute y_i = -z_i
      y_sign[i] = -1.0;
      d.A.col(i) *= -1.0;
      d.c(i) *= -1.0;
    }
  }
  for (int j = 0; j < n; ++j) {
    if (!p.free_var.empty() && p.free_var[j]) d.sense[j] = Sense::eq;
  }
  const Solution ds = solve(d, options);
  Solution sol;
  sol.iterations = ds.iterations;
  sol.status = ds.status == Status::unbounded    ? Status::infeasible
               : ds.status == Status::infeasible ? Status::unbounded
                                                 : ds.status;
  sol.x = ds.duals.size() == n ? ds.duals : Eigen::VectorXd::Zero(n);
  sol.duals = Eigen::VectorXd(R);
  for (int i = 0; i < R; ++i) sol.duals(i) = dir * y_sign[i] * ds.x(i);
  sol.objective = p.c.dot(sol.x);
  return sol;
}

}  // namespace llmfp::lp
