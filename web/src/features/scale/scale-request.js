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

/** The prompt mix of the state as fractions, or an error message. */
export function mixOf(state, preset) {
  if (state.spreset === 'gpt4o' && preset) return { mix: preset.mix };
  const raw = {
    short: state.sshort ?? 80,
    medium: state.smedium ?? 20,
    long: state.slong ?? 0,
    extra_long: state.sxlong ?? 0,
  };
  const total = raw.short + raw.medium + raw.long + raw.extra_long;
  if (Math.abs(total - 100) > 1e-9) return { error: `The prompt mix must add up to 100 % (now ${total} %).` };
  const mix = {};
  for (const [k, v] of Object.entries(raw)) if (v > 0) mix[k] = v / 100;
  return { mix };
}

/** The scale request, or {error} when the inputs do not allow one. */
export function scaleRequest(state, data, model) {
  const preset = state.spreset === 'gpt4o' ? presetOf(data.constants) : null;
  if (preset) {
    const session = data.constants.case_study.session_queries;
    const req = { op: 'scale', preset: 'gpt-4o-2025', constants: data.refs.constants, hosts: data.refs.hosts };
    if (session) req.day = { queries: session };
    return { request: req };
  }
  const { mix, error } = mixOf(state, null);
  if (error) return { error };
  const days = state.sdays ?? 365;
  const q = state.sq ?? 1e9;
  const perDay = state.sper === 'year' ? q / days : q;
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
