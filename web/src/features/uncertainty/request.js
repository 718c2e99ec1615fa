// The calculator state -> "uncertainty" and "sensitivity" requests (docs/uncertainty.md). Pure functions, tested under Node in tests/web/uncertainty.test.mjs.
import { estimateRequest } from '../../lib/requests.js';

const range = { kind: 'enum', values: ['', 'range'], def: '' };

/** URL fields of the panel (state/url-state.js FieldSpec); '' = fixed (the paper). */
export const UNCERTAINTY_FIELDS = {
  ulat: { kind: 'enum', values: ['', 'fixed'], def: '' }, // '' = the v6 copula
  upue: range,
  upuelo: { kind: 'number', min: 1, max: 3, def: null },
  upuehi: { kind: 'number', min: 1, max: 3, def: null },
  uw: range,
  ubatch: range,
  uwues: range,
  uregion: range,
  umetric: { kind: 'enum', values: ['energy', 'water', 'carbon'], def: 'energy' },
  useed: { kind: 'number', min: 0, max: 1e9, int: true, def: null },
};

/** The assumptions a visitor can switch between fixed and a range, with their URL field. */
export const SWITCHES = [
  { field: 'upue', input: 'pue', label: 'PUE (data-centre overhead)' },
  { field: 'uw', input: 'w_max', label: 'GPU utilisation between its low and high bound' },
  { field: 'ubatch', input: 'batch_size', label: 'Batch size (4, 8 or 16 queries)' },
  { field: 'uwues', input: 'wue_site_l_per_kwh', label: 'On-site water use (WUE site)' },
  { field: 'uregion', input: 'region', label: "Region (the provider's regions, weighted)" },
];

/** Readable names of the engine's inputs. */
export const INPUT_LABELS = {
  latency_speed: 'Latency and speed',
  w_max: 'GPU utilisation',
  batch_size: 'Batch size',
  gpus: 'GPU count',
  pue: 'PUE',
  wue_site_l_per_kwh: 'On-site water (WUE site)',
  wue_source_l_per_kwh: 'Water of electricity (WUE source)',
  cif_kg_per_kwh: 'Carbon intensity',
  output_tokens: 'Output tokens',
  p_gpu_kw: 'GPU power',
  p_nongpu_kw: 'Non-GPU power',
  region: 'Region',
};

export const DRAWS = { uncertainty: 20000, sensitivity: 10000 };

/** The "uncertain" object of the state. */
export function uncertainSpec(state) {
  const u = {};
  if (state.ulat === 'fixed') u.latency_speed = { dist: 'fixed' };
  for (const s of SWITCHES) {
    if (state[s.field] !== 'range') continue;
    const lo = state.upuelo;
    const hi = state.upuehi;
    if (s.input === 'pue' && Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi) {
      u.pue = { dist: 'uniform', min: lo, max: hi };
    } else {
      u[s.input] = { dist: 'default' };
    }
  }
  return u;
}

/**
 * Both requests for one (model, prompt): the estimate request's dataset, selection and
 * overrides, the reference datasets the default ranges need, and the uncertain inputs.
 */
export function uncertaintyRequests(state, data, model, prompt) {
  const est = estimateRequest({ ...state, prompt }, data, { models: [model], prompts: [prompt] });
  const { method, ...rest } = est;
  delete rest.op;
  const base = { ...rest, uncertain: uncertainSpec(state), seed: state.useed ?? 0 };
  for (const k of ['hardware', 'hosts', 'regions']) if (data.refs?.[k]) base[k] = data.refs[k];
  const m = {};
  if (method?.rho !== undefined) m.rho = method.rho;
  if (method?.w_max !== undefined) m.w_max = method.w_max;
  if (Object.keys(m).length) base.method = m;
  return {
    uncertainty: { op: 'uncertainty', ...base, draws: DRAWS.uncertainty, bins: 30 },
    sensitivity: { op: 'sensitivity', ...base, draws: DRAWS.sensitivity, bins: 10 },
  };
}
