// What the Compare view derives from the dataset and the engine's rows: which models are in
// scope, the pair of "model against model", the sort order, colour groups, the chart's dots,
// the ratio sentence, the caption and the CSV columns. Plain functions of their arguments
// (no state keys), tested in tests/web/derive-tables.test.mjs.
import { ascending, descending } from 'd3-array';

import { effortOf } from '../../lib/effort.js';
import { METRICS, times } from '../../lib/format.js';
import { scaleFor } from '../../lib/units.js';

export const MAX_MODELS = 8;
/** The separator of model names in the link. */
export const SEP = '|';

/** A reasoning model: an effort level in its name, or a known reasoning family. */
export const isReasoning = (name) =>
  Boolean(effortOf(name)) || /^o\d|\bR1\b|reasoning|thinking|\(high\)/i.test(name ?? '');

/** The models chosen in the link (names joined by "|"), kept only if the dataset has them. */
export function chosenSubset(joined, footprint) {
  const names = new Set((footprint?.models ?? []).map((m) => m.model));
  return (joined ? joined.split(SEP) : []).filter((n) => names.has(n));
}

/**
 * The models in the chart: the chosen subset (2 or more) or every model, measured at `prompt`;
 * `missing` are those in scope without that prompt size.
 */
export function modelsInScope(footprint, subset, prompt) {
  const inScope = subset.length >= 2 ? footprint.models.filter((x) => subset.includes(x.model)) : footprint.models;
  const models = inScope.filter((x) => x.prompts.some((p) => p.prompt === prompt)).map((x) => x.model);
  const missing = inScope.filter((x) => !models.includes(x.model)).map((x) => x.model);
  return { models, missing };
}

/**
 * Model A (the chosen model if in the chart, else the first option) and model B (`wanted` if
 * it is another option, else the first other one).
 */
export function pairOf(models, options, picked, wanted) {
  const a = models.includes(picked) ? picked : (options[0]?.value ?? '');
  const b =
    wanted && wanted !== a && options.some((o) => o.value === wanted)
      ? wanted
      : (options.find((o) => o.value !== a)?.value ?? '');
  return { a, b };
}

/** Rows sorted by 'name', 'company' or the metric's mean ('value'); ties by name. A new array. */
export function sortRows(rows, metric, key, desc) {
  const m = METRICS[metric];
  const dir = desc ? descending : ascending;
  const sign = desc ? -1 : 1;
  const byName = (x, y) => x.model.localeCompare(y.model);
  return [...rows].sort((x, y) =>
    key === 'name'
      ? sign * byName(x, y)
      : key === 'company'
        ? sign * x.company.localeCompare(y.company) || byName(x, y)
        : dir(x[m.key].mean, y[m.key].mean) || byName(x, y),
  );
}

/** The colour group of a row: its provider, or reasoning / answering directly. */
export const colourKeyOf = (by) => (r) =>
  by === 'reasoning' ? (isReasoning(r.model) ? 'Reasoning model' : 'Answers directly') : r.company || 'Other';

/**
 * The chart's dots in one unit that fits the largest mean: the mean, and a line over the
 * likely range (5th to 95th percentile) or one standard deviation either side ('sd').
 */
export function dotsOf(rows, metric, { band, chosen, colour }) {
  const m = METRICS[metric];
  const span = band === 'sd' ? (st) => [st.mean - st.sd, st.mean + st.sd] : (st) => [st.p5, st.p95];
  const { factor, unit } = scaleFor(metric, Math.max(...rows.map((r) => r[m.key].mean), 0));
  const dots = rows.map((r) => {
    const [lo, hi] = span(r[m.key]);
    return {
      key: r.model,
      label: r.model,
      value: r[m.key].mean / factor,
      lo: lo / factor, // (was max(lo, min(p5, lo)), which is always lo)
      hi: hi / factor,
      highlight: r.model === chosen,
      colour: colour(r),
    };
  });
  return { dots, unit };
}

/** "A uses 3.4× the energy of B." (with the inverse when below 1), or why there is none. */
export function ratioSentence(ra, rb, a, b, metric) {
  const m = METRICS[metric];
  if (!(ra && rb)) return a && b ? 'One of these models has no measurement for this prompt size in this data.' : '';
  const x = ra[m.key].mean / rb[m.key].mean;
  const what = m.label.toLowerCase();
  return x >= 1
    ? `${a} uses ${times(x)} the ${what} of ${b}.`
    : `${a} uses ${times(x)} the ${what} of ${b} (${b} uses ${times(1 / x)} as much).`;
}

/** The chart's caption. */
export function captionOf({ metric, count, promptLabel, band, chosen, chosenShown }) {
  const m = METRICS[metric];
  const line = band === 'sd' ? 'one standard deviation either side' : 'the likely range (5th to 95th percentile)';
  return `${m.label} per question of ${count} models, ${promptLabel.toLowerCase()} prompt: dot at the mean, line over ${line}${
    chosen && chosenShown ? `; ${chosen} in bold` : ''
  }.`;
}

/** The CSV export: model, company, prompt and every statistic of the three metrics. */
export const CSV_COLUMNS = [
  { key: 'model', label: 'model' },
  { key: 'company', label: 'company' },
  { key: 'prompt', label: 'prompt' },
  ...['energy', 'water', 'carbon'].flatMap((k) =>
    ['mean', 'sd', 'p5', 'p50', 'p95'].map((st) => ({
      label: `${METRICS[k].key}_${st}`,
      value: (r) => r[METRICS[k].key][st],
    })),
  ),
];
