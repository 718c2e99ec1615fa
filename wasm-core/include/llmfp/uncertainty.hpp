// Uncertain inputs and seeded Monte Carlo propagation (generic: any model y = f(x)).
//
// An *input* is one independent source of uncertainty. It draws `u_dim` uniforms and
// turns them into `x_dim` model coordinates (a scalar assumption: 1 -> 1; the latency /
// speed Gaussian copula: 2 -> 2; a region choice: 1 -> 2, its water and carbon factors).
// Inputs are independent of each other, so Sobol indices of inputs (groups) are defined
// (sensitivity.hpp). Each input draws from its own random stream, seeded by the request
// seed and the input's name: switching one input between fixed and a range leaves every
// other input's draws unchanged (common random numbers), so intervals compare cleanly.
//
// Every random number comes from pmath::Rng and every transcendental from pmath, so a
// seed gives bit-identical results natively and in WebAssembly.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace llmfp::uq {

/// A scalar distribution: fixed, uniform [min, max], triangular (min, mode, max), or a
/// discrete choice among `options` with positive `weights` (normalised internally).
struct Distribution {
  enum class Kind { kFixed, kUniform, kTriangular, kChoice };
  Kind kind = Kind::kFixed;
  double value = 0.0;                       // kFixed
  double min = 0.0, mode = 0.0, max = 0.0;  // kUniform, kTriangular
  std::vector<double> options;              // kChoice
  std::vector<double> weights;              // kChoice, same size, > 0

  static Distribution fixed(double v);
  static Distribution uniform(double lo, double hi);
  static Distribution triangular(double lo, double mode, double hi);
  static Distribution choice(std::vector<double> options, std::vector<double> weights);

  /// Inverse CDF at u in (0, 1). Uniform: min + u (max - min). Triangular: the closed-form
  /// inverse of the piecewise-quadratic CDF. Choice: first option whose cumulative weight
  /// reaches u.
  double quantile(double u) const;
  double mean() const;
  double variance() const;
  /// Degenerate (one value): fixed, or a range of zero width, or a single option.
  bool is_fixed() const;
  /// Smallest and largest value of the support (the tornado's low and high).
  double low() const;
  double high() const;
};

/// One independent uncertain input (see the file comment).
struct Input {
  std::string name;
  std::size_t u_dim = 1;
  std::size_t x_dim = 1;
  /// Maps u_dim uniforms in (0, 1) to x_dim coordinates. Empty for a fixed input.
  std::function<void(const double* u, double* x)> draw;
  /// Coordinates when the input is not varied (the point estimate's assumption).
  std::vector<double> nominal;
  /// Points the tornado evaluates (each x_dim long), with a label for each.
  std::vector<std::vector<double>> probes;
  std::vector<std::string> probe_labels;

  bool is_fixed() const { return !draw; }
};

/// A scalar input drawn from `d` by inversion. `nominal` defaults to d's mean.
Input scalar_input(std::string name, const Distribution& d);
Input scalar_input(std::string name, const Distribution& d, double nominal);

/// y = f(x): x is the concatenation of every input's coordinates (in input order), y has
/// n_outputs values.
struct Model {
  std::size_t n_outputs = 1;
  std::function<void(const double* x, double* y)> eval;
};

/// Total number of coordinates of the inputs, and the offset of each input's block.
std::vector<std::size_t> coordinate_offsets(const std::vector<Input>& inputs,
                                            std::size_t* total = nullptr);

/// Seed of the random stream of one input (`tag` separates independent sample sets).
std::uint64_t stream_seed(std::uint64_t seed, std::string_view name, std::uint64_t tag);

/// n joint draws, row-major n x total coordinates; fixed inputs take their nominal.
std::vector<double> draw_sample(const std::vector<Input>& inputs, std::size_t n, std::uint64_t seed,
                                std::uint64_t tag);

/// Model outputs of each row of a sample: row-major n x model.n_outputs.
std::vector<double> evaluate(const Model& model, const std::vector<double>& x, std::size_t x_dim);

/// Equal-width histogram over [lo, hi] (one bin when lo == hi).
struct Histogram {
  double lo = 0.0;
  double hi = 0.0;
  std::vector<std::size_t> counts;
};

/// Summary of a sample of one quantity.
struct Summary {
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;  // sample SD (ddof = 1); 0 when n < 2
  double min = 0.0;
  double max = 0.0;
  /// P5, P25, P50, P75, P95 by linear interpolation between order statistics at
  /// h = (n - 1) p (Hyndman & Fan type 7, NumPy's default).
  std::array<double, 5> percentiles{};
  Histogram histogram;
};

inline constexpr std::array<double, 5> kPercentiles = {5.0, 25.0, 50.0, 75.0, 95.0};

/// Sum with Neumaier's compensation (error independent of n to first order).
double sum_compensated(const std::vector<double>& values);

/// Percentile p in [0, 100] of an ascending-sorted sample (type 7).
double percentile_sorted(const std::vector<double>& sorted, double p);

/// Summary of column `column` of a row-major sample with `stride` values per row.
Summary summarise(const std::vector<double>& values, std::size_t stride, std::size_t column,
                  std::size_t bins);

}  // namespace llmfp::uq
