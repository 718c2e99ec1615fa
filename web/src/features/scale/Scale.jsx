// Scale: one query times a year of traffic, with low/high bounds and the paper's
// equivalences. The GPT-4o preset reproduces the paper's 2025 case study as far as its
// published numbers allow, and says what cannot be reproduced.
import { EngineError } from '../../components/engine-error.jsx';
import { NumberField, RadioGroup } from '../../components/fields.jsx';
import { ExportButtons } from '../../components/figure.jsx';
import { DataTable } from '../../components/table.jsx';
import { useEngine } from '../../engine/engine.js';
import { compact, count, num, num4 } from '../../lib/format.js';
import { chosenModel } from '../../lib/requests.js';
import { ModelPicker } from '../calculator/ModelPicker.jsx';
import { paperEquivalences } from './paper-totals.js';
import { presetOf, readScale, scaleRequest } from './scale-request.js';

const TOTALS = [
  { key: 'energy_mwh', label: 'Energy', unit: 'MWh' },
  { key: 'water_kl', label: 'Water', unit: 'kL' },
  { key: 'carbon_t', label: 'Carbon', unit: 't CO₂e' },
];

function Custom({ state, setState, data, model }) {
  return (
    <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Traffic">
      <ModelPicker footprint={data.footprint} value={model} onChange={(v) => setState({ model: v })} />
      <RadioGroup
        legend="Traffic given"
        name="sper"
        value={state.sper}
        onChange={(v) => setState({ sper: v })}
        options={[
          { value: 'day', label: 'Queries per day' },
          { value: 'year', label: 'Queries in total' },
        ]}
      />
      <NumberField
        label={state.sper === 'day' ? 'Queries per day' : 'Queries in total'}
        name="sq"
        value={state.sq}
        placeholder={1e9}
        min={1}
        max={1e13}
        onChange={(v) => setState({ sq: v }, { replace: true })}
      />
      <NumberField
        label="Days"
        name="sdays"
        value={state.sdays}
        placeholder={365}
        min={1}
        max={3660}
        int
        onChange={(v) => setState({ sdays: v }, { replace: true })}
      />
      <fieldset>
        <legend>Prompt-size mix (%)</legend>
        <NumberField
          label="Short"
          name="sshort"
          value={state.sshort}
          placeholder={80}
          min={0}
          max={100}
          onChange={(v) => setState({ sshort: v }, { replace: true })}
        />
        <NumberField
          label="Medium"
          name="smedium"
          value={state.smedium}
          placeholder={20}
          min={0}
          max={100}
          onChange={(v) => setState({ smedium: v }, { replace: true })}
        />
        <NumberField
          label="Long"
          name="slong"
          value={state.slong}
          placeholder={0}
          min={0}
          max={100}
          onChange={(v) => setState({ slong: v }, { replace: true })}
        />
        <NumberField
          label="Extra long"
          name="sxlong"
          value={state.sxlong}
          placeholder={0}
          min={0}
          max={100}
          onChange={(v) => setState({ sxlong: v }, { replace: true })}
        />
      </fieldset>
    </form>
  );
}

function PaperCheck({ preset, totals, constants }) {
  const eq = paperEquivalences(constants);
  const diff = (ours, paper) => (ours && paper ? `${num(((ours - paper) / paper) * 100)} %` : '–');
  const rows = TOTALS.map((t) => {
    const paperKey = t.key;
    return { ...t, paper: preset.paper[paperKey], ours: totals?.[t.key] };
  });
  return (
    <section aria-labelledby="paper-h">
      <h2 id="paper-h">Against the paper</h2>
      <DataTable
        caption="Annual totals: this scenario and the paper's published range"
        columns={[
          { key: 'label', label: 'Quantity' },
          {
            key: 'ours',
            label: 'This scenario (low – high)',
            numeric: true,
            render: (r) => (r.ours ? `${num(r.ours.low)} – ${num(r.ours.high)} ${r.unit}` : '–'),
          },
          {
            key: 'paper',
            label: 'Paper (low – high)',
            numeric: true,
            render: (r) => `${num(r.paper.low)} – ${num(r.paper.high)} ${r.unit}`,
          },
          {
            key: 'diff',
            label: 'Difference (low, high)',
            numeric: true,
            render: (r) => `${diff(r.ours?.low, r.paper.low)}, ${diff(r.ours?.high, r.paper.high)}`,
          },
        ]}
        rows={rows}
        rowKey={(r) => r.key}
        className="paper-table"
      />
      <h3>What the paper's own totals amount to</h3>
      <ul data-testid="paper-equivalences">
        {eq.map((e) => (
          <li key={e.id} data-id={e.id}>
            {e.label}:{' '}
            <strong>
              {count(e.low)} – {count(e.high)}
            </strong>
          </li>
        ))}
      </ul>
      <div class="notice">
        <p>
          <strong>What cannot be reproduced.</strong> The paper grows GPT-4o traffic from 700 million queries a day
          (December 2024) by 20 % a month to May 2025 and more slowly after; that monthly schedule is not published,
          only the total of about {compact(preset.queries_per_year)} queries in 2025. This preset uses the total with
          the paper's per-query values, so its totals differ from the paper's by a few per cent.
        </p>
        <ul>
          {preset.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function EquivalenceList({ list: all, testid }) {
  // Leave out equivalents too small to picture (e.g. a 5e-9 share of an Olympic pool).
  const list = all?.filter((e) => (e.high ?? e.mean) >= 0.01);
  if (!list?.length) return null;
  return (
    <ul data-testid={testid}>
      {list.map((e) => (
        <li key={e.id} data-id={e.id} title={e.source}>
          {e.label}:{' '}
          <strong>
            {e.high !== undefined && e.high !== e.low ? `${count(e.low)} – ${count(e.high)}` : count(e.mean)}
          </strong>
        </li>
      ))}
    </ul>
  );
}

const DAY_UNITS = [
  { key: 'energy_wh', label: 'Energy', unit: 'Wh' },
  { key: 'water_ml', label: 'Water', unit: 'mL' },
  { key: 'carbon_g', label: 'Carbon', unit: 'g CO₂e' },
];

function Day({ day, isPreset, shortWh }) {
  if (!day) return null;
  const rows = DAY_UNITS.map((u) => ({ ...u, v: day[u.key] }));
  return (
    <section aria-labelledby="day-h">
      <h2 id="day-h">
        {isPreset
          ? `A daily session of ${num(day.queries)} queries at this mix`
          : `One day: ${count(day.queries)} queries`}
      </h2>
      {shortWh && (
        <p class="muted">
          The paper's own session example uses short queries only: {num(day.queries)} × {num4(shortWh)} Wh ={' '}
          {num(day.queries * shortWh)} Wh.
        </p>
      )}
      <DataTable
        caption={isPreset ? 'Mean × N, SD × √N' : 'Per day'}
        columns={[
          { key: 'label', label: 'Quantity' },
          { key: 'mean', label: 'Mean', numeric: true, render: (r) => `${num(r.v?.mean)} ${r.unit}` },
          { key: 'sd', label: 'SD', numeric: true, render: (r) => `${num(r.v?.sd)} ${r.unit}` },
          {
            key: 'range',
            label: 'Low – high',
            numeric: true,
            render: (r) => `${num(r.v?.low)} – ${num(r.v?.high)} ${r.unit}`,
          },
        ]}
        rows={rows}
        rowKey={(r) => r.key}
        className="scale-day"
      />
      <EquivalenceList list={day.equivalences} testid="day-equivalences" />
    </section>
  );
}

export default function Scale({ state, setState, data }) {
  const model = chosenModel(state, data.footprint);
  const preset = presetOf(data.constants);
  const isPreset = state.spreset === 'gpt4o' && preset;
  const built = scaleRequest(state, data, model);
  const { result, error, loading } = useEngine(built.request ?? null);
  const scaled = readScale(result);
  const totals = scaled?.totals;
  const rows = TOTALS.map((t) => ({ ...t, v: totals?.[t.key] }));
  const days = isPreset ? 365 : (state.sdays ?? 365);
  return (
    <article>
      <h1>Scale up: a year of queries</h1>
      <p class="lede">
        One query is small; billions are not. Multiply a model's footprint by its traffic, with low and high bounds from
        the utilisation range.
      </p>
      <RadioGroup
        legend="Scenario"
        name="spreset"
        value={state.spreset}
        onChange={(v) => setState({ spreset: v })}
        options={[
          { value: 'gpt4o', label: 'Paper: GPT-4o in 2025 (772 billion queries, 80 % short / 20 % medium)' },
          { value: '', label: 'My own traffic' },
        ]}
      />
      {isPreset ? (
        <p>
          Preset: {compact(preset.queries_per_year)} GPT-4o queries in 2025,{' '}
          {Object.entries(preset.mix)
            .map(([k, v]) => `${num(v * 100)} % ${k}`)
            .join(', ')}
          , at the paper's v4 per-query energy (
          {Object.entries(preset.per_query_wh)
            .map(([k, v]) => `${k} ${num4(v)} Wh`)
            .join(', ')}
          ), utilisation bounds {num4(preset.ratios.low)}× and {num4(preset.ratios.high)}× the mean power, {preset.host}{' '}
          ({preset.host_preset}) multipliers.
        </p>
      ) : (
        <Custom state={state} setState={setState} data={data} model={model} />
      )}
      {built.error && (
        <p class="error" role="alert">
          {built.error}
        </p>
      )}
      <EngineError error={error} what="scale up" />
      {loading && !scaled && <p aria-busy="true">Computing…</p>}
      {scaled && (
        <section aria-labelledby="totals-h" aria-live="polite">
          <h2 id="totals-h">
            {isPreset ? 'The year 2025' : `${num(days)} days`}: {compact(scaled.queries)} queries
          </h2>
          <DataTable
            caption={`Total footprint (${isPreset ? 'low and high utilisation bounds' : 'low and high utilisation bounds; mean'})`}
            columns={[
              { key: 'label', label: 'Quantity' },
              { key: 'low', label: 'Low', numeric: true, render: (r) => `${num(r.v?.low)} ${r.unit}` },
              { key: 'mean', label: 'Mean', numeric: true, render: (r) => `${num(r.v?.mean)} ${r.unit}` },
              { key: 'high', label: 'High', numeric: true, render: (r) => `${num(r.v?.high)} ${r.unit}` },
            ]}
            rows={rows}
            rowKey={(r) => r.key}
            className="scale-totals"
          />
          <h3>Equivalent to</h3>
          <EquivalenceList list={scaled.equivalences} testid="scenario-equivalences" />
          <ExportButtons
            name="scale"
            csv={{
              columns: [
                { key: 'key', label: 'quantity' },
                { label: 'low', value: (r) => r.v?.low },
                { label: 'mean', value: (r) => r.v?.mean },
                { label: 'high', value: (r) => r.v?.high },
              ],
              rows,
            }}
            json={{ request: built.request, result }}
          />
        </section>
      )}
      {scaled && <Day day={scaled.day} isPreset={isPreset} shortWh={isPreset ? preset.per_query_wh.short : null} />}
      {isPreset && <PaperCheck preset={preset} totals={totals} constants={data.constants} />}
    </article>
  );
}
