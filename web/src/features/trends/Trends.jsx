// Trends: a year of the authors' daily data. One or several models over time (mean line,
// P5-P95 band, the authors' published value as a dashed line), annotated with the method
// change, the prompt-size change and the frozen period; the monthly summaries of the
// authors' monthly analysis; the change over the period (Theil-Sen). All numbers come from
// the engine's "trend" op on the "daily" dataset (docs/trends.md).
import { useEffect, useState } from 'preact/hooks';

import { SelectField, SpecField } from '../../components/fields.jsx';
import { Figure } from '../../components/figure.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { DataTable } from '../../components/table.jsx';
import { dataUrl, findDataset, loadDataFile, loadManifest } from '../../data/datasets.js';
import { useEngine } from '../../engine/engine.js';
import { METRICS, num } from '../../lib/format.js';
import { promptInfo } from '../../lib/prompts.js';
import { bindFields } from '../../state/bind.js';
import feature from './index.js';
import { TrendChart } from './TrendChart.jsx';
import { dayOf, selectedModels, trendRequest } from './trend-request.js';
import {
  CSV_COLUMNS,
  METHOD_WORDS,
  chartOf,
  flagsText,
  longDate,
  monthLabel,
  monthlyRows,
  nextModels,
  seriesNotes,
  summaryLines,
} from './trend-derive.js';
import './trends.css';

export function useDaily() {
  const [state, setState] = useState({ index: null, files: null, error: null });
  useEffect(() => {
    loadManifest()
      .then((m) => {
        const found = findDataset(m, 'daily');
        if (!found) throw new Error('The daily data are missing from this build.');
        const files = new Map((found.version.parts ?? []).map((p) => [p.name, p.file]));
        return loadDataFile(found.file).then((index) => ({ index, files }));
      })
      .then(
        ({ index, files }) => setState({ index, files, error: null }),
        (error) => setState({ index: null, files: null, error }),
      );
  }, []);
  return state;
}

export function Summary({ result, metric, prompt }) {
  return (
    <ul class="trend-summary" aria-live="polite" data-testid="trend-summary">
      {summaryLines(result, metric, prompt).map((l) =>
        l.empty ? (
          <li key={l.model}>
            {l.model} {l.text}
          </li>
        ) : (
          <li key={l.model}>
            <strong>{l.model}</strong>
            {l.text}
          </li>
        ),
      )}
    </ul>
  );
}

function Notes({ result, index }) {
  const items = seriesNotes(result);
  return (
    <details class="panel">
      <summary>About these data (periods, gaps, frozen days)</summary>
      <ul>
        {index.events.map((e) => (
          <li key={e.date + e.kind}>
            {longDate(e.date)}: {e.text}
          </li>
        ))}
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
        {index.notes.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </details>
  );
}

// The embed (embed/TrendsEmbed.jsx) imports chartOf from here.
export { chartOf };

export default function Trends({ state, setState }) {
  const { index, files, error: loadError } = useDaily();
  const metric = METRICS[state.trendMetric] ?? METRICS.energy;
  const names = selectedModels(state, index);
  const built = index ? trendRequest(state, index, (n) => dataUrl(files.get(n))) : {};
  const { result, error, loading } = useEngine(built.request ?? null);
  const byName = new Map((index?.models ?? []).map((m) => [m.name, m]));
  const setModel = (i, v) => setState({ trendModels: nextModels(names, i, v) });
  const sizes = index?.prompts ?? [];
  const promptLabel = promptInfo(
    sizes.find((p) => p.prompt === state.trendPrompt) ?? { prompt: state.trendPrompt, output_tokens: 0 },
  );
  const from = state.trendFrom || index?.from;
  const to = state.trendTo || index?.to;
  const { series, frozen, events } = chartOf(result, index, metric);
  const dailyRows = result?.rows ?? [];
  const dailyCols = [
    { key: 'date', label: 'Date' },
    { key: 'model', label: 'Model' },
    { key: 'mean', label: `Mean (${metric.unit})`, numeric: true, render: (r) => num(r[metric.key].mean) },
    { key: 'p5', label: 'P5', numeric: true, render: (r) => num(r[metric.key].p5) },
    { key: 'p95', label: 'P95', numeric: true, render: (r) => num(r[metric.key].p95) },
    {
      key: 'pub',
      label: 'Published mean',
      numeric: true,
      render: (r) => (r.published ? num(r.published[`${metric.key}_mean`]) : '–'),
    },
    { key: 'method', label: 'Method', render: (r) => METHOD_WORDS[r.method] ?? r.method },
    { key: 'flags', label: 'Notes', render: (r) => flagsText(r.flags) },
  ];
  const monthly = monthlyRows(result);
  const monthlyCols = [
    { key: 'model', label: 'Model' },
    {
      key: 'month',
      label: 'Month',
      render: monthLabel,
    },
    { key: 'days', label: 'Days', numeric: true },
    { key: 'avg', label: `Average (${metric.unit})`, numeric: true, render: (m) => num(m[metric.key].average) },
    { key: 'dd', label: 'Day-to-day SD', numeric: true, render: (m) => num(m[metric.key].day_to_day_sd ?? NaN) },
    { key: 'intra', label: 'Within-day SD', numeric: true, render: (m) => num(m[metric.key].intra_day_sd) },
    { key: 'pooled', label: 'Pooled SD', numeric: true, render: (m) => num(m[metric.key].pooled_sd ?? NaN) },
  ];
  const field = bindFields(feature.fields, state, setState);
  return (
    <article>
      <h1>Trends over a year</h1>
      <p class="lede">
        How the footprint of one prompt changed from day to day, from the authors' daily runs (10 September 2025 to 22
        August 2026). The line is the average prompt of each day, the shaded band where 90 % of prompts fall (P5 to
        P95), the dashed line the value the authors published that day.
      </p>
      <p class="notice">
        <strong>Beyond the paper:</strong> the paper reports single snapshots. These daily series come from the authors'
        dashboard pipeline; the monthly summaries follow their monthly analysis, and the change over the period is a
        Theil–Sen slope (the median of day-to-day slopes) with a 95 % interval. Days are rolling measurements, so
        neighbouring days are not independent.
      </p>
      {loadError && (
        <p class="error-box" role="alert">
          The daily data could not be loaded. Check your connection and reload the page.
        </p>
      )}
      {index && (
        <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Trend settings">
          {[0, 1, 2].map((i) =>
            i === 0 || names.length >= i ? (
              <SelectField
                key={i}
                label={i === 0 ? 'Model' : i === 1 ? 'Compare with (optional)' : 'And with (optional)'}
                name={`tm${i}`}
                value={names[i] ?? ''}
                onChange={(v) => setModel(i, v)}
                options={[
                  ...(i === 0 ? [] : [{ value: '', label: 'None' }]),
                  ...index.models.map((m) => ({ value: m.name, label: m.model })),
                ]}
              />
            ) : null,
          )}
          <SpecField
            {...field('trendPrompt')}
            values={sizes.map((p) => p.prompt)}
            labels={Object.fromEntries(
              sizes.map((p) => {
                const info = promptInfo(p);
                return [p.prompt, `${info.label} (${info.detail}; ${longDate(p.from)} to ${longDate(p.to)})`];
              }),
            )}
          />
          <SpecField {...field('trendMetric')} />
          <SpecField {...field('trendEstimator')} />
          {['trendFrom', 'trendTo'].map((k) => (
            <SpecField
              key={k}
              {...field(k, { map: (v) => (v === index[k === 'trendFrom' ? 'from' : 'to'] ? '' : v) })}
              as="date"
              value={k === 'trendFrom' ? from : to}
              min={index.from}
              max={index.to}
            />
          ))}
        </form>
      )}
      {built.error && (
        <p class="error" role="alert">
          {built.error}
        </p>
      )}
      <EngineError error={error} what="compute the trend" />
      {loading && !result && <p aria-busy="true">Computing…</p>}
      {result && index && (
        <section aria-busy={loading ? 'true' : 'false'} data-testid="trend-result">
          <Summary result={result} metric={metric} prompt={promptLabel.label.toLowerCase()} />
          <Figure
            name={`trend-${names.join('-')}-${state.trendPrompt}-${state.trendMetric}`}
            caption={`${metric.label} per ${promptLabel.label.toLowerCase()} prompt (${promptLabel.detail}), day by day, ${longDate(from)} to ${longDate(to)}.`}
            chart={
              <>
                <TrendChart
                  series={series}
                  events={events}
                  frozen={frozen}
                  unit={metric.unit}
                  from={dayOf(from)}
                  to={dayOf(to)}
                  label={`${metric.label} per prompt over time for ${names.map((n) => byName.get(n)?.model ?? n).join(', ')}`}
                />
                <ul class="trend-legend" aria-label="Legend">
                  {series.map((s, i) => (
                    <li key={s.key} class={`series-${i}`}>
                      <span class="swatch" aria-hidden="true" />
                      {s.label} (line: daily average; band: likely range, 5th to 95th percentile)
                    </li>
                  ))}
                  <li>
                    <span class="swatch dashed" aria-hidden="true" />
                    published by the authors
                  </li>
                </ul>
              </>
            }
            table={
              <DataTable
                caption={`Daily ${metric.label.toLowerCase()} (${metric.unit})`}
                columns={dailyCols}
                rows={dailyRows}
                rowKey={(r) => `${r.model}|${r.date}`}
              />
            }
            csv={{ columns: CSV_COLUMNS, rows: dailyRows }}
            json={result}
          />
          <h2>Month by month</h2>
          <p class="muted">
            As in the authors' monthly analysis: the average of the daily values, how much they vary from day to day,
            the average spread within a day, and both combined (pooled). A month is split where the method or the
            multipliers change.
          </p>
          <DataTable
            caption={`Monthly summary of ${metric.label.toLowerCase()} (${metric.unit})`}
            columns={monthlyCols}
            rows={monthly}
            rowKey={(m) => m.key}
          />
          <Notes result={result} index={index} />
        </section>
      )}
    </article>
  );
}
