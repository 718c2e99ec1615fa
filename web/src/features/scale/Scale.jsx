// Scale: one query times a year of traffic, with low/high bounds and the paper's
// equivalences. The GPT-4o preset reproduces the paper's 2025 case study as far as its
// published numbers allow, and says what cannot be reproduced.
import { EngineError } from '../../components/engine-error.jsx';
import { SpecField } from '../../components/fields.jsx';
import { ExportButtons } from '../../components/figure.jsx';
import { DataTable } from '../../components/table.jsx';
import { useEngine } from '../../engine/engine.js';
import { compact, count, equivalentText, num, num4, plain } from '../../lib/format.js';
import { chosenModel } from '../../lib/requests.js';
import { describePrompt, promptsOf } from '../../lib/prompts.js';
import { ModelPicker } from '../../components/ModelPicker.jsx';
import { bindFields } from '../../state/bind.js';
import { coreFields } from '../../state/fields.js';
import { paperEquivalences } from './paper-totals.js';
import { defaultMix, MIX_FIELDS, presetOf, readScale, scaleRequest } from './scale-request.js';
import {
  DAY_UNITS,
  TOTALS,
  cellRows,
  constantOf,
  equivalenceItems,
  leadSentence,
  paperRows,
  percentOff,
} from './scale-derive.js';

function Custom({ state, setState, data, model, available }) {
  const field = bindFields(coreFields, state, setState);
  return (
    <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Traffic">
      <ModelPicker footprint={data.footprint} value={model} onChange={(v) => setState({ model: v })} />
      <SpecField {...field('scalePer')} />
      <SpecField {...field('scaleQueries')} label={coreFields.scalePer.labels[state.scalePer]} placeholder={1e9} />
      <SpecField {...field('scaleDays')} placeholder={365} />
      <fieldset>
        <legend>Prompt-size mix (%)</legend>
        {available.length === 1 && (
          <p class="hint">
            This model has only one prompt size in this data, so every question is{' '}
            {available[0] === 'long' ? 'a long one' : `of that size`}.
          </p>
        )}
        {available.map((p) => (
          <SpecField
            key={p}
            {...field(MIX_FIELDS[p])}
            label={describePrompt(p).label}
            placeholder={plain(defaultMix(available)[p])}
            hint={describePrompt(p).text.replace(/^[^:]*: /, '')}
          />
        ))}
      </fieldset>
    </form>
  );
}

function PaperCheck({ preset, totals, constants }) {
  const eq = paperEquivalences(constants);
  const rows = paperRows(preset, totals);
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
            render: (r) => `${percentOff(r.ours?.low, r.paper.low)}, ${percentOff(r.ours?.high, r.paper.high)}`,
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
            {equivalentText(constantOf(constants, e.id), [e.low, e.high])}{' '}
            <span class="muted">
              ; precisely {count(e.low)} – {count(e.high)}
            </span>
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

function EquivalenceList({ list: all, testid, constants }) {
  const list = equivalenceItems(all, constants);
  if (!list.length) return null;
  return (
    <ul data-testid={testid}>
      {list.map((e) => (
        <li key={e.id} data-id={e.id} title={e.source}>
          ≈ {e.text}
        </li>
      ))}
    </ul>
  );
}

function Day({ day, isPreset, shortWh, constants }) {
  if (!day) return null;
  const rows = cellRows(DAY_UNITS, day);
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
          { key: 'mean', label: 'Mean', numeric: true, render: (r) => r.cells.mean },
          { key: 'sd', label: 'Standard deviation', numeric: true, render: (r) => r.cells.sd },
          {
            key: 'range',
            label: 'GPU busy at its low – high bound',
            numeric: true,
            render: (r) => `${r.cells.low} – ${r.cells.high}`,
          },
        ]}
        rows={rows}
        rowKey={(r) => r.key}
        className="scale-day"
      />
      <EquivalenceList list={day.equivalences} testid="day-equivalences" constants={constants} />
    </section>
  );
}

export default function Scale({ state, setState, data }) {
  const model = chosenModel(state, data.footprint);
  const preset = presetOf(data.constants);
  const isPreset = state.scalePreset === 'gpt4o' && preset;
  const available = promptsOf(data.footprint, model);
  const built = scaleRequest(state, data, model, available);
  const { result, error, loading, retry } = useEngine(built.request ?? null);
  const scaled = readScale(result);
  const totals = scaled?.totals;
  const rows = cellRows(TOTALS, totals);
  const perDay = built.request?.day?.queries;
  const days = isPreset ? 365 : (state.scaleDays ?? 365);
  return (
    <article>
      <h1>Scale up: a year of queries</h1>
      <p class="lede">
        One query is small; billions are not. Multiply a model's footprint by its traffic, with low and high bounds from
        the utilisation range.
      </p>
      <SpecField {...bindFields(coreFields, state, setState)('scalePreset')} />
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
        <Custom state={state} setState={setState} data={data} model={model} available={available} />
      )}
      {built.error && (
        <p class="error" role="alert">
          {built.error}
        </p>
      )}
      <EngineError error={error} what="scale up" onRetry={retry} />
      {loading && !scaled && <p aria-busy="true">Computing…</p>}
      {scaled && (
        <section aria-labelledby="totals-h" aria-live="polite">
          <h2 id="totals-h">
            {isPreset ? 'The year 2025' : `${num(days)} days`}: {count(scaled.queries)} queries
          </h2>
          {totals?.energy_mwh && (
            <p class="lead" data-testid="scale-lead">
              {leadSentence({ isPreset, queries: scaled.queries, perDay, model, days, totals })}
            </p>
          )}
          <DataTable
            caption={`Total footprint (${isPreset ? 'low and high utilisation bounds' : 'low and high utilisation bounds; mean'})`}
            columns={[
              { key: 'label', label: 'Quantity' },
              { key: 'low', label: 'Low', numeric: true, render: (r) => r.cells.low },
              { key: 'mean', label: 'Mean', numeric: true, render: (r) => r.cells.mean },
              { key: 'high', label: 'High', numeric: true, render: (r) => r.cells.high },
            ]}
            rows={rows}
            rowKey={(r) => r.key}
            className="scale-totals"
          />
          <h3>Equivalent to</h3>
          <EquivalenceList list={scaled.equivalences} testid="scenario-equivalences" constants={data.constants} />
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
      {scaled && (
        <Day
          day={scaled.day}
          isPreset={isPreset}
          shortWh={isPreset ? preset.per_query_wh.short : null}
          constants={data.constants}
        />
      )}
      {isPreset && <PaperCheck preset={preset} totals={totals} constants={data.constants} />}
    </article>
  );
}
