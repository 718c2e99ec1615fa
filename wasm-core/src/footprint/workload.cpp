// Any workload: interpolation of latency and speed between a model's measured input
// lengths, hidden reasoning tokens and sessions (workload.hpp, docs/workloads.md).
#include "llmfp/workload.hpp"

#include <algorithm>
#include <cmath>

#include "llmfp/status.hpp"

namespace llmfp::footprint::workload {
namespace {

bool same_length(double a, double b) { return std::abs(a - b) <= 1e-12 * std::max(a, b); }

Quantiles lerp_quantiles(const Quantiles& a, const Quantiles& b, double t) {
  Quantiles out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = a[i] + t * (b[i] - a[i]);
  return out;
}

Point point_of(const Knot& k) { return {sorted(k.inputs.ttft_s), sorted(k.inputs.tps)}; }

// Beyond the longest measured length b (previous measured length a): L_p grows by the last
// segment's rise per factor of tokens (ln scale), or, with `plain`, by its slope per token
// (never falling either way); R_p follows the last segment's ratio as a power of tokens
// (never rising).
Point extrapolate_up(const Knot& a, const Knot& b, double n, bool plain) {
  const Point pa = point_of(a), pb = point_of(b);
  Point out = pb;
  const double span = b.input_tokens - a.input_tokens;
  const double octaves = std::log(n / b.input_tokens) / std::log(b.input_tokens / a.input_tokens);
  for (std::size_t i = 0; i < out.ttft_s.size(); ++i) {
    const double slope = std::max(0.0, (pb.ttft_s[i] - pa.ttft_s[i]) / span);
    out.ttft_s[i] = pb.ttft_s[i] + (plain ? slope * (n - b.input_tokens)
                                          : std::max(0.0, pb.ttft_s[i] - pa.ttft_s[i]) * octaves);
    const double ratio = std::min(1.0, pb.tps[i] / pa.tps[i]);
    out.tps[i] = pb.tps[i] * std::pow(ratio, octaves);
  }
  out.ttft_s = sorted(out.ttft_s);
  out.tps = sorted(out.tps);
  return out;
}

// Whether (n, O) is a measured shape read without any rule or override.
bool is_measured_shape(const std::vector<Knot>& ks, const Resolved& r, const Query& q) {
  if (r.ttft_at.position != Position::kMeasured || r.tps_at.position != Position::kMeasured) {
    return false;
  }
  return std::any_of(ks.begin(), ks.end(), [&q](const Knot& k) {
    return same_length(k.input_tokens, q.input_tokens) &&
           same_length(k.inputs.output_tokens, q.output_tokens);
  });
}

}  // namespace

std::string grouped(double n) {
  const bool negative = n < 0;
  const std::string digits = format_number(std::abs(std::round(n)));
  std::string out;
  const std::size_t len = digits.size();
  for (std::size_t i = 0; i < len; ++i) {
    out += digits[i];
    if (i + 1 < len && (len - i - 1) % 3 == 0 && digits.find_first_of("e.") == std::string::npos)
      out += ',';
  }
  return negative ? "-" + out : out;
}

double check_tokens(double v, const std::string& path, const char* key, double lo, double hi,
                    const char* what) {
  if (v < lo || v > hi || v != std::floor(v)) {
    fail(code::kOutOfRange, path,
         std::string(key) + " is " + (v == std::floor(v) ? grouped(v) : format_number(v)) + "; " +
             what + " must be a whole number from " + grouped(lo) + " to " + grouped(hi) +
             " tokens");
  }
  return v;
}

std::optional<double> known_input_tokens(const std::string& prompt) {
  if (prompt == "short") return 100.0;
  if (prompt == "medium") return 1000.0;
  if (prompt == "long") return 10000.0;
  if (prompt == "extra_long") return 100000.0;
  return std::nullopt;
}

std::vector<Knot> knots(const dataset::ModelRow& row, const std::vector<double>& input_tokens) {
  std::vector<Knot> out;
  for (std::size_t i = 0; i < row.prompts.size(); ++i) {
    const auto& p = row.prompts[i];
    std::optional<double> n = known_input_tokens(p.prompt);
    if (i < input_tokens.size() && input_tokens[i] > 0) n = input_tokens[i];
    if (!n) continue;
    const bool dup = std::any_of(out.begin(), out.end(),
                                 [&n](const Knot& k) { return same_length(k.input_tokens, *n); });
    if (!dup) out.push_back({*n, p.prompt, p.inputs});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Knot& a, const Knot& b) { return a.input_tokens < b.input_tokens; });
  return out;
}

Interpolated interpolate(const std::vector<Knot>& ks, double n) {
  Interpolated r;
  const Knot& first = ks.front();
  const Knot& last = ks.back();
  for (const auto& k : ks) {
    if (same_length(k.input_tokens, n)) {
      r.central = {k.inputs.ttft_s, k.inputs.tps};  // exactly as measured
      r.band_a = r.band_b = r.central;
      r.lower = r.upper = k.prompt;
      return r;
    }
  }
  if (n < first.input_tokens) {
    r.position = Position::kBelow;
    r.central = r.band_a = r.band_b = point_of(first);
    r.lower = r.upper = first.prompt;
    return r;
  }
  if (n > last.input_tokens) {
    r.position = Position::kAbove;
    r.lower = r.upper = last.prompt;
    r.band_a = point_of(last);  // held flat: the optimistic end of the band
    r.central = r.band_b = r.band_a;
    if (ks.size() > 1) {
      r.central = extrapolate_up(ks[ks.size() - 2], last, n, false);
      r.band_b = extrapolate_up(ks[ks.size() - 2], last, n, true);
    }
    r.weight = 1;
    return r;
  }
  std::size_t j = 1;
  while (ks[j].input_tokens < n) ++j;
  const Knot& a = ks[j - 1];
  const Knot& b = ks[j];
  const Point pa = point_of(a), pb = point_of(b);
  const double t = std::log(n / a.input_tokens) / std::log(b.input_tokens / a.input_tokens);
  const double t_lin = (n - a.input_tokens) / (b.input_tokens - a.input_tokens);
  r.position = Position::kBetween;
  r.lower = a.prompt;
  r.upper = b.prompt;
  r.weight = t;
  r.central = {lerp_quantiles(pa.ttft_s, pb.ttft_s, t), lerp_quantiles(pa.tps, pb.tps, t)};
  r.band_a = r.central;
  r.band_b = {lerp_quantiles(pa.ttft_s, pb.ttft_s, t_lin), lerp_quantiles(pa.tps, pb.tps, t_lin)};
  return r;
}

Resolved resolve(const std::vector<Knot>& ks, const Query& q, const Assumptions& a, double w_max,
                 const std::optional<Quantiles>& ttft_override,
                 const std::optional<Quantiles>& tps_override) {
  Resolved r;
  const bool explicit_reasoning = q.reasoning_tokens >= 0;
  const double out_tokens = q.output_tokens + (explicit_reasoning ? q.reasoning_tokens : 0.0);
  const double n = q.input_tokens;
  const double n_eff = q.uncached_tokens >= 0 ? std::min(q.uncached_tokens, n) : n;
  r.ttft_at = interpolate(ks, n_eff);
  r.tps_at = interpolate(ks, n);
  const auto make = [&](const Point& l, const Point& s) {
    PromptInputs in;
    in.output_tokens = out_tokens;
    in.ttft_s = l.ttft_s;
    in.tps = s.tps;
    if (explicit_reasoning) in.ttft_s = Quantiles{};  // thinking counted as tokens instead
    if (ttft_override) in.ttft_s = *ttft_override;
    if (tps_override) in.tps = *tps_override;
    return in;
  };
  Point ttft = r.ttft_at.central, tps = r.tps_at.central;
  // Monotone rule: a shorter measured length with a higher mean energy at this output
  // length wins (strictly higher, so a measured shape keeps its own measurements).
  double best = energy_wh_mean(make(ttft, tps), a, w_max);
  const Knot* winner = nullptr;
  const auto ttft_from = [&](const Knot& k, const Point& pk) {
    return k.input_tokens <= n_eff || same_length(k.input_tokens, n_eff) ? pk : r.ttft_at.central;
  };
  for (const auto& k : ks) {
    if (!q.monotone) break;
    if (k.input_tokens > n && !same_length(k.input_tokens, n)) continue;
    const Point pk{k.inputs.ttft_s, k.inputs.tps};
    const double e = energy_wh_mean(make(ttft_from(k, pk), pk), a, w_max);
    if (e > best * (1 + 1e-12)) {
      best = e;
      winner = &k;
    }
  }
  Point band_ttft[2] = {r.ttft_at.band_a, r.ttft_at.band_b};
  Point band_tps[2] = {r.tps_at.band_a, r.tps_at.band_b};
  if (winner) {
    r.basis = winner->prompt;
    const Point pk{winner->inputs.ttft_s, winner->inputs.tps};
    ttft = ttft_from(*winner, pk);
    tps = pk;
    band_ttft[0] = band_ttft[1] = ttft;
    band_tps[0] = band_tps[1] = tps;
  }
  r.inputs = make(ttft, tps);
  r.band_low = r.band_high = r.inputs;
  double lo = energy_wh_mean(r.inputs, a, w_max), hi = lo;
  for (const auto& l : band_ttft) {
    for (const auto& s : band_tps) {
      const PromptInputs in = make(l, s);
      const double e = energy_wh_mean(in, a, w_max);
      if (e < lo) {
        lo = e;
        r.band_low = in;
      }
      if (e > hi) {
        hi = e;
        r.band_high = in;
      }
    }
  }
  const bool plain =
      !winner && !explicit_reasoning && !ttft_override && !tps_override && same_length(n_eff, n);
  r.measured_shape = plain && is_measured_shape(ks, r, q);
  return r;
}

Query turn_query(const Session& s, std::size_t k, double cached_share) {
  double prefix = s.system_tokens;
  if (s.history) {
    for (std::size_t j = 0; j < k; ++j)
      prefix += s.turns[j].input_tokens + s.turns[j].output_tokens;
  }
  const Turn& t = s.turns[k];
  Query q;
  q.input_tokens = prefix + t.input_tokens;
  q.output_tokens = t.output_tokens;
  q.reasoning_tokens = t.reasoning_tokens;
  q.uncached_tokens = t.input_tokens + (1.0 - cached_share) * prefix;
  q.monotone = s.monotone;
  return q;
}

}  // namespace llmfp::footprint::workload
