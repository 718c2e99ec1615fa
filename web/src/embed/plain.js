// Plain-language numbers for sentences (embed card headlines, the share image): two
// significant figures (lib/format.js sig2) in a unit that scales (Wh/kWh/MWh, mL/L/m³,
// g/kg/t CO₂e).
import { sig2 } from '../lib/format.js';

export { sig2 };
export const METRIC_KEYS = ['energy', 'water', 'carbon'];

/** [threshold, divisor, unit] per metric, largest first. */
const SCALES = {
  energy: [
    [1e6, 1e6, 'MWh'],
    [1e3, 1e3, 'kWh'],
    [0, 1, 'Wh'],
  ],
  water: [
    [1e6, 1e6, 'm³'],
    [1e3, 1e3, 'L'],
    [0, 1, 'mL'],
  ],
  carbon: [
    [1e6, 1e6, 't CO₂e'],
    [1e3, 1e3, 'kg CO₂e'],
    [0, 1, 'g CO₂e'],
  ],
};

/** "0.42 Wh", "1.2 kWh": two significant figures in a unit that scales. */
export function amount(metric, x) {
  if (!Number.isFinite(x)) return '–';
  const [, div, unit] = SCALES[metric].find(([t]) => Math.abs(x) >= t) ?? SCALES[metric].at(-1);
  return `${sig2(x / div)} ${unit}`;
}
