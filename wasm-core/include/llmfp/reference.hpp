// The reference datasets as plain structs: hardware (node power, size classes and the
// coded utilisation per hardware family), hosts (PUE, WUE, CIF presets per host) and
// regions (providers and their regions), constants (equivalences, the case study). Each is read ONCE from the request by its reader
// (src/footprint/reference_json.cpp, the only code that walks their JSON); the overrides,
// the uncertainty defaults, validate_dataset and scale use these structs.
// Shapes: docs/datasets.md and public/data/schemas/.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "llmfp/footprint.hpp"
#include "llmfp/status.hpp"

namespace llmfp::reference {

/// One hardware class (hardware dataset, "hardware" list).
struct HardwareClass {
  std::string id, family;
  footprint::Node node;      // rated power of one node
  double gpus_per_node = 8;  // N
  std::string path;          // JSON pointer of the entry
};

/// One size class (hardware dataset, "size_classes" list).
struct SizeClass {
  std::string id;
  std::optional<double> gpus;  // G: GPUs serving one model (needed by gpus / batch_size)
  std::vector<std::pair<std::string, footprint::Utilisation>> utilisation;  // per family
  std::string path;
};

struct Hardware {
  std::vector<HardwareClass> hardware;
  std::vector<SizeClass> size_classes;
  std::string path;
};

/// One host's multipliers in a preset (hosts dataset).
struct HostValues {
  std::string host;
  footprint::Multipliers mult;
  bool dashboard_only = false;  // not one of the paper's hosts
  std::string path;
};

struct HostPreset {
  std::string id;
  std::vector<HostValues> hosts;
  std::string path;
};

struct Hosts {
  std::string default_preset = "v6";
  std::vector<HostPreset> presets;
  std::string path;
};

/// One region of a provider (regions dataset).
struct Region {
  std::string region;
  double wue_source_l_per_kwh = 0;
  double cif_kg_per_kwh = 0;
  double weight = 1;  // the provider's weight of the region in its mean
  std::string path;
};

/// A cloud provider: company-wide PUE and WUE_site, the hosts it runs, its regions.
struct Provider {
  std::string provider;
  double pue = 1, wue_site_l_per_kwh = 0;
  std::vector<std::string> hosts;
  std::vector<Region> regions;
  std::string path;
};

struct Regions {
  std::vector<Provider> providers;
  std::string path;
};

/// One equivalence of the constants dataset ("equivalences" and "everyday" lists).
struct Equivalence {
  std::string id, label, unit, applies_to, source;  // applies_to: energy, water or carbon
  double value = 0;
  std::string path;
};

using Shares = std::vector<std::pair<std::string, double>>;  // per prompt size, by name

/// The paper's GPT-4o case study (constants dataset, "case_study").
struct CaseStudy {
  Shares energy_wh_per_query_v4;
  double power_ratio_min_over_mean = 1, power_ratio_max_over_mean = 1;
  std::string host, host_preset;
  std::vector<std::string> notes;
  std::vector<std::pair<std::string, std::pair<double, double>>> published;  // annual_*: low, high
  std::optional<Shares> prompt_mix;
  std::optional<double> queries_2025;
  std::string path;
};

/// The constants dataset: equivalences and the case study.
struct Constants {
  std::vector<Equivalence> equivalences;  // "equivalences" then "everyday"
  std::optional<CaseStudy> case_study;
  std::string path;
};

/// The reference datasets a request passed (each may be absent).
struct Sets {
  std::optional<Hardware> hardware;
  std::optional<Hosts> hosts;
  std::optional<Regions> regions;
  std::string root;  // JSON pointer of the request holding them ("" at top level)
};

const HardwareClass* find_hardware(const Hardware& h, const std::string& id);
const SizeClass* find_size_class(const Hardware& h, const std::string& id);
const footprint::Utilisation* utilisation_of(const SizeClass& s, const std::string& family);
const HostPreset* find_preset(const Hosts& h, const std::string& id);
const HostValues* find_host(const HostPreset& p, const std::string& host);

/// A number read earlier, checked against a stricter range of one use: fails with the
/// message the JSON reader gives ("pue must be between 1 and 5, got 7") at `path`.
double within(double v, const std::string& path, Range range);

}  // namespace llmfp::reference
