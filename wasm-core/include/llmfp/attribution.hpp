// Statistical hardware attribution (the paper's "statistical inference of hardware"):
// do hosts serving the same model differ in speed, and which hardware class does each
// host's speed, relative to a reference host of known hardware, point to?
// Plain structs, no JSON: the op is ops/attribute.cpp, the result's JSON form
// attribution_json.hpp.
#pragma once

#include <string>
#include <vector>

#include "llmfp/stats.hpp"

namespace llmfp::attribution {

/// One daily value of one host for one prompt size (e.g. median output speed).
struct Observation {
  std::string date;  // YYYY-MM-DD (compared as text)
  std::string prompt;
  std::string host;
  double value = 0.0;
};

/// A hardware class and the memory bandwidth of its GPU: token generation is memory-bound,
/// so speed on class h relative to class r is predicted as bandwidth_h / bandwidth_r.
struct Hypothesis {
  std::string hardware;
  double memory_bandwidth_tb_s = 0.0;
};

struct Settings {
  std::string reference_host;
  std::string reference_hardware;  // must be one of the hypotheses
  std::vector<Hypothesis> hypotheses;
  double alpha = 0.05;
  bool common_dates = true;  // keep dates on which every host has every prompt
  bool dedupe = false;       // drop a day whose value repeats the series' previous value
  bool log_scale = false;    // ANOVA and Tukey on log(value): damps outlier days
  double fit_tolerance =
      0.3;  // a hypothesis "fits" if |log(observed / predicted)| <= log(1 + this)
};

/// Summary of one host | prompt cell, with quartiles for box plots.
struct Cell {
  std::string host;
  std::string prompt;
  stats::GroupSummary summary;
  double q1 = 0.0;
  double q3 = 0.0;
};

/// Tukey pair between two hosts within one prompt size.
struct HostPair {
  std::string prompt;
  std::string host1;
  std::string host2;
  stats::TukeyPair pair;
};

struct HypothesisFit {
  std::string hardware;
  double predicted_ratio = 0.0;  // bandwidth / reference bandwidth
  double log_distance = 0.0;     // |log(observed ratio) - log(predicted ratio)|
};

/// One host against the reference host: median of paired (same date and prompt) speed
/// ratios and their interquartile range (robust to the source's spikes), the tests, the fits.
struct HostVerdict {
  std::string host;
  std::size_t n_pairs = 0;
  double ratio = 1.0;
  double ratio_lower = 1.0;
  double ratio_upper = 1.0;
  std::vector<std::pair<std::string, double>> ratio_by_prompt;
  std::vector<std::string> prompts_differing;  // Tukey rejects equality vs the reference
  bool differs = false;
  std::vector<HypothesisFit> fits;  // in hypothesis order
  std::string most_likely;          // reference hardware if the host does not differ
  bool fits_well = false;
};

struct Result {
  std::vector<std::string> hosts;
  std::vector<std::string> prompts;
  std::vector<std::string> dates;  // dates used, sorted
  std::size_t n = 0;
  std::size_t dropped_repeats = 0;
  bool two_way = false;
  stats::AnovaResult anova;
  stats::TukeyResult tukey;  // over all host | prompt cells; pairs kept: hosts within a prompt
  std::vector<HostPair> host_pairs;
  std::vector<Cell> cells;
  std::vector<HostVerdict> verdicts;  // every host but the reference
};

/// Where the inputs came from: the location (InputError path) of the errors infer()
/// reports, filled in by the caller (see stats::Where).
struct Where {
  std::string hosts;               // the hosts measured (fewer than 2)
  std::string reference_host;      // Settings::reference_host (no measurements)
  std::string reference_hardware;  // Settings::reference_hardware (not a hypothesis)
  std::string data;                // the observations (too few left after the selection)
  stats::Where values;             // the values of the ANOVA and Tukey (no spread)
};

/// Runs the tests and the inference; throws InputError (invalid_value, infeasible) when
/// the data cannot support them (fewer than 2 hosts, the reference host absent, ...).
Result infer(std::vector<Observation> observations, const Settings& settings, const Where& where);

}  // namespace llmfp::attribution
