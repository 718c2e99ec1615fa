// Units that scale: the one table of the app (Wh/kWh/MWh/GWh/TWh, mL/L/m³, g/kg/t CO₂e) and
// the texts built on it. An amount is always given in its metric's base unit (Wh, mL or
// g CO₂e) and shown in the largest unit it reaches, two significant figures in sentences
// (`plain`), about three with `precise` (`num`). Pure functions, tested in
// tests/web/units.test.mjs.
import { num, plain } from './format.js';

/** Per metric: [factor from the base unit, unit], smallest first. */
export const SCALES = {
  energy: [
    [1, 'Wh'],
    [1e3, 'kWh'],
    [1e6, 'MWh'],
    [1e9, 'GWh'],
    [1e12, 'TWh'],
  ],
  water: [
    [1, 'mL'],
    [1e3, 'L'],
    [1e6, 'm³'],
    [1e9, 'thousand m³'],
    [1e12, 'million m³'],
  ],
  carbon: [
    [1, 'g CO₂e'],
    [1e3, 'kg CO₂e'],
    [1e6, 't CO₂e'],
    [1e9, 'thousand t CO₂e'],
    [1e12, 'million t CO₂e'],
  ],
};

/** The metric whose base unit is `unit` ('Wh', 'mL', 'g'), or undefined. */
export const metricOfUnit = (unit) => ({ Wh: 'energy', mL: 'water', g: 'carbon' })[unit];

/**
 * The unit step for an amount in the base unit: the largest whose value is >= 1 once rounded
 * (999.7 Wh is "1 kWh", not "1,000 Wh").
 */
export function scaleFor(metric, base) {
  const steps = SCALES[metric];
  let pick = steps[0];
  for (const s of steps) if (Math.abs(base) >= s[0] * 0.9995) pick = s;
  return { factor: pick[0], unit: pick[1] };
}

/**
 * An amount in its metric's base unit in a unit that fits it:
 * quantity(4310, 'energy') = "4.3 kWh"; precise = true gives three significant digits.
 * Several amounts shown together (a range) should share one unit: pass `like`.
 */
export function quantity(base, metric, { precise = false, like } = {}) {
  if (!Number.isFinite(base)) return '–';
  const { factor, unit } = scaleFor(metric, Number.isFinite(like) ? like : base);
  return `${(precise ? num : plain)(base / factor)} ${unit}`;
}

/** A range "6 – 31 Wh" in one unit (the upper bound's), two significant figures unless precise. */
export function range(lo, hi, metric, { precise = false } = {}) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return '–';
  const { factor, unit } = scaleFor(metric, Math.max(Math.abs(lo), Math.abs(hi)));
  const f = precise ? num : plain;
  return `${f(lo / factor)} – ${f(hi / factor)} ${unit}`;
}

/**
 * The parts of an amount for markup that styles number and unit apart: {text, unit}, scaled
 * when `unit` is a base unit ('Wh', 'mL', 'g': carbon without "CO₂e", the caller adds it),
 * as is for any other unit ('s', 'W', '×', tokens). `round` formats the number (default: two
 * significant figures).
 */
export function amountParts(value, unit, round = plain) {
  if (!Number.isFinite(value)) return { text: '–', unit: '' };
  const metric = metricOfUnit(unit);
  if (!metric) return { text: round(value), unit };
  const { factor, unit: u } = scaleFor(metric, value);
  return { text: round(value / factor), unit: metric === 'carbon' ? u.replace(' CO₂e', '') : u };
}
