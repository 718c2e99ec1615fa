// A small dense linear-programming solver for DEA-sized problems.
//
//   minimise (or maximise)  c^T x
//   subject to              a_i^T x  {<=, =, >=}  b_i      (i = 1..rows)
//                           x_j >= 0, or x_j free
//
// Method: revised primal simplex, two phases (phase 1 minimises the sum of artificial
// variables), with an explicit dense basis inverse (rows x rows) updated by eta
// transformations and recomputed by LU every kRefactorEvery pivots and at the end.
// Cost per pivot is O(rows * cols) for pricing, so problems with few rows and many
// columns (every DEA LP in one of its primal/dual forms: m + s (+1) rows, n columns)
// solve in a handful of cheap pivots. Problems with few columns and many rows are
// solved through their dual: see solve_via_dual().
//
// Pivot rule: Dantzig (most negative reduced cost) with a two-pass (Harris) ratio test;
// after kDegenerateRun consecutive degenerate pivots the solver switches to Bland's rule
// (smallest index enters, smallest index leaves among ties), which cannot cycle, and
// returns to Dantzig after the first pivot that makes progress. An iteration cap turns
// any remaining pathology into Status::iteration_limit: the solver never loops forever.
//
// Tolerances (absolute; callers scale their data to O(1), as the DEA code does):
// primal feasibility 1e-9, reduced-cost optimality 1e-9, pivot magnitude 1e-9.
//
// Duals: solution.duals[i] = d(objective)/d(b_i) in the caller's sense (for a maximisation
// the derivative of the maximum). They are the multipliers of the dual problem.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Dense>

namespace llmfp::lp {

enum class Sense { le, eq, ge };
enum class Status { optimal, infeasible, unbounded, iteration_limit };

const char* to_string(Status status);

struct Options {
  double feasibility_tol = 1e-9;
  double optimality_tol = 1e-9;
  double pivot_tol = 1e-9;
  int max_iterations = 0;  // 0: automatic, 50 * (rows + cols) + 1000
};

struct Problem {
  Eigen::MatrixXd A;           // rows x cols
  Eigen::VectorXd b;           // rows
  Eigen::VectorXd c;           // cols
  std::vector<Sense> sense;    // rows (empty: all equalities)
  std::vector<bool> free_var;  // cols (empty: all x >= 0)
  bool maximize = false;
};

struct Solution {
  Status status = Status::infeasible;
  double objective = 0.0;  // c^T x in the caller's sense (valid when optimal)
  Eigen::VectorXd x;       // cols
  Eigen::VectorXd duals;   // rows: d(objective)/d(b)
  int iterations = 0;
  /// Internal basis (column indices of the standard form), usable as a warm start for
  /// another problem of the same shape.
  std::vector<int> basis;
};

/// Solves `problem`. `warm_basis`, if given and valid (nonsingular, primal feasible for
/// this problem), skips phase 1. Never throws on numerical trouble: reports a status.
Solution solve(const Problem& problem, const Options& options = {},
               const std::vector<int>* warm_basis = nullptr);

/// Solves `problem` (few columns, many rows) by forming and solving its dual, which has
/// one row per column of `problem`; x is read from the dual's multipliers. Status is
/// that of `problem`: dual unbounded -> infeasible, dual infeasible -> unbounded.
Solution solve_via_dual(const Problem& problem, const Options& options = {});

}  // namespace llmfp::lp
