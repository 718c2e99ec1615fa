// My use: what my own use costs, a prompt or a session at a time, per day and over a year,
// for up to three models side by side, with everyday equivalents and the reverse question
// ("how many questions equal one hot shower?"). Any prompt length, reasoning, chats and
// agent sessions come from the engine's `workload` and `session` (docs/workloads.md), an
// extension beyond the paper.
import { EngineError } from '../../components/engine-error.jsx';
import { ExportButtons } from '../../components/figure.jsx';
import { SpecField } from '../../components/fields.jsx';
import { DataTable } from '../../components/table.jsx';
import { useEngine } from '../../engine/engine.js';
import { num, plain } from '../../lib/format.js';
import { chosenModel, modelOptions } from '../../lib/requests.js';
import { bindFields } from '../../state/bind.js';
import { coreFields } from '../../state/fields.js';
import { MYUSE_FIELDS, modelsOf, myUseRequest, perDayOf, presetOf, reverseOf, yearOf } from './myuse.js';
import { Headline } from './Headline.jsx';
import { periodEquivalents } from './myuse-derive.js';

/** The periods offered (any other number of days from a link is offered too). */
const DAY_WORDS = { 1: 'One day', 30: 'A month', 365: 'A year' };

function Equivalents({ row, perDay, days, constants }) {
  const items = periodEquivalents(row, perDay, days, constants);
  return (
    <ul class="myuse-equivalents" data-testid="equivalents">
      {items.map(({ c, count, text }) => (
        <li key={c.id}>
          <strong>{plain(count)}</strong> {text}{' '}
          <small class="muted">
            (1 = {num(c.value)} {c.unit}; {c.source})
          </small>
        </li>
      ))}
    </ul>
  );
}

function Reverse({ rows, constants, which, field, preset }) {
  return (
    <section aria-labelledby="rev-h">
      <h2 id="rev-h">The other way round</h2>
      <SpecField {...field('myUseReverse')} value={which} />
      <ul data-testid="reverse">
        {rows.map((row) => {
          const r = reverseOf(row, constants, which);
          if (!r) return null;
          return (
            <li key={row.model}>
              <strong>{plain(r.count)}</strong> {preset.plural} with {row.model} equal {r.label}{' '}
              <small class="muted">
                ({num(r.constant.value)} {r.constant.unit}; {r.constant.source})
              </small>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Turns({ row }) {
  const turns = row.session?.turns ?? [];
  if (!turns.length) return null;
  const columns = [
    { key: 'turn', label: 'Turn', numeric: true, value: (t) => t.turn },
    {
      key: 'ctx',
      label: 'Context (tokens)',
      numeric: true,
      value: (t) => t.input_tokens,
      render: (t) => num(t.input_tokens),
    },
    {
      key: 'out',
      label: 'Out (tokens)',
      numeric: true,
      value: (t) => t.output_tokens,
      render: (t) => num(t.output_tokens),
    },
    {
      key: 'e',
      label: 'Energy (Wh)',
      numeric: true,
      value: (t) => t.energy_wh.mean,
      render: (t) => num(t.energy_wh.mean),
    },
    {
      key: 'r',
      label: 'Range (Wh)',
      value: (t) => t.energy_wh.range_low,
      render: (t) => `${num(t.energy_wh.range_low)}–${num(t.energy_wh.range_high)}`,
    },
  ];
  return (
    <details>
      <summary>Each turn with {row.model}</summary>
      <DataTable caption={`Energy of each turn, ${row.model}`} columns={columns} rows={turns} rowKey={(t) => t.turn} />
    </details>
  );
}

export default function MyUse({ state, setState, data }) {
  const field = bindFields({ ...coreFields, ...MYUSE_FIELDS }, state, setState);
  const fp = data.footprint;
  const chosen = chosenModel(state, fp);
  const models = modelsOf(state, fp, chosen);
  const preset = presetOf(state);
  const perDay = perDayOf(state, preset);
  const days = state.myUseDays ?? 365;
  const request = myUseRequest(state, data, models);
  const { result, error, loading } = useEngine(request);
  const rows = models.map((m) => result?.rows?.find((r) => r.model === m)).filter(Boolean);
  const options = modelOptions(fp);
  const none = [{ value: '', label: '(none)' }, ...options];
  const tableRows = rows.map((r) => ({ ...r, year: yearOf(r, perDay, days) }));
  const columns = [
    { key: 'model', label: 'Model' },
    {
      key: 'use',
      label: 'Per use (Wh)',
      numeric: true,
      value: (r) => r.energy_wh.mean,
      render: (r) => num(r.energy_wh.mean),
    },
    {
      key: 'kwh',
      label: `${days} days (kWh)`,
      numeric: true,
      value: (r) => r.year.energy_kwh.mean,
      render: (r) => num(r.year.energy_kwh.mean),
    },
    {
      key: 'range',
      label: 'Range (kWh)',
      value: (r) => r.year.energy_kwh.low,
      render: (r) => `${num(r.year.energy_kwh.low)}–${num(r.year.energy_kwh.high)}`,
    },
    {
      key: 'l',
      label: 'Water (L)',
      numeric: true,
      value: (r) => r.year.water_l.mean,
      render: (r) => num(r.year.water_l.mean),
    },
    {
      key: 'kg',
      label: 'Carbon (kg CO₂e)',
      numeric: true,
      value: (r) => r.year.carbon_kg.mean,
      render: (r) => num(r.year.carbon_kg.mean),
    },
  ];
  const csvColumns = [
    { key: 'model', label: 'model' },
    { label: 'use', value: () => preset.value },
    { label: 'uses_per_day', value: () => perDay },
    { label: 'days', value: () => days },
    ...['energy_wh', 'water_ml', 'carbon_g'].flatMap((k) =>
      ['mean', 'sd', 'low', 'high', 'range_low', 'range_high'].map((s) => ({
        label: `${k}_${s}`,
        value: (r) => r[k][s],
      })),
    ),
    { label: 'year_energy_kwh', value: (r) => r.year.energy_kwh.mean },
    { label: 'year_water_l', value: (r) => r.year.water_l.mean },
    { label: 'year_carbon_kg', value: (r) => r.year.carbon_kg.mean },
  ];
  const notes = (result?.notes ?? []).slice(1).filter((n) => !n.includes('(at /'));
  return (
    <article class="myuse">
      <h1>My use</h1>
      <EngineError error={error} />
      {loading && !rows.length && <p aria-busy="true">Computing…</p>}
      <div aria-live="polite">
        <Headline row={rows[0]} preset={preset} perDay={perDay} days={days} />
      </div>
      <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="My use">
        <SpecField {...field('myUsePreset')} value={preset.value} />
        <p class="hint">{preset.detail}</p>
        {preset.value === 'custom' && (
          <>
            <SpecField {...field('myUseTokensIn')} placeholder={1000} />
            <SpecField {...field('myUseTokensOut')} placeholder={500} />
            <SpecField {...field('myUseThinking')} />
          </>
        )}
        <SpecField {...field('myUsePerDay')} placeholder={preset.perDay} />
        <SpecField
          {...field('myUseDays', { replace: false })}
          as="radio"
          value={days}
          values={[1, 30, 365, days]}
          labels={{ [days]: `${days} days`, ...DAY_WORDS }}
        />
        <SpecField {...field('model')} value={chosen} options={options} />
        <SpecField {...field('myUseModel2')} options={none} />
        <SpecField {...field('myUseModel3')} options={none} />
      </form>
      {rows.length > 0 && (
        <section aria-labelledby="year-h">
          <h2 id="year-h">Side by side</h2>
          <DataTable
            caption={`${preset.label}, ${plain(perDay)} a day for ${days} days`}
            columns={columns}
            rows={tableRows}
            rowKey={(r) => r.model}
            highlight={chosen}
          />
          <h3>In everyday terms ({rows[0].model})</h3>
          <Equivalents row={rows[0]} perDay={perDay} days={days} constants={data.constants} />
          {rows.map((r) => (
            <Turns key={r.model} row={r} />
          ))}
          <ExportButtons
            name={`my-use-${preset.value}`}
            csv={{ columns: csvColumns, rows: tableRows }}
            json={{
              dataset: data.meta.ref,
              request: { ...request, dataset: data.meta.ref },
              per_day: perDay,
              days,
              rows: tableRows,
            }}
          />
        </section>
      )}
      {rows.length > 0 && (
        <Reverse rows={rows} constants={data.constants} which={state.myUseReverse} field={field} preset={preset} />
      )}
      {notes.length > 0 && (
        <ul class="muted" data-testid="myuse-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <details class="method-note" data-testid="extension">
        <summary>Extension beyond the paper: how any prompt length and sessions are estimated</summary>
        <p>
          The paper measures three prompt shapes (100, 1,000 and 10,000 tokens in). For other lengths, the time to the
          first word and the writing speed are read between the model’s own measurements (on a logarithmic scale of the
          tokens in); beyond the longest one they are extended cautiously and the range widens. A chat or an agent
          re-reads the whole conversation on every turn, so each turn is estimated at its growing length. Caching a
          conversation saves re-reading the cached part (the wait before the first word), not the writing of the answer,
          and not the memory that holds the cache. Ranges combine the paper’s low and high utilisation with the
          uncertainty of reading between measurements and of the cached share.
        </p>
      </details>
    </article>
  );
}
