// uncertain.region of the uncertainty request (docs/uncertainty.md): a choice among the
// regions of the host's provider (regions dataset), with the provider's or the asked
// weights. Part of request_json.cpp's reader.
#include <algorithm>

#include "request_json_internal.hpp"

namespace llmfp::uq {
namespace {

// The provider of `host` in the regions dataset, or of the name asked.
const reference::Provider* find_provider(const reference::Regions& regions, const std::string& host,
                                         const std::optional<std::string>& asked) {
  for (const auto& p : regions.providers) {
    if (asked) {
      if (p.provider == *asked) return &p;
      continue;
    }
    if (std::find(p.hosts.begin(), p.hosts.end(), host) != p.hosts.end()) return &p;
  }
  return nullptr;
}

// The provider's regions (or the subset asked), with the provider's or the asked weights.
std::vector<RegionOption> region_options(const reference::Provider& provider,
                                         const std::optional<Obj>& spec) {
  std::vector<std::string> wanted;
  if (spec && spec->has("regions")) wanted = spec->array("regions").strings();
  std::vector<RegionOption> options;
  for (const auto& reg : provider.regions) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), reg.region) == wanted.end())
      continue;
    options.push_back(
        {reg.region,
         reference::within(reg.wue_source_l_per_kwh, reg.path + "/wue_source_l_per_kwh",
                           Range::closed(0, 100)),
         reference::within(reg.cif_kg_per_kwh, reg.path + "/cif_kg_per_kwh", Range::closed(0, 5)),
         reg.weight});
  }
  for (std::size_t k = 0; k < wanted.size(); ++k) {
    const bool found = std::any_of(options.begin(), options.end(),
                                   [&](const RegionOption& o) { return o.name == wanted[k]; });
    if (!found) {
      fail(code::kUnknownValue, pointer_child(spec->at("regions"), k),
           "region '" + wanted[k] + "' is not a region of " + provider.provider);
    }
  }
  if (spec && spec->has("weights")) {
    const Arr w = spec->array("weights");
    if (w.size() != options.size()) {
      fail(code::kInvalidValue, w.path(),
           "weights must have one entry per region (" + std::to_string(options.size()) + ")");
    }
    const auto values = w.numbers(Range::positive());
    for (std::size_t k = 0; k < options.size(); ++k) options[k].weight = values[k];
  }
  return options;
}

// The boundary as in the estimate op with overrides.region (footprint/overrides.cpp
// apply_boundary): water_scope "site" keeps WUE_source at 0, carbon_basis "market" the
// market-based CIF, whichever region is drawn. False: the region has nothing left to change.
bool keep_boundary(Context& cx, const footprint::Multipliers& mult, const footprint::Resolved& res,
                   std::vector<RegionOption>& options) {
  const bool site = res.water_scope == "site";
  const bool market = res.carbon_basis == "market";
  if (site && market) {
    cx.notes.insert(
        "region kept fixed: overrides.water_scope \"site\" and carbon_basis \"market\" leave "
        "it nothing to change (WUE_source 0, the market-based CIF)");
    return false;
  }
  for (auto& o : options) {
    if (site) o.wue_source_l_per_kwh = mult.wue_source_l_per_kwh;
    if (market) o.cif_kg_per_kwh = mult.cif_kg_per_kwh;
  }
  if (site) {
    cx.notes.insert(
        "region: WUE_source held at 0 in every region (overrides.water_scope \"site\"); the "
        "region varies the carbon intensity only");
  }
  if (market) {
    cx.notes.insert(
        "region: the carbon intensity held at overrides.market_cif_kg_per_kwh in every region "
        "(carbon_basis \"market\"); the region varies the water of electricity only");
  }
  return true;
}

}  // namespace

void read_region(Context& cx, CaseRequest& cr, const footprint::Resolved& res) {
  const bool asked = cx.uncertain && cx.uncertain->has("region");
  if (!asked && !cx.ranges) return;
  std::string dist = "default";
  std::optional<Obj> spec;
  if (asked) {
    spec = cx.uncertain->object("region");
    dist = spec->choice("dist", {"choice", "fixed", "default"});
    if (dist == "fixed") {
      spec->only({"dist"});
      return;
    }
    spec->only({"dist", "provider", "regions", "weights"});
  }
  const std::string where = asked ? spec->path() : cx.request.at("preset");
  if (!cx.refs.regions) {
    if (!asked) {
      cx.notes.insert("region kept fixed: needs the regions dataset");
      return;
    }
    fail(code::kMissingField, pointer_child(cx.refs.root, "regions"),
         "uncertain.region needs the regions dataset in the request field \"regions\"");
  }
  std::optional<std::string> name;
  if (spec && spec->has("provider")) name = spec->string("provider");
  const auto* const provider = find_provider(*cx.refs.regions, cr.host, name);
  if (!provider) {
    if (!asked) {
      cx.notes.insert("region kept fixed for host " + cr.host + ": no regions in the dataset");
      return;
    }
    if (name) {
      fail(code::kUnknownValue, spec->at("provider"),
           "the regions dataset has no provider '" + *name + "'");
    }
    fail(code::kInvalidValue, spec->path(),
         "host '" + cr.host + "' has no regions in the regions dataset; name a provider");
  }
  std::vector<RegionOption> options = region_options(*provider, spec);
  if (options.size() < 2) {
    fail(code::kInvalidValue, where,
         "a region choice needs at least two regions (use overrides.region for one)");
  }
  for (std::size_t i : {std::size_t{kWueSource}, std::size_t{kCif}}) {
    if (!cr.u.scalar[i].is_fixed()) {
      fail(code::kInvalidValue, where,
           std::string("the region sets WUE_source and CIF together: do not also give ") +
               kScalarInputs[i] + " a range");
    }
  }
  if (!keep_boundary(cx, cr.c.assumptions.mult, res, options)) return;
  cr.u.regions = options;
  // The model drops the two scalar inputs the region replaces (uncertainty_footprint.hpp).
  auto& list = cr.inputs;
  list.erase(std::remove_if(list.begin(), list.end(),
                            [](const json& j) {
                              return j["name"] == "wue_source_l_per_kwh" ||
                                     j["name"] == "cif_kg_per_kwh";
                            }),
             list.end());
  json names = json::array(), weights = json::array();
  for (const auto& o : options) {
    names.push_back(o.name);
    weights.push_back(o.weight);
  }
  cr.inputs.push_back({{"name", "region"},
                       {"dist", "choice"},
                       {"provider", provider->provider},
                       {"options", names},
                       {"weights", weights},
                       {"default", dist == "default"},
                       {"nominal",
                        {{"wue_source_l_per_kwh", cr.c.assumptions.mult.wue_source_l_per_kwh},
                         {"cif_kg_per_kwh", cr.c.assumptions.mult.cif_kg_per_kwh}}},
                       {"source", "regions dataset: the provider's regions and weights"}});
}

}  // namespace llmfp::uq
