// The `scale` request of the Scale view (README "Scaling up") and a reader of its result.
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
  const raw = { short: state.sshort ?? 80, medium: state.smedium ?? 20, long: state.slong ?? 0 };
  const total = raw.short + raw.medium + raw.long;
  if (Math.abs(total - 100) > 1e-9) return { error: `The prompt mix must add up to 100 % (now ${total} %).` };
  const mix = {};
  for (const [k, v] of Object.entries(raw)) if (v > 0) mix[k] = v / 100;
  return { mix };
}

function hostMultipliers(hosts, presetId, host) {
  const preset = hosts?.presets?.find((p) => p.id === presetId);
  const h = preset?.hosts?.find((x) => x.host === host);
  if (!h) return undefined;
  const { pue, wue_site_l_per_kwh, wue_source_l_per_kwh, cif_kg_per_kwh } = h;
  return { pue, wue_site_l_per_kwh, wue_source_l_per_kwh, cif_kg_per_kwh };
}

/** The scale request, or {error} when the inputs do not allow one. */
export function scaleRequest(state, data, model) {
  const preset = state.spreset === 'gpt4o' ? presetOf(data.constants) : null;
  const { mix, error } = mixOf(state, preset);
  if (error) return { error };
  const req = { op: 'scale', mix, constants: data.refs.constants };
  if (preset) {
    req.queries = { per_year: preset.queries_per_year };
    req.days = 365;
    req.per_query = Object.fromEntries(Object.entries(preset.per_query_wh).map(([k, v]) => [k, { energy_wh: v }]));
    req.power_ratios = preset.ratios;
    req.multipliers = hostMultipliers(data.hosts, preset.host_preset, preset.host);
  } else {
    req.queries = state.sper === 'year' ? { per_year: state.sq ?? 1e9 } : { per_day: state.sq ?? 1e9 };
    req.days = state.sdays ?? 365;
    const est = estimateRequest(state, data, { models: [model], prompts: Object.keys(mix) });
    delete est.op;
    req.estimate = est;
  }
  return { request: req };
}

const pick = (o, ...keys) => keys.map((k) => o?.[k]).find((v) => v !== undefined);

/**
 * Normalises the scale result: {totals: {energy_mwh, water_kl, carbon_t} each {mean, low, high},
 * day: {...}, equivalences: [{id, label, metric, low, high, mean}], notes}.
 */
export function readScale(result) {
  if (!result) return null;
  const y = result.year ?? result.annual ?? result.total ?? result;
  const get = (...keys) => {
    const v = pick(y, ...keys);
    return typeof v === 'number' ? { mean: v } : v;
  };
  return {
    queries: pick(y, 'queries', 'queries_total') ?? pick(result, 'queries_total'),
    totals: {
      energy_mwh: get('energy_mwh', 'energy'),
      water_kl: get('water_kl', 'water'),
      carbon_t: get('carbon_t', 'carbon'),
    },
    day: result.day ?? result.daily ?? null,
    equivalences: (result.equivalences ?? []).map((e) => ({ ...e, metric: e.metric ?? e.applies_to })),
    notes: result.notes ?? [],
  };
}
