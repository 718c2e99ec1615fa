// Variance-based (Sobol) and one-at-a-time (tornado) sensitivity of a model to its
// independent uncertain inputs (uncertainty.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "llmfp/uncertainty.hpp"

namespace llmfp::uq {

/// Sobol indices of one input for one output, with approximate standard errors (the SD of
/// the estimator's per-draw terms over sqrt(n), divided by the variance; the error of the
/// variance itself is ignored).
struct SobolIndex {
  double first = 0.0;
  double total = 0.0;
  double first_se = 0.0;
  double total_se = 0.0;
};

struct SobolResult {
  std::size_t n = 0;             // base sample size
  std::size_t evaluations = 0;   // model evaluations: n (k + 2) for k uncertain inputs
  std::vector<double> variance;  // per output, over A and B together
  std::vector<std::vector<SobolIndex>> indices;  // [output][input]; fixed inputs all 0
  std::vector<double> x_a;  // sample A (n x coordinates): the plain Monte Carlo sample
  std::vector<double> y_a;  // model outputs on A (n x outputs)
};

/// Saltelli et al. (2010) radial design with matrices A and B (n draws each, independent
/// streams; A is the stream uncertainty propagation uses, so both share draws) and, for
/// each uncertain input i, A_B^(i) = A with input i's coordinates taken from B.
///   V     = variance of f over A and B together (ddof = 0)
///   S_i   = (1/n) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V       (Saltelli 2010, eq. (b))
///   ST_i  = (1/(2n)) sum_j (f(A)_j - f(A_B^(i))_j)^2 / V          (Jansen 1999)
/// Outputs are centred by their mean first (does not change the expectations, reduces
/// rounding). When V == 0 every index is 0.
SobolResult sobol(const std::vector<Input>& inputs, const Model& model, std::size_t n,
                  std::uint64_t seed);

/// One bar of a tornado: the output with one input at each of its probe points and every
/// other input at its nominal value.
struct TornadoBar {
  std::size_t input = 0;
  double low = 0.0;   // smallest output over the probes
  double high = 0.0;  // largest output over the probes
  std::size_t low_probe = 0;
  std::size_t high_probe = 0;
  double swing() const { return high - low; }
};

struct Tornado {
  double base = 0.0;             // output with every input at its nominal value
  std::vector<TornadoBar> bars;  // uncertain inputs only, by decreasing swing
};

/// One tornado per model output. Ties in swing keep the input order (stable sort).
std::vector<Tornado> tornado(const std::vector<Input>& inputs, const Model& model);

}  // namespace llmfp::uq
