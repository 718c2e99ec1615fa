// Compare: every model of the dataset for one prompt size, as a bar chart with its
// uncertainty and a sortable table of the same numbers, plus a model-vs-model ratio.
import { ascending, descending } from 'd3-array';

import { BarChart } from '../../components/charts.jsx';
import { RadioGroup, SelectField } from '../../components/fields.jsx';
import { Figure } from '../../components/figure.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { DataTable } from '../../components/table.jsx';
import { usePrecomputed, usesDefaults } from '../../data/precomputed.js';
import { useEngine } from '../../engine/engine.js';
import { METRICS, num, times } from '../../lib/format.js';
import { chosenModel, estimateRequest, modelOptions } from '../../lib/requests.js';
import { PROMPTS } from '../calculator/prompts.js';

function Ratio({ rows, a, b, metric, setState, options }) {
  const ra = rows.find((r) => r.model === a);
  const rb = rows.find((r) => r.model === b);
  const m = METRICS[metric];
  let text = '';
  if (ra && rb) {
    const x = ra[m.key].mean / rb[m.key].mean;
    const what = m.label.toLowerCase();
    text =
      x >= 1
        ? `${a} uses ${times(x)} the ${what} of ${b}.`
        : `${a} uses ${times(x)} the ${what} of ${b} (${b} uses ${times(1 / x)} as much).`;
  } else if (a && b) text = 'One of these models has no measurement for this prompt size.';
  return (
    <section aria-labelledby="vs-h">
      <h2 id="vs-h">Model against model</h2>
      <div class="controls">
        <SelectField
          label="Model A"
          name="model"
          value={a}
          options={options}
          onChange={(v) => setState({ model: v })}
        />
        <SelectField label="Model B" name="cb" value={b} options={options} onChange={(v) => setState({ cb: v })} />
      </div>
      <p aria-live="polite" data-testid="ratio">
        <strong>{text}</strong>
        {ra && rb && ` (${num(ra[m.key].mean)} vs ${num(rb[m.key].mean)} ${m.unit} per query.)`}
      </p>
    </section>
  );
}

export default function Compare({ state, setState, data }) {
  const fp = data.footprint;
  const prompt = state.prompt;
  const metric = state.cmetric;
  const m = METRICS[metric];
  const models = fp.models.filter((x) => x.prompts.some((p) => p.prompt === prompt)).map((x) => x.model);
  const missing = fp.models.filter((x) => !models.includes(x.model)).map((x) => x.model);
  const request = estimateRequest(state, data, { models, prompts: [prompt] });
  // Default assumptions: the build's precomputed results (every model of this prompt size).
  const defaults = usesDefaults(state);
  const pre = usePrecomputed(defaults ? data.meta : null, prompt);
  const preOk = Boolean(pre && pre.rows.length === models.length);
  const run = useEngine(preOk || (defaults && pre === undefined) ? null : request);
  const result = preOk ? pre.result : run.result;
  const error = preOk ? null : run.error;
  const loading = !preOk && (run.loading || (defaults && pre === undefined));
  const chosen = chosenModel(state, fp);
  const options = modelOptions(fp);
  const b =
    state.cb && options.some((o) => o.value === state.cb)
      ? state.cb
      : (options.find((o) => o.value !== chosen)?.value ?? '');
  const rows = [...(result?.rows ?? [])];
  const key = state.csort;
  const dir = state.cdesc ? descending : ascending;
  const sign = state.cdesc ? -1 : 1;
  const byName = (x, y) => x.model.localeCompare(y.model);
  rows.sort((x, y) =>
    key === 'name'
      ? sign * byName(x, y)
      : key === 'company'
        ? sign * x.company.localeCompare(y.company) || byName(x, y)
        : dir(x[m.key].mean, y[m.key].mean) || byName(x, y),
  );
  const band = state.cerr === 'sd' ? (s) => [s.mean - s.sd, s.mean + s.sd] : (s) => [s.p5, s.p95];
  const bars = rows.map((r) => {
    const [lo, hi] = band(r[m.key]);
    return {
      key: r.model,
      label: r.model,
      value: r[m.key].mean,
      lo: Math.max(lo, 0),
      hi,
      highlight: r.model === chosen,
    };
  });
  const onSort = (col) => {
    const k = col === 'model' ? 'name' : col === 'company' ? 'company' : 'value';
    setState(k === key ? { cdesc: !state.cdesc } : { csort: k, cdesc: k === 'value' });
  };
  const sortCol = key === 'name' ? 'model' : key === 'company' ? 'company' : 'mean';
  const columns = [
    { key: 'model', label: 'Model', sortable: true },
    { key: 'company', label: 'Company', sortable: true },
    {
      key: 'mean',
      label: `Mean (${m.unit})`,
      numeric: true,
      sortable: true,
      value: (r) => r[m.key].mean,
      render: (r) => num(r[m.key].mean),
    },
    { key: 'sd', label: 'SD', numeric: true, value: (r) => r[m.key].sd, render: (r) => num(r[m.key].sd) },
    { key: 'p5', label: 'P5', numeric: true, value: (r) => r[m.key].p5, render: (r) => num(r[m.key].p5) },
    { key: 'p95', label: 'P95', numeric: true, value: (r) => r[m.key].p95, render: (r) => num(r[m.key].p95) },
  ];
  const csvColumns = [
    { key: 'model', label: 'model' },
    { key: 'company', label: 'company' },
    { key: 'prompt', label: 'prompt' },
    ...['energy', 'water', 'carbon'].flatMap((k) =>
      ['mean', 'sd', 'p5', 'p50', 'p95'].map((s) => ({
        label: `${METRICS[k].key}_${s}`,
        value: (r) => r[METRICS[k].key][s],
      })),
    ),
  ];
  const promptLabel = PROMPTS.find((p) => p.value === prompt);
  const caption = `${m.label} per query of ${rows.length} models, ${prompt} prompt (${promptLabel?.detail}): mean with ${state.cerr === 'sd' ? '± one SD' : 'P5–P95'}${
    chosen ? `; ${chosen} highlighted` : ''
  }.`;
  return (
    <article>
      <h1>Compare models</h1>
      <p class="lede">
        Every model of {data.meta.entry.title}, one prompt size. Bars are means; whiskers show{' '}
        {state.cerr === 'sd' ? 'one standard deviation' : 'the 5th to 95th percentile'}.
      </p>
      <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Chart settings">
        <RadioGroup
          legend="Prompt size"
          name="prompt"
          value={prompt}
          onChange={(v) => setState({ prompt: v })}
          options={PROMPTS.map((p) => ({ value: p.value, label: p.label }))}
        />
        <RadioGroup
          legend="Quantity"
          name="cmetric"
          value={metric}
          onChange={(v) => setState({ cmetric: v })}
          options={Object.entries(METRICS).map(([k, v]) => ({ value: k, label: `${v.label} (${v.unit})` }))}
        />
        <RadioGroup
          legend="Uncertainty"
          name="cerr"
          value={state.cerr}
          onChange={(v) => setState({ cerr: v })}
          options={[
            { value: 'p5p95', label: 'P5–P95' },
            { value: 'sd', label: 'Mean ± SD' },
          ]}
        />
        <RadioGroup
          legend="Scale"
          name="cscale"
          value={state.cscale}
          onChange={(v) => setState({ cscale: v })}
          options={[
            { value: 'lin', label: 'Linear' },
            { value: 'log', label: 'Logarithmic' },
          ]}
        />
      </form>
      <EngineError error={error} />
      {loading && !rows.length && <p aria-busy="true">Computing…</p>}
      {rows.length > 0 && (
        <Figure
          name={`compare-${metric}-${prompt}`}
          caption={caption}
          chart={
            <BarChart rows={bars} scale={state.cscale} unit={`${m.label} per query (${m.unit})`} label={caption} />
          }
          tableOpen
          table={
            <DataTable
              caption={`${m.label} per query, ${prompt} prompt`}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.model}
              sort={{ key: sortCol, desc: state.cdesc }}
              onSort={onSort}
              highlight={chosen}
              className="compare-table"
            />
          }
          csv={{ columns: csvColumns, rows }}
          json={{ dataset: data.meta.ref, prompt, method: result?.method, rows }}
        />
      )}
      {missing.length > 0 && (
        <p class="muted">
          No {prompt} measurement in this dataset for: {missing.join(', ')}.
        </p>
      )}
      {rows.length > 0 && <Ratio rows={rows} a={chosen} b={b} metric={metric} setState={setState} options={options} />}
    </article>
  );
}
