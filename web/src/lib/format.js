// Number formats (d3-format; Intl for "772 billion"-style counts). One place, so every
// view prints the same number the same way.
import { format } from 'd3-format';

const sig3 = format(',.3~r');
const sig4 = format(',.4~r');
const grouped = format(',.0f');
const pct0 = format('.0%');
const compactFmt = new Intl.NumberFormat('en-US', {
  notation: 'compact',
  compactDisplay: 'long',
  maximumSignificantDigits: 3,
});

/** About three significant digits, thousands grouped above 1,000 (0.413, 12.6, 391,509). */
export function num(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 1000) return grouped(x);
  if (x !== 0 && Math.abs(x) < 0.001) return format('.2~e')(x);
  return sig3(x);
}

/** Four significant digits: for the step-by-step numbers of "Show the work". */
export function num4(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e7)) return format('.4~e')(x);
  return sig4(x);
}

/** "772 billion", "700 million", "35.1 thousand". */
export const compact = (x) => (Number.isFinite(x) ? compactFmt.format(x) : '–');

/** Counts: grouped digits below a million, words above (36,281; 1.22 million; 772 billion). */
export const count = (x) => (Number.isFinite(x) && Math.abs(x) >= 1e6 ? compact(x) : num(x));

export const percent = (x) => (Number.isFinite(x) ? pct0(x) : '–');

/** A ratio "3.4×" (or "1/3.4" style when below 1 is not wanted: callers pass the larger first). */
export const times = (x) => (Number.isFinite(x) ? `${format('.2~r')(x)}×` : '–');

export const METRICS = {
  energy: { key: 'energy_wh', label: 'Energy', unit: 'Wh', long: 'watt-hours' },
  water: { key: 'water_ml', label: 'Water', unit: 'mL', long: 'millilitres' },
  carbon: { key: 'carbon_g', label: 'Carbon', unit: 'g CO₂e', long: 'grams of CO₂ equivalent' },
};
