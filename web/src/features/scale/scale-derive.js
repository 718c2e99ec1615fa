// What the Scale view derives from the engine's `scale` result: table cells in units that fit,
// the rows against the paper, the equivalents worth showing, and the lead sentence. Plain
// functions, tested in tests/web/derive-tables.test.mjs.
import { compact, count, equivalentText, num } from '../../lib/format.js';
import { quantity, scaleFor } from '../../lib/units.js';

// The engine's annual totals are in MWh, kL and t; shown in units that fit (lib/units.js).
export const TOTALS = [
  { key: 'energy_mwh', label: 'Energy', unit: 'MWh', metric: 'energy', toBase: 1e6 },
  { key: 'water_kl', label: 'Water', unit: 'kL', metric: 'water', toBase: 1e6 },
  { key: 'carbon_t', label: 'Carbon', unit: 't CO₂e', metric: 'carbon', toBase: 1e6 },
];

export const DAY_UNITS = [
  { key: 'energy_wh', label: 'Energy', metric: 'energy' },
  { key: 'water_ml', label: 'Water', metric: 'water' },
  { key: 'carbon_g', label: 'Carbon', metric: 'carbon' },
];

/** Low, mean, high and SD of one quantity in one fitting unit (three significant digits, for tables). */
export function scaledCells(v, metric, toBase = 1) {
  if (!v) return { low: '–', mean: '–', high: '–', sd: '–' };
  const { factor, unit } = scaleFor(metric, (v.high ?? v.mean) * toBase);
  const f = (x) => (Number.isFinite(x) ? `${num((x * toBase) / factor)} ${unit}` : '–');
  return { low: f(v.low), mean: f(v.mean), high: f(v.high), sd: f(v.sd) };
}

/** The rows of a table of `units` (TOTALS or DAY_UNITS) read from `values`. */
export const cellRows = (units, values) =>
  units.map((u) => ({ ...u, v: values?.[u.key], cells: scaledCells(values?.[u.key], u.metric, u.toBase) }));

/** "+3.1 %": how far ours is from the paper's value, or '–'. */
export const percentOff = (ours, paper) => (ours && paper ? `${num(((ours - paper) / paper) * 100)} %` : '–');

/** The annual totals beside the paper's published range. */
export const paperRows = (preset, totals) =>
  TOTALS.map((t) => ({ ...t, paper: preset.paper[t.key], ours: totals?.[t.key] }));

/** The constants-dataset entry of an equivalent id (or just {id}). */
export const constantOf = (constants, id) =>
  [...(constants?.equivalences ?? []), ...(constants?.everyday ?? [])].find((c) => c.id === id) ?? { id };

/**
 * The engine's equivalents worth showing as [{id, source, text}]: those of at least 0.01 (not
 * a 5e-9 share of an Olympic pool), a range when low and high differ.
 */
export function equivalenceItems(list, constants) {
  return (list ?? [])
    .filter((e) => (e.high ?? e.mean) >= 0.01)
    .map((e) => {
      const c = { ...constantOf(constants, e.id), ...(e.value ? { value: e.value, unit: e.unit } : {}) };
      const n = e.high !== undefined && e.low !== undefined && e.high !== e.low ? [e.low, e.high] : (e.mean ?? e.low);
      return { id: e.id, source: e.source, text: equivalentText(c, n) };
    });
}

/** The totals in one sentence: "<who> use about 4.3 GWh of electricity, 20 m³ of water and 1.5 t CO₂e." */
export function leadSentence({ isPreset, queries, perDay, model, days, totals }) {
  const who = isPreset
    ? `${compact(queries)} GPT-4o queries in 2025`
    : `${count(perDay)} ${perDay === 1 ? 'question' : 'questions'} a day to ${model} for ${count(days)} days`;
  return `${who} use about ${quantity(totals.energy_mwh.mean * 1e6, 'energy')} of electricity, ${quantity(totals.water_kl.mean * 1e6, 'water')} of water and ${quantity(totals.carbon_t.mean * 1e6, 'carbon')}.`;
}
