// "How sure is this?" (collapsed until opened): one sentence naming the assumption that
// moves the estimate most, each assumption a range (the default) or fixed (the paper), the distribution of
// energy, water and carbon per query (Monte Carlo over every varying assumption jointly
// with the latency/speed copula), and a tornado of what drives the chosen metric, each
// with a table alternative. State in the URL (request.js UNCERTAINTY_FIELDS).
import { SpecField } from '../../components/fields.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { Figure } from '../../components/figure.jsx';
import { DataTable } from '../../components/table.jsx';
import { useEngine } from '../../engine/engine.js';
import { METRICS, num } from '../../lib/format.js';
import { range as rangeText } from '../../lib/units.js';
import { chosenModel, chosenPrompt } from '../../lib/requests.js';
import { Histogram, Tornado } from './charts.jsx';
import { bindFields } from '../../state/bind.js';
import { DRAWS, INPUT_LABELS, INPUT_WORDS, SWITCHES, UNCERTAINTY_FIELDS, uncertaintyRequests } from './request.js';
import './panel.css';

const STATS = [
  ['mean', 'Mean'],
  ['sd', 'SD'],
  ['p5', 'P5'],
  ['p25', 'P25'],
  ['p50', 'P50 (median)'],
  ['p75', 'P75'],
  ['p95', 'P95'],
];

function Switches({ state, setState }) {
  const set = (patch) => setState(patch, { replace: true });
  const field = bindFields(UNCERTAINTY_FIELDS, state, setState);
  return (
    <fieldset class="unc-switches">
      <legend>Assumptions that vary (untick one to fix it at the data's value, as the paper does)</legend>
      <label>
        <input
          type="checkbox"
          checked={state.uncertaintyLatency !== 'fixed'}
          onChange={(e) => set({ uncertaintyLatency: e.currentTarget.checked ? '' : 'fixed' })}
        />{' '}
        Latency and speed (the paper's measured spread)
      </label>
      {SWITCHES.map((s) => (
        <div key={s.field}>
          <label>
            <input
              type="checkbox"
              name={s.field}
              checked={state[s.field] !== 'fixed'}
              onChange={(e) => set({ [s.field]: e.currentTarget.checked ? '' : 'fixed' })}
            />{' '}
            {s.label}
          </label>
          {s.input === 'pue' && state.uncertaintyPue !== 'fixed' && (
            <div class="unc-range">
              <SpecField {...field('uncertaintyPueLow')} placeholder="default" />
              <SpecField {...field('uncertaintyPueHigh')} placeholder="default" />
            </div>
          )}
        </div>
      ))}
    </fieldset>
  );
}

function Distribution({ metric, stats }) {
  const m = METRICS[metric];
  const rows = STATS.map(([key, label]) => ({ key, label, value: stats[key] }));
  const marks = [
    { label: 'P5', value: stats.p5 },
    { label: 'P50', value: stats.p50 },
    { label: 'P95', value: stats.p95 },
  ];
  return (
    <Figure
      name={`distribution-${metric}`}
      caption={
        <>
          {m.label}: 90 % of draws between <span data-testid={`unc-${metric}-p5`}>{num(stats.p5)}</span> and{' '}
          <span data-testid={`unc-${metric}-p95`}>{num(stats.p95)}</span> {m.unit}
        </>
      }
      chart={
        <Histogram
          histogram={stats.histogram}
          marks={marks}
          unit={m.unit}
          label={`Distribution of ${m.label.toLowerCase()} per query, ${num(stats.p5)} to ${num(stats.p95)} ${m.unit} (P5 to P95)`}
        />
      }
      table={
        <DataTable
          caption={`${m.label} per query (${m.unit})`}
          columns={[
            { key: 'label', label: 'Statistic' },
            { key: 'value', label: m.unit, numeric: true, render: (r) => num(r.value) },
          ]}
          rows={rows}
          rowKey={(r) => r.key}
        />
      }
      csv={{ columns: ['statistic', m.unit], rows: rows.map((r) => [r.label, r.value]) }}
    />
  );
}

function Drivers({ row, metric }) {
  const m = METRICS[metric];
  const t = row.tornado[m.key];
  const sobol = Object.fromEntries(row.sobol[m.key].indices.map((x) => [x.input, x]));
  const rows = t.bars.map((b) => ({ ...b, label: INPUT_LABELS[b.input] ?? b.input, sobol: sobol[b.input] }));
  const columns = [
    { key: 'label', label: 'Input' },
    { key: 'low', label: `Low (${m.unit})`, numeric: true, render: (r) => `${num(r.low)} (${r.low_at})` },
    { key: 'high', label: `High (${m.unit})`, numeric: true, render: (r) => `${num(r.high)} (${r.high_at})` },
    { key: 'swing', label: 'Swing', numeric: true, render: (r) => num(r.swing) },
    { key: 'first', label: 'Variance share alone', numeric: true, render: (r) => num(r.sobol?.first) },
    { key: 'total', label: 'With interactions', numeric: true, render: (r) => num(r.sobol?.total) },
  ];
  return (
    <Figure
      name={`drivers-${metric}`}
      caption={`What drives ${m.label.toLowerCase()}? Each bar: the result with that input at its low and high value, the others at the paper's; line: the paper's value (${num(t.base)} ${m.unit}).`}
      chart={
        <Tornado
          base={t.base}
          bars={t.bars}
          labels={INPUT_LABELS}
          unit={m.unit}
          label={`Tornado chart of ${m.label.toLowerCase()}: ${rows.map((r) => r.label).join(', ')}, by decreasing effect`}
        />
      }
      table={
        <DataTable
          caption={`Effect of each input on ${m.label.toLowerCase()}, largest first`}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.input}
          className="unc-drivers"
        />
      }
      csv={{
        columns: ['input', 'low', 'low_at', 'high', 'high_at', 'swing', 'sobol_first', 'sobol_total'],
        rows: rows.map((r) => [r.input, r.low, r.low_at, r.high, r.high_at, r.swing, r.sobol?.first, r.sobol?.total]),
      }}
      tableOpen
    />
  );
}

/**
 * One sentence naming the input that moves the estimate most: the largest share of the
 * variance with interactions (Sobol total index) when every assumption varies together,
 * else the tornado's longest bar; with that input's own low-high swing.
 */
export function driverSentence(srow, metric) {
  const m = METRICS[metric];
  const bars = srow?.tornado?.[m.key]?.bars ?? [];
  if (!bars.length) return '';
  const shares = srow?.sobol?.[m.key]?.indices ?? [];
  const best = [...shares].sort((a, b) => (b.total ?? 0) - (a.total ?? 0))[0];
  const top = bars.find((b) => b.input === best?.input) ?? bars[0];
  const who = INPUT_WORDS[top.input] ?? INPUT_LABELS[top.input] ?? 'One assumption';
  const lo = Math.min(top.low, top.high);
  const hi = Math.max(top.low, top.high);
  return `${who} moves this estimate most: on its own it takes ${m.label.toLowerCase()} per question from ${rangeText(lo, hi, metric).replace(' – ', ' to ')}.`;
}

function PanelBody({ state, setState, data }) {
  const fp = data.footprint;
  const model = chosenModel(state, fp);
  const prompt = chosenPrompt(state, fp, model);
  const reqs = model ? uncertaintyRequests(state, data, model, prompt) : null;
  const u = useEngine(reqs?.uncertainty ?? null);
  const s = useEngine(reqs?.sensitivity ?? null);
  const row = u.result?.rows?.[0];
  const srow = s.result?.rows?.[0];
  const busy = u.loading || s.loading;
  return (
    <>
      <p class="lead" data-testid="unc-lead" aria-live="polite">
        {srow ? driverSentence(srow, state.uncertaintyMetric) : 'Working out what moves this estimate most…'}
      </p>
      <p>
        The paper fixes most assumptions; here they all vary together over their documented ranges (
        {DRAWS.uncertainty.toLocaleString('en')} random draws). The bars below show which assumption matters most.
      </p>
      <Switches state={state} setState={setState} />
      <EngineError error={u.error ?? s.error} what="uncertainty" onRetry={u.error ? u.retry : s.retry} />
      {srow && (
        <div class={busy ? 'stale' : ''} aria-busy={s.loading ? 'true' : 'false'} data-testid="unc-drivers">
          <SpecField {...bindFields(UNCERTAINTY_FIELDS, state, setState)('uncertaintyMetric', { replace: true })} />
          <Drivers row={srow} metric={state.uncertaintyMetric} />
        </div>
      )}
      {row && (
        <div
          class={`unc-dists${busy ? ' stale' : ''}`}
          aria-busy={u.loading ? 'true' : 'false'}
          data-testid="unc-dists"
        >
          <Distribution metric="energy" stats={row.energy_wh} />
          <Distribution metric="water" stats={row.water_ml} />
          <Distribution metric="carbon" stats={row.carbon_g} />
        </div>
      )}
      {(u.result?.notes ?? []).length > 0 && (
        <ul class="muted">
          {u.result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function UncertaintyPanel({ state, setState, data }) {
  return (
    <details
      class="panel unc-panel"
      data-testid="uncertainty"
      open={state.uncertaintyOpen}
      onToggle={(e) => {
        const open = e.currentTarget.open;
        if (open !== state.uncertaintyOpen) setState({ uncertaintyOpen: open }, { replace: true });
      }}
    >
      <summary>
        <h2 id="unc-title">How sure is this, and what drives it?</h2>
      </summary>
      {state.uncertaintyOpen && <PanelBody state={state} setState={setState} data={data} />}
    </details>
  );
}
