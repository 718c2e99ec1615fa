// Plain-language numbers for sentences (embed card headlines, the share image): two
// significant figures in a unit that scales (Wh/kWh/MWh, mL/L/m³, g/kg/t CO₂e).
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

/** Two significant figures: 0.42, 1.6, 12, 1,200. */
export function sig2(x) {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const p = Math.floor(Math.log10(Math.abs(x))) - 1;
  const r = Math.round(x / 10 ** p) * 10 ** p;
  return r.toLocaleString('en-US', { maximumFractionDigits: Math.max(0, -p), useGrouping: true });
}

/** "0.42 Wh", "1.2 kWh": two significant figures in a unit that scales. */
export function amount(metric, x) {
  if (!Number.isFinite(x)) return '–';
  const [, div, unit] = SCALES[metric].find(([t]) => Math.abs(x) >= t) ?? SCALES[metric].at(-1);
  return `${sig2(x / div)} ${unit}`;
}
