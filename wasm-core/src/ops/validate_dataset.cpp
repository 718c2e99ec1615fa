// op "validate_dataset": checks a footprint dataset and lists every problem with its JSON
// pointer (dataset.hpp). Unlike the other ops, a bad dataset is a normal answer here:
//   {"op": "validate_dataset", "dataset": {...},
//    "hardware": {hardware dataset}, "hosts": {hosts dataset}}    (optional: check names)
// -> {"valid": bool, "counts": {"models", "prompts", "with_reference"},
//     "issues": [{code, message, path}], "warnings": [...]}
#include <algorithm>

#include "llmfp/dataset.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {
namespace {

std::vector<std::string> ids(const std::optional<Obj>& d, const char* list, const char* key) {
  std::vector<std::string> out;
  if (!d) return out;
  Arr a = d->array(list);
  for (std::size_t i = 0; i < a.size(); ++i) out.push_back(a.object(i).string(key));
  return out;
}

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
  const auto hardware = request.object_opt("hardware");
  known.hardware = ids(hardware, "hardware", "id");
  known.size_classes = ids(hardware, "size_classes", "id");
  if (const auto hosts = request.object_opt("hosts")) {
    Arr presets = hosts->array("presets");
    for (std::size_t i = 0; i < presets.size(); ++i) {
      for (const auto& h : ids(presets.object(i), "hosts", "host")) {
        if (std::find(known.hosts.begin(), known.hosts.end(), h) == known.hosts.end()) {
          known.hosts.push_back(h);
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
