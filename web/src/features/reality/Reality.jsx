// Reality check: the visitor's estimate beside the per-query figures companies and analysts
// have published, each with what it counts, and a switch that recomputes ours on each
// figure's boundary (an extension beyond the paper; docs/reality.md).
import { format } from 'd3-format';
import { useEffect, useRef, useState } from 'preact/hooks';

import { EngineError } from '../../components/engine-error.jsx';
import { SpecField } from '../../components/fields.jsx';
import { ViewLink } from '../../components/view-link.jsx';
import { findDataset, loadDataFile, loadManifest } from '../../data/datasets.js';
import { engine } from '../../engine/engine.js';
import { METRICS, num, times } from '../../lib/format.js';
import { chosenModel, chosenPrompt, estimateRequest } from '../../lib/requests.js';
import { ModelPicker } from '../../components/ModelPicker.jsx';
import { PROMPTS } from '../../lib/prompts.js';
import { bindFields } from '../../state/bind.js';
import { coreFields } from '../../state/fields.js';
import { DotPlot } from './DotPlot.jsx';
import {
  BOUNDARY_WORDS,
  CARBON_WORDS,
  METHOD_WORDS,
  REALITY_FIELDS,
  WATER_WORDS,
  gapLine,
  publishedValue,
  realityRequests,
} from './reality.js';
import { chartCaption, chartRows, dateWords, publishedList, unmatchedWords } from './reality-derive.js';
import './reality.css';

const sig2 = format('.2~r');

function useDisclosures() {
  const [state, set] = useState({ figures: null, error: null });
  useEffect(() => {
    let live = true;
    loadManifest()
      .then((m) => {
        const d = findDataset(m, 'disclosures');
        if (!d) throw new Error('the published figures are missing from this build');
        return loadDataFile(d.file);
      })
      .then(
        (d) => live && set({ figures: d.figures, error: null }),
        (e) => live && set({ figures: null, error: e }),
      );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** Runs several estimate requests together; the latest set wins. */
function useEstimates(requests) {
  const key = JSON.stringify(requests);
  const [state, set] = useState({ loading: true, rows: {}, error: null });
  const latest = useRef('');
  useEffect(() => {
    latest.current = key;
    const requests = JSON.parse(key); // the effect follows the requests' value, not identity
    if (!requests[0].request) return;
    set((s) => ({ ...s, loading: true }));
    Promise.all(requests.map((r) => engine.request(r.request))).then(
      (envs) => {
        if (latest.current !== key) return;
        const bad = envs.find((e) => !e.ok);
        if (bad) set({ loading: false, rows: {}, error: bad.error });
        else
          set({
            loading: false,
            rows: Object.fromEntries(envs.map((e, i) => [requests[i].key, e.result.rows[0]])),
            error: null,
          });
      },
      (err) =>
        latest.current === key && set({ loading: false, rows: {}, error: { code: 'engine', message: err.message } }),
    );
  }, [key]);
  return state;
}

function Tags({ f, metric }) {
  return (
    <dl class="reality-tags">
      <div>
        <dt>Counts</dt>
        <dd>{BOUNDARY_WORDS[f.energy_boundary]}</dd>
      </div>
      {metric === 'water' && f.water_scope && (
        <div>
          <dt>Water</dt>
          <dd>{WATER_WORDS[f.water_scope]}</dd>
        </div>
      )}
      {metric === 'carbon' && f.carbon_basis && (
        <div>
          <dt>Carbon</dt>
          <dd>{CARBON_WORDS[f.carbon_basis]}</dd>
        </div>
      )}
      <div>
        <dt>Statistic</dt>
        <dd>{f.statistic}</dd>
      </div>
      <div>
        <dt>Workload</dt>
        <dd>{f.workload}</dd>
      </div>
      <div>
        <dt>Method</dt>
        <dd>{METHOD_WORDS[f.method]}</dd>
      </div>
      <div>
        <dt>Published</dt>
        <dd>
          <time dateTime={f.published}>{dateWords(f.published)}</time>
        </dd>
      </div>
    </dl>
  );
}

function Figure({ f, metric, ours, like, ctx, marketFactor }) {
  const m = METRICS[metric];
  const pub = publishedValue(f, metric);
  const published = publishedList(f);
  const unmatched = unmatchedWords(f, { like, marketFactor, metric });
  const stat = ours?.[m.key];
  return (
    <li class="reality-figure" data-testid="figure" data-id={f.id}>
      <h3>
        <a href={f.primary_url} rel="noopener noreferrer">
          {f.source}
        </a>
      </h3>
      <p class="reality-pub">
        {pub ? (
          <>
            <strong>
              {num(pub.value)} {m.unit}
            </strong>{' '}
            per {f.subject}
            {Number.isFinite(pub.low) && ` (range ${num(pub.low)}–${num(pub.high)} ${m.unit})`}
          </>
        ) : (
          <>
            No {m.label.toLowerCase()} figure published
            {published.length ? ` (published: ${published.join(', ')})` : ''}.
          </>
        )}
      </p>
      <Tags f={f} metric={metric} />
      {stat && (
        <p class="reality-ours" data-testid="ours-here" data-value={String(stat.mean)}>
          Ours{like ? ' on this boundary' : ''}: {num(stat.mean)} {m.unit} (
          <span title="likely range: 5th to 95th percentile">
            likely {num(stat.p5)}–{num(stat.p95)}
          </span>
          ){unmatched.length > 0 && <span class="muted"> · not matched: {unmatched.join(', ')}</span>}
        </p>
      )}
      {pub && stat && <p class="reality-gap">{gapLine(f, stat.mean, pub.value, ctx, times)}</p>}
      <details>
        <summary>About this figure</summary>
        <p>{f.note}</p>
        <p class="muted">How we checked it: {f.checked}</p>
      </details>
    </li>
  );
}

export default function Reality({ state, setState, data }) {
  const fp = data.footprint;
  const model = chosenModel(state, fp);
  const prompt = chosenPrompt(state, fp, model);
  const modelInfo = fp.models.find((x) => x.model === model);
  const available = new Set(modelInfo?.prompts.map((p) => p.prompt));
  const metric = state.realityMetric;
  const m = METRICS[metric];
  const like = state.realityLikeForLike === 'like';
  const { figures, error: dataError } = useDisclosures();
  const base = model ? estimateRequest({ ...state, prompt }, data, { models: [model], prompts: [prompt] }) : null;
  const { requests, keyFor } = realityRequests(base, state, figures ?? []);
  const { rows, error, loading } = useEstimates(requests);
  const ours = rows.base;
  const promptInfo = PROMPTS.find((p) => p.value === prompt);
  const ctx = {
    metric,
    like,
    prompt,
    promptDetail: promptInfo?.detail ?? prompt,
    marketFactor: state.realityMarketCif,
  };
  const oursFor = (f) => (like ? rows[keyFor[f.id] ?? 'base'] : ours);
  const plotted = (figures ?? []).filter((f) => publishedValue(f, metric));
  const rowsOfChart = chartRows({ ours, plotted, metric, like, oursFor });
  const caption = chartCaption({ metric, model, prompt, like, count: plotted.length });
  const field = bindFields({ ...coreFields, ...REALITY_FIELDS }, state, setState);
  return (
    <article class="reality">
      <h1>Reality check</h1>
      <p class="lede">
        Companies and analysts have published their own per-query numbers. They rarely count the same thing as each
        other, or as this calculator. Here they are side by side, with what each one counts.
      </p>
      <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Comparison">
        <ModelPicker footprint={fp} value={model} onChange={(v) => setState({ model: v })} />
        <SpecField
          {...field('prompt')}
          value={prompt}
          values={coreFields.prompt.values.filter((p) => available.has(p))}
          labels={Object.fromEntries(PROMPTS.map((p) => [p.value, `${p.label} (${p.detail})`]))}
        />
        <SpecField {...field('realityMetric')} />
      </form>
      <EngineError error={error} />
      {dataError && (
        <p class="error-box" role="alert">
          The published figures could not be loaded. Reload the page to try again.
        </p>
      )}
      {ours && (
        <p class="reality-summary" aria-live="polite" data-testid="reality-ours" data-value={String(ours[m.key].mean)}>
          Your estimate for {model}, {prompt} prompt ({promptInfo?.detail ?? prompt}
          {Number.isFinite(state.outputTokens)
            ? `; output length changed to your ${num(state.outputTokens)} tokens`
            : ''}
          ): about{' '}
          <strong>
            {sig2(ours[m.key].mean)} {m.unit}
          </strong>{' '}
          per query (likely between{' '}
          <span title="5th to 95th percentile">
            {sig2(ours[m.key].p5)} and {sig2(ours[m.key].p95)} {m.unit}
          </span>
          ), counted the paper's way.
        </p>
      )}
      {loading && !ours && <p aria-busy="true">Computing…</p>}
      {ours && figures && (
        <figure class="figure reality-chart">
          <DotPlot rows={rowsOfChart} unit={`${m.unit} per query`} label={caption} />
          <figcaption>{caption}</figcaption>
        </figure>
      )}
      <fieldset class="reality-like">
        <legend>Boundaries</legend>
        <label>
          <input
            type="checkbox"
            name="rlike"
            checked={like}
            onChange={(e) => setState({ realityLikeForLike: e.currentTarget.checked ? 'like' : '' }, { replace: true })}
          />{' '}
          {REALITY_FIELDS.realityLikeForLike.label}
        </label>
        <p class="hint">
          An extension beyond the paper. The paper counts the whole data centre, the water of cooling and of power
          plants, and grid-average carbon. With this on, ours counts only what each figure counts where it is known:
          accelerators only, cooling water only, or market-based carbon with your factor below. Idle reserve machines,
          life-cycle impacts and unstated boundaries cannot be matched.
        </p>
        <SpecField {...field('realityMarketCif')} />
      </fieldset>
      {figures && (
        <section aria-labelledby="figures-h">
          <h2 id="figures-h">The {figures.length} published figures</h2>
          <ol class="reality-figures">
            {figures.map((f) => (
              <Figure
                key={f.id}
                f={f}
                metric={metric}
                ours={oursFor(f)}
                like={like}
                ctx={ctx}
                marketFactor={state.realityMarketCif}
              />
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="why-h" class="reality-why">
        <h2 id="why-h">Why the numbers differ by 100 times</h2>
        <p>Most of the gap is in what is counted, not in the physics. Five choices move a number the most:</p>
        <ul>
          <li>
            <strong>The boundary.</strong> Only the AI chips, the whole server, or the whole data centre with cooling
            and spare machines. Google's own paper shows 0.10 Wh for the chips alone and 0.24 Wh for everything: 2.4
            times more for the same prompt (
            <a href="https://arxiv.org/abs/2508.15734" rel="noopener noreferrer">
              Elsner et al., 2025
            </a>
            ).
          </li>
          <li>
            <strong>The workload.</strong> A short chat answer or a long document. Epoch AI estimates about 0.3 Wh for a
            typical GPT-4o query, about 2.5 Wh with a 10,000-token input and about 40 Wh with 100,000 (
            <a href="https://epoch.ai/gradient-updates/how-much-energy-does-chatgpt-use" rel="noopener noreferrer">
              Epoch AI, 2025
            </a>
            ). A coding-agent session is many queries in one: about 41 Wh (
            <a href="https://www.simonpcouch.com/blog/2026-01-20-cc-impact" rel="noopener noreferrer">
              Couch, 2026
            </a>
            ).
          </li>
          <li>
            <strong>The statistic.</strong> A median ignores the few very long queries that pull an average up.
          </li>
          <li>
            <strong>Water.</strong> Cooling water alone, or also the water power plants use to make the electricity,
            which is often ten times more (this calculator counts both, as the paper does).
          </li>
          <li>
            <strong>Carbon.</strong> Market-based figures subtract renewable energy a company has bought; location-based
            figures use the local grid's average (this calculator's way).
          </li>
        </ul>
        <p>
          Models, chips and batching differ too, and a provider measuring its own fleet sees things an outside estimate
          cannot. This calculator follows Jegham et al., “How Hungry is AI?” (
          <a href="https://arxiv.org/abs/2505.09598" rel="noopener noreferrer">
            arXiv 2505.09598
          </a>
          ), which models each query from public speed measurements.
        </p>
      </section>
      <p>
        <ViewLink view="calc">Back to the calculator</ViewLink>
      </p>
    </article>
  );
}
