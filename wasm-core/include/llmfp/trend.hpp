// Time-series statistics of the trend op (docs/trends.md): calendar days, the authors'
// monthly summary of daily values, and the Theil-Sen slope with Sen's interval.
// Plain structs only: ops/trend.cpp converts JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace llmfp::trend {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long days_from_civil(long long y, unsigned m, unsigned d);
/// "YYYY-MM-DD" -> days since 1970-01-01; nullopt unless a real calendar date.
std::optional<long long> parse_date(const std::string& text);
/// Days since 1970-01-01 -> "YYYY-MM-DD".
std::string format_date(long long day);

/// The authors' monthly analysis (monthly_analysis.py of their repository) of the days of
/// one group: the average of the daily means, the day-to-day SD (sample SD, ddof = 1, of
/// the daily means), the average intra-day SD (mean of the daily SDs) and the pooled SD
/// sqrt(mean(sd_i^2) + var(mean_i, ddof = 1)). With fewer than two days the two SDs that
/// need a variance are absent (the authors' NaN).
struct Summary {
  std::size_t days = 0;
  double average = 0;
  std::optional<double> day_to_day_sd;
  double intra_day_sd = 0;
  std::optional<double> pooled_sd;
};
/// means and sds of the same days (same size, at least one).
Summary summarize(const std::vector<double>& means, const std::vector<double>& sds);

/// Theil-Sen estimate of y = intercept + slope * x: the median of the pairwise slopes over
/// pairs with distinct x, intercept median(y) - slope * median(x), and Sen's (1968)
/// distribution-free interval from Kendall's S (normal approximation, tie-corrected), as
/// in scipy.stats.theilslopes.
struct TheilSen {
  double slope = 0, intercept = 0, low = 0, high = 0;
  double confidence = 0.95;
  std::size_t n = 0;
};
/// nullopt when fewer than two distinct x.
std::optional<TheilSen> theil_sen(const std::vector<double>& x, const std::vector<double>& y,
                                  double confidence = 0.95);

}  // namespace llmfp::trend
