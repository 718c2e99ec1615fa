// Seeded Monte Carlo propagation and sample summaries (uncertainty.hpp).
//
//   mean  = (1/n) sum y_j       (compensated summation, Neumaier 1974)
//   sd    = sqrt( sum (y_j - mean)^2 / (n - 1) )                       (ddof = 1)
//   P_p   = y_(floor h) + (h - floor h) (y_(floor h + 1) - y_(floor h)),  h = (n - 1) p / 100
//           on the ascending sample (Hyndman & Fan 1996, definition 7; NumPy's default),
//           order statistics found by selection (nth_element), not a full sort
// Stream of input i, sample set t: pmath::Rng(seed ^ mix(FNV-1a(name_i)) ^ mix(t)); the
// Rng seeds xoshiro256** through splitmix64, so nearby seeds give unrelated streams.
#include <algorithm>
#include <cmath>

#include "llmfp/pmath.hpp"
#include "llmfp/uncertainty.hpp"

namespace llmfp::uq {

std::vector<std::size_t> coordinate_offsets(const std::vector<Input>& inputs, std::size_t* total) {
  std::vector<std::size_t> offsets;
  std::size_t at = 0;
  for (const auto& in : inputs) {
    offsets.push_back(at);
    at += in.x_dim;
  }
  if (total) *total = at;
  return offsets;
}

std::uint64_t stream_seed(std::uint64_t seed, std::string_view name, std::uint64_t tag) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : name) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return seed ^ (h * 0x9E3779B97F4A7C15ull) ^ ((tag + 1) * 0xBF58476D1CE4E5B9ull);
}

std::vector<double> draw_sample(const std::vector<Input>& inputs, std::size_t n, std::uint64_t seed,
                                std::uint64_t tag) {
  std::size_t dim = 0;
  const auto offsets = coordinate_offsets(inputs, &dim);
  std::vector<double> x(n * dim);
  std::vector<double> u;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input& in = inputs[i];
    if (in.is_fixed()) {
      for (std::size_t j = 0; j < n; ++j) {
        std::copy(in.nominal.begin(), in.nominal.end(), x.begin() + j * dim + offsets[i]);
      }
      continue;
    }
    pmath::Rng rng(stream_seed(seed, in.name, tag));
    u.resize(in.u_dim);
    for (std::size_t j = 0; j < n; ++j) {
      for (auto& v : u) v = rng.uniform();
      in.draw(u.data(), x.data() + j * dim + offsets[i]);
    }
  }
  return x;
}

std::vector<double> evaluate(const Model& model, const std::vector<double>& x, std::size_t x_dim) {
  const std::size_t n = x_dim == 0 ? 0 : x.size() / x_dim;
  std::vector<double> y(n * model.n_outputs);
  for (std::size_t j = 0; j < n; ++j) {
    model.eval(x.data() + j * x_dim, y.data() + j * model.n_outputs);
  }
  return y;
}

namespace {
void fill_histogram(const std::vector<double>& v, Summary& s, std::size_t bins) {
  s.histogram.lo = s.min;
  s.histogram.hi = s.max;
  const std::size_t nb = (s.max > s.min && bins > 0) ? bins : 1;
  s.histogram.counts.assign(nb, 0);
  const double width = (s.max - s.min) / static_cast<double>(nb);
  for (double y : v) {
    const auto b = width > 0.0 ? static_cast<std::size_t>((y - s.min) / width) : 0;
    s.histogram.counts[std::min(b, nb - 1)] += 1;
  }
}
}  // namespace

double sum_compensated(const std::vector<double>& values) {
  double sum = 0.0;
  double carry = 0.0;  // Neumaier: the low-order bits lost by each addition
  for (double v : values) {
    const double t = sum + v;
    carry += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  return sum + carry;
}

double percentile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  const double h = static_cast<double>(sorted.size() - 1) * p / 100.0;
  const double lo = std::floor(h);
  const auto k = static_cast<std::size_t>(lo);
  if (k + 1 >= sorted.size()) return sorted.back();
  return sorted[k] + (h - lo) * (sorted[k + 1] - sorted[k]);
}

Summary summarise(const std::vector<double>& values, std::size_t stride, std::size_t column,
                  std::size_t bins) {
  Summary s;
  std::vector<double> v;
  v.reserve(values.size() / stride);
  for (std::size_t j = column; j < values.size(); j += stride) v.push_back(values[j]);
  s.n = v.size();
  if (v.empty()) return s;
  s.mean = sum_compensated(v) / static_cast<double>(s.n);
  double ss = 0.0;
  for (double y : v) ss += (y - s.mean) * (y - s.mean);
  s.sd = s.n > 1 ? std::sqrt(ss / static_cast<double>(s.n - 1)) : 0.0;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  s.min = *lo;
  s.max = *hi;
  fill_histogram(v, s, bins);
  // Order statistics by selection, O(n) each; the k-th smallest value is unique, so the
  // result does not depend on the selection algorithm. Levels ascend, so each search
  // starts where the previous one ended.
  auto from = v.begin();
  for (std::size_t k = 0; k < kPercentiles.size(); ++k) {
    const double h = static_cast<double>(s.n - 1) * kPercentiles[k] / 100.0;
    const double fl = std::floor(h);
    const auto at = v.begin() + static_cast<std::ptrdiff_t>(fl);
    std::nth_element(from, at, v.end());
    from = at;
    const double x0 = *at;
    const double x1 = at + 1 == v.end() ? x0 : *std::min_element(at + 1, v.end());
    s.percentiles[k] = x0 + (h - fl) * (x1 - x0);
  }
  return s;
}

}  // namespace llmfp::uq
