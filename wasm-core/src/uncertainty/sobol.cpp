// Sobol first-order and total indices by the Saltelli (2010) / Jansen (1999) estimators.
//
// Saltelli, Annoni, Azzini, Campolongo, Ratto, Tarantola (2010), "Variance based
// sensitivity analysis of model output. Design and estimator for the total sensitivity
// index", Comput. Phys. Commun. 181, 259-270, Table 2: (b) for S_i, (f) (Jansen) for ST_i.
//   V    = Var over the 2n outputs f(A), f(B)
//   S_i  = (1/n) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V
//   ST_i = (1/(2n)) sum_j (f(A)_j - f(A_B^(i))_j)^2 / V
// Inputs are groups of coordinates (uncertainty.hpp); A_B^(i) swaps a whole group.
// Cost: n (k + 2) evaluations for k uncertain inputs; memory O(n * coordinates).
#include <algorithm>
#include <cmath>

#include "llmfp/sensitivity.hpp"

namespace llmfp::uq {

namespace {
constexpr std::uint64_t kTagA = 0;  // the propagation stream (uncertainty op uses it too)
constexpr std::uint64_t kTagB = 1;

struct Accum {
  double sum_first = 0.0, sq_first = 0.0, sum_total = 0.0, sq_total = 0.0;
};

SobolIndex finish(const Accum& a, std::size_t n, double variance) {
  SobolIndex s;
  if (!(variance > 0.0) || n == 0) return s;
  const auto dn = static_cast<double>(n);
  const double m1 = a.sum_first / dn;
  const double m2 = a.sum_total / dn;
  s.first = m1 / variance;
  s.total = m2 / variance;
  const double v1 = std::fmax(0.0, a.sq_first / dn - m1 * m1);
  const double v2 = std::fmax(0.0, a.sq_total / dn - m2 * m2);
  s.first_se = std::sqrt(v1 / dn) / variance;
  s.total_se = std::sqrt(v2 / dn) / variance;
  return s;
}
}  // namespace

SobolResult sobol(const std::vector<Input>& inputs, const Model& model, std::size_t n,
                  std::uint64_t seed) {
  SobolResult r;
  r.n = n;
  std::size_t dim = 0;
  const auto offsets = coordinate_offsets(inputs, &dim);
  const std::size_t m = model.n_outputs;
  r.x_a = draw_sample(inputs, n, seed, kTagA);
  const auto x_b = draw_sample(inputs, n, seed, kTagB);
  r.y_a = evaluate(model, r.x_a, dim);
  const auto y_b = evaluate(model, x_b, dim);
  r.evaluations = 2 * n;

  std::vector<double> mean(m, 0.0);
  r.variance.assign(m, 0.0);
  for (std::size_t o = 0; o < m; ++o) {
    double sum = 0.0;
    for (std::size_t j = 0; j < n; ++j) sum += r.y_a[j * m + o] + y_b[j * m + o];
    mean[o] = n ? sum / static_cast<double>(2 * n) : 0.0;
    double ss = 0.0;
    for (std::size_t j = 0; j < n; ++j) {
      const double da = r.y_a[j * m + o] - mean[o];
      const double db = y_b[j * m + o] - mean[o];
      ss += da * da + db * db;
    }
    r.variance[o] = n ? ss / static_cast<double>(2 * n) : 0.0;
  }

  r.indices.assign(m, std::vector<SobolIndex>(inputs.size()));
  std::vector<double> saved(dim);
  std::vector<double> y_ab(m);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].is_fixed()) continue;
    std::vector<Accum> acc(m);
    const std::size_t off = offsets[i];
    const std::size_t len = inputs[i].x_dim;
    for (std::size_t j = 0; j < n; ++j) {
      // Row j of A_B^(i), built in place in A and restored after the evaluation.
      double* a_row = r.x_a.data() + j * dim;
      std::copy(a_row + off, a_row + off + len, saved.begin());
      std::copy(x_b.begin() + j * dim + off, x_b.begin() + j * dim + off + len, a_row + off);
      model.eval(a_row, y_ab.data());
      std::copy(saved.begin(), saved.begin() + len, a_row + off);
      for (std::size_t o = 0; o < m; ++o) {
        const double fa = r.y_a[j * m + o] - mean[o];
        const double fb = y_b[j * m + o] - mean[o];
        const double fab = y_ab[o] - mean[o];
        const double t1 = fb * (fab - fa);
        const double t2 = 0.5 * (fa - fab) * (fa - fab);
        acc[o].sum_first += t1;
        acc[o].sq_first += t1 * t1;
        acc[o].sum_total += t2;
        acc[o].sq_total += t2 * t2;
      }
    }
    r.evaluations += n;
    for (std::size_t o = 0; o < m; ++o) r.indices[o][i] = finish(acc[o], n, r.variance[o]);
  }
  return r;
}

std::vector<Tornado> tornado(const std::vector<Input>& inputs, const Model& model) {
  std::size_t dim = 0;
  const auto offsets = coordinate_offsets(inputs, &dim);
  const std::size_t m = model.n_outputs;
  std::vector<double> nominal(dim);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::copy(inputs[i].nominal.begin(), inputs[i].nominal.end(), nominal.begin() + offsets[i]);
  }
  std::vector<double> y(m);
  model.eval(nominal.data(), y.data());
  std::vector<Tornado> result(m);
  for (std::size_t o = 0; o < m; ++o) result[o].base = y[o];

  std::vector<double> row(dim);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    if (in.is_fixed() || in.probes.empty()) continue;
    std::vector<TornadoBar> bars(m);
    for (std::size_t p = 0; p < in.probes.size(); ++p) {
      row = nominal;
      std::copy(in.probes[p].begin(), in.probes[p].end(), row.begin() + offsets[i]);
      model.eval(row.data(), y.data());
      for (std::size_t o = 0; o < m; ++o) {
        TornadoBar& b = bars[o];
        if (p == 0 || y[o] < b.low) {
          b.low = y[o];
          b.low_probe = p;
        }
        if (p == 0 || y[o] > b.high) {
          b.high = y[o];
          b.high_probe = p;
        }
      }
    }
    for (std::size_t o = 0; o < m; ++o) {
      bars[o].input = i;
      result[o].bars.push_back(bars[o]);
    }
  }
  for (auto& t : result) {
    std::stable_sort(t.bars.begin(), t.bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
      return a.swing() > b.swing();
    });
  }
  return result;
}

}  // namespace llmfp::uq
