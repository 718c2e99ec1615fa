// Distribution functions of the group tests (stats_dist.hpp), on pmath only.
//
// Regularized incomplete beta (e.g. Abramowitz & Stegun 26.5.8):
//   I_x(a, b) = x^a (1-x)^b / (a B(a, b)) * 1 / (1 + d1 / (1 + d2 / (1 + ...))),
//   d_{2m+1} = -(a+m)(a+b+m) x / ((a+2m)(a+2m+1)),  d_{2m} = m(b-m) x / ((a+2m-1)(a+2m)),
//   evaluated by the modified Lentz method for x < (a+1)/(a+b+2), else through
//   I_x(a, b) = 1 - I_{1-x}(b, a). log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a+b).
// F: P(F > f) = I_{d2/(d2+d1 f)}(d2/2, d1/2).  t: P(|T| > t) = I_{df/(df+t^2)}(df/2, 1/2).
//
// Studentized range (Tukey 1953; the integral form used by e.g. Lund & Lund 1983):
//   P(Q <= q; k, inf) = k Int phi(z) [Phi(z) - Phi(z - q)]^(k-1) dz
//   P(Q <= q; k, df)  = Int_0^inf f_df(s) P(Q <= q s; k, inf) ds,
//   f_df(s) = 2 (df/2)^(df/2) / Gamma(df/2) s^(df-1) exp(-df s^2 / 2)   (s = sqrt(chi2/df)).
// Both integrals by composite 16-point Gauss-Legendre: z over [-8.5, 8.5] in 9 panels
// (phi < 3e-16 outside), s over the interval where log f_df is within 37 of its maximum,
// in 8 panels (24 for df < 10). Phi in the inner loop is pmath::fast::normal_cdf. Checked against
// SciPy's studentized_range to < 1e-8 absolute (tests/cpp/test_stats.cpp).
#include <cmath>
#include <limits>
#include <vector>

#include "llmfp/pmath.hpp"
#include "llmfp/stats_dist.hpp"

namespace llmfp::stats {

namespace pm = llmfp::pmath;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Positive half of the 16-point Gauss-Legendre rule on [-1, 1]: {node, weight}.
constexpr double kGauss16[8][2] = {
    {0.095012509837637454, 0.18945061045506859}, {0.28160355077925892, 0.18260341504492361},
    {0.45801677765722737, 0.16915651939500262},  {0.61787624440264377, 0.14959598881657676},
    {0.755404408355003, 0.12462897125553403},    {0.86563120238783176, 0.095158511682492591},
    {0.9445750230732326, 0.062253523938647706},  {0.98940093499164994, 0.027152459411754037}};

// Continued fraction of I_x(a, b) (without its prefactor), modified Lentz.
double beta_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEps = 1e-16;
  auto guard = [](double v) { return std::fabs(v) < kTiny ? kTiny : v; };
  double c = 1.0;
  double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
  double h = d;
  for (int m = 1; m <= 200000; ++m) {
    const double m2 = 2.0 * m;
    double num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 / guard(1.0 + num * d);
    c = guard(1.0 + num / c);
    h *= d * c;
    num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 / guard(1.0 + num * d);
    c = guard(1.0 + num / c);
    const double step = d * c;
    h *= step;
    if (std::fabs(step - 1.0) < kEps) break;
  }
  return h;
}

constexpr int kInnerPanels = 9;  // z in [-8.5, 8.5]: 144 nodes
// s: 128 nodes; 384 for df < 10, where the chi density is wide and P(Q <= q s) turns
// from 0 to 1 inside it.
constexpr int kOuterPanels = 8;
constexpr int kOuterPanelsSmallDf = 24;

double log_beta(double a, double b) { return pm::lgamma(a) + pm::lgamma(b) - pm::lgamma(a + b); }

// One panel set of Gauss-Legendre: integral of f over [lo, hi] split into `panels`.
template <class F>
double gauss_legendre(F&& f, double lo, double hi, int panels) {
  const double width = (hi - lo) / panels;
  double total = 0.0;
  for (int p = 0; p < panels; ++p) {
    const double mid = lo + (p + 0.5) * width;
    const double half = 0.5 * width;
    double sum = 0.0;
    for (const auto& nw : kGauss16) {
      sum += nw[1] * (f(mid - half * nw[0]) + f(mid + half * nw[0]));
    }
    total += sum * half;
  }
  return total;
}

// x^n for a whole n >= 0 by binary powering (exact operations only), else exp(n log x).
double power(double x, double n) {
  if (x <= 0.0) return 0.0;
  if (n != std::floor(n) || n > 1e6) return pm::exp(n * pm::log(x));
  double result = 1.0;
  auto e = static_cast<unsigned long>(n);
  while (e > 0) {
    if (e & 1ul) result *= x;
    x *= x;
    e >>= 1ul;
  }
  return result;
}

// Nodes of the inner integral over z, with phi(z) * weight and Phi(z) precomputed.
struct InnerRule {
  std::vector<double> z;
  std::vector<double> weighted_pdf;
  std::vector<double> cdf;
};

InnerRule make_inner_rule(double lo, double hi, int panels) {
  InnerRule rule;
  const double width = (hi - lo) / panels;
  const double half = 0.5 * width;
  for (int p = 0; p < panels; ++p) {
    const double mid = lo + (p + 0.5) * width;
    for (const auto& nw : kGauss16) {
      for (double z : {mid - half * nw[0], mid + half * nw[0]}) {
        rule.z.push_back(z);
        rule.weighted_pdf.push_back(nw[1] * half * pm::normal_pdf(z));
        rule.cdf.push_back(pm::normal_cdf(z));
      }
    }
  }
  return rule;
}

const InnerRule& inner_rule() {
  static const InnerRule rule = make_inner_rule(-8.5, 8.5, kInnerPanels);
  return rule;
}

// P(Q <= w; k, inf) = k Int phi(z) [Phi(z) - Phi(z - w)]^(k-1) dz.
double range_cdf_infinite_df(double w, double k) {
  if (w <= 0.0) return 0.0;
  const InnerRule& rule = inner_rule();
  double sum = 0.0;
  for (std::size_t i = 0; i < rule.z.size(); ++i) {
    const double inside = rule.cdf[i] - pm::fast::normal_cdf(rule.z[i] - w);
    if (inside > 0.0) sum += rule.weighted_pdf[i] * power(inside, k - 1.0);
  }
  const double p = k * sum;
  return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p);
}

// Solves g(s) = target on [lo, hi] (g monotone there) by bisection.
template <class G>
double bisect(G&& g, double lo, double hi, double target) {
  const bool rising = g(hi) > g(lo);
  for (int i = 0; i < 200 && hi - lo > 1e-15 * (1.0 + hi); ++i) {
    const double mid = 0.5 * (lo + hi);
    if ((g(mid) < target) == rising) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

}  // namespace

double beta_inc(double a, double b, double x, double y, bool upper) {
  if (!(a > 0.0) || !(b > 0.0) || std::isnan(x) || std::isnan(y)) return kNaN;
  if (x <= 0.0) return upper ? 1.0 : 0.0;
  if (y <= 0.0) return upper ? 0.0 : 1.0;
  const double front = pm::exp(a * pm::log(x) + b * pm::log(y) - log_beta(a, b));
  if (x < (a + 1.0) / (a + b + 2.0)) {
    const double lower = front * beta_fraction(a, b, x) / a;
    return upper ? 1.0 - lower : lower;
  }
  const double up = front * beta_fraction(b, a, y) / b;
  return upper ? up : 1.0 - up;
}

double f_sf(double f, double d1, double d2) {
  if (std::isnan(f) || !(d1 > 0.0) || !(d2 > 0.0)) return kNaN;
  if (f <= 0.0) return 1.0;
  if (std::isinf(f)) return 0.0;
  const double denom = d2 + d1 * f;
  return beta_inc(0.5 * d2, 0.5 * d1, d2 / denom, d1 * f / denom);
}

double t_two_sided_p(double t, double df) {
  if (std::isnan(t) || !(df > 0.0)) return kNaN;
  if (std::isinf(t)) return 0.0;
  const double t2 = t * t;
  return beta_inc(0.5 * df, 0.5, df / (df + t2), t2 / (df + t2));
}

double t_cdf(double t, double df) {
  const double tail = 0.5 * t_two_sided_p(t, df);  // P(T > |t|)
  return t > 0.0 ? 1.0 - tail : tail;
}

double t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0) || !(df > 0.0)) return kNaN;
  if (p == 0.5) return 0.0;
  // Bracket, then bisection on the monotone cdf (about 60 halvings to full precision).
  double lo = -1.0;
  double hi = 1.0;
  for (int i = 0; i < 2000 && t_cdf(lo, df) > p; ++i) lo *= 2.0;
  for (int i = 0; i < 2000 && t_cdf(hi, df) < p; ++i) hi *= 2.0;
  return bisect([df](double t) { return t_cdf(t, df); }, lo, hi, p);
}

double studentized_range_cdf(double q, double k, double df) {
  if (std::isnan(q) || !(k >= 2.0) || !(df >= 1.0)) return kNaN;
  if (q <= 0.0) return 0.0;
  if (std::isinf(q)) return 1.0;
  if (df > 1e5) return range_cdf_infinite_df(q, k);
  const double half = 0.5 * df;
  const double log_c = pm::kLn2 + half * pm::log(half) - pm::lgamma(half);
  const auto log_f = [df, log_c](double s) {
    return log_c + (df - 1.0) * pm::log(s) - 0.5 * df * s * s;
  };
  const double mode = std::sqrt((df - 1.0) / df);
  const double peak = mode > 0.0 ? log_f(mode) : log_c;
  const double floor_value = peak - 37.0;
  double lo = 0.0;
  if (mode > 0.0 && log_f(1e-300) < floor_value) lo = bisect(log_f, 1e-300, mode, floor_value);
  double hi = mode + 1.0;
  while (log_f(hi) > floor_value) hi *= 2.0;
  hi = bisect(log_f, mode > 0.0 ? mode : 1e-300, hi, floor_value);
  const auto integrand = [&](double s) {
    if (s <= 0.0) return 0.0;
    return pm::exp(log_f(s)) * range_cdf_infinite_df(q * s, k);
  };
  const double p =
      gauss_legendre(integrand, lo, hi, df < 10.0 ? kOuterPanelsSmallDf : kOuterPanels);
  return p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p);
}

double studentized_range_sf(double q, double k, double df) {
  const double c = studentized_range_cdf(q, k, df);
  return std::isnan(c) ? c : 1.0 - c;
}

double studentized_range_quantile(double p, double k, double df) {
  if (!(p > 0.0 && p < 1.0) || !(k >= 2.0) || !(df >= 1.0)) return kNaN;
  double lo = 0.0;
  double hi = 1.0;
  double f_lo = -p;
  double f_hi = studentized_range_cdf(hi, k, df) - p;
  for (int i = 0; i < 60 && f_hi < 0.0; ++i) {
    lo = hi;
    f_lo = f_hi;
    hi *= 2.0;
    f_hi = studentized_range_cdf(hi, k, df) - p;
  }
  // Illinois (modified regula falsi): superlinear, always bracketed.
  int side = 0;
  for (int i = 0; i < 100 && hi - lo > 1e-13 * hi; ++i) {
    const double x = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    const double fx = studentized_range_cdf(x, k, df) - p;
    if (fx == 0.0) return x;
    if ((fx < 0.0) == (f_lo < 0.0)) {
      lo = x;
      f_lo = fx;
      if (side == -1) f_hi *= 0.5;
      side = -1;
    } else {
      hi = x;
      f_hi = fx;
      if (side == 1) f_lo *= 0.5;
      side = 1;
    }
  }
  return 0.5 * (lo + hi);
}

}  // namespace llmfp::stats
