// What the Rank view derives from the engine's ranking (readRank's rows): the order, the bar
// and scatter points, what a model's score rests on, and the sentences of the explanation.
// Plain functions, tested in tests/web/derive-tables.test.mjs.
import { num } from '../../lib/format.js';
import { inputWords } from './rank-request.js';

/** Best first: by rank, then by score (higher first). A new array. */
export const rankedRows = (ranked) =>
  [...(ranked?.rows ?? [])].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || b.score - a.score);

export const energyOf = (r) => r.inputs.energy_wh;

/** The scatter's points: energy per query (x) against the intelligence index (y), finite only. */
export const scatterPoints = (rows, selected) =>
  rows
    .filter((r) => Number.isFinite(energyOf(r)) && Number.isFinite(r.output))
    .map((r) => ({
      key: r.model,
      label: r.model,
      x: energyOf(r),
      y: r.output,
      marked: r.efficient,
      selected: r.model === selected,
    }));

/** The bar chart's rows: each model's score. */
export const scoreBars = (rows, selected) =>
  rows.map((r) => ({ key: r.model, label: r.model, value: r.score, highlight: r.model === selected }));

/** Each input's share of the model's weighted input sum (weight × value), largest first. */
export function virtualShares(row) {
  const parts = Object.entries(row.weights?.inputs ?? {}).map(([k, w]) => [k, w * (row.inputs[k] ?? 0)]);
  const total = parts.reduce((a, [, v]) => a + v, 0);
  return total > 0 ? parts.map(([k, v]) => [k, v / total]).sort((a, b) => b[1] - a[1]) : [];
}

/** The numeric weights of a {name: weight} map as [[name, weight]]. */
export const numericWeights = (weights) => Object.entries(weights ?? {}).filter(([, v]) => typeof v === 'number');

/** "energy per query 0.5, data-centre overhead (pue) 0" in words. */
export const weightsText = (pairs) => pairs.map(([k, v]) => `${inputWords(k)} ${num(v)}`).join(', ');

/** "A (weight 0.3), B" : the efficient peers, with their weight when the engine gives one. */
export const peersText = (peers) =>
  peers.map((p) => (p.lambda !== undefined ? `${p.model} (weight ${num(p.lambda)})` : p.model)).join(', ');

/** [[reason, [models]]] of the models the ranking left out, reasons in words. */
export function excludedByReason(excluded) {
  const groups = new Map();
  for (const x of excluded ?? []) {
    const reason = (x.reason ?? 'no value').replace(/\b[a-z]+(_[a-z0-9]+)+\b/g, inputWords);
    groups.set(reason, [...(groups.get(reason) ?? []), x.model]);
  }
  return [...groups];
}
