// Time-series statistics of the trend op: see trend.hpp.
#include "llmfp/trend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "llmfp/pmath.hpp"

namespace llmfp::trend {

long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::optional<long long> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int y = std::stoi(text.substr(0, 4));
  const int m = std::stoi(text.substr(5, 2));
  const int d = std::stoi(text.substr(8, 2));
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int last = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > last) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string format_date(long long day) {
  const long long z = day + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = static_cast<long long>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", y, m, d);
  return buf;
}

Summary summarize(const std::vector<double>& means, const std::vector<double>& sds) {
  Summary s;
  s.days = means.size();
  if (s.days == 0) return s;
  double sum = 0;
  double sd_sum = 0;
  double sq_sum = 0;
  for (std::size_t i = 0; i < s.days; ++i) {
    sum += means[i];
    sd_sum += sds[i];
    sq_sum += sds[i] * sds[i];
  }
  const auto n = static_cast<double>(s.days);
  s.average = sum / n;
  s.intra_day_sd = sd_sum / n;
  if (s.days >= 2) {
    double ss = 0;
    for (double m : means) ss += (m - s.average) * (m - s.average);
    const double var = ss / (n - 1);
    s.day_to_day_sd = std::sqrt(var);
    s.pooled_sd = std::sqrt(sq_sum / n + var);
  }
  return s;
}

namespace {

double median_of(std::vector<double> v) {
  const std::size_t n = v.size();
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2), v.end());
  const double hi = v[n / 2];
  if (n % 2 == 1) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n / 2));
  return (lo + hi) / 2;
}

// Sum over groups of equal values of k (k - 1) (2k + 5): the tie term of Var(S).
double tie_term(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  double out = 0;
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i;
    while (j < v.size() && v[j] == v[i]) ++j;
    const auto k = static_cast<double>(j - i);
    out += k * (k - 1) * (2 * k + 5);
    i = j;
  }
  return out;
}

}  // namespace

std::optional<TheilSen> theil_sen(const std::vector<double>& x, const std::vector<double>& y,
                                  double confidence) {
  const std::size_t n = std::min(x.size(), y.size());
  std::vector<double> slopes;
  slopes.reserve(n * (n - (n > 0 ? 1 : 0)) / 2);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double dx = x[j] - x[i];
      if (dx != 0) slopes.push_back((y[j] - y[i]) / dx);
    }
  }
  if (slopes.empty()) return std::nullopt;
  std::sort(slopes.begin(), slopes.end());
  TheilSen t;
  t.n = n;
  t.confidence = confidence;
  const std::size_t m = slopes.size();
  t.slope = m % 2 == 1 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
  t.intercept =
      median_of(std::vector<double>(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(n))) -
      t.slope *
          median_of(std::vector<double>(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n)));
  const auto nn = static_cast<double>(n);
  const double var_s = (nn * (nn - 1) * (2 * nn + 5) -
                        tie_term({x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n)}) -
                        tie_term({y.begin(), y.begin() + static_cast<std::ptrdiff_t>(n)})) /
                       18;
  const double z = -pmath::normal_quantile((1 - confidence) / 2);
  const double sigma = std::sqrt(std::max(var_s, 0.0));
  const auto nt = static_cast<double>(m);
  const auto last = static_cast<long long>(m) - 1;
  const auto hi = std::min(static_cast<long long>(std::nearbyint((nt + z * sigma) / 2)), last);
  const auto lo = std::max(static_cast<long long>(std::nearbyint((nt - z * sigma) / 2)) - 1, 0LL);
  t.low = slopes[static_cast<std::size_t>(std::min(lo, last))];
  t.high = slopes[static_cast<std::size_t>(std::max(hi, 0LL))];
  return t;
}

}  // namespace llmfp::trend
