// The `rank` request of the Rank view and a reader of its result (README "Eco-efficiency
// ranking"): the engine builds the DMUs (models) from the footprint dataset itself.
import { methodOf, overridesOf } from '../../lib/requests.js';

/** URL input names -> the engine's input names. */
export const RANK_INPUT_NAMES = {
  energy: { id: 'energy', label: 'Energy per query (Wh)' },
  pue: { id: 'pue', label: 'PUE' },
  wue_site: { id: 'wue_site', label: 'On-site water (WUE site)' },
  wue_source: { id: 'wue_source', label: 'Electricity water (WUE source)' },
  cif: { id: 'cif', label: 'Carbon intensity (CIF)' },
};

export function rankRequest(state, data) {
  const req = {
    op: 'rank',
    dataset: data.refs.dataset,
    inputs: state.rin.map((k) => RANK_INPUT_NAMES[k].id),
    output: 'aa_intelligence_index',
    model: {
      orientation: state.rorient,
      rts: state.rrts,
      method: state.rmethod,
      self_appraisal: state.rself,
    },
    method: methodOf(state),
  };
  const overrides = overridesOf(state);
  delete overrides.output_tokens;
  if (Object.keys(overrides).length) req.overrides = overrides;
  return req;
}

/**
 * Normalises the rank result to {rows: [{model, score, rank, efficient, inputs, output, weights, peers}], excluded, notes}.
 */
export function readRank(result) {
  if (!result) return null;
  const list = result.rows ?? result.models ?? result.ranking ?? [];
  const rows = list.map((r) => ({
    model: r.model ?? r.dmu ?? r.name,
    score: r.score ?? r.cross_efficiency ?? r.cross_score,
    rank: r.rank,
    simple: r.simple_efficiency ?? r.efficiency ?? r.ccr ?? r.self_score,
    efficient: r.efficient ?? (r.simple_efficiency ?? r.efficiency) >= 1 - 1e-9,
    inputs: r.inputs ?? r.input_values ?? {},
    output: r.output ?? r.output_value ?? r.aa_intelligence_index,
    weights: r.weights ?? null,
    peers: r.peers ?? [],
  }));
  const excluded = result.excluded ?? result.left_out ?? [];
  return { rows, excluded, notes: result.notes ?? [], inputNames: result.input_names, outputName: result.output_name };
}
