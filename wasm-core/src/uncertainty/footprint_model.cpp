// The footprint model as an uncertainty model (uncertainty_footprint.hpp).
//
//   per query   E = (L + O / max(R, 1e-9)) / 3600 * Pbar(w, G, B) * PUE * 1000   Wh
//               W = E * (WUE_site / PUE + WUE_source) mL,  C = E * CIF g          (footprint.hpp)
//   copula      (Phi, Phi^-1 to 1e-9: uncertainty.hpp)
//               z1 = Phi^-1(u1), z2 = rho z1 + sqrt(1 - rho^2) Phi^-1(u2);
//               L = F_L^-1(u1), R = F_R^-1(Phi(z2)), F^-1 the linear interpolation through
//               (0.05, P5) .. (0.95, P95), u clipped to [0.05, 0.95]        (docs/METHOD.md, v6)
//   utilisation U(G, B) = footprint::derive_utilisation (paper appendix, U = G D / (N B))
// Symbols -> inputs: L, R latency_speed; w w_max; G gpus; B batch_size; O output_tokens;
// PUE pue; WUE wue_site_l_per_kwh, wue_source_l_per_kwh (or region); CIF cif_kg_per_kwh
// (or region); P_GPU p_gpu_kw; P_nonGPU p_nongpu_kw.
#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include "llmfp/pmath.hpp"
#include "llmfp/uncertainty_footprint.hpp"

namespace llmfp::uq {

namespace fp = llmfp::footprint;

double nominal_value(const FootprintCase& c, std::size_t i) {
  const auto& a = c.assumptions;
  switch (i) {
    case kWMax: return c.w_max;
    case kBatch: return c.batch_size;
    case kGpus: return c.gpus;
    case kPue: return a.mult.pue;
    case kWueSite: return a.mult.wue_site_l_per_kwh;
    case kWueSource: return a.mult.wue_source_l_per_kwh;
    case kCif: return a.mult.cif_kg_per_kwh;
    case kOutputTokens: return c.prompt.output_tokens;
    case kPGpu: return a.node.p_gpu_kw;
    case kPNonGpu: return a.node.p_nongpu_kw;
    default: return 0.0;
  }
}

FootprintUncertainty nominal_uncertainty(const FootprintCase& c) {
  FootprintUncertainty u;
  u.copula = true;
  u.rho = c.rho;
  for (std::size_t i = 0; i < kScalarInputs.size(); ++i) {
    u.scalar[i] = Distribution::fixed(nominal_value(c, i));
  }
  return u;
}

namespace {

Input latency_input(const FootprintCase& c, const FootprintUncertainty& u) {
  const fp::Quantiles ql = fp::sorted(c.prompt.ttft_s);
  const fp::Quantiles qr = fp::sorted(c.prompt.tps);
  Input in;
  in.name = "latency_speed";
  in.u_dim = 2;
  in.x_dim = 2;
  in.nominal = {fp::marginal_mean(ql), 1.0 / fp::marginal_inverse_mean(qr)};
  if (!u.copula) return in;
  const double rho = u.rho;
  const double rho_c = std::sqrt(1.0 - rho * rho);
  in.draw = [ql, qr, rho, rho_c](const double* v, double* x) {
    const double z1 = pmath::fast::normal_quantile(v[0]);
    const double z2 = rho * z1 + rho_c * pmath::fast::normal_quantile(v[1]);
    x[0] = fp::marginal_at(ql, v[0]);
    x[1] = std::max(fp::marginal_at(qr, pmath::fast::normal_cdf(z2)), 1e-9);
  };
  in.probes = {{ql[0], qr[4]}, {ql[4], qr[0]}};
  in.probe_labels = {"P5 latency, P95 speed", "P95 latency, P5 speed"};
  return in;
}

Input region_input(const FootprintCase& c, const std::vector<RegionOption>& regions) {
  Input in;
  in.name = "region";
  in.x_dim = 2;
  in.nominal = {c.assumptions.mult.wue_source_l_per_kwh, c.assumptions.mult.cif_kg_per_kwh};
  std::vector<double> index, weights;
  std::vector<double> wue, cif;
  for (std::size_t k = 0; k < regions.size(); ++k) {
    index.push_back(static_cast<double>(k));
    weights.push_back(regions[k].weight);
    wue.push_back(regions[k].wue_source_l_per_kwh);
    cif.push_back(regions[k].cif_kg_per_kwh);
    in.probes.push_back({wue.back(), cif.back()});
    in.probe_labels.push_back(regions[k].name);
  }
  const Distribution pick = Distribution::choice(index, weights);
  in.draw = [pick, wue, cif](const double* v, double* x) {
    const auto k = static_cast<std::size_t>(pick.quantile(v[0]));
    x[0] = wue[k];
    x[1] = cif[k];
  };
  return in;
}

struct UtilEntry {
  double gpus, batch;
  fp::Utilisation util;
};

fp::Utilisation derived(std::vector<UtilEntry>& cache, const fp::UtilisationBasis& basis,
                        double gpus, double batch) {
  for (const auto& e : cache) {
    if (e.gpus == gpus && e.batch == batch) return e.util;
  }
  const fp::Utilisation u = fp::derive_utilisation(basis, gpus, batch);
  if (cache.size() < 16) cache.push_back({gpus, batch, u});
  return u;
}

// Offsets of every model quantity in x.
struct Layout {
  std::size_t at[kScalarInputs.size()];
};

}  // namespace

FootprintModel build_model(const FootprintCase& c, const FootprintUncertainty& u) {
  FootprintModel fm;
  fm.inputs.push_back(latency_input(c, u));
  fm.latency_offset = 0;
  const bool by_region = u.regions.size() >= 2;
  Layout lay{};
  std::size_t at = 2;
  for (std::size_t i = 0; i < kScalarInputs.size(); ++i) {
    if (by_region && (i == kWueSource || i == kCif)) continue;
    fm.inputs.push_back(scalar_input(kScalarInputs[i], u.scalar[i], nominal_value(c, i)));
    lay.at[i] = at++;
  }
  if (by_region) {
    fm.inputs.push_back(region_input(c, u.regions));
    lay.at[kWueSource] = at;
    lay.at[kCif] = at + 1;
  }
  const fp::Assumptions base = c.assumptions;
  const fp::UtilisationBasis basis = c.basis;
  const double gpus0 = c.gpus;
  const double batch0 = c.batch_size;
  // Batch size and GPU count usually take a few distinct values: their utilisation is
  // memoised (identical values either way, so results do not depend on the cache).
  auto cache = std::make_shared<std::vector<UtilEntry>>();
  auto assumptions = [base, basis, gpus0, batch0, lay, cache](const double* x) {
    fp::Assumptions a = base;
    const double gpus = x[lay.at[kGpus]];
    const double batch = x[lay.at[kBatch]];
    if (gpus != gpus0 || batch != batch0) a.util = derived(*cache, basis, gpus, batch);
    a.node.p_gpu_kw = x[lay.at[kPGpu]];
    a.node.p_nongpu_kw = x[lay.at[kPNonGpu]];
    a.mult.pue = x[lay.at[kPue]];
    a.mult.wue_site_l_per_kwh = x[lay.at[kWueSite]];
    a.mult.wue_source_l_per_kwh = x[lay.at[kWueSource]];
    a.mult.cif_kg_per_kwh = x[lay.at[kCif]];
    return a;
  };
  fm.model.n_outputs = 3;
  fm.model.eval = [assumptions, lay](const double* x, double* y) {
    const fp::Assumptions a = assumptions(x);
    const double e = fp::query_energy_wh(x[0], x[1], x[lay.at[kOutputTokens]], a, x[lay.at[kWMax]]);
    y[0] = e;
    y[1] = e * fp::water_ml_per_wh(a.mult);
    y[2] = e * a.mult.cif_kg_per_kwh;
  };
  fm.factors = [assumptions, lay](const double* x, double* f) {
    const fp::Assumptions a = assumptions(x);
    f[0] = fp::energy_wh(1.0, fp::expected_power_kw(a.node, a.util, x[lay.at[kWMax]]), a.mult.pue);
    f[1] = x[lay.at[kOutputTokens]];
    f[2] = fp::water_ml_per_wh(a.mult);
    f[3] = a.mult.cif_kg_per_kwh;
  };
  return fm;
}

}  // namespace llmfp::uq
