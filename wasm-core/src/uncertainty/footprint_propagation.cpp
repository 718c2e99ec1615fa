// Per-query and scaled uncertainty of the footprint, and its sensitivity
// (uncertainty_footprint.hpp).
//
// Scaling N queries: the assumptions theta are shared by the N queries, (L, R) vary
// independently from query to query. Given theta, with k(theta) Wh per second of query
// time and O output tokens,
//   total energy | theta  ~  N k m_T + sqrt(N) k s_T z,   z ~ N(0, 1)  (central limit theorem)
//   m_T = mean(L) + O mean(1/R),  s_T^2 = var(L) + O^2 var(1/R) + 2 O cov(L, 1/R)
// with the moments of (L, R) over the sample (ddof 1). Water and carbon scale the energy by
// theta's factors. Shared share = Var(N k m_T) / (Var(N k m_T) + mean(N k^2 s_T^2)).
#include <array>
#include <cmath>

#include "llmfp/pmath.hpp"
#include "llmfp/uncertainty_footprint.hpp"

namespace llmfp::uq {

namespace {

constexpr std::uint64_t kTagScale = 2;

struct LatencyMoments {
  double mean_l = 0, mean_inv = 0, var_l = 0, var_inv = 0, cov = 0;
};

LatencyMoments latency_moments(const std::vector<double>& x, std::size_t dim, std::size_t off) {
  LatencyMoments m;
  const std::size_t n = x.size() / dim;
  if (n == 0) return m;
  for (std::size_t j = 0; j < n; ++j) {
    m.mean_l += x[j * dim + off];
    m.mean_inv += 1.0 / x[j * dim + off + 1];
  }
  m.mean_l /= static_cast<double>(n);
  m.mean_inv /= static_cast<double>(n);
  if (n < 2) return m;
  for (std::size_t j = 0; j < n; ++j) {
    const double dl = x[j * dim + off] - m.mean_l;
    const double di = 1.0 / x[j * dim + off + 1] - m.mean_inv;
    m.var_l += dl * dl;
    m.var_inv += di * di;
    m.cov += dl * di;
  }
  const auto d = static_cast<double>(n - 1);
  m.var_l /= d;
  m.var_inv /= d;
  m.cov /= d;
  return m;
}

}  // namespace

FootprintPropagation propagate(const FootprintCase& c, const FootprintUncertainty& u,
                               std::size_t draws, std::uint64_t seed, std::size_t bins,
                               double queries) {
  const FootprintModel fm = build_model(c, u);
  std::size_t dim = 0;
  coordinate_offsets(fm.inputs, &dim);
  const auto x = draw_sample(fm.inputs, draws, seed, 0);
  const auto y = evaluate(fm.model, x, dim);
  FootprintPropagation r;
  r.draws = draws;
  r.queries = queries;
  for (std::size_t o = 0; o < 3; ++o) r.per_query[o] = summarise(y, 3, o, bins);

  const LatencyMoments lm =
      u.copula ? latency_moments(x, dim, fm.latency_offset)
               : LatencyMoments{fm.inputs[0].nominal[0], 1.0 / fm.inputs[0].nominal[1], 0, 0, 0};
  pmath::Rng rng(stream_seed(seed, "scale", kTagScale));
  std::vector<double> totals(draws * 3);
  std::vector<double> shared(draws * 3);
  std::array<double, 3> within{};
  const double root_n = std::sqrt(queries);
  double f[4];
  for (std::size_t j = 0; j < draws; ++j) {
    fm.factors(x.data() + j * dim, f);
    const double o = f[1];
    const double m_t = lm.mean_l + o * lm.mean_inv;
    const double v_t = std::fmax(0.0, lm.var_l + o * o * lm.var_inv + 2.0 * o * lm.cov);
    const double z = u.copula ? pmath::fast::normal_quantile(rng.uniform()) : 0.0;
    const double energy = queries * f[0] * m_t + root_n * f[0] * std::sqrt(v_t) * z;
    const double per_wh[3] = {1.0, f[2], f[3]};
    for (std::size_t k = 0; k < 3; ++k) {
      totals[j * 3 + k] = energy * per_wh[k];
      shared[j * 3 + k] = queries * f[0] * m_t * per_wh[k];
      within[k] += queries * f[0] * f[0] * v_t * per_wh[k] * per_wh[k];
    }
  }
  for (std::size_t k = 0; k < 3; ++k) {
    r.scaled[k] = summarise(totals, 3, k, bins);
    double mean = 0.0;
    for (std::size_t j = 0; j < draws; ++j) mean += shared[j * 3 + k];
    mean /= static_cast<double>(draws);
    double between = 0.0;
    for (std::size_t j = 0; j < draws; ++j) {
      between += (shared[j * 3 + k] - mean) * (shared[j * 3 + k] - mean);
    }
    between = draws > 1 ? between / static_cast<double>(draws - 1) : 0.0;
    if (between <= 1e-24 * mean * mean) between = 0.0;  // rounding of a constant, not spread
    const double denom = between + (draws ? within[k] / static_cast<double>(draws) : 0.0);
    r.scaled_shared_share[k] = denom > 0.0 ? between / denom : 0.0;
  }
  return r;
}

FootprintSensitivity sensitivity(const FootprintCase& c, const FootprintUncertainty& u,
                                 std::size_t draws, std::uint64_t seed, std::size_t bins) {
  const FootprintModel fm = build_model(c, u);
  FootprintSensitivity r;
  for (const auto& in : fm.inputs) {
    r.names.push_back(in.name);
    r.fixed.push_back(in.is_fixed());
    r.probe_labels.push_back(in.probe_labels);
  }
  r.sobol = sobol(fm.inputs, fm.model, draws, seed);
  r.tornado = tornado(fm.inputs, fm.model);
  for (std::size_t o = 0; o < 3; ++o) r.per_query[o] = summarise(r.sobol.y_a, 3, o, bins);
  return r;
}

}  // namespace llmfp::uq
