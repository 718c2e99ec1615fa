// The landing view: choose a model and a prompt size; the answer comes first in one plain
// sentence (2 significant figures, units that scale) with a range bar, then energy, water
// and carbon with everyday equivalents, the statistics in "Details", the effort levels of
// reasoning models side by side, where the data come from, and every assumption.
import { useMemo } from 'preact/hooks';

import { AfterPaint } from '../../components/after-paint.js';
import { SpecField } from '../../components/fields.jsx';
import { Slot } from '../../components/lazy.jsx';
import { ViewLink } from '../../components/view-link.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { asOfDate, datasetOptions, measuredOf, readableDate, readerNotes } from '../../data/datasets.js';
import { usesDefaults } from '../../data/precomputed.js';
import { usePrecomputed } from '../../data/use-precomputed.js';
import { prefetchEngine, settledOrAfter, useEngine } from '../../engine/engine.js';
import { METRICS, num, plain } from '../../lib/format.js';
import { quantity, range, scaleFor } from '../../lib/units.js';
import { chosenModel, chosenPrompt, estimateRequest } from '../../lib/requests.js';
import { bindFields } from '../../state/bind.js';
import { showState } from '../../state/store.js';
import { coreFields } from '../../state/fields.js';
import { slotLoaders } from '../../views.js';
import { Assumptions } from './Assumptions.jsx';
import { everyday } from '../../lib/equivalents.js';
import { ModelPicker } from '../../components/ModelPicker.jsx';
import { describePrompt, promptsOf } from '../../lib/prompts.js';
import { EFFORT_NOTE } from '../../lib/effort.js';
import {
  effortBars,
  effortHint,
  effortLevelsAt,
  leadSentence,
  modelNotes,
  rangeBarLabel,
  rangeBarPositions,
  summarySentence,
} from './calculator-derive.js';

/**
 * How long a prompt-size click through the engine waits for the answer before the page shows
 * "computing" (the estimate takes a few ms; the wait is cut short by the answer).
 */
const HOLD_MS = 120;
/** Prompt-size clicks so far: a held change applies only if no newer click came. */
let promptClicks = 0;

/** A horizontal bar from P5 to P95 with the mean marked, on a scale from 0 to P95 * 1.1. */
export function RangeBar({ stats, metric, label }) {
  const at = rangeBarPositions(stats);
  if (!at) return null;
  return (
    <div class="range-bar" role="img" aria-label={label}>
      <div class="range-track">
        <span class="range-fill" style={{ left: at.p5, width: `calc(${at.p95} - ${at.p5})` }} />
        <span class="range-mean" style={{ left: at.mean }} />
      </div>
      <div class="range-scale" aria-hidden="true">
        <span>0</span>
        <span style={{ left: at.p5 }}>{quantity(stats.p5, metric, { like: stats.p95 })}</span>
        <span style={{ left: at.p95 }}>{quantity(stats.p95, metric)}</span>
      </div>
    </div>
  );
}

function ResultCard({ metric, stats, constants, stale }) {
  const m = METRICS[metric];
  const eq = everyday(constants, metric, stats?.mean);
  const { factor, unit } = scaleFor(metric, stats?.mean ?? 0);
  return (
    <section class={`result-card${stale ? ' stale' : ''}`} aria-labelledby={`card-${metric}`} data-metric={metric}>
      <h2 id={`card-${metric}`}>{m.label}</h2>
      <p class="value">
        <span data-testid={`${metric}-mean`} data-value={stats?.mean}>
          {plain((stats?.mean ?? NaN) / factor)}
        </span>{' '}
        <span class="unit">{unit}</span>
      </p>
      <p class="likely">likely {range(stats?.p5, stats?.p95, metric)}</p>
      {eq.length > 0 && (
        <ul aria-label={`${m.label}: everyday equivalents`}>
          {eq.map((e) => (
            <li key={e.text} title={e.constant.source ?? ''}>
              ≈ {e.text}
            </li>
          ))}
        </ul>
      )}
      <details class="stats">
        <summary>Details</summary>
        <dl>
          <dt>Mean</dt>
          <dd data-testid={`${metric}-mean-precise`}>
            {num(stats?.mean)} {m.unit}
          </dd>
          <dt>Standard deviation</dt>
          <dd>
            ± {num(stats?.sd)} {m.unit}
          </dd>
          <dt>5th–95th percentile</dt>
          <dd>
            {num(stats?.p5)} – {num(stats?.p95)} {m.unit}
          </dd>
          {stats?.low !== undefined && (
            <>
              <dt>GPU busy at its low – high bound</dt>
              <dd>
                {num(stats.low)} – {num(stats.high)} {m.unit}
              </dd>
            </>
          )}
        </dl>
        <p class="hint">
          90 % of the likely cases fall between the 5th and 95th percentiles; the spread comes from measured latency and
          speed. {m.label} in {m.long}.
        </p>
      </details>
    </section>
  );
}

/**
 * The effort levels of a reasoning model side by side: with the default assumptions from the
 * precomputed rows (`pre`, usePrecomputed()), else one estimate for all of them.
 */
function EffortLevels({ state, data, model, prompt, pre }) {
  const levels = useMemo(() => effortLevelsAt(data.footprint, model, prompt), [data.footprint, model, prompt]);
  const defaults = usesDefaults(state);
  const preRows = defaults && pre ? levels.map((l) => pre.get(l.model, prompt)) : [];
  const fromPre = levels.length > 1 && preRows.length === levels.length && preRows.every(Boolean);
  const request =
    levels.length > 1 && !fromPre && !(defaults && pre === undefined)
      ? estimateRequest({ ...state, prompt }, data, { models: levels.map((l) => l.model), prompts: [prompt] })
      : null;
  const { result } = useEngine(request);
  if (levels.length < 2) return null;
  return (
    <section class="effort" aria-labelledby="effort-h">
      <h2 id="effort-h">Reasoning effort</h2>
      <p>{EFFORT_NOTE}</p>
      <table class="effort-table">
        <caption class="sr-only">Energy per question at each effort level</caption>
        <thead>
          <tr>
            <th scope="col">Effort</th>
            <th scope="col">Energy per question</th>
          </tr>
        </thead>
        <tbody>
          {effortBars(levels, fromPre ? preRows : (result?.rows ?? [])).map((l) => (
            <tr key={l.model} aria-current={l.model === model ? 'true' : undefined}>
              <th scope="row">{l.level}</th>
              <td>
                <span class="effort-bar" style={{ width: l.width }} /> {l.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DataLine({ data, model, prompt, setState }) {
  const asOf = asOfDate(data.footprint, data.meta);
  const measured = measuredOf(data.footprint, model, prompt);
  const options = datasetOptions(data.manifest);
  const current = data.meta.ref;
  const known = options.some((o) => o.value === current);
  return (
    <div class="data-line">
      <p data-testid="as-of">
        {asOf ? `Data as of ${readableDate(asOf)}` : `Data: ${data.meta.entry.title ?? ''}`}
        {measured ? `; ${model} measured on ${readableDate(measured)} for this prompt size` : ''}.
      </p>
      {options.length > 1 && (
        <SpecField
          spec={coreFields.dataset}
          value={known ? current : ''}
          onChange={(v) => setState({ dataset: v })}
          options={known ? options : [{ value: '', label: data.meta.entry.title ?? 'Imported data' }, ...options]}
        />
      )}
    </div>
  );
}

export default function Calculator({ state, setState, data }) {
  const fp = data.footprint;
  const model = chosenModel(state, fp);
  const prompt = chosenPrompt(state, fp, model);
  // What depends on the model only (not on the prompt size or the assumptions): computed once per model.
  const { modelInfo, available, sizes } = useMemo(() => {
    const info = fp.models.find((m) => m.model === model);
    const list = promptsOf(fp, model);
    return {
      modelInfo: info,
      available: list,
      sizes: list.map((p) => ({
        value: p,
        described: describePrompt(
          p,
          info?.prompts.find((x) => x.prompt === p),
        ),
      })),
    };
  }, [fp, model]);
  const promptEntry = modelInfo?.prompts.find((p) => p.prompt === prompt);
  const described = sizes.find((x) => x.value === prompt)?.described ?? describePrompt(prompt, promptEntry);
  const request = useMemo(
    () => (model ? estimateRequest({ ...state, prompt }, data, { models: [model], prompts: [prompt] }) : null),
    [state, data, model, prompt],
  );
  // Default assumptions: the build's precomputed result (data/precomputed.js); the engine
  // starts only when an assumption changes.
  const defaults = usesDefaults(state);
  const pre = usePrecomputed(defaults ? data.meta : null, prompt, available);
  const preRow = defaults ? pre?.get(model, prompt) : null;
  const engineRun = useEngine(preRow || (defaults && pre === undefined) ? null : request);
  const result = useMemo(
    () => (preRow ? { ...pre.result, rows: [preRow] } : engineRun.result),
    [pre, preRow, engineRun.result],
  );
  const error = preRow ? null : engineRun.error;
  const loading = !preRow && (engineRun.loading || (defaults && pre === undefined));
  const retry = engineRun.retry;
  const row = result?.rows?.[0];
  const promptWords = `${described.label.toLowerCase()} question`;
  const notes = readerNotes(fp.notes);
  // The model picker (82 models) changes only with the model: the same element is kept.
  const picker = useMemo(
    () => (
      <ModelPicker footprint={fp} value={model} onChange={(v) => setState({ model: v })} hint={effortHint(fp, model)} />
    ),
    [fp, model, setState],
  );
  // Below the answer: updated after the new numbers are painted (components/after-paint.js).
  const later = useMemo(
    () => ({ state, data, model, prompt, pre, request, result, row }),
    [state, data, model, prompt, pre, request, result, row],
  );
  return (
    <article class="calculator">
      <h1>What does one question cost?</h1>
      <form class="controls quick" onSubmit={(e) => e.preventDefault()} aria-label="Question">
        {picker}
        <fieldset class="prompt-size">
          <legend>Prompt size</legend>
          <div class="segmented">
            {sizes.map(({ value: p, described: d }) => (
              <label key={p} class="seg" title={d.tokens}>
                <input
                  type="radio"
                  name="prompt"
                  value={p}
                  checked={p === prompt}
                  onChange={() => {
                    const click = ++promptClicks;
                    if (defaults) {
                      setState({ prompt: p });
                      return;
                    }
                    // Ask the engine at once; the state and the link change now, and the page
                    // renders when the answer is in (at most HOLD_MS later): one render with the
                    // new numbers, instead of a "computing" render that the answer then waits
                    // behind. A newer click cancels this request and this render.
                    const answer = prefetchEngine(
                      estimateRequest({ ...state, prompt: p }, data, { models: [model], prompts: [p] }),
                      { channel: 'calculator' },
                    );
                    // After the request has left (the client posts from a microtask queued
                    // first): the history write then runs while the worker computes.
                    queueMicrotask(() => setState({ prompt: p }, { render: false }));
                    settledOrAfter(answer, HOLD_MS).then(() => {
                      if (click === promptClicks) showState();
                    });
                  }}
                />
                <span>{d.label}</span>
              </label>
            ))}
          </div>
          <small class="hint" data-testid="prompt-words">
            {described.text}
            {described.tokens ? ` (${described.tokens})` : ''}.
            {available.length === 1 ? ' The only size measured for this model in this data.' : ''}
          </small>
        </fieldset>
      </form>
      <div aria-live="polite" aria-atomic="true" class="sr-only" data-testid="summary">
        {summarySentence(row, model, prompt)}
      </div>
      <EngineError error={error} onRetry={retry} />
      {loading && !row && <p aria-busy="true">Computing…</p>}
      {row && (
        <section class="answer" aria-labelledby="answer-h">
          <h2 id="answer-h" class="sr-only">
            The answer
          </h2>
          <p class="lead" data-testid="lead">
            {leadSentence(row, model, promptWords, data.constants)}
          </p>
          <RangeBar stats={row.energy_wh} metric="energy" label={rangeBarLabel(row.energy_wh)} />
          <div class="results" aria-busy={loading ? 'true' : 'false'}>
            <ResultCard metric="energy" stats={row.energy_wh} constants={data.constants} stale={loading} />
            <ResultCard metric="water" stats={row.water_ml} constants={data.constants} stale={loading} />
            <ResultCard metric="carbon" stats={row.carbon_g} constants={data.constants} stale={loading} />
          </div>
        </section>
      )}
      <DataLine data={data} model={model} prompt={prompt} setState={setState} />
      {row?.reference && (
        <p class="muted" data-testid="reference">
          The authors' published value for this model and prompt: {num(row.reference.energy_wh_mean)} Wh (standard
          deviation {num(row.reference.energy_wh_sd)} Wh).
        </p>
      )}
      {modelNotes(notes, model).map((n) => (
        <p key={n} class="notice" data-testid="model-note">
          Note: {n}
        </p>
      ))}
      <AfterPaint
        value={later}
        render={(v) => <EffortLevels state={v.state} data={v.data} model={v.model} prompt={v.prompt} pre={v.pre} />}
      />
      <AfterPaint
        value={later}
        render={(v) => (
          <Slot
            loaders={slotLoaders('calculator.results')}
            state={v.state}
            setState={setState}
            data={v.data}
            request={v.request}
            result={v.result}
          />
        )}
      />
      <details class="panel">
        <summary>Answer length</summary>
        <SpecField
          {...bindFields(coreFields, state, setState)('outputTokens')}
          placeholder={promptEntry?.output_tokens}
        />
      </details>
      {state.outputTokens !== null && (
        <p class="notice">
          Custom answer of {plain(state.outputTokens)} tokens: this is outside the measured configurations.{' '}
          <button type="button" onClick={() => setState({ outputTokens: null })}>
            Back to the measured length
          </button>
        </p>
      )}
      <AfterPaint
        value={later}
        render={(v) => (
          <Assumptions
            state={v.state}
            setState={setState}
            data={v.data}
            row={v.row}
            request={v.request}
            result={v.result}
          />
        )}
      />
      <p>
        <ViewLink view="work">Show the work for this estimate</ViewLink> ·{' '}
        <ViewLink view="compare">Compare with other models</ViewLink>
      </p>
      <AfterPaint value={later} render={(v) => <MethodNotes result={v.result} dataset={v.data.footprint} />} />
    </article>
  );
}

export function MethodNotes({ result, dataset }) {
  const notes = readerNotes([...(result?.notes ?? []), ...(dataset?.notes ?? [])]);
  if (!notes.length) return null;
  return (
    <details class="panel">
      <summary>Method notes</summary>
      <ul>
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </details>
  );
}
