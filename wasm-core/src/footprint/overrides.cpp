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
#include "llmfp/overrides.hpp"

#include <algorithm>

namespace llmfp::footprint {
namespace {

std::string need(const std::string& what, const char* dataset) {
  return "overrides." + what + " needs the " + dataset + " dataset in the request field \"" +
         dataset + "\"";
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
  const reference::Hardware& hw_set = *refs.hardware;
  const reference::HardwareClass* hw = reference::find_hardware(hw_set, r.hardware);
  if (!hw) {
    fail(ov.hardware ? code::kUnknownValue : code::kInvalidValue, pointer_child(base, first),
         "hardware \"" + r.hardware + "\" is not in the hardware dataset");
  }
  const reference::SizeClass* sc = reference::find_size_class(hw_set, r.size_class);
  if (!sc) {
    fail(ov.size_class ? code::kUnknownValue : code::kInvalidValue, pointer_child(base, first),
         "size class \"" + r.size_class + "\" is not in the hardware dataset");
  }
  auto& a = r.assumptions;
  if (table) {
    a.node = hw->node;
    const Utilisation* u = reference::utilisation_of(*sc, hw->family);
    if (!u) {
      fail(code::kInvalidValue, pointer_child(base, first),
           "the hardware dataset has no utilisation for size class \"" + r.size_class + "\" on " +
               hw->family + " hardware (\"" + r.hardware + "\")");
    }
    a.util = *u;
  }
  if (derive) {
    if (!sc->gpus) fail(code::kMissingField, pointer_child(sc->path, "gpus"), "gpus is required");
    UtilisationBasis basis;
    basis.coded = a.util;
    basis.coded_gpus = *sc->gpus;
    basis.gpus_per_node = hw->gpus_per_node;
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
    const std::string preset_id = ov.multipliers ? *ov.multipliers : refs.hosts->default_preset;
    const reference::HostPreset* preset = reference::find_preset(*refs.hosts, preset_id);
    if (!preset) {
      fail(code::kUnknownValue, pointer_child(base, "multipliers"),
           "the hosts dataset has no preset \"" + preset_id + "\"");
    }
    const reference::HostValues* host = reference::find_host(*preset, r.host);
    if (!host) {
      fail(ov.host ? code::kUnknownValue : code::kInvalidValue, pointer_child(base, first),
           "host preset \"" + preset_id + "\" has no values for host \"" + r.host + "\"");
    }
    m = host->mult;
    r.multipliers = preset_id;
  }
  if (ov.region) {
    if (!refs.regions)
      fail(code::kMissingField, pointer_child(refs.root, "regions"), need("region", "regions"));
    for (const reference::Provider& p : refs.regions->providers) {
      for (const reference::Region& reg : p.regions) {
        if (reg.region != *ov.region) continue;
        m = {p.pue, p.wue_site_l_per_kwh, reg.wue_source_l_per_kwh, reg.cif_kg_per_kwh};
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

PromptInputs resolve_prompt(const PromptInputs& in, const Overrides& ov) {
  PromptInputs out = in;
  if (ov.output_tokens) out.output_tokens = *ov.output_tokens;
  if (ov.ttft_s) out.ttft_s = *ov.ttft_s;
  if (ov.tps) out.tps = *ov.tps;
  return out;
}

}  // namespace llmfp::footprint
