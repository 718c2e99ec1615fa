// Compare: every model of the chosen data, or any 2 to 8 of them, for one prompt size the
// data have, as a dot plot (log axis fitted to the data, colour by provider or by reasoning,
// full labels) and a sortable table of the same numbers, plus a model-vs-model ratio.
import { DotPlot, GROUP_COLOURS } from '../../components/charts.jsx';
import { SpecField } from '../../components/fields.jsx';
import { Figure } from '../../components/figure.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { DataTable } from '../../components/table.jsx';
import { usesDefaults } from '../../data/precomputed.js';
import { usePrecomputed } from '../../data/use-precomputed.js';
import { useEngine } from '../../engine/engine.js';
import { datasetOptions } from '../../data/datasets.js';
import { METRICS, num, plain } from '../../lib/format.js';
import { quantity } from '../../lib/units.js';
import { chosenModel, estimateRequest, modelOptions } from '../../lib/requests.js';
import { describePrompt, nearestPrompt, promptsOf } from '../../lib/prompts.js';
import {
  CSV_COLUMNS,
  MAX_MODELS,
  SEP,
  captionOf,
  chosenSubset,
  colourKeyOf,
  dotsOf,
  modelsInScope,
  pairOf,
  ratioSentence,
  sortRows,
} from './compare-derive.js';
import { bindFields } from '../../state/bind.js';
import { coreFields } from '../../state/fields.js';

function Ratio({ rows, a, b, metric, field, options }) {
  const ra = rows.find((r) => r.model === a);
  const rb = rows.find((r) => r.model === b);
  const m = METRICS[metric];
  const text = ratioSentence(ra, rb, a, b, metric);
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
        Choose 2 to {MAX_MODELS} models to compare (
        {subset.length ? `${subset.length} chosen` : `now showing all ${fp.models.length}`})
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
  const subset = chosenSubset(state.compareModels, fp);
  const useSubset = subset.length >= 2;
  const { models, missing } = modelsInScope(fp, subset, prompt);
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
  const unsorted = (result?.rows ?? []).filter((r) => models.includes(r.model));
  // Model against model: only the models in the chart (those measured at this prompt size).
  const options = modelOptions({ models: fp.models.filter((x) => models.includes(x.model)) });
  const { a: chosen, b } = pairOf(models, options, chosenModel(state, fp), state.compareWith);
  const key = state.compareSort;
  const rows = sortRows(unsorted, metric, key, state.compareDescending);
  const colourKey = colourKeyOf(state.compareColour);
  const keys = [...new Set(rows.map(colourKey))].sort();
  const colourOf = (k) => GROUP_COLOURS[keys.indexOf(k) % GROUP_COLOURS.length];
  const { dots, unit } = dotsOf(rows, metric, {
    band: state.compareLine,
    chosen,
    colour: (r) => colourOf(colourKey(r)),
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
  const described = describePrompt(prompt);
  const caption = captionOf({
    metric,
    count: rows.length,
    promptLabel: described.label,
    band: state.compareLine,
    chosen,
    chosenShown: rows.some((r) => r.model === chosen),
  });
  const field = bindFields(coreFields, state, setState);
  const dsOptions = datasetOptions(data.manifest);
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
            csv={{ columns: CSV_COLUMNS, rows }}
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
