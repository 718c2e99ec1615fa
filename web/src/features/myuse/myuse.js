// My use: presets, the engine request (an estimate with a `workload` or a `session`,
// docs/workloads.md), a year of use and the reverse question. Pure functions: no DOM.
import { estimateRequest } from '../../lib/requests.js';
import { choice } from '../../state/url-state.js';

/**
 * The presets. Token counts are assumptions, stated in the view: about 0.75 English words per
 * token; a session's context grows by every earlier turn; a cached share of the prefix (system
 * prompt + history) with a range.
 */
export const PRESETS = [
  {
    value: 'quick',
    plural: 'quick questions',
    label: 'A quick question',
    detail: '100 tokens in, 300 out (the paper’s short prompt)',
    perDay: 20,
    workload: { input_tokens: 100, output_tokens: 300 },
  },
  {
    value: 'document',
    plural: 'document summaries',
    label: 'Summarise a long document',
    detail: 'a 3,000-word document (about 4,000 tokens) in, a 500-token summary out',
    perDay: 2,
    workload: { input_tokens: 4000, output_tokens: 500 },
  },
  {
    value: 'chat',
    plural: '20-turn chats',
    label: 'A 20-turn chat',
    detail:
      '20 turns of 150 tokens in and 350 out, each turn re-reading the whole conversation; half of it cached (0–90 %)',
    perDay: 1,
    session: {
      system_tokens: 300,
      generate: { turns: 20, input_tokens: 150, output_tokens: 350 },
      cached_share: { value: 0.5, low: 0, high: 0.9 },
    },
  },
  {
    value: 'agent',
    plural: 'coding-agent sessions',
    label: 'A coding-agent session',
    detail:
      '50 model calls: 8,000 tokens of instructions and tools, 1,500 new tokens (files, tool output) and 400 out per call; 80 % of the prefix cached (50–95 %)',
    perDay: 3,
    session: {
      system_tokens: 8000,
      generate: { turns: 50, input_tokens: 1500, output_tokens: 400 },
      cached_share: { value: 0.8, low: 0.5, high: 0.95 },
    },
  },
  {
    value: 'research',
    plural: 'deep-research runs',
    label: 'Deep research',
    detail:
      '20 steps, each reading 5,000 new tokens of sources and writing 500 tokens of notes, everything kept in the context; half of it cached (0–90 %)',
    perDay: 1,
    session: {
      system_tokens: 2000,
      generate: { turns: 20, input_tokens: 5000, output_tokens: 500 },
      cached_share: { value: 0.5, low: 0, high: 0.9 },
    },
  },
  {
    value: 'custom',
    plural: 'prompts',
    label: 'My own prompt',
    detail: 'type the tokens in and out',
    perDay: 10,
  },
];

/** Everyday things for the reverse question: constant id in the constants dataset and its quantity. */
export const REVERSE = [
  { value: 'shower', id: 'hot_shower', metric: 'energy_wh', label: 'one hot shower' },
  { value: 'kettle', id: 'kettle_boil', metric: 'energy_wh', label: 'boiling a litre in a kettle' },
  { value: 'phone', id: 'phone_charge', metric: 'energy_wh', label: 'charging a phone' },
  { value: 'car', id: 'car_km', metric: 'carbon_g', label: 'one km by car' },
];

/** URL fields of the view (state/url-state.js FieldSpec). */
export const MYUSE_FIELDS = {
  myUsePreset: choice(Object.fromEntries(PRESETS.map((p) => [p.value, p.label])), {
    def: 'quick',
    url: 'mypre',
    label: 'What I do',
  }),
  myUseTokensIn: {
    url: 'myin',
    kind: 'number',
    min: 1,
    max: 2000000,
    int: true,
    def: null,
    label: 'Tokens in',
    help: 'Everything sent: your text, any document, earlier messages. About 4 tokens per 3 words.',
  },
  myUseTokensOut: { url: 'myout', kind: 'number', min: 1, max: 1000000, int: true, def: null, label: 'Tokens out' },
  myUseThinking: {
    url: 'mythink',
    kind: 'number',
    min: 0,
    max: 1000000,
    int: true,
    def: null,
    label: 'Hidden thinking tokens',
    help: 'Leave empty to use the measured time to the first word, which already includes a reasoning model’s thinking. A number replaces it (never both).',
  },
  myUsePerDay: { url: 'myper', kind: 'number', min: 0, max: 100000, def: null, label: 'Times a day' },
  myUseDays: { url: 'mydays', kind: 'number', min: 1, max: 3660, int: true, def: 365, label: 'For' },
  myUseModel2: { url: 'my2', kind: 'string', max: 160, def: '', label: 'Compare with' },
  myUseModel3: { url: 'my3', kind: 'string', max: 160, def: '', label: 'And with' },
  myUseReverse: choice(Object.fromEntries(REVERSE.map((r) => [r.value, r.label])), {
    def: 'kettle',
    url: 'myrev',
    label: 'How many equal',
  }),
};

export const presetOf = (state) => PRESETS.find((p) => p.value === state.myUsePreset) ?? PRESETS[0];

/** The models to show side by side: the chosen model, then up to two more (known, distinct). */
export function modelsOf(state, footprint, chosen) {
  const names = new Set((footprint?.models ?? []).map((m) => m.model));
  const out = [chosen];
  for (const m of [state.myUseModel2, state.myUseModel3]) if (m && names.has(m) && !out.includes(m)) out.push(m);
  return out.filter(Boolean);
}

/** The workload of a custom prompt (or of a preset, with the typed tokens replacing its own). */
export function workloadOf(state, preset) {
  if (preset.session) return null;
  const w = { ...(preset.workload ?? { input_tokens: 1000, output_tokens: 500 }) };
  if (preset.value !== 'custom') return w;
  if (state.myUseTokensIn) w.input_tokens = state.myUseTokensIn;
  if (state.myUseTokensOut) w.output_tokens = state.myUseTokensOut;
  if (state.myUseThinking !== null && state.myUseThinking !== undefined) w.reasoning_tokens = state.myUseThinking;
  return w;
}

/** The estimate request for the models, or null. */
export function myUseRequest(state, data, models) {
  if (!models.length) return null;
  const preset = presetOf(state);
  const req = estimateRequest(state, data, { models });
  delete req.select.prompts;
  if (req.overrides) {
    delete req.overrides.output_tokens;
    if (!Object.keys(req.overrides).length) delete req.overrides;
  }
  if (preset.session) req.session = preset.session;
  else req.workload = workloadOf(state, preset);
  return req;
}

/** Uses per day: the typed number, else the preset's. */
export const perDayOf = (state, preset) => state.myUsePerDay ?? preset.perDay;

/**
 * A year (or `days`) of use of one result row: {energy_kwh, water_l, carbon_kg}, each {mean, low, high}
 * from the row's mean and range (range_low..range_high).
 */
export function yearOf(row, perDay, days) {
  const n = perDay * days;
  const part = (s, f) => ({
    mean: s.mean * n * f,
    low: (s.range_low ?? s.low) * n * f,
    high: (s.range_high ?? s.high) * n * f,
  });
  return {
    uses: n,
    energy_kwh: part(row.energy_wh, 1e-3),
    water_l: part(row.water_ml, 1e-3),
    carbon_kg: part(row.carbon_g, 1e-3),
  };
}

/** A constant of the constants dataset by id (everyday first, then the paper's). */
export function constantOf(constants, id) {
  return [...(constants?.everyday ?? []), ...(constants?.equivalences ?? [])].find((c) => c.id === id) ?? null;
}

/** How many uses equal the thing (its energy or carbon): {count, constant} or null. */
export function reverseOf(row, constants, which) {
  const r = REVERSE.find((x) => x.value === which) ?? REVERSE[0];
  const c = constantOf(constants, r.id);
  const per = row?.[r.metric]?.mean;
  if (!c || !per) return null;
  return { count: c.value / per, constant: c, label: r.label, metric: r.metric };
}
