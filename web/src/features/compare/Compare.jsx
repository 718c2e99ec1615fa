// Compare: every model of the chosen data, or any 2 to 8 of them, for one prompt size the
// data have, as a dot plot (log axis fitted to the data, colour by provider or by reasoning,
// full labels) and a sortable table of the same numbers, plus a model-vs-model ratio.
import { ascending, descending } from 'd3-array';

import { DotPlot, GROUP_COLOURS } from '../../components/charts.jsx';
import { SpecField } from '../../components/fields.jsx';
import { Figure } from '../../components/figure.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { DataTable } from '../../components/table.jsx';
import { usePrecomputed, usesDefaults } from '../../data/precomputed.js';
import { useEngine } from '../../engine/engine.js';
import { datasetOptions } from '../../data/datasets.js';
import { METRICS, num, plain, quantity, scaleFor, times } from '../../lib/format.js';
import { chosenModel, estimateRequest, modelOptions } from '../../lib/requests.js';
import { effortOf } from '../../lib/effort.js';
import { describePrompt, nearestPrompt, promptsOf } from '../../lib/prompts.js';
import { bindFields } from '../../state/bind.js';
import { coreFields } from '../../state/fields.js';

function Ratio({ rows, a, b, metric, field, options }) {
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
  } else if (a && b) text = 'One of these models has no measurement for this prompt size in this data.';
  return (
    <section aria-labelledby="vs-h">
      <h2 id="vs-h">Model against model</h2>
      <div class="controls">
        <SpecField {...field('model')} label="Model A" value={a} options={options} />
        <SpecField {...field('compareWith')} value={b} options={options} />
      </div>
      <p aria-live="polite" data-testid="ratio">
        <strong>{text}</strong>
        {ra && rb && ` (${quantity(ra[m.key].mean, metric)} against ${quantity(rb[m.key].mean, metric)} per question.)`}
      </p>
    </section>
  );
}

const MAX_MODELS = 8;
const SEP = '|';

/** A reasoning model: an effort level in its name, or a known reasoning family. */
export const isReasoning = (name) =>
  Boolean(effortOf(name)) || /^o\d|\bR1\b|reasoning|thinking|\(high\)/i.test(name ?? '');

/** The models chosen in the link (cm = names joined by "|"), kept only if the dataset has them. */
export function chosenSubset(state, footprint) {
  const names = new Set((footprint?.models ?? []).map((m) => m.model));
  return (state.compareModels ? state.compareModels.split(SEP) : []).filter((n) => names.has(n));
}

function ModelChoice({ fp, subset, setState }) {
  const groups = {};
  for (const m of fp.models) (groups[m.company || 'Other'] ??= []).push(m.model);
  const toggle = (name, on) => {
    const next = on ? [...subset, name] : subset.filter((n) => n !== name);
    if (next.length > MAX_MODELS) return;
    setState({ compareModels: next.join(SEP) });
  };
  const full = subset.length >= MAX_MODELS;
  return (
    <details class="panel" open={subset.length > 0 && subset.length < 2}>
      <summary>
        Choose models to compare ({subset.length ? `${subset.length} chosen` : 'showing all'}; 2 to {MAX_MODELS})
      </summary>
      <p class="hint" aria-live="polite">
        {subset.length === 1
          ? 'Choose at least one more model.'
          : full
            ? `${MAX_MODELS} models chosen: untick one to choose another.`
            : 'Tick the models you want side by side.'}{' '}
        {subset.length > 0 && (
          <button type="button" onClick={() => setState({ compareModels: '' })}>
            Show all models again
          </button>
        )}
      </p>
      {Object.entries(groups)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([company, names]) => (
          <fieldset key={company} class="model-choice">
            <legend>{company}</legend>
            {names.sort().map((n) => (
              <label key={n}>
                <input
                  type="checkbox"
                  name="cm"
                  value={n}
                  checked={subset.includes(n)}
                  disabled={full && !subset.includes(n)}
                  onChange={(e) => toggle(n, e.currentTarget.checked)}
                />{' '}
                {n}
              </label>
            ))}
          </fieldset>
        ))}
    </details>
  );
}

export default function Compare({ state, setState, data }) {
  const fp = data.footprint;
  const sizes = promptsOf(fp);
  const prompt = nearestPrompt(state.prompt, sizes);
  const metric = state.compareMetric;
  const m = METRICS[metric];
  const subset = chosenSubset(state, fp);
  const useSubset = subset.length >= 2;
  const inScope = useSubset ? fp.models.filter((x) => subset.includes(x.model)) : fp.models;
  const models = inScope.filter((x) => x.prompts.some((p) => p.prompt === prompt)).map((x) => x.model);
  const missing = inScope.filter((x) => !models.includes(x.model)).map((x) => x.model);
  const request = models.length ? estimateRequest(state, data, { models, prompts: [prompt] }) : null;
  // Default assumptions: the build's precomputed results (every model of this prompt size);
  // the engine starts only when an assumption changes (data/precomputed.js).
  const defaults = usesDefaults(state);
  const pre = usePrecomputed(defaults ? data.meta : null, prompt);
  const preOk = Boolean(pre && models.every((x) => pre.get(x, prompt)));
  const run = useEngine(preOk || (defaults && pre === undefined) ? null : request);
  const result = preOk ? pre.result : run.result;
  const error = preOk ? null : run.error;
  const loading = !preOk && (run.loading || (defaults && pre === undefined));
  const retry = run.retry;
  const rows = [...(result?.rows ?? [])].filter((r) => models.includes(r.model));
  // Model against model: only the models in the chart (those measured at this prompt size).
  const options = modelOptions({ models: fp.models.filter((x) => models.includes(x.model)) });
  const picked = chosenModel(state, fp);
  const chosen = models.includes(picked) ? picked : (options[0]?.value ?? '');
  const b =
    state.compareWith && state.compareWith !== chosen && options.some((o) => o.value === state.compareWith)
      ? state.compareWith
      : (options.find((o) => o.value !== chosen)?.value ?? '');
  const key = state.compareSort;
  const dir = state.compareDescending ? descending : ascending;
  const sign = state.compareDescending ? -1 : 1;
  const byName = (x, y) => x.model.localeCompare(y.model);
  rows.sort((x, y) =>
    key === 'name'
      ? sign * byName(x, y)
      : key === 'company'
        ? sign * x.company.localeCompare(y.company) || byName(x, y)
        : dir(x[m.key].mean, y[m.key].mean) || byName(x, y),
  );
  const colourKey = (r) =>
    state.compareColour === 'reasoning'
      ? isReasoning(r.model)
        ? 'Reasoning model'
        : 'Answers directly'
      : r.company || 'Other';
  const keys = [...new Set(rows.map(colourKey))].sort();
  const colourOf = (k) => GROUP_COLOURS[keys.indexOf(k) % GROUP_COLOURS.length];
  const band = state.compareLine === 'sd' ? (st) => [st.mean - st.sd, st.mean + st.sd] : (st) => [st.p5, st.p95];
  const { factor, unit } = scaleFor(metric, Math.max(...rows.map((r) => r[m.key].mean), 0));
  const dots = rows.map((r) => {
    const [lo, hi] = band(r[m.key]);
    return {
      key: r.model,
      label: r.model,
      value: r[m.key].mean / factor,
      lo: Math.max(lo, r[m.key].p5 > 0 ? Math.min(r[m.key].p5, lo) : lo) / factor,
      hi: hi / factor,
      highlight: r.model === chosen,
      colour: colourOf(colourKey(r)),
    };
  });
  const onSort = (col) => {
    const k = col === 'model' ? 'name' : col === 'company' ? 'company' : 'value';
    setState(
      k === key
        ? { compareDescending: !state.compareDescending }
        : { compareSort: k, compareDescending: k === 'value' },
    );
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
    {
      key: 'sd',
      label: 'Standard deviation',
      numeric: true,
      value: (r) => r[m.key].sd,
      render: (r) => num(r[m.key].sd),
    },
    { key: 'p5', label: '5th percentile', numeric: true, value: (r) => r[m.key].p5, render: (r) => num(r[m.key].p5) },
    {
      key: 'p95',
      label: '95th percentile',
      numeric: true,
      value: (r) => r[m.key].p95,
      render: (r) => num(r[m.key].p95),
    },
  ];
  const csvColumns = [
    { key: 'model', label: 'model' },
    { key: 'company', label: 'company' },
    { key: 'prompt', label: 'prompt' },
    ...['energy', 'water', 'carbon'].flatMap((k) =>
      ['mean', 'sd', 'p5', 'p50', 'p95'].map((st) => ({
        label: `${METRICS[k].key}_${st}`,
        value: (r) => r[METRICS[k].key][st],
      })),
    ),
  ];
  const described = describePrompt(prompt);
  const caption = `${m.label} per question of ${rows.length} models, ${described.label.toLowerCase()} prompt: dot at the mean, line over ${state.compareLine === 'sd' ? 'one standard deviation either side' : 'the likely range (5th to 95th percentile)'}${
    chosen && rows.some((r) => r.model === chosen) ? `; ${chosen} in bold` : ''
  }.`;
  const dsOptions = datasetOptions(data.manifest);
  const field = bindFields(coreFields, state, setState);
  return (
    <article>
      <h1>Compare models</h1>
      <p class="lede">
        {useSubset ? `${rows.length} chosen models` : 'Every model'} of the chosen data, one prompt size. Dots are
        averages; lines show {state.compareLine === 'sd' ? 'one standard deviation either side' : 'the likely range'}.
      </p>
      <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Chart settings">
        {dsOptions.length > 1 && (
          <SpecField
            {...field('dataset')}
            value={dsOptions.some((o) => o.value === data.meta.ref) ? data.meta.ref : ''}
            options={
              dsOptions.some((o) => o.value === data.meta.ref)
                ? dsOptions
                : [{ value: '', label: data.meta.entry.title ?? 'Imported data' }, ...dsOptions]
            }
          />
        )}
        <SpecField {...field('prompt')} value={prompt} values={sizes} />
      </form>
      <p class="hint">{described.text}.</p>
      <details class="panel">
        <summary>
          Chart settings: {m.label.toLowerCase()}, {state.compareScale === 'log' ? 'log' : 'linear'} scale, colour by{' '}
          {state.compareColour === 'reasoning' ? 'reasoning' : 'provider'}
        </summary>
        <div class="controls">
          <SpecField {...field('compareMetric')} />
          <SpecField {...field('compareColour')} />
          <SpecField {...field('compareScale')} />
          <SpecField {...field('compareLine')} />
        </div>
      </details>
      <ModelChoice fp={fp} subset={subset} setState={setState} />
      <EngineError error={error} onRetry={retry} />
      {loading && !rows.length && <p aria-busy="true">Computing…</p>}
      {rows.length > 0 && (
        <>
          <ul class="legend" aria-label="Colours">
            {keys.map((k) => (
              <li key={k}>
                <span class="swatch" style={{ background: colourOf(k) }} aria-hidden="true" />
                {k}
              </li>
            ))}
          </ul>
          <Figure
            name={`compare-${metric}-${prompt}`}
            caption={caption}
            chart={
              <DotPlot
                rows={dots}
                scale={state.compareScale}
                unit={`${m.label} per question (${unit})`}
                label={caption}
                format={plain}
              />
            }
            tableOpen
            table={
              <DataTable
                caption={`${m.label} per question, ${described.label.toLowerCase()} prompt`}
                columns={columns}
                rows={rows}
                rowKey={(r) => r.model}
                sort={{ key: sortCol, desc: state.compareDescending }}
                onSort={onSort}
                highlight={chosen}
                className="compare-table"
              />
            }
            csv={{ columns: csvColumns, rows }}
            json={{ dataset: data.meta.ref, prompt, method: result?.method, rows }}
          />
        </>
      )}
      {missing.length > 0 && (
        <p class="muted">No measurement of this prompt size in this data for: {missing.join(', ')}.</p>
      )}
      {rows.length > 0 && <Ratio rows={rows} a={chosen} b={b} metric={metric} field={field} options={options} />}
    </article>
  );
}
