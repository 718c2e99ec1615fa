// Readers of the reference datasets: see reference_json.hpp. Ranges are those of the
// datasets' schemas (public/data/schemas/); a use with a stricter range checks it with
// reference::within() at the entry's pointer.
#include "reference_json.hpp"

namespace llmfp::reference {
namespace {

/// Every object of `list`, each read by `read`, in order.
template <class Read>
auto read_all(const Arr& list, Read read) {
  std::vector<decltype(read(list.object(0)))> out;
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) out.push_back(read(list.object(i)));
  return out;
}

footprint::Utilisation read_utilisation(const Obj& u) {
  return {u.number("u_gpu_min", Range::unit()), u.number("u_gpu_max", Range::unit()),
          u.number("u_nongpu", Range::unit())};
}

HardwareClass read_class(const Obj& e) {
  HardwareClass h;
  h.id = e.string("id");
  h.path = e.path();
  h.family = e.string("family");
  h.node = {e.number("p_gpu_kw", Range::positive()),
            e.number("p_nongpu_kw", Range::non_negative())};
  h.gpus_per_node = e.number_or("gpus_per_node", 8, Range::positive());
  return h;
}

SizeClass read_size_class(const Obj& e) {
  SizeClass s;
  s.id = e.string("id");
  s.path = e.path();
  s.gpus = e.number_opt("gpus", Range::positive());
  const Obj util = e.object("utilisation");
  for (auto it = util.raw().begin(); it != util.raw().end(); ++it) {
    if (!util.has(it.key())) continue;  // null: no coded values for that family
    s.utilisation.emplace_back(it.key(), read_utilisation(util.object(it.key())));
  }
  return s;
}

footprint::Multipliers read_multipliers(const Obj& e) {
  return {e.number("pue", Range::closed(1, 5)),
          e.number("wue_site_l_per_kwh", Range::non_negative()),
          e.number("wue_source_l_per_kwh", Range::non_negative()),
          e.number("cif_kg_per_kwh", Range::non_negative())};
}

HostPreset read_preset(const Obj& p) {
  HostPreset out;
  out.id = p.string("id");
  out.path = p.path();
  const Arr list = p.array("hosts");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Obj e = list.object(i);
    HostValues h;
    h.host = e.string("host");
    h.path = e.path();
    h.mult = read_multipliers(e);
    h.dashboard_only = e.boolean_or("dashboard_only", false);
    out.hosts.push_back(std::move(h));
  }
  return out;
}

Provider read_provider(const Obj& p) {
  Provider out;
  out.provider = p.string("provider");
  out.path = p.path();
  out.pue = p.number("pue", Range::closed(1, 5));
  out.wue_site_l_per_kwh = p.number("wue_site_l_per_kwh", Range::non_negative());
  if (p.has("hosts")) out.hosts = p.array("hosts").strings();
  const Arr list = p.array("regions");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Obj e = list.object(i);
    Region r;
    r.region = e.string("region");
    r.path = e.path();
    r.wue_source_l_per_kwh = e.number("wue_source_l_per_kwh", Range::non_negative());
    r.cif_kg_per_kwh = e.number("cif_kg_per_kwh", Range::non_negative());
    r.weight = e.number_or("weight", 1.0, Range::positive());
    out.regions.push_back(std::move(r));
  }
  return out;
}

Shares read_shares(const Obj& o, Range range) {
  Shares out;
  for (auto it = o.raw().begin(); it != o.raw().end(); ++it) {
    out.emplace_back(it.key(), o.number(it.key(), range));
  }
  return out;
}

CaseStudy read_case_study(const Obj& cs) {
  CaseStudy c;
  c.path = cs.path();
  c.energy_wh_per_query_v4 = read_shares(cs.object("energy_wh_per_query_v4"), Range::positive());
  c.power_ratio_min_over_mean = cs.number("power_ratio_min_over_mean", Range::positive());
  c.power_ratio_max_over_mean = cs.number("power_ratio_max_over_mean", Range::positive());
  c.host = cs.string("host");
  c.host_preset = cs.string("host_preset");
  if (auto n = cs.array_opt("notes")) c.notes = n->strings();
  for (const char* k : {"annual_energy_mwh", "annual_water_kl", "annual_carbon_t"}) {
    if (!cs.has(k)) continue;
    const Obj range = cs.object(k);
    range.only({"low", "high"});
    c.published.push_back({k,
                           {range.number("low", Range::non_negative()),
                            range.number("high", Range::non_negative())}});
  }
  if (auto mix = cs.object_opt("prompt_mix")) c.prompt_mix = read_shares(*mix, Range::unit());
  c.queries_2025 = cs.number_opt("queries_2025", Range::positive());
  return c;
}

}  // namespace

Hardware read_hardware(const Obj& d) {
  Hardware h;
  h.path = d.path();
  h.hardware = read_all(d.array("hardware"), read_class);
  h.size_classes = read_all(d.array("size_classes"), read_size_class);
  return h;
}

Hosts read_hosts(const Obj& d) {
  Hosts h;
  h.path = d.path();
  h.default_preset = d.string_or("default_preset", "v6");
  h.presets = read_all(d.array("presets"), read_preset);
  return h;
}

Regions read_regions(const Obj& d) {
  Regions r;
  r.path = d.path();
  r.providers = read_all(d.array("providers"), read_provider);
  return r;
}

Constants read_constants(const Obj& d) {
  Constants c;
  c.path = d.path();
  for (const char* list : {"equivalences", "everyday"}) {
    const auto a = d.array_opt(list);
    for (std::size_t i = 0; a && i < a->size(); ++i) {
      const Obj e = a->object(i);
      Equivalence q;
      q.path = e.path();
      q.unit = e.string("unit");
      q.applies_to = e.choice("applies_to", {"energy", "water", "carbon"});
      q.value = e.number("value", Range::positive());
      q.id = e.string("id");
      q.label = e.string("label");
      q.source = e.string_or("source", "");
      c.equivalences.push_back(std::move(q));
    }
  }
  if (auto cs = d.object_opt("case_study")) c.case_study = read_case_study(*cs);
  return c;
}

Sets read_sets(const Obj& request) {
  Sets s;
  s.root = request.path();
  if (auto h = request.object_opt("hardware")) s.hardware = read_hardware(*h);
  if (auto h = request.object_opt("hosts")) s.hosts = read_hosts(*h);
  if (auto r = request.object_opt("regions")) s.regions = read_regions(*r);
  return s;
}

}  // namespace llmfp::reference
