// The "assumptions" panel: every input of the method can be overridden; an override is
// marked "changed" and has its own reset button; "Reset all" returns to the dataset.
import { SpecField } from '../../components/fields.jsx';
import { Slot } from '../../components/lazy.jsx';
import { Term } from '../../glossary/Term.jsx';
import { OVERRIDE_KEYS } from '../../lib/requests.js';
import { bindFields } from '../../state/bind.js';
import { coreFields } from '../../state/fields.js';
import { slotLoaders } from '../../views.js';

const isSet = (v) => v !== null && v !== undefined && v !== '';
const ASSUMPTION_FIELDS = [
  ...Object.keys(OVERRIDE_KEYS).filter((k) => k !== 'outputTokens'),
  'estimator',
  'rho',
  'utilisationWeight',
];
/** The glossary entry of each assumption's label. */
const TERMS = {
  estimator: 'estimator',
  rho: 'rho',
  utilisationWeight: 'w-weight',
  sizeClass: 'size-class',
  gpus: 'gpu',
  batchSize: 'batch',
  host: 'host',
  region: 'region',
  pue: 'pue',
  wueSite: 'wue-site',
  wueSource: 'wue-source',
  cif: 'cif',
};

/** True when the field differs from its default (the dataset's value, or paper v6). */
const changed = (state, k) => isSet(state[k]) && state[k] !== coreFields[k].def;

/** True when some assumption differs from the dataset / paper defaults. */
export const hasOverrides = (state) => ASSUMPTION_FIELDS.some((k) => changed(state, k));

function Changed({ field, state, setState }) {
  if (!changed(state, field)) return null;
  return (
    <p class="changed">
      <span class="badge">changed</span>{' '}
      <button type="button" onClick={() => setState({ [field]: coreFields[field].def })}>
        Reset
      </button>
    </p>
  );
}

/** One assumption: its control (from the field spec, label linked to the glossary) and its "changed" mark. */
function Assumption({ field, state, setState, ...props }) {
  const spec = coreFields[field];
  const label = TERMS[field] ? <Term id={TERMS[field]}>{spec.label}</Term> : spec.label;
  const bound = bindFields(coreFields, state, setState)(field);
  return (
    <div class="override">
      <SpecField {...bound} value={bound.value ?? (spec.kind === 'number' ? null : '')} label={label} {...props} />
      <Changed field={field} state={state} setState={setState} />
    </div>
  );
}

/** Options for the region select, grouped by provider, from the regions dataset (any of a few shapes). */
function regionOptions(regions) {
  const out = [];
  for (const p of regions?.providers ?? []) {
    for (const r of p.regions ?? []) {
      const id = r.region ?? r.id ?? r.name;
      if (id) out.push({ value: id, label: r.label ?? id, group: p.label ?? p.provider ?? p.id });
    }
  }
  return out;
}

export function Assumptions({ state, setState, data, row, request, result }) {
  const a = row?.assumptions ?? {};
  const hw = data.hardware?.hardware ?? [];
  const hostPresets = data.hosts?.presets ?? [];
  const hostNames = [...new Set(hostPresets.flatMap((p) => p.hosts.map((h) => h.host)))];
  const regions = regionOptions(data.regions);
  const datasetValue = (v) => (v === undefined || v === null ? '' : ` (dataset: ${v})`);
  const asDataset = (v) => `As in the dataset${datasetValue(v)}`;
  const overridden = a.overridden ?? [];
  const dataHint = (v) => (v !== undefined && v !== null ? `Dataset: ${v}` : undefined);
  const ctx = { state, setState };
  return (
    <details class="panel" data-testid="assumptions" open={hasOverrides(state)}>
      <summary>Assumptions{hasOverrides(state) && <span class="badge">changed</span>}</summary>
      <p class="muted">
        Empty fields use the dataset's value (shown in grey). Each change is marked and can be reset; the link keeps
        every change.
        {overridden.length > 0 && ` The engine applied: ${overridden.join(', ')}.`}
      </p>
      <div class="controls">
        <SpecField
          {...bindFields(coreFields, state, setState)('estimator')}
          label={<Term id="estimator">{coreFields.estimator.label}</Term>}
        />
        <Assumption field="rho" {...ctx} placeholder={a.rho ?? -0.3} />
        <Assumption field="utilisationWeight" {...ctx} placeholder={a.w_max ?? 0.5} />
        <Assumption
          field="hardware"
          {...ctx}
          options={[
            { value: '', label: asDataset(a.hardware) },
            ...hw.map((h) => ({ value: h.id, label: `${h.label} (${h.p_gpu_kw} + ${h.p_nongpu_kw} kW)` })),
          ]}
        />
        <Assumption field="sizeClass" {...ctx} as="select" labels={{ '': asDataset(a.size_class) }} />
        <Assumption field="gpus" {...ctx} placeholder={a.gpus} />
        <Assumption field="batchSize" {...ctx} placeholder={a.batch_size ?? 8} />
        <Assumption
          field="host"
          {...ctx}
          options={[
            { value: '', label: asDataset(a.host ?? row?.host) },
            ...hostNames.map((h) => ({ value: h, label: h })),
          ]}
        />
        <Assumption field="hostMultipliers" {...ctx} as="select" />
        {regions.length > 0 && (
          <Assumption
            field="region"
            {...ctx}
            options={[{ value: '', label: 'Provider average (dataset)' }, ...regions]}
          />
        )}
        <Assumption field="pue" {...ctx} placeholder={a.pue} hint={dataHint(a.pue)} />
        <Assumption field="wueSite" {...ctx} placeholder={a.wue_site_l_per_kwh} hint={dataHint(a.wue_site_l_per_kwh)} />
        <Assumption
          field="wueSource"
          {...ctx}
          placeholder={a.wue_source_l_per_kwh}
          hint={dataHint(a.wue_source_l_per_kwh)}
        />
        <Assumption field="cif" {...ctx} placeholder={a.cif_kg_per_kwh} hint={dataHint(a.cif_kg_per_kwh)} />
      </div>
      <Slot loaders={slotLoaders('calculator.assumptions')} {...{ state, setState, data, request, result }} />
      {hasOverrides(state) && (
        <p>
          <button
            type="button"
            onClick={() => setState(Object.fromEntries(ASSUMPTION_FIELDS.map((k) => [k, coreFields[k].def])))}
          >
            Reset all assumptions
          </button>
        </p>
      )}
    </details>
  );
}
