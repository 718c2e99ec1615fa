// Reading the overrides object and writing the boundary block: see overrides_json.hpp.
// The order in which overrides apply is in overrides.cpp.
#include "overrides_json.hpp"

#include "llmfp/dataset.hpp"

namespace llmfp::footprint {
namespace {

std::optional<Quantiles> read_quantiles(const Obj& o, const char* key, Range range) {
  if (!o.has(key)) return std::nullopt;
  Quantiles q{};
  if (o.raw()[key].is_number()) {
    q.fill(o.number(key, range));  // one number: the same at every percentile
    return q;
  }
  Arr a = o.array(key);
  a.require_size(5, 5);
  for (std::size_t i = 0; i < 5; ++i) q[i] = dataset::read_percentile(a, i, key, range);
  return q;
}

}  // namespace

Overrides read_overrides(const Obj& o) {
  o.only({"hardware",
          "size_class",
          "gpus",
          "batch_size",
          "p_gpu_kw",
          "p_nongpu_kw",
          "u_gpu_min",
          "u_gpu_max",
          "u_nongpu",
          "host",
          "multipliers",
          "region",
          "pue",
          "wue_site_l_per_kwh",
          "wue_source_l_per_kwh",
          "cif_kg_per_kwh",
          "output_tokens",
          "ttft_s",
          "tps",
          "boundary",
          "water_scope",
          "carbon_basis",
          "market_cif_kg_per_kwh"});
  Overrides ov;
  auto str = [&o](const char* k) -> std::optional<std::string> {
    return o.has(k) ? std::optional<std::string>(o.string(k)) : std::nullopt;
  };
  ov.hardware = str("hardware");
  ov.size_class = str("size_class");
  ov.host = str("host");
  ov.region = str("region");
  if (o.has("multipliers")) ov.multipliers = o.string("multipliers");
  if (o.has("gpus")) ov.gpus = static_cast<double>(o.integer("gpus", 1, 1024));
  ov.batch_size = o.number_opt("batch_size", Range::closed(1, 4096));
  ov.p_gpu_kw = o.number_opt("p_gpu_kw", Range{0, 1e4, true});
  ov.p_nongpu_kw = o.number_opt("p_nongpu_kw", Range::closed(0, 1e4));
  ov.u_gpu_min = o.number_opt("u_gpu_min", Range::unit());
  ov.u_gpu_max = o.number_opt("u_gpu_max", Range::unit());
  ov.u_nongpu = o.number_opt("u_nongpu", Range::unit());
  ov.pue = o.number_opt("pue", Range::closed(1, 5));
  ov.wue_site_l_per_kwh = o.number_opt("wue_site_l_per_kwh", Range::closed(0, 1000));
  ov.wue_source_l_per_kwh = o.number_opt("wue_source_l_per_kwh", Range::closed(0, 1000));
  ov.cif_kg_per_kwh = o.number_opt("cif_kg_per_kwh", Range::closed(0, 10));
  ov.output_tokens = o.number_opt("output_tokens", Range{0, 1e7, true});
  ov.ttft_s = read_quantiles(o, "ttft_s", Range::closed(0, 1e5));
  ov.tps = read_quantiles(o, "tps", Range::closed(1e-3, 1e7));
  if (o.has("boundary")) ov.boundary = o.choice("boundary", {"accelerator", "it", "facility"});
  if (o.has("water_scope")) ov.water_scope = o.choice("water_scope", {"site", "site_and_source"});
  if (o.has("carbon_basis")) ov.carbon_basis = o.choice("carbon_basis", {"location", "market"});
  ov.market_cif_kg_per_kwh = o.number_opt("market_cif_kg_per_kwh", Range::closed(0, 10));
  const bool market = ov.carbon_basis == "market";
  if (market && !ov.market_cif_kg_per_kwh) {
    fail(code::kMissingField, pointer_child(o.path(), "market_cif_kg_per_kwh"),
         "carbon_basis \"market\" needs your market-based carbon factor in "
         "overrides.market_cif_kg_per_kwh (kg CO2e per kWh, e.g. from the provider's "
         "sustainability report): the engine has no market-based data");
  }
  if (!market && ov.market_cif_kg_per_kwh) {
    fail(code::kInvalidValue, pointer_child(o.path(), "market_cif_kg_per_kwh"),
         "market_cif_kg_per_kwh is used only with carbon_basis \"market\"; add "
         "\"carbon_basis\": \"market\" or remove it");
  }
  if (market && ov.cif_kg_per_kwh) {
    fail(code::kInvalidValue, pointer_child(o.path(), "cif_kg_per_kwh"),
         "cif_kg_per_kwh (location-based) and carbon_basis \"market\" exclude each other; give "
         "the market-based factor in market_cif_kg_per_kwh and remove cif_kg_per_kwh");
  }
  return ov;
}

json boundary_json(const Resolved& r) {
  return {{"energy", r.boundary},
          {"water", r.water_scope},
          {"carbon", r.carbon_basis},
          {"kept",
           {{"gpu_power", true},
            {"non_gpu_power", r.boundary != "accelerator"},
            {"pue", r.boundary == "facility"},
            {"site_water", true},
            {"source_water", r.water_scope == "site_and_source"},
            {"location_carbon", r.carbon_basis == "location"}}},
          {"host_pue", r.host_pue}};
}

}  // namespace llmfp::footprint
