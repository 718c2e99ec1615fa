// Number formats (d3-format; Intl for "772 billion"-style counts). One place, so every
// view prints the same number the same way.
import { format } from 'd3-format';

const sig3 = format(',.3~r');
const sig4 = format(',.4~r');
const grouped = format(',.0f');
const pct0 = format('.0%');
// Intl formatters are made on first use, not when a page loads this module: the first
// Intl.NumberFormat of a page loads ICU's data (25-75 ms on a 2-core machine), which an
// embed's first number does not need.
let compactFmt = null;

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
export function compact(x) {
  if (!Number.isFinite(x)) return '–';
  compactFmt ??= new Intl.NumberFormat('en-US', {
    notation: 'compact',
    compactDisplay: 'long',
    maximumSignificantDigits: 3,
  });
  return compactFmt.format(x);
}

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

const sig2fmt = format(',.2~r');

/** Two significant figures: 0.42, 1.6, 12, 1,200 (d3-format: no Intl, whose first use costs tens of ms). */
export const sig2 = (x) => (Number.isFinite(x) ? sig2fmt(x) : '–');

/** Two significant figures, for sentences (4.3, 0.41, 14, 1,500, 2.3 million). */
export function plain(x) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (Math.abs(x) >= 1e6)
    return new Intl.NumberFormat('en-US', {
      notation: 'compact',
      compactDisplay: 'long',
      maximumSignificantDigits: 2,
    }).format(x);
  if (x !== 0 && Math.abs(x) < 1e-6) return format('.2~e')(x);
  return sig2fmt(x);
}

/** A distance in metres, in m or km. */
export const distance = (m) => (Math.abs(m) >= 1000 ? `${plain(m / 1000)} km` : `${plain(m)} m`);

/** A duration in hours, in seconds, minutes, hours or days. */
export function duration(h) {
  const s = h * 3600;
  if (s < 60) return `${plain(s)} seconds`;
  if (s < 3600) return `${plain(s / 60)} minutes`;
  if (h < 48) return `${plain(h)} hours`;
  return `${plain(h / 24)} days`;
}

const EQUIVALENT_PHRASES = {
  google_search: (n, c) => `${plain(n)} Google searches (${plain(c.value)} Wh each)`,
  phone_charge: (n, c, ref = n) =>
    ref < 1
      ? `${plain(n * 100)} % of a full smartphone charge (${plain(c.value)} Wh)`
      : `${plain(n)} full smartphone ${plain(ref) === '1' ? 'charge' : 'charges'} (${plain(c.value)} Wh each)`,
  led_bulb_hour: (n, c) => `a ${plain(c.value)} W LED bulb lit for ${duration(n)}`,
  teaspoon: (n, c) => `${plain(n)} teaspoons of water (${plain(c.value)} mL each)`,
  water_bottle: (n, c, ref = n) =>
    ref < 1
      ? `${plain(n * 100)} % of a ${plain(c.value)} mL bottle of water`
      : `${plain(n)} bottles of water of ${plain(c.value)} mL`,
  olympic_pool: (n, c) => `${plain(n)} Olympic swimming pools (${plain(c.value)} m³ each)`,
  car_mile: (n, c) => `driving a petrol car ${distance(n * 1609.344)} (about ${plain(c.value)} g CO₂ per mile)`,
  household: (n, c) => `the electricity of ${plain(n)} U.S. households for a year (${plain(c.value)} MWh each)`,
  hospital: (n, c) => `the electricity of ${plain(n)} U.S. hospitals for a year (${plain(c.value)} MWh each)`,
  university: (n, c) => `the electricity of ${plain(n)} U.S. universities for a year (${plain(c.value)} MWh each)`,
  drinking_water_person_year: (n, c) =>
    `the drinking water of ${plain(n)} people for a year (${plain(c.value)} L each)`,
  gasoline_car_year: (n, c) => `${plain(n)} petrol cars driven for a year (${plain(c.value)} t CO₂ each)`,
  forest_acre_year: (n, c) =>
    `the CO₂ that ${plain(n)} acres of forest absorb in a year (${plain(c.value)} t CO₂ per acre)`,
  chicago_area: (n) => `the CO₂ a forest ${plain(n)} times the size of Chicago absorbs in a year`,
};

/**
 * An everyday equivalent in words, always with its unit: `constant` is a constants-dataset
 * entry ({id, label, value, unit}) and `n` how many of it the amount equals, or a pair
 * [low, high] ("the electricity of 36,000 – 37,000 U.S. households for a year (11 MWh each)").
 */
export function equivalentText(constant, n, ref) {
  if (Array.isArray(n)) {
    const [lo, hi] = n.map((x) => equivalentText(constant, x, Math.max(...n)).split(' '));
    if (lo.join(' ') === hi.join(' ')) return lo.join(' ');
    let a = 0;
    while (a < lo.length && a < hi.length && lo[a] === hi[a]) a += 1;
    let b = 0;
    while (b < lo.length - a && b < hi.length - a && lo[lo.length - 1 - b] === hi[hi.length - 1 - b]) b += 1;
    const mid = `${lo.slice(a, lo.length - b).join(' ')} – ${hi.slice(a, hi.length - b).join(' ')}`;
    return [...lo.slice(0, a), mid, ...lo.slice(lo.length - b)].join(' ');
  }
  const phrase = EQUIVALENT_PHRASES[constant?.id];
  if (phrase) return phrase(n, constant, ref ?? n);
  return `${constant?.label ?? 'equivalent'}: ${plain(n)} × ${plain(constant?.value)} ${constant?.unit ?? ''}`.trim();
}
