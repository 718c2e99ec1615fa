// The "assumptions" panel: every input of the method can be overridden; an override is
// marked "changed" and has its own reset button; "Reset all" returns to the dataset.
import { NumberField, RadioGroup, SelectField } from '../../components/fields.jsx';
import { Slot } from '../../components/lazy.jsx';
import { Term } from '../../glossary/Term.jsx';
import { OVERRIDE_KEYS } from '../../lib/requests.js';
import { slotLoaders } from '../../views.js';

const isSet = (v) => v !== null && v !== undefined && v !== '';
const ASSUMPTION_FIELDS = [...Object.keys(OVERRIDE_KEYS).filter((k) => k !== 'out'), 'est', 'rho', 'w'];

/** True when some assumption differs from the dataset / paper defaults. */
export const hasOverrides = (state) =>
  ASSUMPTION_FIELDS.some((k) => (k === 'est' ? state.est !== 'v6' : isSet(state[k])));

function Changed({ field, state, setState }) {
  if (!isSet(state[field])) return null;
  return (
    <p class="changed">
      <span class="badge">changed</span>{' '}
      <button type="button" onClick={() => setState({ [field]: field === 'est' ? 'v6' : null })}>
        Reset
      </button>
    </p>
  );
}

function Num({ field, label, unit, state, setState, resolved, min, max, int, hint }) {
  return (
    <div class="override">
      <NumberField
        label={label}
        unit={unit}
        name={field}
        value={state[field]}
        placeholder={resolved}
        min={min}
        max={max}
        int={int}
        hint={hint ?? (resolved !== undefined && resolved !== null ? `Dataset: ${resolved}` : undefined)}
        onChange={(v) => setState({ [field]: v }, { replace: true })}
      />
      <Changed field={field} state={state} setState={setState} />
    </div>
  );
}

function Choice({ field, label, options, state, setState, hint }) {
  return (
    <div class="override">
      <SelectField
        label={label}
        name={field}
        value={state[field] ?? ''}
        options={options}
        hint={hint}
        onChange={(v) => setState({ [field]: v || (field === 'size' || field === 'mult' ? '' : '') })}
      />
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
  const overridden = a.overridden ?? [];
  return (
    <details class="panel" data-testid="assumptions" open={hasOverrides(state)}>
      <summary>Assumptions{hasOverrides(state) && <span class="badge">changed</span>}</summary>
      <p class="muted">
        Empty fields use the dataset's value (shown in grey). Each change is marked and can be reset; the link keeps
        every change.
        {overridden.length > 0 && ` The engine applied: ${overridden.join(', ')}.`}
      </p>
      <div class="controls">
        <RadioGroup
          legend={<Term id="estimator">Estimator</Term>}
          name="est"
          value={state.est}
          onChange={(v) => setState({ est: v })}
          options={[
            { value: 'v6', label: 'v6: Monte Carlo copula (paper v6)' },
            { value: 'v4', label: 'v4: quantile grid (paper v4)' },
          ]}
        />
        <Num
          field="rho"
          label={<Term id="rho">Latency–speed correlation ρ</Term>}
          state={state}
          setState={setState}
          resolved={a.rho ?? -0.3}
          min={-0.99}
          max={0.99}
          hint="v6 only; paper: −0.3"
        />
        <Num
          field="w"
          label={<Term id="w-weight">Weight of the high-utilisation bound w</Term>}
          state={state}
          setState={setState}
          resolved={a.w_max ?? 0.5}
          min={0}
          max={1}
          hint="E = w·E_max + (1−w)·E_min; paper: 0.5"
        />
        <Choice
          field="hw"
          label="Hardware"
          state={state}
          setState={setState}
          options={[
            { value: '', label: `As in the dataset${datasetValue(a.hardware)}` },
            ...hw.map((h) => ({ value: h.id, label: `${h.label} (${h.p_gpu_kw} + ${h.p_nongpu_kw} kW)` })),
          ]}
        />
        <Choice
          field="size"
          label={<Term id="size-class">Size class</Term>}
          state={state}
          setState={setState}
          options={[
            { value: '', label: `As in the dataset${datasetValue(a.size_class)}` },
            ...['Nano', 'Micro', 'Small', 'Medium', 'Large'].map((s) => ({ value: s, label: s })),
          ]}
        />
        <Num
          field="gpus"
          label={<Term id="gpu">GPUs per query</Term>}
          state={state}
          setState={setState}
          resolved={a.gpus}
          min={1}
          max={64}
          int
          hint="Utilisation is derived: U = G·D / (N·B)"
        />
        <Num
          field="batch"
          label={<Term id="batch">Batch size</Term>}
          state={state}
          setState={setState}
          resolved={a.batch_size ?? 8}
          min={1}
          max={1024}
          int
          hint="Paper: 8 (appendix: 4 and 16)"
        />
        <Choice
          field="host"
          label={<Term id="host">Host</Term>}
          state={state}
          setState={setState}
          options={[
            { value: '', label: `As in the dataset${datasetValue(a.host ?? row?.host)}` },
            ...hostNames.map((h) => ({ value: h, label: h })),
          ]}
        />
        <Choice
          field="mult"
          label="Host multipliers"
          state={state}
          setState={setState}
          options={[
            { value: '', label: 'As in the dataset' },
            { value: 'v6', label: 'Paper v6 (coded values)' },
            { value: 'v4', label: 'Paper v4' },
          ]}
        />
        {regions.length > 0 && (
          <Choice
            field="region"
            label={<Term id="region">Region</Term>}
            state={state}
            setState={setState}
            options={[{ value: '', label: 'Provider average (dataset)' }, ...regions]}
            hint="Water and carbon of one Azure or AWS region"
          />
        )}
        <Num
          field="pue"
          label={<Term id="pue">PUE</Term>}
          state={state}
          setState={setState}
          resolved={a.pue}
          min={1}
          max={3}
        />
        <Num
          field="wues"
          label={<Term id="wue-site">On-site water (WUE site)</Term>}
          unit="L/kWh"
          state={state}
          setState={setState}
          resolved={a.wue_site_l_per_kwh}
          min={0}
          max={20}
        />
        <Num
          field="wuesrc"
          label={<Term id="wue-source">Electricity water (WUE source)</Term>}
          unit="L/kWh"
          state={state}
          setState={setState}
          resolved={a.wue_source_l_per_kwh}
          min={0}
          max={50}
        />
        <Num
          field="cif"
          label={<Term id="cif">Carbon intensity (CIF)</Term>}
          unit="kg CO₂e/kWh"
          state={state}
          setState={setState}
          resolved={a.cif_kg_per_kwh}
          min={0}
          max={2}
        />
      </div>
      <Slot
        loaders={slotLoaders('calculator.assumptions')}
        state={state}
        setState={setState}
        data={data}
        request={request}
        result={result}
      />
      {hasOverrides(state) && (
        <p>
          <button
            type="button"
            onClick={() =>
              setState(
                Object.fromEntries(
                  ASSUMPTION_FIELDS.map((k) => [
                    k,
                    k === 'est'
                      ? 'v6'
                      : k === 'size' || k === 'mult'
                        ? ''
                        : k === 'hw' || k === 'host' || k === 'region'
                          ? ''
                          : null,
                  ]),
                ),
              )
            }
          >
            Reset all assumptions
          </button>
        </p>
      )}
    </details>
  );
}
