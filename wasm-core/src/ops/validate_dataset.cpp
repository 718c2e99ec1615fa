// op "validate_dataset": checks a footprint dataset and lists every problem with its JSON
// pointer (dataset.hpp). Unlike the other ops, a bad dataset is a normal answer here:
//   {"op": "validate_dataset", "dataset": {...},
//    "hardware": {hardware dataset}, "hosts": {hosts dataset}}    (optional: check names)
// -> {"valid": bool, "counts": {"models", "prompts", "with_reference"},
//     "issues": [{code, message, path}], "warnings": [...]}
#include <algorithm>

#include "../footprint/reference_json.hpp"
#include "llmfp/dataset.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {
namespace {

json issues_json(const std::vector<Issue>& issues) {
  json out = json::array();
  for (const auto& i : issues)
    out.push_back({{"code", i.code}, {"message", i.message}, {"path", i.path}});
  return out;
}

}  // namespace

json validate_dataset(const Obj& request) {
  request.only({"op", "dataset", "hardware", "hosts"});
  if (!request.has("dataset")) fail(code::kMissingField, "/dataset", "dataset is required");
  dataset::KnownNames known;
  if (const auto hardware = request.object_opt("hardware")) {
    const reference::Hardware h = reference::read_hardware(*hardware);
    for (const auto& c : h.hardware) known.hardware.push_back(c.id);
    for (const auto& c : h.size_classes) known.size_classes.push_back(c.id);
  }
  if (const auto hosts = request.object_opt("hosts")) {
    for (const auto& preset : reference::read_hosts(*hosts).presets) {
      for (const auto& h : preset.hosts) {
        if (std::find(known.hosts.begin(), known.hosts.end(), h.host) == known.hosts.end()) {
          known.hosts.push_back(h.host);
        }
      }
    }
  }
  dataset::Footprint d;
  std::vector<Issue> issues;
  dataset::validate_footprint(request.raw()["dataset"], "/dataset", known, d, issues);
  std::size_t prompts = 0, with_reference = 0;
  for (const auto& m : d.models) {
    prompts += m.prompts.size();
    for (const auto& p : m.prompts) with_reference += p.reference.has_value();
  }
  return {{"valid", issues.empty()},
          {"counts",
           {{"models", d.models.size()}, {"prompts", prompts}, {"with_reference", with_reference}}},
          {"issues", issues_json(issues)},
          {"warnings", issues_json(d.warnings)}};
}

}  // namespace llmfp::ops
