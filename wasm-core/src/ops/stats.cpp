// op "stats": classical group tests on data given in the request (maths in src/stats/).
//
//   {"op": "stats", "test": "anova1", "y": [numbers], "a": [labels]}
//   {"op": "stats", "test": "anova2", "y": [...], "a": [...], "b": [...],
//    "interaction": true, "a_name": "host", "b_name": "prompt"}
//   {"op": "stats", "test": "tukey", "y": [...], "a": [...], "alpha": 0.05}
//   {"op": "stats", "test": "welch", "x": [numbers], "y": [numbers], "alpha": 0.05}
//
// Labels are strings (or integers); levels are sorted in byte order (as statsmodels).
// anova2 uses type II sums of squares (see src/stats/anova.cpp).
#include "llmfp/stats.hpp"

#include <string>

#include "llmfp/ops.hpp"
#include "llmfp/stats_json.hpp"

namespace llmfp::ops {

namespace {

constexpr std::size_t kMaxObservations = 2000000;
constexpr std::size_t kMaxLevels = 500;
constexpr std::size_t kMaxTukeyGroups = 60;  // 1770 pairs, each a numerical integral

std::vector<double> read_values(const Obj& request, const char* key, std::size_t min_n) {
  const Arr arr = request.array(key);
  arr.require_size(min_n, kMaxObservations);
  return arr.numbers();
}

stats::Factor read_labels(const Obj& request, const char* key, std::size_t n) {
  const Arr arr = request.array(key);
  if (arr.size() != n) {
    fail(code::kInvalidValue, arr.path(),
         std::string(key) + " must have one label per value of y (" + std::to_string(n) +
             "), got " + std::to_string(arr.size()));
  }
  stats::Factor f = stats::read_factor(arr);
  if (f.levels.size() > kMaxLevels) {
    fail(code::kTooLarge, arr.path(),
         std::string(key) + " has " + std::to_string(f.levels.size()) + " levels; the limit is " +
             std::to_string(kMaxLevels));
  }
  return f;
}

// Where the data came from: the request's fields, which the maths' errors name.
stats::Where where_of(const Obj& request) {
  return {request.at("y"), request.at("x"), request.at("a"), request.at("b")};
}

double read_alpha(const Obj& request) {
  return request.number_or("alpha", 0.05, Range{0.0, 1.0, true, true});
}

json run_anova1(const Obj& request) {
  request.only({"op", "test", "y", "a", "a_name"});
  stats::OneFactorData d;
  d.y = read_values(request, "y", 3);
  stats::Factor f = read_labels(request, "a", d.y.size());
  d.level = std::move(f.index);
  d.levels = std::move(f.levels);
  d.where = where_of(request);
  return to_json(stats::anova_one_way(d), request.string_or("a_name", "a"), "b");
}

json run_anova2(const Obj& request) {
  request.only({"op", "test", "y", "a", "b", "interaction", "a_name", "b_name"});
  stats::TwoFactorData d;
  d.y = read_values(request, "y", 3);
  stats::Factor fa = read_labels(request, "a", d.y.size());
  stats::Factor fb = read_labels(request, "b", d.y.size());
  d.a = std::move(fa.index);
  d.a_levels = std::move(fa.levels);
  d.b = std::move(fb.index);
  d.b_levels = std::move(fb.levels);
  d.where = where_of(request);
  const bool interaction = request.boolean_or("interaction", true);
  json out = to_json(stats::anova_two_way(d, interaction), request.string_or("a_name", "a"),
                     request.string_or("b_name", "b"));
  out["sum_of_squares"] = "type II";
  out["interaction"] = interaction;
  return out;
}

json run_tukey(const Obj& request) {
  request.only({"op", "test", "y", "a", "alpha"});
  stats::OneFactorData d;
  d.y = read_values(request, "y", 3);
  stats::Factor f = read_labels(request, "a", d.y.size());
  if (f.levels.size() > kMaxTukeyGroups) {
    fail(code::kTooLarge, request.at("a"),
         "Tukey HSD is limited to " + std::to_string(kMaxTukeyGroups) + " groups, got " +
             std::to_string(f.levels.size()));
  }
  d.level = std::move(f.index);
  d.levels = std::move(f.levels);
  d.where = where_of(request);
  return to_json(stats::tukey_hsd(d, read_alpha(request)));
}

json run_welch(const Obj& request) {
  request.only({"op", "test", "x", "y", "alpha"});
  const std::vector<double> x = read_values(request, "x", 2);
  const std::vector<double> y = read_values(request, "y", 2);
  return to_json(stats::welch_t_test(x, y, read_alpha(request), where_of(request)));
}

}  // namespace

json stats(const Obj& request) {
  const std::string test = request.choice("test", {"anova1", "anova2", "tukey", "welch"});
  json out;
  if (test == "anova1") out = run_anova1(request);
  if (test == "anova2") out = run_anova2(request);
  if (test == "tukey") out = run_tukey(request);
  if (test == "welch") out = run_welch(request);
  out["test"] = test;
  return out;
}

}  // namespace llmfp::ops
