// The pieces every step of the walkthrough shares: numbers with their unit (scaled by
// lib/units.js), the step's estimate, the big figures and the slider of a step's knob.
import { format } from 'd3-format';
import { useId } from 'preact/hooks';

import { useEngine } from '../../engine/engine.js';
import { estimateRequest } from '../../lib/requests.js';
import { amountParts } from '../../lib/units.js';
import { coreFields } from '../../state/fields.js';

const sig2 = format(',.2r');
const f4 = format(',.4~r');
export const sig4 = (x) => (Number.isFinite(x) ? f4(x) : '…');

/** Two significant figures for sentences ("0.41", "25", "1,200"). */
export const s2 = (x) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? format(',.0f')(x) : sig2(x)) : '–');

/** A number with its unit, scaled (Wh/kWh/MWh, mL/L/m³, g/kg/t), rounded for reading; the full value in `value`. */
export function Amount({ value, unit, fact, suffix = '' }) {
  if (!Number.isFinite(value)) return <span>–</span>;
  const { text, unit: u } = amountParts(value, unit, s2);
  return (
    <data value={String(value)} data-fact={fact} title={`${sig4(value)} ${unit}`}>
      {text}
      {u ? (u === '×' || u === '%' ? u : ` ${u}`) : ''}
      {suffix}
    </data>
  );
}

/** The engine's estimate of the chosen model and prompt with the step's patch to the state. */
export function useStepEstimate(ctx, patch = {}, select) {
  const { state, data, model, prompt } = ctx;
  const request = model
    ? estimateRequest({ ...state, prompt, ...patch }, data, select ?? { models: [model], prompts: [prompt] })
    : null;
  const { result, error, loading } = useEngine(request);
  return { row: result?.rows?.[0], rows: result?.rows ?? [], error, loading };
}

/** The big numbers of a step: [{label, node}]. */
export function Figures({ items, busy }) {
  return (
    <dl class="learn-figures" aria-busy={busy ? 'true' : 'false'}>
      {items.map((it) => (
        <div key={it.label}>
          <dt>{it.label}</dt>
          <dd>{it.node}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A slider with its value in words and a way back to the dataset's value. */
export function Slider({ label, value, def, min, max, step, unit, onChange, name }) {
  const id = useId();
  const v = value ?? def;
  return (
    <div class="learn-control">
      <label for={id}>{label}</label>
      <div class="slider-row">
        <input
          id={id}
          name={name}
          type="range"
          min={min}
          max={max}
          step={step}
          value={v}
          aria-valuetext={`${sig4(v)} ${unit}`}
          onInput={(e) => onChange(Number(e.currentTarget.value))}
        />
        <output for={id}>
          {sig4(v)} {unit}
        </output>
        {value !== null && value !== undefined && value !== def && (
          <button type="button" onClick={() => onChange(null)}>
            Back to {sig4(def)}
          </button>
        )}
      </div>
    </div>
  );
}

export const promptEntry = (ctx) => ctx.info?.prompts.find((p) => p.prompt === ctx.prompt);

/**
 * The host sliders of the walkthrough: a teaching range inside each field's bounds (the
 * field specs of state/fields.js), the assumption the engine reports as its default, and
 * the words. One table, so the three steps do not restate a control each.
 */
const KNOBS = {
  pue: {
    label: 'Overhead of the building (PUE)',
    name: 'learn-pue',
    of: 'pue',
    fallback: 1.12,
    max: 2,
    step: 0.01,
    unit: '',
  },
  wueSite: {
    label: 'Cooling water at the data centre (L per kWh)',
    name: 'learn-wues',
    of: 'wue_site_l_per_kwh',
    fallback: 0.3,
    max: 5,
    step: 0.05,
    unit: 'L/kWh',
  },
  cif: {
    label: 'Carbon intensity of the grid (kg CO₂e per kWh)',
    name: 'learn-cif',
    of: 'cif_kg_per_kwh',
    fallback: 0.34,
    max: 1,
    step: 0.01,
    unit: 'kg/kWh',
  },
};

/** The slider of `field` (pue, wueSite or cif) for a step: `assumptions` are the engine's. */
export function Knob({ field, ctx, assumptions }) {
  const k = KNOBS[field];
  const spec = coreFields[field];
  return (
    <Slider
      label={k.label}
      name={k.name}
      value={ctx.knob}
      def={assumptions[k.of] ?? k.fallback}
      min={spec.min}
      max={Math.min(k.max, spec.max)}
      step={k.step}
      unit={k.unit}
      onChange={ctx.setKnob}
    />
  );
}
