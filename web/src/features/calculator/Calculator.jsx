// The landing view: choose a model and a prompt size, see energy, water and carbon with
// their spread and everyday equivalents; every assumption can be overridden.
import { NumberField, RadioGroup, SelectField } from '../../components/fields.jsx';
import { Slot } from '../../components/lazy.jsx';
import { ViewLink } from '../../components/view-link.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { usePrecomputed, usesDefaults } from '../../data/precomputed.js';
import { useEngine } from '../../engine/engine.js';
import { METRICS, num } from '../../lib/format.js';
import { chosenModel, chosenPrompt, estimateRequest } from '../../lib/requests.js';
import { slotLoaders } from '../../views.js';
import { Assumptions } from './Assumptions.jsx';
import { everyday } from './equivalents.js';
import { ModelPicker } from './ModelPicker.jsx';
import { PROMPTS } from './prompts.js';

function ResultCard({ metric, stats, constants, stale }) {
  const m = METRICS[metric];
  const eq = everyday(constants, metric, stats?.mean);
  return (
    <section class={`result-card${stale ? ' stale' : ''}`} aria-labelledby={`card-${metric}`} data-metric={metric}>
      <h2 id={`card-${metric}`}>{m.label} per query</h2>
      <p class="value">
        <span data-testid={`${metric}-mean`}>{num(stats?.mean)}</span> <span class="unit">{m.unit}</span>
      </p>
      <dl>
        <dt>SD</dt>
        <dd>
          ± {num(stats?.sd)} {m.unit}
        </dd>
        <dt>P5–P95</dt>
        <dd>
          {num(stats?.p5)} – {num(stats?.p95)} {m.unit}
        </dd>
        {stats?.low !== undefined && (
          <>
            <dt>Low–high utilisation</dt>
            <dd>
              {num(stats.low)} – {num(stats.high)} {m.unit}
            </dd>
          </>
        )}
      </dl>
      {eq.length > 0 && (
        <ul aria-label={`${m.label}: everyday equivalents`}>
          {eq.map((e) => (
            <li key={e.text} title={e.constant.source ?? ''}>
              ≈ {e.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A one-sentence summary read out by screen readers when the numbers change. */
function summary(row, model, prompt) {
  if (!row) return '';
  const e = row.energy_wh;
  const w = row.water_ml;
  const c = row.carbon_g;
  return `${model}, ${prompt} prompt: ${num(e.mean)} Wh of energy, ${num(w.mean)} mL of water, ${num(c.mean)} g CO2e per query.`;
}

export default function Calculator({ state, setState, data }) {
  const fp = data.footprint;
  const model = chosenModel(state, fp);
  const prompt = chosenPrompt(state, fp, model);
  const modelInfo = fp.models.find((m) => m.model === model);
  const available = new Set(modelInfo?.prompts.map((p) => p.prompt));
  const request = model ? estimateRequest({ ...state, prompt }, data, { models: [model], prompts: [prompt] }) : null;
  // Default assumptions: the build's precomputed result (data/precomputed.js); the engine
  // starts only when an assumption changes.
  const defaults = usesDefaults(state);
  const pre = usePrecomputed(defaults ? data.meta : null, prompt, [...available]);
  const preRow = defaults ? pre?.get(model, prompt) : null;
  const engineRun = useEngine(preRow || (defaults && pre === undefined) ? null : request);
  const result = preRow ? { ...pre.result, rows: [preRow] } : engineRun.result;
  const error = preRow ? null : engineRun.error;
  const loading = !preRow && (engineRun.loading || (defaults && pre === undefined));
  const row = result?.rows?.[0];
  const datasets = data.footprintDatasets;
  return (
    <article class="calculator">
      <h1>What does one prompt cost?</h1>
      <p class="lede">
        Energy, water and carbon of a single query to a large language model, with the method of Jegham et al. (“How
        Hungry is AI?”), computed in your browser from {data.meta.entry.title ?? data.meta.ref}.
      </p>
      <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Query">
        {datasets.length > 1 && (
          <SelectField
            label="Dataset"
            name="ds"
            value={data.meta.ref}
            onChange={(v) => setState({ ds: v })}
            options={datasets.flatMap((d) =>
              d.versions.map((v) => ({
                value: `${d.id}@${v.version}`,
                label: d.versions.length > 1 ? `${d.title}: ${v.version}` : d.title,
              })),
            )}
          />
        )}
        <ModelPicker footprint={fp} value={model} onChange={(v) => setState({ model: v })} />
        <RadioGroup
          legend="Prompt size"
          name="prompt"
          value={prompt}
          onChange={(v) => setState({ prompt: v })}
          options={PROMPTS.filter((p) => available.has(p.value)).map((p) => ({
            value: p.value,
            label: `${p.label} (${p.detail})`,
          }))}
        />
        <NumberField
          label="Custom output tokens"
          name="out"
          value={state.out}
          placeholder={modelInfo?.prompts.find((p) => p.prompt === prompt)?.output_tokens}
          min={1}
          max={100000}
          int
          hint="Outside the paper's three configurations: keeps this prompt size's latency and speed, changes only the output length."
          onChange={(v) => setState({ out: v }, { replace: true })}
        />
      </form>
      {state.out !== null && (
        <p class="notice">
          Custom output of {num(state.out)} tokens: this is outside the paper's three configurations (300, 1,000, 1,500
          tokens).{' '}
          <button type="button" onClick={() => setState({ out: null })}>
            Back to the paper's length
          </button>
        </p>
      )}
      <div aria-live="polite" aria-atomic="true" class="sr-only" data-testid="summary">
        {summary(row, model, prompt)}
      </div>
      <EngineError error={error} />
      {loading && !row && <p aria-busy="true">Computing…</p>}
      {row && (
        <div class="results" aria-busy={loading ? 'true' : 'false'}>
          <ResultCard metric="energy" stats={row.energy_wh} constants={data.constants} stale={loading} />
          <ResultCard metric="water" stats={row.water_ml} constants={data.constants} stale={loading} />
          <ResultCard metric="carbon" stats={row.carbon_g} constants={data.constants} stale={loading} />
        </div>
      )}
      {row?.reference && (
        <p class="muted" data-testid="reference">
          The authors' published value for this model and prompt: {num(row.reference.energy_wh_mean)} Wh (SD{' '}
          {num(row.reference.energy_wh_sd)}).
        </p>
      )}
      {(fp.notes ?? [])
        .filter((n) => n.startsWith(`${model}:`))
        .map((n) => (
          <p key={n} class="notice" data-testid="model-note">
            Note: {n}
          </p>
        ))}
      <Slot
        loaders={slotLoaders('calculator.results')}
        state={state}
        setState={setState}
        data={data}
        request={request}
        result={result}
      />
      <Assumptions state={state} setState={setState} data={data} row={row} request={request} result={result} />
      <p>
        <ViewLink view="work">Show the work for this estimate</ViewLink> ·{' '}
        <ViewLink view="compare">Compare with every model</ViewLink>
      </p>
      <MethodNotes result={result} dataset={fp} />
    </article>
  );
}

export function MethodNotes({ result, dataset }) {
  const notes = [...(result?.notes ?? []), ...(dataset?.notes ?? [])];
  if (!notes.length) return null;
  return (
    <details class="panel">
      <summary>Method notes</summary>
      <ul>
        {[...new Set(notes)].map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </details>
  );
}
