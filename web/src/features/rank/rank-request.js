// The `rank` request of the Rank view and a reader of its result (docs/ranking.md): the engine builds the DMUs (models) from the footprint dataset through
// `estimate`, so every override of the calculator moves the ranking.
import { helperRefs, methodOf, overridesOf } from '../../lib/requests.js';

/** URL input names -> the engine's input names, labels in words and glossary terms. */
export const RANK_INPUT_NAMES = {
  energy: { id: 'energy_wh', label: 'Energy per query', unit: 'Wh', term: 'wh' },
  pue: { id: 'pue', label: 'Data-centre overhead (PUE)', unit: '', term: 'pue' },
  wue_site: { id: 'wue_site_l_per_kwh', label: 'Cooling water at the data centre', unit: 'L/kWh', term: 'wue-site' },
  wue_source: { id: 'wue_source_l_per_kwh', label: 'Water at the power plants', unit: 'L/kWh', term: 'wue-source' },
  cif: { id: 'cif_kg_per_kwh', label: 'Carbon intensity of the grid', unit: 'kg CO₂e/kWh', term: 'cif' },
};

/** The words for an engine input or output name (never the raw field name). */
export function inputWords(id) {
  if (id === 'aa_intelligence_index') return 'intelligence index';
  const hit = Object.values(RANK_INPUT_NAMES).find((x) => x.id === id);
  return hit ? hit.label.charAt(0).toLowerCase() + hit.label.slice(1) : 'another input';
}

export function rankRequest(state, data) {
  const overrides = overridesOf(state);
  delete overrides.output_tokens;
  const req = {
    op: 'rank',
    dataset: data.refs.dataset,
    inputs: state.rankInputs.map((k) => RANK_INPUT_NAMES[k].id),
    output: 'aa_intelligence_index',
    model: {
      type: 'cross',
      orientation: state.rankOrientation,
      rts: state.rankReturnsToScale,
      method: state.rankTies,
      self_appraisal: state.rankSelfJudgement,
    },
    method: methodOf(state),
  };
  if (Object.keys(overrides).length) req.overrides = overrides;
  return { ...req, ...helperRefs(overrides, data.refs) };
}

const byName = (names, values) => Object.fromEntries((names ?? []).map((n, j) => [n, values?.[j]]));

/**
 * Normalises the rank result to {rows: [{model, score, rank, simple, efficient, inputs, output,
 * weights: {inputs: {name: w}, outputs: {name: w}}, peers: [{model, lambda}]}], excluded, notes}.
 */
export function readRank(result) {
  if (!result) return null;
  const dea = result.dea ?? {};
  const inNames = dea.input_names ?? [];
  const outNames = dea.output_names ?? [];
  const data = dea.data ?? {};
  const rows = (result.models ?? []).map((model, i) => {
    const simple = dea.efficiency?.[i];
    return {
      model,
      score: result.scores?.[i],
      rank: result.ranks?.[i],
      simple,
      efficient: simple !== undefined && simple >= 1 - 1e-9,
      inputs: byName(inNames, data.inputs?.[i]),
      output: data.outputs?.[i]?.[0],
      weights: dea.weights
        ? { inputs: byName(inNames, dea.weights.inputs?.[i]), outputs: byName(outNames, dea.weights.outputs?.[i]) }
        : null,
      peers: (dea.peers?.[i] ?? []).map((p) => ({ model: p.dmu ?? p.model, lambda: p.lambda })),
      maverick: dea.maverick?.[i],
    };
  });
  const excluded = (result.excluded ?? []).map((x) => (typeof x === 'string' ? { model: x } : x));
  return { rows, excluded, notes: [...(result.notes ?? []), ...(dea.warnings ?? [])] };
}
