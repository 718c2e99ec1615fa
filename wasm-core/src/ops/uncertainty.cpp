// op "uncertainty": seeded Monte Carlo over every uncertain assumption jointly with the
// latency / speed copula, per query and for N queries (docs/uncertainty.md). Maths:
// src/uncertainty/ (uncertainty_footprint.hpp); the request is read by
// src/uncertainty/request_json.cpp; this file writes the result.
//
// Result: {"method": {...}, "rows": [{model, company, host, prompt, output_tokens, inputs,
//   reference?, point: {energy_wh, water_ml, carbon_g at the nominal assumptions},
//   energy_wh|water_ml|carbon_g: {mean, sd, min, max, p5, p25, p50, p75, p95, histogram},
//   scaled: {queries, energy_wh, water_ml, carbon_g, shared_share}}], "notes": [...]}
#include "../uncertainty/request_json.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

json uncertainty(const Obj& request) {
  const uq::Request r = uq::read_request(request, true);
  json rows = json::array();
  for (const auto& cr : r.cases) {
    const auto p = uq::propagate(cr.c, cr.u, r.draws, r.seed, r.bins, r.queries);
    const auto fm = uq::build_model(cr.c, cr.u);
    const auto tor = uq::tornado(fm.inputs, fm.model);  // base = output at the nominal values
    json row = uq::row_head(cr);
    json point = json::object();
    json scaled = {{"queries", r.queries}};
    json shared = json::object();
    for (std::size_t o = 0; o < 3; ++o) {
      row[uq::kOutputs[o]] = uq::summary_json(p.per_query[o]);
      point[uq::kOutputs[o]] = tor[o].base;
      scaled[uq::kOutputs[o]] = uq::summary_json(p.scaled[o]);
      shared[uq::kOutputs[o]] = p.scaled_shared_share[o];
    }
    scaled["shared_share"] = std::move(shared);
    row["point"] = std::move(point);
    row["scaled"] = std::move(scaled);
    rows.push_back(std::move(row));
  }
  return {{"method", uq::method_json(r)}, {"rows", std::move(rows)}, {"notes", r.notes}};
}

}  // namespace llmfp::ops
