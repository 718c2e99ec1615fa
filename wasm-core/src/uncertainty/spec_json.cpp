// How each assumption varies: the "uncertain" object of the uncertainty / sensitivity
// request and the documented default ranges ("dist": "default", or "preset": "ranges").
//
// Default ranges and their sources:
//   latency_speed  v6 Gaussian copula, rho = -0.3 (paper v6, section 4.3)
//   w_max          uniform on [0, 1]: GPU utilisation anywhere between the coded bounds
//                  U_GPU,min and U_GPU,max (paper, utilisation table; the paper takes 0.5)
//   batch_size     4, 8 or 16 with equal weights: the batch sizes of the paper's batch-size
//                  appendix (utilisation derived by footprint::derive_utilisation)
//   pue            triangular (lowest, nominal, highest) PUE of the paper's hosts in the
//                  hosts dataset (v6: 1.12 .. 1.27): the published design value is a best case
//   wue_site_l_per_kwh  triangular likewise over the paper's hosts (v6: 0.18 .. 1.20 L/kWh)
//   region         the host's provider regions with the provider's weights (regions dataset:
//                  27 Azure regions, plain mean; 10 AWS regions, the authors' weights)
//   others         fixed: no published spread (gpus, output_tokens, p_gpu_kw, p_nongpu_kw,
//                  wue_source_l_per_kwh and cif_kg_per_kwh outside a region choice)
#include "spec_json.hpp"

#include <algorithm>
#include <cmath>

#include "request_json.hpp"

namespace llmfp::uq {

namespace {

// Allowed values of each scalar input (kScalarInputs order).
const Range kRanges[kScalarInputs.size()] = {
    Range::unit(),               // w_max
    Range::closed(1, 4096),      // batch_size
    Range::closed(1, 1024),      // gpus
    Range::closed(1, 5),         // pue
    Range::closed(0, 100),       // wue_site_l_per_kwh
    Range::closed(0, 100),       // wue_source_l_per_kwh
    Range::closed(0, 5),         // cif_kg_per_kwh
    {0.0, 1e6, true, false},     // output_tokens
    {0.0, 1000.0, true, false},  // p_gpu_kw
    Range::closed(0, 1000),      // p_nongpu_kw
};

json dist_json(const Distribution& d) {
  using K = Distribution::Kind;
  switch (d.kind) {
    case K::kFixed: return {{"dist", "fixed"}, {"value", d.value}};
    case K::kUniform: return {{"dist", "uniform"}, {"min", d.min}, {"max", d.max}};
    case K::kTriangular:
      return {{"dist", "triangular"}, {"min", d.min}, {"mode", d.mode}, {"max", d.max}};
    case K::kChoice: return {{"dist", "choice"}, {"options", d.options}, {"weights", d.weights}};
  }
  return nullptr;
}

Distribution read_choice(const Obj& spec, Range range) {
  spec.only({"dist", "options", "weights"});
  const Arr options = spec.array("options");
  options.require_size(1, 1000);
  std::vector<double> values = options.numbers(range);
  std::vector<double> weights(values.size(), 1.0);
  if (auto w = spec.array_opt("weights")) {
    if (w->size() != values.size()) {
      fail(code::kInvalidValue, w->path(),
           "weights has " + std::to_string(w->size()) + " entries but options has " +
               std::to_string(values.size()));
    }
    weights = w->numbers(Range::positive());
  }
  return Distribution::choice(values, weights);
}

}  // namespace

SpecResult read_scalar(const json& raw, const std::string& path, std::size_t i, double nominal,
                       const std::optional<Distribution>& fallback) {
  const Range range = kRanges[i];
  if (raw.is_number()) return {Distribution::fixed(as_number(raw, path, range)), false};
  if (!raw.is_object()) {
    fail(code::kWrongType, path,
         std::string(kScalarInputs[i]) + " must be a number (fixed) or an object such as " +
             R"({"dist": "uniform", "min": 1.1, "max": 1.3}, )" + "got " + describe_type(raw));
  }
  const Obj spec(raw, path);
  const std::string dist =
      spec.choice("dist", {"fixed", "uniform", "triangular", "choice", "default"});
  if (dist == "default") {
    spec.only({"dist"});
    if (!fallback) {
      fail(code::kInvalidValue, spec.at("dist"),
           std::string("there is no default range for ") + kScalarInputs[i] +
               " (no published spread, or a reference dataset is missing: see "
               "docs/uncertainty.md); give "
               "a uniform, triangular or choice distribution");
    }
    return {*fallback, true};
  }
  if (dist == "fixed") {
    spec.only({"dist", "value"});
    return {Distribution::fixed(spec.number_or("value", nominal, range)), false};
  }
  if (dist == "choice") return {read_choice(spec, range), false};
  if (dist == "uniform") spec.only({"dist", "min", "max"});
  if (dist == "triangular") spec.only({"dist", "min", "mode", "max"});
  const double lo = spec.number("min", range);
  const double hi = spec.number("max", range);
  if (lo > hi) {
    fail(code::kInvalidValue, spec.at("max"),
         "max (" + format_number(hi) + ") must not be below min (" + format_number(lo) + ")");
  }
  if (dist == "uniform") return {Distribution::uniform(lo, hi), false};
  const double mode = spec.number_or("mode", std::clamp(nominal, lo, hi), range);
  if (mode < lo || mode > hi) {
    fail(code::kOutOfRange, spec.at("mode"), "mode must lie between min and max");
  }
  return {Distribution::triangular(lo, mode, hi), false};
}

json describe_scalar(std::size_t i, const Distribution& d, double nominal, bool by_default,
                     const std::string& source) {
  json j = dist_json(d);
  j["name"] = kScalarInputs[i];
  j["nominal"] = nominal;
  j["low"] = d.low();
  j["high"] = d.high();
  j["mean"] = d.mean();
  j["default"] = by_default;
  if (!source.empty()) j["source"] = source;
  return j;
}

std::optional<Distribution> default_scalar(std::size_t i, double nominal, const HostSpread& hosts,
                                           bool have_hardware, std::string* source) {
  switch (i) {
    case kWMax:
      *source = "paper: utilisation between the coded bounds U_GPU,min and U_GPU,max";
      return Distribution::uniform(0.0, 1.0);
    case kBatch:
      if (!have_hardware) return std::nullopt;
      *source = "paper appendix: batch sizes 4, 8 and 16 (equal weights)";
      return Distribution::choice({4.0, 8.0, 16.0}, {1.0, 1.0, 1.0});
    case kPue:
    case kWueSite: {
      const auto& span = i == kPue ? hosts.pue : hosts.wue_site;
      if (!span) return std::nullopt;
      *source = std::string("hosts dataset: lowest to highest ") +
                (i == kPue ? "PUE" : "WUE_site") + " of the paper's hosts, mode at the nominal";
      const double lo = std::fmin(span->first, nominal);
      const double hi = std::fmax(span->second, nominal);
      return Distribution::triangular(lo, nominal, hi);
    }
    default: return std::nullopt;
  }
}

}  // namespace llmfp::uq
