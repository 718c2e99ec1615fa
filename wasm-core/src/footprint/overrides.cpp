// Overrides: see overrides.hpp. Order of application (later wins):
//   1. hardware / size_class   -> node power (hardware dataset) and the coded utilisation
//                                 of that size class on that hardware family
//   2. gpus / batch_size       -> utilisation derived by U = G * D / (N * B) (footprint.hpp)
//   3. p_gpu_kw ... u_nongpu   -> direct numbers
//   4. multipliers / host      -> PUE, WUE, CIF of a host preset (hosts dataset)
//   5. region                  -> company PUE and WUE_site, region WUE_source and CIF
//   6. pue ... cif_kg_per_kwh  -> direct numbers
//   7. output_tokens, ttft_s, tps (per prompt)
//   8. boundary / water_scope / carbon_basis (an extension beyond the paper): what the
//      numbers count. "it" drops the PUE (pue = 1), "accelerator" also the non-GPU power
//      (p_nongpu_kw = 0); water_scope "site" drops the water of electricity generation
//      (wue_source = 0); carbon_basis "market" replaces the CIF by the user's market-based
//      factor. Water and carbon then follow the paper's formulas on the counted energy.
#include "overrides.hpp"

#include <algorithm>

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

std::string need(const std::string& what, const char* dataset) {
  return "overrides." + what + " needs the " + dataset + " dataset in the request field \"" +
         dataset + "\"";
}

// The element of array `key` of `d` whose field `id_key` equals `id`, or nullopt.
std::optional<Obj> find_by(const Obj& d, const char* key, const char* id_key,
                           const std::string& id) {
  Arr a = d.array(key);
  for (std::size_t i = 0; i < a.size(); ++i) {
    Obj e = a.object(i);
    if (e.has(id_key) && e.raw()[id_key].is_string() && e.raw()[id_key].get<std::string>() == id) {
      return e;
    }
  }
  return std::nullopt;
}

void apply_hardware(const Overrides& ov, const References& refs, const std::string& base,
                    Resolved& r) {
  const bool table = ov.hardware || ov.size_class;
  const bool derive = ov.gpus || ov.batch_size;
  if (!table && !derive) return;
  const std::string first = ov.hardware     ? "hardware"
                            : ov.size_class ? "size_class"
                            : ov.gpus       ? "gpus"
                                            : "batch_size";
  if (!refs.hardware)
    fail(code::kMissingField, pointer_child(refs.root, "hardware"), need(first, "hardware"));
  const Obj& hw_set = *refs.hardware;
  auto hw = find_by(hw_set, "hardware", "id", r.hardware);
  if (!hw) {
    fail(ov.hardware ? code::kUnknownValue : code::kInvalidValue, pointer_child(base, first),
         "hardware \"" + r.hardware + "\" is not in the hardware dataset");
  }
  auto sc = find_by(hw_set, "size_classes", "id", r.size_class);
  if (!sc) {
    fail(ov.size_class ? code::kUnknownValue : code::kInvalidValue, pointer_child(base, first),
         "size class \"" + r.size_class + "\" is not in the hardware dataset");
  }
  const double gpus_per_node = hw->number_or("gpus_per_node", 8, Range::positive());
  auto& a = r.assumptions;
  if (table) {
    a.node = {hw->number("p_gpu_kw", Range::positive()),
              hw->number("p_nongpu_kw", Range::non_negative())};
    const std::string family = hw->string("family");
    Obj util = sc->object("utilisation");
    if (!util.has(family)) {
      fail(code::kInvalidValue, pointer_child(base, first),
           "the hardware dataset has no utilisation for size class \"" + r.size_class + "\" on " +
               family + " hardware (\"" + r.hardware + "\")");
    }
    Obj u = util.object(family);
    a.util = {u.number("u_gpu_min", Range::unit()), u.number("u_gpu_max", Range::unit()),
              u.number("u_nongpu", Range::unit())};
  }
  if (derive) {
    UtilisationBasis basis;
    basis.coded = a.util;
    basis.coded_gpus = sc->number("gpus", Range::positive());
    basis.gpus_per_node = gpus_per_node;
    r.gpus = ov.gpus.value_or(basis.coded_gpus);
    r.batch_size = ov.batch_size.value_or(basis.coded_batch);
    a.util = derive_utilisation(basis, *r.gpus, *r.batch_size);
  }
}

void apply_multipliers(const Overrides& ov, const References& refs, const std::string& base,
                       Resolved& r) {
  auto& m = r.assumptions.mult;
  if (ov.multipliers || ov.host) {
    const char* first = ov.host ? "host" : "multipliers";
    if (!refs.hosts)
      fail(code::kMissingField, pointer_child(refs.root, "hosts"), need(first, "hosts"));
    const std::string preset_id =
        ov.multipliers ? *ov.multipliers : refs.hosts->string_or("default_preset", "v6");
    auto preset = find_by(*refs.hosts, "presets", "id", preset_id);
    if (!preset) {
      fail(code::kUnknownValue, pointer_child(base, "multipliers"),
           "the hosts dataset has no preset \"" + preset_id + "\"");
    }
    auto host = find_by(*preset, "hosts", "host", r.host);
    if (!host) {
      fail(ov.host ? code::kUnknownValue : code::kInvalidValue, pointer_child(base, first),
           "host preset \"" + preset_id + "\" has no values for host \"" + r.host + "\"");
    }
    m = {host->number("pue", Range::closed(1, 5)),
         host->number("wue_site_l_per_kwh", Range::non_negative()),
         host->number("wue_source_l_per_kwh", Range::non_negative()),
         host->number("cif_kg_per_kwh", Range::non_negative())};
    r.multipliers = preset_id;
  }
  if (ov.region) {
    if (!refs.regions)
      fail(code::kMissingField, pointer_child(refs.root, "regions"), need("region", "regions"));
    Arr providers = refs.regions->array("providers");
    for (std::size_t i = 0; i < providers.size(); ++i) {
      Obj p = providers.object(i);
      if (auto reg = find_by(p, "regions", "region", *ov.region)) {
        m = {p.number("pue", Range::closed(1, 5)),
             p.number("wue_site_l_per_kwh", Range::non_negative()),
             reg->number("wue_source_l_per_kwh", Range::non_negative()),
             reg->number("cif_kg_per_kwh", Range::non_negative())};
        r.region = *ov.region;
        return;
      }
    }
    fail(code::kUnknownValue, pointer_child(base, "region"),
         "region \"" + *ov.region + "\" is not in the regions dataset");
  }
}

void apply_boundary(const Overrides& ov, Resolved& r) {
  auto& a = r.assumptions;
  r.host_pue = a.mult.pue;
  if (ov.boundary) {
    r.boundary = *ov.boundary;
    r.overridden.emplace_back("boundary");
  }
  if (r.boundary != "facility") a.mult.pue = 1;
  if (r.boundary == "accelerator") a.node.p_nongpu_kw = 0;
  if (ov.water_scope) {
    r.water_scope = *ov.water_scope;
    r.overridden.emplace_back("water_scope");
  }
  if (r.water_scope == "site") a.mult.wue_source_l_per_kwh = 0;
  if (ov.carbon_basis) {
    r.carbon_basis = *ov.carbon_basis;
    r.overridden.emplace_back("carbon_basis");
  }
  if (ov.market_cif_kg_per_kwh) a.mult.cif_kg_per_kwh = *ov.market_cif_kg_per_kwh;
}

void set(std::optional<double> v, double& target, const char* name, Resolved& r) {
  if (!v) return;
  target = *v;
  r.overridden.emplace_back(name);
}

}  // namespace

bool Overrides::any() const {
  return hardware || size_class || host || multipliers || region || gpus || batch_size ||
         p_gpu_kw || p_nongpu_kw || u_gpu_min || u_gpu_max || u_nongpu || pue ||
         wue_site_l_per_kwh || wue_source_l_per_kwh || cif_kg_per_kwh || output_tokens || ttft_s ||
         tps || boundary || water_scope || carbon_basis || market_cif_kg_per_kwh;
}

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

Resolved resolve(const dataset::ModelRow& row, const Overrides& ov, const References& refs,
                 const std::string& base) {
  Resolved r;
  r.assumptions = row.assumptions;
  r.host = ov.host.value_or(row.host);
  r.hardware = ov.hardware.value_or(row.hardware);
  r.size_class = ov.size_class.value_or(row.size_class);
  for (const char* name : {"hardware", "size_class", "gpus", "batch_size"}) {
    const bool on = (name[0] == 'h' && ov.hardware) || (name[0] == 's' && ov.size_class) ||
                    (name[0] == 'g' && ov.gpus) || (name[0] == 'b' && ov.batch_size);
    if (on) r.overridden.emplace_back(name);
  }
  apply_hardware(ov, refs, base, r);
  auto& a = r.assumptions;
  set(ov.p_gpu_kw, a.node.p_gpu_kw, "p_gpu_kw", r);
  set(ov.p_nongpu_kw, a.node.p_nongpu_kw, "p_nongpu_kw", r);
  set(ov.u_gpu_min, a.util.u_gpu_min, "u_gpu_min", r);
  set(ov.u_gpu_max, a.util.u_gpu_max, "u_gpu_max", r);
  set(ov.u_nongpu, a.util.u_nongpu, "u_nongpu", r);
  if (a.util.u_gpu_max < a.util.u_gpu_min) {
    fail(code::kInvalidValue, pointer_child(base, ov.u_gpu_max ? "u_gpu_max" : "u_gpu_min"),
         "u_gpu_max (" + std::to_string(a.util.u_gpu_max) + ") must be >= u_gpu_min (" +
             std::to_string(a.util.u_gpu_min) + ") for model \"" + row.model + "\"");
  }
  if (ov.host) r.overridden.emplace_back("host");
  if (ov.multipliers) r.overridden.emplace_back("multipliers");
  if (ov.region) r.overridden.emplace_back("region");
  apply_multipliers(ov, refs, base, r);
  set(ov.pue, a.mult.pue, "pue", r);
  set(ov.wue_site_l_per_kwh, a.mult.wue_site_l_per_kwh, "wue_site_l_per_kwh", r);
  set(ov.wue_source_l_per_kwh, a.mult.wue_source_l_per_kwh, "wue_source_l_per_kwh", r);
  set(ov.cif_kg_per_kwh, a.mult.cif_kg_per_kwh, "cif_kg_per_kwh", r);
  apply_boundary(ov, r);
  if (ov.output_tokens) r.overridden.emplace_back("output_tokens");
  if (ov.ttft_s) r.overridden.emplace_back("ttft_s");
  if (ov.tps) r.overridden.emplace_back("tps");
  return r;
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

PromptInputs resolve_prompt(const PromptInputs& in, const Overrides& ov) {
  PromptInputs out = in;
  if (ov.output_tokens) out.output_tokens = *ov.output_tokens;
  if (ov.ttft_s) out.ttft_s = *ov.ttft_s;
  if (ov.tps) out.tps = *ov.tps;
  return out;
}

}  // namespace llmfp::footprint
