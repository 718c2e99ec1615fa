// Estimate these rows (estimate_rows.hpp): each selected (model, prompt) of a dataset after
// the overrides, through footprint::estimate (footprint.cpp). Workloads and sessions (an
// extension beyond the paper, docs/workloads.md) are in estimate_workload.cpp.
#include "llmfp/estimate_rows.hpp"

#include <algorithm>

#include "estimate_internal.hpp"

namespace llmfp::footprint {

std::size_t count_rows(const dataset::Footprint& d, const RowQuery& q) {
  std::size_t count = 0;
  for (std::size_t i : q.models) {
    for (const auto& p : d.models[i].prompts) count += !q.prompts || q.prompts->count(p.prompt);
  }
  return count;
}

std::vector<double> prompt_input_tokens(const dataset::ModelRow& m) {
  std::vector<double> out;
  for (const auto& p : m.prompts) {
    out.push_back(p.input_tokens ? workload::check_tokens(
                                       *p.input_tokens, p.path + "/input_tokens", "input_tokens", 1,
                                       workload::kMaxInputTokens, "a measured prompt's input")
                                 : -1.0);
  }
  return out;
}

Estimate estimate_rows(const dataset::Footprint& d, const RowQuery& q) {
  if (q.workload || q.session) return detail::estimate_workloads(d, q);
  Estimate out;
  for (std::size_t i : q.models) {
    const auto& m = d.models[i];
    const Resolved r = resolve(m, q.overrides, q.refs, q.overrides_path);
    for (const auto& p : m.prompts) {
      if (q.prompts && !q.prompts->count(p.prompt)) continue;
      EstimateRow row;
      row.model = &m;
      row.prompt = p.prompt;
      row.resolved = r;
      row.inputs = resolve_prompt(p.inputs, q.overrides);
      row.output_tokens = row.inputs.output_tokens;
      const Result e = estimate(row.inputs, r.assumptions, q.settings);
      row.energy_wh = e.energy_wh;
      row.water_ml = e.water_ml;
      row.carbon_g = e.carbon_g;
      row.work = e.work;
      row.reference = p.reference;
      row.input_tokens = p.input_tokens;
      row.measured = p.measured;
      out.rows.push_back(std::move(row));
    }
    if (!q.prompts) continue;
    for (const auto& want : *q.prompts) {  // the asked prompt sizes the model does not have
      const bool has =
          std::any_of(m.prompts.begin(), m.prompts.end(),
                      [&want](const dataset::PromptRow& p) { return p.prompt == want; });
      if (!has)
        out.notes.push_back("\"" + m.model + "\" has no \"" + want + "\" prompt in this dataset");
    }
  }
  for (const auto& w : d.warnings) out.notes.push_back(w.message + " (at " + w.path + ")");
  return out;
}

}  // namespace llmfp::footprint
