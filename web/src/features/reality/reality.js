// Reality check (docs/reality.md): which boundary each published figure counts, the
// estimate requests that recompute ours on it, and a one-line reason for the gap.
// Pure functions, tested under Node in tests/web/reality.test.mjs.
import { overridesOf } from '../../lib/requests.js';
import { choice } from '../../state/url-state.js';

/** URL fields of the view (state/url-state.js FieldSpec). */
export const REALITY_FIELDS = {
  // '' = the paper's boundary for ours
  realityLikeForLike: {
    url: 'rlike',
    kind: 'enum',
    values: ['', 'like'],
    def: '',
    label: "Compare like with like: recompute ours on each figure's boundary",
  },
  realityMetric: choice(
    { energy: 'Energy (Wh)', water: 'Water (mL)', carbon: 'Carbon (g CO₂e)' },
    { url: 'rmetric', label: 'Quantity' },
  ),
  // market-based kg CO2e/kWh, user-given
  realityMarketCif: {
    url: 'rmkt',
    kind: 'number',
    min: 0,
    max: 2,
    def: null,
    label: 'Your market-based carbon factor (kg CO₂e per kWh, optional)',
    help: "This calculator has no market-based data. Enter a factor from the provider's sustainability report to compare with market-based carbon figures.",
  },
};

/** Plain words for the tags of a figure. */
export const BOUNDARY_WORDS = {
  accelerator: 'accelerators only',
  it: 'whole servers, no building overhead',
  facility: 'whole data centre (× PUE)',
  facility_with_idle: 'whole data centre, plus idle reserve machines',
  lifecycle: 'full life cycle (training, hardware, network)',
  unspecified: 'not stated',
};
export const WATER_WORDS = {
  site: 'cooling water only',
  site_and_source: 'cooling and power-plant water',
  lifecycle: 'life-cycle water',
  unspecified: 'not stated',
};
export const CARBON_WORDS = {
  market: 'market-based (after renewable purchases)',
  location: 'location-based (grid average)',
};
export const METHOD_WORDS = {
  measured: 'measured in the fleet',
  modelled: 'modelled',
  LCA: 'life-cycle assessment',
  unspecified: 'method not stated',
};

/** What the switch cannot match, in words. */
export const UNMATCHED_WORDS = {
  facility_with_idle: 'idle reserve machines',
  lifecycle: 'life-cycle impacts (training, hardware, network)',
  unspecified: 'an unstated boundary',
  market: 'market-based carbon (enter your factor above)',
};

/** What the engine can match of a figure's boundary: estimate overrides and what is left unmatched. */
export function boundaryFor(figure, marketFactor) {
  const o = {};
  const unmatched = [];
  const b = figure.energy_boundary;
  if (b === 'accelerator' || b === 'it') o.boundary = b;
  else if (b !== 'facility') unmatched.push(b);
  if (figure.water_scope === 'site') o.water_scope = 'site';
  if (figure.carbon_basis === 'market') {
    if (Number.isFinite(marketFactor)) {
      o.carbon_basis = 'market';
      o.market_cif_kg_per_kwh = marketFactor;
    } else unmatched.push('market');
  }
  return { overrides: o, unmatched };
}

const keyOf = (o) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * The estimate requests of the view: `base` (ours, the paper's boundary) and, with the
 * switch on, one per distinct figure boundary. Returns {requests: [{key, request}], keyFor: id -> key}.
 * A user's own location-based factor (cif) is left out where the market basis applies.
 */
export function realityRequests(base, state, figures) {
  const requests = [{ key: 'base', request: base }];
  const keyFor = {};
  if (!base || state.realityLikeForLike !== 'like') return { requests, keyFor };
  const seen = new Map();
  for (const f of figures) {
    const { overrides } = boundaryFor(f, state.realityMarketCif);
    if (!Object.keys(overrides).length) {
      keyFor[f.id] = 'base';
      continue;
    }
    const k = keyOf(overrides);
    if (!seen.has(k)) {
      const merged = { ...overridesOf(state), ...overrides };
      if (merged.carbon_basis === 'market') delete merged.cif_kg_per_kwh;
      seen.set(k, `b${seen.size + 1}`);
      requests.push({ key: seen.get(k), request: { ...base, overrides: merged } });
    }
    keyFor[f.id] = seen.get(k);
  }
  return { requests, keyFor };
}

/** The published value of a figure for a metric: {value, low, high} or null. */
export function publishedValue(figure, metric) {
  if (metric === 'energy')
    return figure.energy_wh === null
      ? null
      : { value: figure.energy_wh, low: figure.energy_wh_low, high: figure.energy_wh_high };
  const v = metric === 'water' ? figure.water_ml : figure.carbon_g;
  return v === null ? null : { value: v, low: null, high: null };
}

/** Reasons ours and a figure differ, most important first (plain words). */
export function gapReasons(figure, { metric, like, prompt, promptDetail, marketFactor }) {
  const r = [];
  const matched = like ? boundaryFor(figure, marketFactor).overrides : {};
  if (/session/i.test(figure.workload)) r.push('theirs is a whole session of many model calls, ours one query');
  const b = figure.energy_boundary;
  if (b === 'lifecycle') r.push('theirs adds training, hardware manufacturing and network (full life cycle)');
  else if (b === 'unspecified') r.push('theirs does not say what it counts');
  else if (b === 'accelerator' && !matched.boundary)
    r.push('theirs counts the accelerators only, ours the whole server and the building');
  else if (b === 'it' && !matched.boundary) r.push("theirs leaves out the building's overhead (PUE)");
  else if (b === 'facility_with_idle')
    r.push("theirs also counts idle reserve machines, but on the provider's own chips and data centres");
  if (metric === 'water' && figure.water_scope === 'site' && !matched.water_scope)
    r.push('theirs counts cooling water only, ours also the water used to make the electricity');
  if (metric === 'carbon' && figure.carbon_basis === 'market' && !matched.carbon_basis)
    r.push('theirs is market-based (after renewable purchases), ours uses the grid average');
  if (prompt && prompt !== 'short')
    r.push(`ours is a ${prompt} prompt (${promptDetail}), theirs ${figure.workload.split(';')[0]}`);
  if (/median/.test(figure.statistic)) r.push('theirs is a median, ours a mean (a few long queries pull a mean up)');
  if (figure.method === 'measured') r.push('theirs is measured on the real fleet, ours modelled from speed tests');
  if (!r.length) r.push('similar boundaries: the rest is hardware, model size and batching');
  return r;
}

/** "Ours is 57× theirs" / "Ours is 1/3 of theirs" / "About the same". */
export function ratioWords(ours, theirs, fmt) {
  if (!(ours > 0) || !(theirs > 0)) return '';
  const x = ours / theirs;
  if (x >= 0.8 && x <= 1.25) return 'About the same as ours';
  return x > 1 ? `Ours is ${fmt(x)} theirs` : `Theirs is ${fmt(1 / x)} ours`;
}

/** The one-line reason: the ratio and the two main differences. */
export function gapLine(figure, ours, theirs, ctx, fmt) {
  const ratio = ratioWords(ours, theirs, fmt);
  const reasons = gapReasons(figure, ctx).slice(0, 2).join('; ');
  return ratio ? `${ratio}: ${reasons}.` : `${reasons[0].toUpperCase()}${reasons.slice(1)}.`;
}
