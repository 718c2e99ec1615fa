// The `scale` request of the Scale view (docs/scale.md) and a reader of its result.
import { estimateRequest } from '../../lib/requests.js';

/** The GPT-4o 2025 preset, from the constants dataset's case study (never hard-coded here). */
export function presetOf(constants) {
  const cs = constants?.case_study;
  if (!cs) return null;
  return {
    queries_per_year: cs.queries_2025,
    mix: cs.prompt_mix,
    per_query_wh: cs.energy_wh_per_query_v4,
    ratios: { low: cs.power_ratio_min_over_mean, high: cs.power_ratio_max_over_mean },
    host: cs.host,
    host_preset: cs.host_preset,
    paper: { energy_mwh: cs.annual_energy_mwh, water_kl: cs.annual_water_kl, carbon_t: cs.annual_carbon_t },
    notes: cs.notes ?? [],
    source: cs.source,
  };
}

/** The URL field of each prompt size's share in the mix. */
export const MIX_FIELDS = {
  short: 'scaleShort',
  medium: 'scaleMedium',
  long: 'scaleLong',
  extra_long: 'scaleExtraLong',
};
const DEFAULT_MIX = { short: 80, medium: 20, long: 0, extra_long: 0 };

/**
 * The default mix over the sizes a model has: the paper's 80 % short / 20 % medium where
 * both exist, else the paper's shares of the sizes that exist, else all on the smallest size.
 */
export function defaultMix(available = ['short', 'medium', 'long']) {
  const sizes = Object.keys(MIX_FIELDS).filter((k) => available.includes(k));
  const total = sizes.reduce((t, k) => t + DEFAULT_MIX[k], 0);
  if (!sizes.length) return {};
  if (total === 0) return Object.fromEntries(sizes.map((k, i) => [k, i === 0 ? 100 : 0]));
  return Object.fromEntries(sizes.map((k) => [k, (DEFAULT_MIX[k] / total) * 100]));
}

/**
 * The prompt mix of the state as fractions, or an error message. Only the sizes the model
 * has (`available`) take part: the visitor's shares when any is set, else defaultMix().
 */
export function mixOf(state, preset, available = ['short', 'medium', 'long']) {
  if (state.scalePreset === 'gpt4o' && preset) return { mix: preset.mix };
  const sizes = Object.keys(MIX_FIELDS).filter((k) => available.includes(k));
  const set = sizes.some((k) => state[MIX_FIELDS[k]] !== null && state[MIX_FIELDS[k]] !== undefined);
  const def = defaultMix(sizes);
  const raw = Object.fromEntries(sizes.map((k) => [k, set ? (state[MIX_FIELDS[k]] ?? 0) : def[k]]));
  const total = Object.values(raw).reduce((a, b) => a + b, 0);
  if (Math.abs(total - 100) > 1e-9)
    return { error: `The prompt mix must add up to 100 % (now ${Math.round(total * 100) / 100} %).` };
  const mix = {};
  for (const [k, v] of Object.entries(raw)) if (v > 0) mix[k] = v / 100;
  return { mix };
}

/** The scale request, or {error} when the inputs do not allow one. */
export function scaleRequest(state, data, model, available) {
  const preset = state.scalePreset === 'gpt4o' ? presetOf(data.constants) : null;
  if (preset) {
    const session = data.constants.case_study.session_queries;
    const req = { op: 'scale', preset: 'gpt-4o-2025', constants: data.refs.constants, hosts: data.refs.hosts };
    if (session) req.day = { queries: session };
    return { request: req };
  }
  const { mix, error } = mixOf(state, null, available);
  if (error) return { error };
  const days = state.scaleDays ?? 365;
  const q = state.scaleQueries ?? 1e9;
  const perDay = state.scalePer === 'year' ? q / days : q;
  const est = estimateRequest(state, data, { models: [model], prompts: Object.keys(mix) });
  delete est.op;
  delete est.select.prompts;
  return {
    request: {
      op: 'scale',
      estimate: est,
      mix,
      day: { queries: perDay },
      year: { queries: perDay * days },
      constants: data.refs.constants,
    },
  };
}

/**
 * Normalises the scale result: {queries, totals: {energy_mwh, water_kl, carbon_t} each {mean, sd, low, high},
 * day, equivalences: [{id, label, metric, low, high, mean}], published, notes}.
 */
export function readScale(result) {
  if (!result) return null;
  const y = result.year ?? {};
  const eq = (list) =>
    (list ?? []).map((e) => ({ id: e.id, label: e.label, metric: e.applies_to, source: e.source, ...e.count }));
  return {
    queries: y.queries,
    totals: { energy_mwh: y.energy_mwh, water_kl: y.water_kl, carbon_t: y.carbon_t },
    day: result.day ? { ...result.day, equivalences: eq(result.day.equivalences) } : null,
    perQuery: result.per_query ?? [],
    mixed: result.mixed,
    equivalences: eq(y.equivalences),
    published: result.published,
    notes: result.notes ?? [],
  };
}
