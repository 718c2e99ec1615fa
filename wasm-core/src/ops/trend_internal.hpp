// Internal to op "trend" (trend.cpp, trend_request.cpp): the daily model files and the
// request's selection and method as plain structs.
#pragma once

#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "llmfp/footprint_data.hpp"
#include "llmfp/json_in.hpp"

namespace llmfp::ops::trend_op {

/// Days estimated per request (82 models x 4 prompt sizes x 314 days is about 103,000).
constexpr std::size_t kMaxRows = 120000;
/// The authors' published values of a day, in this order.
inline constexpr const char* kPublished[] = {"energy_wh_mean", "energy_wh_sd",  "water_ml_mean",
                                             "water_ml_sd",    "carbon_g_mean", "carbon_g_sd"};

struct Day {
  long long day = 0;
  std::string date, method;  // method: "grid" or "v6", as the authors ran it that day
  std::size_t config = 0;
  footprint::PromptInputs inputs;
  std::optional<std::array<double, 6>> published;
};

struct Series {
  std::string prompt;
  std::optional<double> input_tokens;
  double output_tokens = 0;
  std::vector<Day> days;
};

struct ModelFile {
  std::string model, company;
  std::vector<dataset::ModelRow> configs;  // one row per configuration (no prompts)
  std::vector<Series> series;
};

struct Settings {
  std::string estimator = "as_published";
  double w_max = 0.5, rho = -0.3;
};

struct Selection {
  std::optional<std::set<std::string>> models, prompts;
  long long from = -1000000000, to = 1000000000;
  bool model(const std::string& m) const { return !models || models->count(m) > 0; }
  bool prompt(const std::string& p) const { return !prompts || prompts->count(p) > 0; }
};

/// The request's "dataset": one model's daily file or a list of them.
std::vector<ModelFile> read_dataset(const Obj& request);
/// "select", "from" and "to" (names checked against the files; the size limit).
Selection read_selection(const Obj& request, const std::vector<ModelFile>& files);
/// "method": {"estimator": "as_published" | "v6" | "v4", "w_max", "rho"}.
Settings read_method(const std::optional<Obj>& m);

}  // namespace llmfp::ops::trend_op
