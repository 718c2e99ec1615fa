// Scalar distributions and uncertain inputs (uncertainty.hpp).
//
// Inverse CDFs (u in (0, 1)):
//   uniform [a, b]:          x = a + u (b - a);  mean (a + b) / 2, variance (b - a)^2 / 12
//   triangular (a, c, b):    F(c) = (c - a) / (b - a);
//                            u <= F(c): x = a + sqrt(u (b - a)(c - a))
//                            u >  F(c): x = b - sqrt((1 - u)(b - a)(b - c))
//                            mean (a + b + c) / 3, variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18
//   choice (x_k, w_k):       the first x_k with sum_{j <= k} w_j / sum w >= u
// Only + - * / and sqrt are used: exact in IEEE arithmetic, identical on every target.
#include <cmath>
#include <utility>

#include "llmfp/status.hpp"
#include "llmfp/uncertainty.hpp"

namespace llmfp::uq {

Distribution Distribution::fixed(double v) {
  Distribution d;
  d.kind = Kind::kFixed;
  d.value = v;
  d.min = d.mode = d.max = v;
  return d;
}

Distribution Distribution::uniform(double lo, double hi) {
  Distribution d;
  d.kind = Kind::kUniform;
  d.min = lo;
  d.max = hi;
  d.mode = d.value = 0.5 * (lo + hi);
  return d;
}

Distribution Distribution::triangular(double lo, double mode, double hi) {
  Distribution d;
  d.kind = Kind::kTriangular;
  d.min = lo;
  d.mode = mode;
  d.max = hi;
  d.value = mode;
  return d;
}

Distribution Distribution::choice(std::vector<double> options, std::vector<double> weights) {
  Distribution d;
  d.kind = Kind::kChoice;
  double total = 0.0;
  for (double w : weights) total += w;
  for (double& w : weights) w /= total;
  d.options = std::move(options);
  d.weights = std::move(weights);
  d.min = d.max = d.options.empty() ? 0.0 : d.options.front();
  for (double o : d.options) {
    d.min = std::fmin(d.min, o);
    d.max = std::fmax(d.max, o);
  }
  d.value = d.mean();
  return d;
}

double Distribution::quantile(double u) const {
  switch (kind) {
    case Kind::kFixed: return value;
    case Kind::kUniform: return min + u * (max - min);
    case Kind::kTriangular: {
      const double width = max - min;
      if (width <= 0.0) return min;
      if (u * width <= mode - min) return min + std::sqrt(u * width * (mode - min));
      return max - std::sqrt((1.0 - u) * width * (max - mode));
    }
    case Kind::kChoice: {
      double acc = 0.0;
      for (std::size_t k = 0; k + 1 < options.size(); ++k) {
        acc += weights[k];
        if (u <= acc) return options[k];
      }
      return options.back();
    }
  }
  return value;
}

double Distribution::mean() const {
  switch (kind) {
    case Kind::kFixed: return value;
    case Kind::kUniform: return 0.5 * (min + max);
    case Kind::kTriangular: return (min + mode + max) / 3.0;
    case Kind::kChoice: {
      double m = 0.0;
      for (std::size_t k = 0; k < options.size(); ++k) m += weights[k] * options[k];
      return m;
    }
  }
  return value;
}

double Distribution::variance() const {
  switch (kind) {
    case Kind::kFixed: return 0.0;
    case Kind::kUniform: return (max - min) * (max - min) / 12.0;
    case Kind::kTriangular:
      return (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18.0;
    case Kind::kChoice: {
      const double m = mean();
      double v = 0.0;
      for (std::size_t k = 0; k < options.size(); ++k) {
        v += weights[k] * (options[k] - m) * (options[k] - m);
      }
      return v;
    }
  }
  return 0.0;
}

bool Distribution::is_fixed() const { return kind == Kind::kFixed || min == max; }

double Distribution::low() const { return kind == Kind::kFixed ? value : min; }
double Distribution::high() const { return kind == Kind::kFixed ? value : max; }

Input scalar_input(std::string name, const Distribution& d) {
  return scalar_input(std::move(name), d, d.mean());
}

Input scalar_input(std::string name, const Distribution& d, double nominal) {
  Input in;
  in.name = std::move(name);
  in.nominal = {nominal};
  if (d.is_fixed()) {
    in.nominal = {d.low()};
    return in;
  }
  in.draw = [d](const double* u, double* x) { x[0] = d.quantile(u[0]); };
  if (d.kind == Distribution::Kind::kChoice) {
    for (double o : d.options) in.probes.push_back({o});
  } else {
    in.probes = {{d.low()}, {d.high()}};
  }
  for (const auto& p : in.probes) in.probe_labels.push_back(format_significant(p[0]));
  return in;
}

}  // namespace llmfp::uq
