// Data Envelopment Analysis: radial models (CCR, BCC, NIRS, NDRS; input or output
// oriented; envelopment with second-phase slacks and the multiplier weights from its
// duals), super-efficiency, and cross-efficiency (simple/arbitrary, Doyle & Green
// aggressive and benevolent in deaR's formulations "M2" and "M3", with or without
// self-appraisal, Lim & Zhu correction for VRS), with the maverick index.
//
// Conventions (those of deaR, the authors' tool, and of tests/fixtures/dea-cases):
//   input orientation:  score theta <= 1 (1 = efficient);
//   output orientation: score phi >= 1 (Farrell measure; 1 = efficient);
//   cross-efficiency matrix E[d][j]: row d = rating DMU (its weights), column j = rated
//   DMU; io entries (u.y_j + u0) / (v.x_j), oo entries (v.x_j + v0) / (u.y_j);
//   score e_j = mean of column j (with or without the diagonal, per self-appraisal).
// Data are scaled column by column (by the largest absolute value) before any LP, and
// weights are scaled back, so results do not depend on units.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Dense>

#include "llmfp/lp.hpp"

namespace llmfp::dea {

enum class Orientation { input, output };
enum class Rts { crs, vrs, nirs, ndrs };
enum class CrossMethod { arbitrary, aggressive, benevolent };
enum class Formulation { M2, M3 };

struct Data {
  Eigen::MatrixXd X;  // n x m inputs  (rows = DMUs)
  Eigen::MatrixXd Y;  // n x s outputs
};

struct RadialOptions {
  Orientation orientation = Orientation::input;
  Rts rts = Rts::crs;
  double epsilon = 0.0;      // > 0: single-stage non-Archimedean model, slacks weighted by epsilon
  bool super = false;        // exclude the evaluated DMU from the reference set (Andersen-Petersen)
  bool second_phase = true;  // maximise slacks at the optimal radial score
};

struct RadialResult {
  lp::Status status = lp::Status::infeasible;
  double score = 0.0;         // theta (io) or phi (oo); meaningless unless status is optimal
  Eigen::VectorXd lambda;     // n: intensities (peers are lambda_j > 0)
  Eigen::VectorXd slack_in;   // m: input slacks (original units)
  Eigen::VectorXd slack_out;  // s: output slacks (original units)
  Eigen::VectorXd v;          // m: input weights (original units)
  Eigen::VectorXd u;          // s: output weights
  double w0 = 0.0;  // returns-to-scale multiplier: io theta = u.y_o + w0; oo phi = v.x_o + w0
  bool efficient = false;         // score 1 and all slacks 0 (Pareto-Koopmans)
  bool weakly_efficient = false;  // score 1 (radially efficient)
};

/// Solves the radial model for every DMU.
std::vector<RadialResult> radial(const Data& data, const RadialOptions& options);

struct CrossOptions {
  Orientation orientation = Orientation::input;
  Rts rts = Rts::crs;
  CrossMethod method = CrossMethod::aggressive;
  Formulation formulation = Formulation::M3;
  bool self_appraisal = true;
  bool lim_zhu = false;  // VRS input orientation: E_dj = u.y_j / (v.x_j - u0)
  double epsilon = 0.0;  // weights >= epsilon in the secondary LP (scaled units)
};

struct CrossResult {
  std::vector<RadialResult> primary;  // the simple efficiency of each rating DMU
  std::vector<lp::Status> secondary;  // status of each secondary-goal LP (arbitrary: primary)
  Eigen::MatrixXd V, U;               // n x m, n x s: each rating DMU's chosen weights
  Eigen::VectorXd W0;                 // n: returns-to-scale multiplier (0 under CRS)
  Eigen::MatrixXd E;                  // n x n cross-efficiency matrix (NaN where undefined)
  Eigen::VectorXd e;                  // n: column means (the cross-efficiency score)
  Eigen::VectorXd A;                  // n: row means (how generously d rates the others)
  Eigen::VectorXd maverick;           // n: (theta - e) / min(theta, e), io; phi-space for oo
};

CrossResult cross(const Data& data, const CrossOptions& options);

/// Game cross-efficiency (Liang, Wu, Cook & Zhu 2008), CRS, input orientation: the fixed
/// point of the d-game iteration started from the simple cross-efficiency.
struct GameResult {
  lp::Status status = lp::Status::optimal;  // iteration_limit if it did not converge
  Eigen::VectorXd e;                        // n: game cross-efficiency scores
  int rounds = 0;
};

GameResult game(const Data& data);

/// Bounds of each simple cross-efficiency entry over all optimal weights of the rating
/// DMU: lo(d, j) = min E_dj and hi(d, j) = max E_dj subject to the weights being optimal
/// for d (CRS/VRS, io/oo). Used to test arbitrary cross-efficiency, whose weights are
/// not unique.
void cross_bounds(const Data& data, Orientation orientation, Rts rts, Eigen::MatrixXd& lo,
                  Eigen::MatrixXd& hi);

/// Column scales used internally (largest absolute value of each column, 1 if all zero).
Eigen::VectorXd column_scales(const Eigen::MatrixXd& M);

}  // namespace llmfp::dea
