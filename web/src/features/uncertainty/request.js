// The calculator state -> "uncertainty" and "sensitivity" requests (docs/uncertainty.md). Pure functions, tested under Node in tests/web/uncertainty.test.mjs.
import { estimateRequest } from '../../lib/requests.js';
import { choice } from '../../state/url-state.js';

// '' (the default) and 'range' (older links) = the assumption varies over its documented
// range; 'fixed' = held at the dataset's value, as the paper does.
const range = { kind: 'enum', values: ['', 'range', 'fixed'], def: '' };

/** URL fields of the panel (state/url-state.js FieldSpec). */
export const UNCERTAINTY_FIELDS = {
  // The panel starts collapsed; opened, every assumption varies unless the visitor fixes it.
  uncertaintyOpen: { url: 'uopen', kind: 'bool', def: false },
  uncertaintyLatency: { url: 'ulat', kind: 'enum', values: ['', 'fixed'], def: '' }, // '' = the v6 copula
  uncertaintyPue: { ...range, url: 'upue' },
  uncertaintyPueLow: {
    url: 'upuelo',
    kind: 'number',
    min: 1,
    max: 3,
    def: null,
    label: 'PUE from',
    help: "Empty: the default range (lowest to highest PUE of the paper's hosts).",
  },
  uncertaintyPueHigh: { url: 'upuehi', kind: 'number', min: 1, max: 3, def: null, label: 'PUE to' },
  uncertaintyWeight: { ...range, url: 'uw' },
  uncertaintyBatch: { ...range, url: 'ubatch' },
  uncertaintyWueSite: { ...range, url: 'uwues' },
  uncertaintyRegion: { ...range, url: 'uregion' },
  uncertaintyMetric: choice(
    { energy: 'Energy', water: 'Water', carbon: 'Carbon' },
    { url: 'umetric', label: 'Drivers of' },
  ),
  uncertaintySeed: { url: 'useed', kind: 'number', min: 0, max: 1e9, int: true, def: null },
};

/** The assumptions a visitor can switch between a range (the default) and fixed, with their state field. */
export const SWITCHES = [
  { field: 'uncertaintyPue', input: 'pue', label: 'PUE (data-centre overhead)' },
  { field: 'uncertaintyWeight', input: 'w_max', label: 'GPU utilisation between its low and high bound' },
  { field: 'uncertaintyBatch', input: 'batch_size', label: 'Batch size (4, 8 or 16 queries)' },
  { field: 'uncertaintyWueSite', input: 'wue_site_l_per_kwh', label: 'On-site water use (WUE site)' },
  { field: 'uncertaintyRegion', input: 'region', label: "Region (the provider's regions, weighted)" },
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

/** What each input is, in words, for the lead sentence of the panel. */
export const INPUT_WORDS = {
  latency_speed: 'The measured speed of the model (how long it takes to answer)',
  w_max: 'How busy the GPUs are while answering',
  batch_size: 'Batch size (how many questions a server answers at once), which providers do not publish,',
  gpus: 'The number of GPUs serving the model',
  pue: 'The data centre overhead (PUE)',
  wue_site_l_per_kwh: 'The water the data centre uses for cooling',
  wue_source_l_per_kwh: 'The water used to make the electricity',
  cif_kg_per_kwh: 'The carbon intensity of the electricity',
  output_tokens: 'The length of the answer',
  region: 'Where the data centre is',
};

export const DRAWS = { uncertainty: 20000, sensitivity: 10000 };

/** The "uncertain" object of the state. */
export function uncertainSpec(state) {
  const u = {};
  if (state.uncertaintyLatency === 'fixed') u.latency_speed = { dist: 'fixed' };
  for (const s of SWITCHES) {
    if (state[s.field] === 'fixed') continue;
    const lo = state.uncertaintyPueLow;
    const hi = state.uncertaintyPueHigh;
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
  const base = { ...rest, uncertain: uncertainSpec(state), seed: state.uncertaintySeed ?? 0 };
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
