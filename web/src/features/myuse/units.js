// Units that scale (Wh/kWh/MWh/GWh, mL/L/m³, g/kg/t) and two significant figures for
// sentences. Pure functions.
import { format } from 'd3-format';

const two = format(',.2~r');

/** Two significant figures, thousands grouped (0.42, 3.1, 15,000). */
export function sig2(x) {
  if (!Number.isFinite(x)) return '–';
  if (x !== 0 && Math.abs(x) < 0.001) return format('.2~e')(x);
  return two(x);
}

const LADDERS = {
  Wh: [
    [1e9, 'GWh'],
    [1e6, 'MWh'],
    [1e3, 'kWh'],
    [1, 'Wh'],
  ],
  mL: [
    [1e6, 'm³'],
    [1e3, 'L'],
    [1, 'mL'],
  ],
  g: [
    [1e6, 't'],
    [1e3, 'kg'],
    [1, 'g'],
  ],
};

/** An amount in the base unit (Wh, mL or g) as text in the largest unit it reaches: "3.1 kWh". */
export function amount(x, base) {
  if (!Number.isFinite(x)) return '–';
  const ladder = LADDERS[base];
  const [f, unit] = ladder.find(([f]) => Math.abs(x) >= f) ?? ladder[ladder.length - 1];
  return `${sig2(x / f)} ${unit}`;
}
