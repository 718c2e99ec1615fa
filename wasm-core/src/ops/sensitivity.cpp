// op "sensitivity": first-order and total Sobol indices (Saltelli 2010 / Jansen 1999) and a
// one-at-a-time tornado for energy, water and carbon (docs/uncertainty.md). Maths: src/uncertainty/
// (sensitivity.hpp, uncertainty_footprint.hpp).
//
// Result: {"method": {...}, "rows": [{model, company, host, prompt, output_tokens, inputs,
//   reference?, energy_wh|water_ml|carbon_g: {summary of sample A},
//   sobol: {draws, evaluations, energy_wh|water_ml|carbon_g: {variance,
//           indices: [{input, first, total, first_se, total_se}]}},   (uncertain inputs)
//   tornado: {energy_wh|water_ml|carbon_g: {base, bars: [{input, low, high, swing,
//             low_at, high_at}]}}}],                                  (by decreasing swing)
//  "notes": [...]}
#include "../uncertainty/request_json.hpp"
#include "llmfp/ops.hpp"

namespace llmfp::ops {

namespace {

json sobol_json(const uq::FootprintSensitivity& s, std::size_t o) {
  json list = json::array();
  for (std::size_t i = 0; i < s.names.size(); ++i) {
    if (s.fixed[i]) continue;
    const auto& x = s.sobol.indices[o][i];
    list.push_back({{"input", s.names[i]},
                    {"first", x.first},
                    {"total", x.total},
                    {"first_se", x.first_se},
                    {"total_se", x.total_se}});
  }
  return {{"variance", s.sobol.variance[o]}, {"indices", std::move(list)}};
}

json tornado_json(const uq::FootprintSensitivity& s, std::size_t o) {
  json bars = json::array();
  for (const auto& b : s.tornado[o].bars) {
    bars.push_back({{"input", s.names[b.input]},
                    {"low", b.low},
                    {"high", b.high},
                    {"swing", b.swing()},
                    {"low_at", s.probe_labels[b.input][b.low_probe]},
                    {"high_at", s.probe_labels[b.input][b.high_probe]}});
  }
  return {{"base", s.tornado[o].base}, {"bars", std::move(bars)}};
}

}  // namespace

json sensitivity(const Obj& request) {
  const uq::Request r = uq::read_request(request, false);
  json rows = json::array();
  for (const auto& cr : r.cases) {
    const auto s = uq::sensitivity(cr.c, cr.u, r.draws, r.seed, r.bins);
    json row = uq::row_head(cr);
    json sobol = {{"draws", s.sobol.n}, {"evaluations", s.sobol.evaluations}};
    json tornado = json::object();
    for (std::size_t o = 0; o < 3; ++o) {
      row[uq::kOutputs[o]] = uq::summary_json(s.per_query[o]);
      sobol[uq::kOutputs[o]] = sobol_json(s, o);
      tornado[uq::kOutputs[o]] = tornado_json(s, o);
    }
    row["sobol"] = std::move(sobol);
    row["tornado"] = std::move(tornado);
    rows.push_back(std::move(row));
  }
  return {{"method", uq::method_json(r)}, {"rows", std::move(rows)}, {"notes", r.notes}};
}

}  // namespace llmfp::ops
