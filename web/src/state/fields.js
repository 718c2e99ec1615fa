// Every setting a visitor can change, as URL fields (see url-state.js). Features that
// plug in later add their own fields through their index.js (`fields` export), so this
// list only holds the core views' settings.
//
// The one table of state names and link keys: the state (and every view) uses the
// descriptive name on the left; links write the short `url` key, which never changes
// (existing links keep working). Each field also carries the words of its control
// (label, unit, help, option labels), read by components/fields.jsx SpecField.
import { choice } from './url-state.js';

const name = { kind: 'string', max: 160, def: '' };
const num = (min, max, extra = {}) => ({ kind: 'number', min, max, def: null, ...extra });
const METRIC_OPTIONS = { energy: 'Energy', water: 'Water', carbon: 'Carbon' };

export const RANK_INPUTS = ['energy', 'pue', 'wue_site', 'wue_source', 'cif'];

/** The most queries the Scale view may ask for in one run: the engine's limit for a year's total. */
export const SCALE_MAX_TOTAL = 1e16;
/** Scale's bounds: queries a day (or in total) and days, so that their product stays within SCALE_MAX_TOTAL. */
export const SCALE_MAX_QUERIES = 1e12;
export const SCALE_MAX_DAYS = 3660;

/** @type {Record<string, import('./url-state.js').FieldSpec>} */
export const coreFields = {
  view: { kind: 'string', max: 32, pattern: /^[a-z][a-z0-9-]*$/, def: 'calc' },
  // dataset "id@version"; empty = the manifest's default
  dataset: {
    url: 'ds',
    kind: 'string',
    max: 80,
    pattern: /^[a-z0-9][a-z0-9-]*(@[A-Za-z0-9.-]+)?$/,
    def: '',
    label: 'Data',
  },
  model: { ...name, label: 'Model' },
  prompt: choice(
    { short: 'Short', medium: 'Medium', long: 'Long', extra_long: 'Extra long' },
    { label: 'Prompt size' },
  ),
  outputTokens: num(1, 100000, {
    url: 'out',
    int: true,
    label: 'Custom output tokens',
    help: "Outside the measured configurations: keeps this prompt size's latency and speed, changes only the length of the answer (a token is about three quarters of a word).",
  }),
  // assumptions (empty = the dataset's value)
  hardware: { ...name, url: 'hw', label: 'Hardware' },
  sizeClass: choice(
    { '': 'As in the dataset', Nano: 'Nano', Micro: 'Micro', Small: 'Small', Medium: 'Medium', Large: 'Large' },
    { url: 'size', label: 'Size class' },
  ),
  gpus: num(1, 64, { int: true, label: 'GPUs per query', help: 'Utilisation is derived: U = G·D / (N·B)' }),
  batchSize: num(1, 1024, { url: 'batch', int: true, label: 'Batch size', help: 'Paper: 8 (appendix: 4 and 16)' }),
  host: { ...name, label: 'Host' },
  region: { ...name, label: 'Region', help: 'Water and carbon of one Azure or AWS region' },
  hostMultipliers: choice(
    { '': 'As in the dataset', v6: 'Paper v6 (coded values)', v4: 'Paper v4' },
    { url: 'mult', label: 'Host multipliers' },
  ),
  pue: num(1, 3, { label: 'PUE' }),
  wueSite: num(0, 20, { url: 'wues', label: 'On-site water (WUE site)', unit: 'L/kWh' }),
  wueSource: num(0, 50, { url: 'wuesrc', label: 'Electricity water (WUE source)', unit: 'L/kWh' }),
  cif: num(0, 2, { label: 'Carbon intensity (CIF)', unit: 'kg CO₂e/kWh' }),
  estimator: choice(
    { v6: 'v6: Monte Carlo copula (paper v6)', v4: 'v4: quantile grid (paper v4)' },
    { url: 'est', label: 'Estimator' },
  ),
  rho: num(-0.99, 0.99, { label: 'Latency–speed correlation ρ', help: 'v6 only; paper: −0.3' }),
  utilisationWeight: num(0, 1, {
    url: 'w',
    label: 'Weight of the high-utilisation bound w',
    help: 'E = w·E_max + (1−w)·E_min; paper: 0.5',
  }),
  // compare
  compareScale: choice({ log: 'Logarithmic', lin: 'Linear' }, { url: 'cscale', label: 'Scale' }),
  // the models compared (names joined by "|"; empty = all), colour by provider or reasoning
  compareModels: { kind: 'string', max: 1400, def: '', url: 'cm' },
  compareColour: choice({ company: 'Provider', reasoning: 'Reasoning or not' }, { url: 'ccolor', label: 'Colour by' }),
  compareLine: choice({ p5p95: 'Likely range', sd: 'Mean ± standard deviation' }, { url: 'cerr', label: 'Line shows' }),
  compareMetric: choice(METRIC_OPTIONS, { url: 'cmetric', label: 'Quantity' }),
  compareSort: { kind: 'enum', values: ['value', 'name', 'company'], def: 'value', url: 'csort' },
  compareDescending: { kind: 'bool', def: false, url: 'cdesc' },
  // the second model of "model against model" (and of a two-model embed)
  compareWith: { ...name, url: 'cb', label: 'Model B' },
  // rank
  rankInputs: {
    kind: 'list',
    values: RANK_INPUTS,
    def: RANK_INPUTS,
    url: 'rin',
    label: 'What counts as a cost (less is better)',
    minItems: 1,
  },
  rankOrientation: choice(
    { io: 'How much less could it use?', oo: 'How much more could it give?' },
    { url: 'rorient', label: 'Question asked of each model' },
  ),
  rankReturnsToScale: choice(
    { crs: 'All on one scale (the paper)', vrs: 'Each against models of its size' },
    { url: 'rrts', label: 'Comparing small and large models' },
  ),
  rankTies: choice(
    { aggressive: 'Aggressive (the paper)', benevolent: 'Benevolent', arbitrary: 'Simple' },
    { url: 'rmethod', label: 'When several weightings are equally good' },
  ),
  rankSelfJudgement: { kind: 'bool', def: true, url: 'rself', label: 'Count how each model judges itself' },
  rankSelected: { ...name, url: 'rsel' },
  // scale
  scalePreset: choice(
    { gpt4o: 'Paper: GPT-4o in 2025 (772 billion queries, 80 % short / 20 % medium)', '': 'My own traffic' },
    { def: '', url: 'spreset', label: 'Scenario' },
  ),
  scaleQueries: num(1, SCALE_MAX_QUERIES, {
    url: 'sq',
    label: 'Queries',
    help: 'Up to 1 trillion, a day or in total: with up to 3,660 days that stays within the 10 quadrillion (10¹⁶) queries the calculator can add up.',
  }),
  scalePer: choice({ day: 'Queries per day', year: 'Queries in total' }, { url: 'sper', label: 'Traffic given' }),
  scaleShort: num(0, 100, { url: 'sshort' }),
  scaleMedium: num(0, 100, { url: 'smedium' }),
  scaleLong: num(0, 100, { url: 'slong' }),
  scaleExtraLong: num(0, 100, { url: 'sxlong' }),
  scaleDays: num(1, SCALE_MAX_DAYS, { url: 'sdays', int: true, label: 'Days', help: 'At most 3,660 (ten years).' }),
};
