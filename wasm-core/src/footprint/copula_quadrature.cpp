// The v6 estimator by deterministic quadrature instead of sampling.
//
// Model (arXiv 2505.09598v6, section 4.3): (Z1, Z2) standard normal with correlation rho,
// L = Q_L(Phi(Z1)), R = Q_R(Phi(Z2)), where Q_X(u) interpolates linearly through the five
// (percentile level, value) points and is flat outside [0.05, 0.95]; T = L + O / R and
// E = T * Pbar * PUE / 3.6. Write G = 1/R and Z2 = rho Z1 + s Z3, s = sqrt(1 - rho^2).
//
//   mean      E[T] = E[L] + O E[G]                   exact: closed forms of the marginals
//   variance  Var T = Var L + O^2 Var G + 2 O Cov(L, G)
//             Var L, Var G exact; Cov(L, G) = E[(L - E L)(H(Z1) - E G)] with
//             H(z1) = E[G | Z1 = z1] = G_5 Phi((q_05 - rho z1)/s) + G_95 Phi((rho z1 - q_95)/s)
//                     + int_{q_05}^{q_95} G(Phi(z2)) phi((z2 - rho z1)/s)/s dz2
//   CDF       F(t) = P(T <= t) = E[ P(R >= O / (t - L) | Z1) ]
//             P(R >= r | z1) = 1 if r <= R_5, 0 if r > R_95, else Phi((rho z1 - z*)/s),
//             z* = Phi^-1(u*), u* the smallest u with Q_R(u) >= r.
//   percentiles by bracketed root finding on F (Illinois false position + bisection).
//
// All integrals are composite 8-point Gauss-Legendre, split where the integrand has kinks
// or jumps (at the five percentile levels, and for F where O / (t - L) crosses a speed
// percentile), in z over the tails (truncated at |z| = 8.5, mass 2e-17) and in u inside.
// The kernel phi((z2 - rho z1)/s) on the fixed nodes depends only on rho and is cached.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "footprint_internal.hpp"
#include "llmfp/pmath.hpp"

namespace llmfp::footprint {
namespace {

// 8-point Gauss-Legendre on [-1, 1] (Abramowitz & Stegun, table 25.4).
constexpr std::array<double, 4> kGlX = {0.1834346424956498, 0.5255324099163290, 0.7966664774136267,
                                        0.9602898564975363};
constexpr std::array<double, 4> kGlW = {0.3626837833783620, 0.3137066458778873, 0.2223810344533745,
                                        0.1012285362903763};
constexpr double kZMax = 8.5;

struct GlNode {
  double x, w;
};
// 4-point Gauss-Legendre, for the short smooth pieces of the CDF integral.
constexpr std::array<GlNode, 4> kGl4 = {GlNode{-0.8611363115940526, 0.3478548451374538},
                                        GlNode{-0.3399810435848563, 0.6521451548625461},
                                        GlNode{0.3399810435848563, 0.6521451548625461},
                                        GlNode{0.8611363115940526, 0.3478548451374538}};
constexpr std::array<GlNode, 2> kGl2 = {GlNode{-0.5773502691896258, 1.0},
                                        GlNode{0.5773502691896258, 1.0}};

// Appends the 8 nodes of [a, b] (weights include the half-width).
void add_nodes(std::vector<GlNode>& out, double a, double b) {
  const double mid = 0.5 * (a + b);
  const double half = 0.5 * (b - a);
  for (std::size_t i = 0; i < kGlX.size(); ++i) {
    out.push_back({mid - half * kGlX[i], half * kGlW[i]});
    out.push_back({mid + half * kGlX[i], half * kGlW[i]});
  }
}

const std::array<double, 5>& level_z() {
  static const std::array<double, 5> z = [] {
    std::array<double, 5> out{};
    for (std::size_t k = 0; k < 5; ++k) out[k] = pmath::normal_quantile(kLevels[k]);
    return out;
  }();
  return z;
}

// Fixed nodes: outer z1 over the whole line, inner z2 over [q_05, q_95]; and the kernel.
struct Grid {
  double rho = 2.0;  // not a valid correlation: forces the first build
  double s = 0;
  std::vector<GlNode> outer;             // z1 nodes, weight includes phi(z1)
  std::vector<double> outer_u;           // Phi(z1)
  std::vector<GlNode> inner;             // z2 nodes
  std::vector<double> inner_u;           // Phi(z2)
  std::vector<double> kernel;            // [i * inner + j] = w_j phi((z2_j - rho z1_i)/s) / s
  std::vector<double> below, above;      // P(Z2 < q_05 | z1_i), P(Z2 > q_95 | z1_i)
  std::vector<GlNode> tail_lo, tail_hi;  // z1 nodes of the two tails, weight includes phi
  // B_lo(z) = P(Z1 <= q_05, Z2 >= z), B_hi(z) = P(Z1 >= q_95, Z2 >= z) on z in
  // [q_05, q_95] at steps of 1/64, with their derivatives, for cubic Hermite interpolation.
  std::vector<double> b_lo, db_lo, b_hi, db_hi;
};

constexpr double kTailStep = 1.0 / 64.0;

// dB/dz = -phi(z) P(Z1 in tail | Z2 = z).
double tail_slope(double z, double rho, double s, bool upper) {
  const double q = upper ? level_z()[4] : level_z()[0];
  const double p = upper ? pmath::fast::normal_cdf((rho * z - q) / s)
                         : pmath::fast::normal_cdf((q - rho * z) / s);
  return -pmath::fast::normal_pdf(z) * p;
}

// Tables of B_lo and B_hi: integrate -dB/dz downwards from z = 8.5 (B = 0 there, to 2e-17).
void build_tail_tables(Grid& g) {
  const auto& q = level_z();
  const int steps = static_cast<int>(std::ceil((q[4] - q[0]) / kTailStep));
  for (bool upper : {false, true}) {
    std::vector<double> b(steps + 1), db(steps + 1);
    auto integral = [&](double from, double to) {  // of -dB/dz over [from, to]
      std::vector<GlNode> nodes;
      add_nodes(nodes, from, to);
      double sum = 0;
      for (const GlNode& n : nodes) sum -= n.w * tail_slope(n.x, g.rho, g.s, upper);
      return sum;
    };
    const double top = q[0] + steps * kTailStep;
    double acc = integral(top, 4.0) + integral(4.0, kZMax);
    for (int k = steps; k >= 0; --k) {
      const double z = q[0] + k * kTailStep;
      if (k < steps) acc += integral(z, z + kTailStep);
      b[k] = acc;
      db[k] = tail_slope(z, g.rho, g.s, upper);
    }
    (upper ? g.b_hi : g.b_lo) = std::move(b);
    (upper ? g.db_hi : g.db_lo) = std::move(db);
  }
}

// Cubic Hermite interpolation of a tail table at z in [q_05, q_95].
double tail_table(const std::vector<double>& b, const std::vector<double>& db, double z) {
  const double x = (z - level_z()[0]) / kTailStep;
  const int last = static_cast<int>(b.size()) - 2;
  const int k = std::min(std::max(static_cast<int>(std::floor(x)), 0), last);
  const double t = x - k;
  const double h00 = (1 + 2 * t) * (1 - t) * (1 - t), h10 = t * (1 - t) * (1 - t);
  const double h01 = t * t * (3 - 2 * t), h11 = t * t * (t - 1);
  return h00 * b[k] + h10 * kTailStep * db[k] + h01 * b[k + 1] + h11 * kTailStep * db[k + 1];
}

std::vector<GlNode> tail_nodes(double from, double to) {
  std::vector<GlNode> nodes;
  const double split1 = from + 0.45 * (to - from);
  const double split2 = from + 0.75 * (to - from);
  add_nodes(nodes, from, split1);
  add_nodes(nodes, split1, split2);
  add_nodes(nodes, split2, to);
  for (GlNode& n : nodes) n.w *= pmath::normal_pdf(n.x);
  return nodes;
}

const Grid& grid_for(double rho) {
  static Grid g;  // the engine is single-threaded (wasm) or used so by the CLI and tests
  if (g.rho == rho) return g;
  const auto& q = level_z();
  g = Grid{};
  g.rho = rho;
  g.s = std::sqrt(1.0 - rho * rho);
  g.tail_lo = tail_nodes(-kZMax, q[0]);
  g.tail_hi = tail_nodes(q[4], kZMax);
  g.outer = g.tail_lo;
  for (std::size_t k = 0; k + 1 < q.size(); ++k) {
    std::vector<GlNode> seg;
    add_nodes(seg, q[k], q[k + 1]);
    for (GlNode& n : seg) g.outer.push_back({n.x, n.w * pmath::normal_pdf(n.x)});
    add_nodes(g.inner, q[k], q[k + 1]);
  }
  g.outer.insert(g.outer.end(), g.tail_hi.begin(), g.tail_hi.end());
  build_tail_tables(g);
  for (const GlNode& n : g.outer) g.outer_u.push_back(pmath::normal_cdf(n.x));
  for (const GlNode& n : g.inner) g.inner_u.push_back(pmath::normal_cdf(n.x));
  for (const GlNode& o : g.outer) {
    const double c = rho * o.x;
    for (const GlNode& n : g.inner)
      g.kernel.push_back(n.w * pmath::normal_pdf((n.x - c) / g.s) / g.s);
    g.below.push_back(pmath::normal_cdf((q[0] - c) / g.s));
    g.above.push_back(pmath::normal_cdf((c - q[4]) / g.s));
  }
  return g;
}

double covariance_l_g(const Quantiles& ttft, const Quantiles& tps, double mean_l, double mean_g,
                      const Grid& g) {
  std::vector<double> inner_g(g.inner.size());
  for (std::size_t j = 0; j < g.inner.size(); ++j)
    inner_g[j] = 1.0 / marginal_at(tps, g.inner_u[j]);
  double cov = 0, mass = 0;
  for (std::size_t i = 0; i < g.outer.size(); ++i) {
    double h = g.below[i] / tps[0] + g.above[i] / tps[4];
    const double* k = &g.kernel[i * g.inner.size()];
    for (std::size_t j = 0; j < inner_g.size(); ++j) h += k[j] * inner_g[j];
    cov += g.outer[i].w * (marginal_at(ttft, g.outer_u[i]) - mean_l) * (h - mean_g);
    mass += g.outer[i].w;
  }
  return cov / mass;
}

// Smallest u in [0.05, 0.95] with Q(u) >= v, for q[0] < v <= q[4].
double inverse_at_least(const Quantiles& q, double v) {
  std::size_t k = 0;
  while (q[k + 1] < v) ++k;
  const double span = q[k + 1] - q[k];
  const double f = span > 0 ? (v - q[k]) / span : 0.0;
  return kLevels[k] + f * (kLevels[k + 1] - kLevels[k]);
}

struct CdfContext {
  const Quantiles& ttft;
  const Quantiles& tps;
  double output_tokens;
  const Grid& g;
};

// P(R >= r | Z1 = z1).
double speed_at_least(const CdfContext& c, double r, double z1) {
  if (r <= c.tps[0]) return 1.0;
  if (r > c.tps[4]) return 0.0;
  const double z_star = pmath::fast::normal_quantile(inverse_at_least(c.tps, r));
  return pmath::fast::normal_cdf((c.g.rho * z1 - z_star) / c.g.s);
}

double needed_speed(const CdfContext& c, double t, double l) {
  return t > l ? c.output_tokens / (t - l) : std::numeric_limits<double>::infinity();
}

// The part of F(t) from one tail of L (Z1 below q_05 or above q_95, L constant there):
// P(Z1 in tail, R >= r) = P(Z1 in tail, Z2 >= z*), read from the tail table.
double tail_part(const CdfContext& c, bool upper, double t) {
  const double r = needed_speed(c, t, upper ? c.ttft[4] : c.ttft[0]);
  if (r <= c.tps[0]) return 1.0 - kLevels[4];  // the tail's whole mass (0.05 each side)
  if (r > c.tps[4]) return 0.0;
  const double z_star = pmath::fast::normal_quantile(inverse_at_least(c.tps, r));
  return upper ? tail_table(c.g.b_hi, c.g.db_hi, z_star) : tail_table(c.g.b_lo, c.g.db_lo, z_star);
}

double cdf(const CdfContext& c, double t) {
  double total = tail_part(c, false, t) + tail_part(c, true, t);
  // Inside: u1 in [0.05, 0.95], split at the levels and where t - L(u1) = O / R_k.
  std::vector<double> cuts(kLevels.begin(), kLevels.end());
  for (double r : c.tps) {
    const double l = t - c.output_tokens / r;
    if (l > c.ttft[0] && l < c.ttft[4]) cuts.push_back(inverse_at_least(c.ttft, l));
  }
  std::sort(cuts.begin(), cuts.end());
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    if (!(cuts[k + 1] > cuts[k])) continue;
    const double mid = 0.5 * (cuts[k] + cuts[k + 1]);
    const double half = 0.5 * (cuts[k + 1] - cuts[k]);
    // Short pieces (less than 0.04 of probability) are nearly linear: 2 points suffice.
    const bool short_piece = half < 0.02;
    for (std::size_t j = short_piece ? 4 : 0; j < (short_piece ? 6 : 4); ++j) {
      const GlNode& g = j < 4 ? kGl4[j] : kGl2[j - 4];
      const GlNode n{mid + half * g.x, half * g.w};
      const double r = needed_speed(c, t, marginal_at(c.ttft, n.x));
      if (r > c.tps[4]) continue;
      total +=
          n.w * (r <= c.tps[0] ? 1.0 : speed_at_least(c, r, pmath::fast::normal_quantile(n.x)));
    }
  }
  return total;
}

// Smallest t with F(t) >= p on [lo, hi] (F(hi) = 1), starting from a guess inside.
// Secant steps kept inside the bracket (false position, then bisection, as fallbacks);
// stops when F is within 2e-8 of p (t then within about 1e-6 relative) or the bracket
// is 1e-7 relative wide. F may jump (atoms where a tail of L meets a tail of R): the
// bracket then closes on the jump and hi is returned.
double percentile(const CdfContext& c, double p, double lo, double hi, double guess) {
  double f_lo = -p;  // F(lo) >= 0 is only used to place the false-position point
  double f_hi = 1.0 - p;
  double t = std::min(std::max(guess, lo + 0.02 * (hi - lo)), hi - 0.02 * (hi - lo));
  double t_prev = 0, f_prev = 0;
  bool has_prev = false;
  for (int it = 0; it < 100 && hi - lo > 1e-7 * hi; ++it) {
    const double f = cdf(c, t) - p;
    if (std::fabs(f) < 2e-8) return t;
    if (f >= 0) {
      hi = t;
      f_hi = f;
    } else {
      lo = t;
      f_lo = f;
    }
    double next = has_prev && f != f_prev ? t - f * (t - t_prev) / (f - f_prev) : 0.0;
    const double margin = 1e-3 * (hi - lo);
    if (!(next > lo + margin && next < hi - margin)) next = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    if (!(next > lo + margin && next < hi - margin)) next = 0.5 * (lo + hi);
    t_prev = t;
    f_prev = f;
    has_prev = true;
    t = next;
  }
  return hi;
}

}  // namespace

TimeStats copula_quadrature(const PromptInputs& in, double rho) {
  const Quantiles ttft = sorted(in.ttft_s);
  Quantiles tps = sorted(in.tps);
  for (double& r : tps) r = std::max(r, kMinTps);
  const double o = in.output_tokens;
  const Grid& g = grid_for(rho);
  TimeStats out;
  out.ttft_mean_s = marginal_mean(ttft);
  out.inv_tps_mean = marginal_inverse_mean(tps);
  out.mean_s = out.ttft_mean_s + o * out.inv_tps_mean;
  const double var_l =
      std::max(0.0, marginal_second_moment(ttft) - out.ttft_mean_s * out.ttft_mean_s);
  const double var_g =
      std::max(0.0, marginal_inverse_second_moment(tps) - out.inv_tps_mean * out.inv_tps_mean);
  const double cov = covariance_l_g(ttft, tps, out.ttft_mean_s, out.inv_tps_mean, g);
  out.sd_s = std::sqrt(std::max(0.0, var_l + o * o * var_g + 2.0 * o * cov));
  const CdfContext c{ttft, tps, o, g};
  const double t_min = ttft[0] + o / tps[4];
  const double t_max = ttft[4] + o / tps[0];
  if (!(t_max > t_min)) {
    out.p5_s = out.p50_s = out.p95_s = t_min;
    return out;
  }
  // First guesses from a normal approximation of T; the bracket does the rest.
  // First guesses from a normal approximation of T; the bracket does the rest.
  out.p5_s = percentile(c, 0.05, t_min, t_max, out.mean_s - 1.645 * out.sd_s);
  out.p50_s = percentile(c, 0.50, out.p5_s, t_max, out.mean_s);
  out.p95_s = percentile(c, 0.95, out.p50_s, t_max, out.mean_s + 1.645 * out.sd_s);
  return out;
}

}  // namespace llmfp::footprint
