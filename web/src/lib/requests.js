// Builds engine requests from the app state (the shapes are in docs/api.md).
// Shared by the views so the same choices always give the same request.

/** URL field -> estimate `overrides` key. */
export const OVERRIDE_KEYS = {
  hardware: 'hardware',
  sizeClass: 'size_class',
  gpus: 'gpus',
  batchSize: 'batch_size',
  host: 'host',
  region: 'region',
  hostMultipliers: 'multipliers',
  pue: 'pue',
  wueSite: 'wue_site_l_per_kwh',
  wueSource: 'wue_source_l_per_kwh',
  cif: 'cif_kg_per_kwh',
  outputTokens: 'output_tokens',
};

const isSet = (v) => v !== null && v !== undefined && v !== '';

/** The overrides object of the state (only what the visitor changed). */
export function overridesOf(state) {
  const o = {};
  for (const [field, key] of Object.entries(OVERRIDE_KEYS)) if (isSet(state[field])) o[key] = state[field];
  return o;
}

/** The estimator settings of the state. */
export function methodOf(state) {
  const m = { estimator: state.estimator || 'v6' };
  if (isSet(state.rho)) m.rho = state.rho;
  if (isSet(state.utilisationWeight)) m.w_max = state.utilisationWeight;
  return m;
}

/** Which helper datasets the overrides need. */
export function helperRefs(overrides, refs) {
  const out = {};
  if ((overrides.hardware || overrides.size_class || overrides.gpus || overrides.batch_size) && refs.hardware)
    out.hardware = refs.hardware;
  if ((overrides.host || overrides.multipliers) && refs.hosts) out.hosts = refs.hosts;
  if (overrides.region && refs.regions) out.regions = refs.regions;
  return out;
}

/**
 * An `estimate` request for the chosen dataset.
 * @param {object} state app state
 * @param {{refs: object}} data from useDatasets()
 * @param {{models?: string[], prompts?: string[]}} select
 */
export function estimateRequest(state, data, select = {}) {
  const overrides = overridesOf(state);
  // Only the selected models travel to the engine (it validates every model it is given).
  const dataset =
    select.models && data.refs.dataset?.$data ? { ...data.refs.dataset, models: select.models } : data.refs.dataset;
  const req = { op: 'estimate', dataset, method: methodOf(state) };
  const sel = {};
  if (select.models) sel.models = select.models;
  if (select.prompts) sel.prompts = select.prompts;
  if (Object.keys(sel).length) req.select = sel;
  if (Object.keys(overrides).length) req.overrides = overrides;
  return { ...req, ...helperRefs(overrides, data.refs) };
}

/** The model list of a footprint dataset, for pickers: [{value, label, group}]. */
export function modelOptions(footprint) {
  return (footprint?.models ?? [])
    .map((m) => ({ value: m.model, label: m.model, group: m.company || 'Other' }))
    .sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label));
}

/**
 * The model a view should show: the chosen one if it exists, else a well-known current
 * model (GPT-5 (medium), GPT-5), else the paper's GPT-4o (Mar '25), else the first.
 */
export function chosenModel(state, footprint) {
  const models = footprint?.models ?? [];
  const names = models.map((m) => m.model);
  if (state.model && names.includes(state.model)) return state.model;
  const prefs = [/^GPT-5 \(medium\)$/, /^GPT-5\b(?! (mini|nano))/, /^GPT-4o \(Mar/, /^GPT-4o/];
  for (const re of prefs) {
    const hit = names.find((n) => re.test(n));
    if (hit) return hit;
  }
  return names[0] ?? '';
}

const PROMPT_ORDER = ['short', 'medium', 'long', 'extra_long'];

/**
 * The prompt a view should show: the chosen one if the model has it, else the size it has
 * nearest to the chosen one (medium for long when long is missing, long for short when only
 * long exists).
 */
export function chosenPrompt(state, footprint, model) {
  const m = footprint?.models?.find((x) => x.model === model);
  const prompts = m?.prompts?.map((p) => p.prompt) ?? ['short', 'medium', 'long'];
  if (prompts.includes(state.prompt)) return state.prompt;
  const at = PROMPT_ORDER.indexOf(state.prompt);
  const dist = (p) => (PROMPT_ORDER.indexOf(p) < 0 || at < 0 ? 99 : Math.abs(PROMPT_ORDER.indexOf(p) - at));
  return [...prompts].sort((a, b) => dist(a) - dist(b) || PROMPT_ORDER.indexOf(a) - PROMPT_ORDER.indexOf(b))[0];
}
