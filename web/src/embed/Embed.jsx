// The embed view (embed.html): one estimate or one comparison chosen by the URL, with the
// dataset version pinned, a link back to the full calculator with the same state, and the
// height reported to the host page. Every name from the URL or a dataset is rendered as
// text (Preact escapes it); nothing is stored.
import { useEffect, useRef } from 'preact/hooks';

import { EngineError } from '../components/engine-error.jsx';
import { useDatasets } from '../data/use-data.js';
import { useEngine } from '../engine/engine.js';
import { PROMPTS } from '../features/calculator/prompts.js';
import { EmbedMyUse } from '../features/myuse/EmbedMyUse.jsx';
import { METRICS, num, times } from '../lib/format.js';
import { chosenModel, chosenPrompt, estimateRequest } from '../lib/requests.js';
import { appUrl, embedState } from './links.js';
import { reportHeight } from './resize-child.js';
import { VersionNotice } from './VersionNotice.jsx';

const METRIC_KEYS = ['energy', 'water', 'carbon'];
const promptDetail = (p) => PROMPTS.find((x) => x.value === p)?.detail ?? p;

function Figures({ row }) {
  return (
    <dl class="embed-figures">
      {METRIC_KEYS.map((k) => {
        const m = METRICS[k];
        const s = row[m.key];
        return (
          <div key={k} data-metric={k}>
            <dt>{m.label}</dt>
            <dd>
              <span class="embed-value" data-testid={`${k}-mean`}>
                {num(s?.mean)}
              </span>{' '}
              <abbr title={m.long}>{m.unit}</abbr>
              <span class="embed-range">
                P5–P95 {num(s?.p5)}–{num(s?.p95)}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function Estimate({ state, data }) {
  const fp = data.footprint;
  const model = chosenModel(state, fp);
  const prompt = chosenPrompt(state, fp, model);
  const request = model ? estimateRequest({ ...state, prompt }, data, { models: [model], prompts: [prompt] }) : null;
  const { result, error, loading } = useEngine(request);
  const row = result?.rows?.[0];
  return (
    <>
      <UnknownModel asked={state.model} shown={model} />
      <h1 class="embed-title">
        <span data-testid="model">{model}</span>: one {prompt} prompt{' '}
        <span class="muted">({promptDetail(prompt)})</span>
      </h1>
      <EngineError error={error} />
      {loading && !row && <p aria-busy="true">Computing…</p>}
      {row && (
        <div aria-busy={loading ? 'true' : 'false'} class="embed-result" data-testid="result">
          <Figures row={row} />
        </div>
      )}
    </>
  );
}

function Comparison({ state, data }) {
  const fp = data.footprint;
  const a = chosenModel(state, fp);
  const b = state.cb && fp.models.some((m) => m.model === state.cb) ? state.cb : '';
  const prompt = state.prompt;
  const metric = METRICS[state.cmetric] ?? METRICS.energy;
  const models = b ? [a, b] : fp.models.filter((m) => m.prompts.some((p) => p.prompt === prompt)).map((m) => m.model);
  const request = models.length ? estimateRequest(state, data, { models, prompts: [prompt] }) : null;
  const { result, error, loading } = useEngine(request);
  const rows = [...(result?.rows ?? [])].sort(
    (x, y) => x[metric.key].mean - y[metric.key].mean || (x.model < y.model ? -1 : 1),
  );
  const ra = rows.find((r) => r.model === a);
  const rb = rows.find((r) => r.model === b);
  return (
    <>
      <UnknownModel asked={state.model} shown={a} />
      {state.cb && !b && <UnknownModel asked={state.cb} shown="" />}
      <h1 class="embed-title">
        {b ? (
          <>
            <span data-testid="model">{a}</span> vs <span data-testid="model-b">{b}</span>
          </>
        ) : (
          `${models.length} models`
        )}
        : one {prompt} prompt <span class="muted">({promptDetail(prompt)})</span>
      </h1>
      <EngineError error={error} />
      {loading && !rows.length && <p aria-busy="true">Computing…</p>}
      {rows.length > 0 && (
        <div aria-busy={loading ? 'true' : 'false'} class="embed-result" data-testid="result">
          {ra && rb && (
            <p data-testid="ratio">
              {metric.label}: {a} uses {times(ra[metric.key].mean / rb[metric.key].mean)} as much as {b}.
            </p>
          )}
          <div class="table-wrap">
            <table class="embed-table">
              <caption>Per query, mean (sorted by {metric.label.toLowerCase()}, lowest first)</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  {METRIC_KEYS.map((k) => (
                    <th scope="col" key={k} class="num">
                      {METRICS[k].label} ({METRICS[k].unit})
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.model} class={r.model === a ? 'highlight' : undefined}>
                    <th scope="row">{r.model}</th>
                    {METRIC_KEYS.map((k) => (
                      <td class="num" key={k}>
                        {num(r[METRICS[k].key].mean)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </>
  );
}

function UnknownModel({ asked, shown }) {
  if (!asked || asked === shown) return null;
  return (
    <p class="notice" role="status" data-testid="unknown-model">
      The model “{asked}” is not in this dataset{shown ? `; showing ${shown}` : ''}.
    </p>
  );
}

export function Embed({ state, fields, notices, id }) {
  const data = useDatasets(state.ds);
  const rootRef = useRef(null);
  useEffect(() => reportHeight(rootRef.current, id), []);
  const value = data.value;
  const pinned = value ? embedState(state, { ref: value.meta.ref }) : state;
  const here = document.baseURI;
  const newer = value && { ...pinned, ds: `${value.meta.entry.id}@${value.meta.entry.latest}` };
  return (
    <div ref={rootRef} class="embed-root">
      {notices.length > 0 && (
        <ul class="notice" role="status" aria-label="Settings in the link that could not be used">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {data.error ? (
        <p class="error-box" role="alert">
          The data could not be loaded: {String(data.error.message ?? data.error)}.
        </p>
      ) : !value ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          {state.view === 'myuse' ? (
            <EmbedMyUse state={state} data={value} />
          ) : state.view === 'compare' ? (
            <Comparison state={state} data={value} />
          ) : (
            <Estimate state={state} data={value} />
          )}
          <VersionNotice
            ds={state.ds}
            meta={value.meta}
            newerHref={newer && appUrl(here, newer, fields)}
            target="_blank"
          />
          <p class="embed-foot">
            <a href={appUrl(here, pinned, fields)} target="_blank" rel="noopener noreferrer" data-testid="app-link">
              Open in the llm-footprint calculator
            </a>{' '}
            <span class="muted">
              · Data: {value.meta.entry.title ?? value.meta.entry.id}{' '}
              <span data-testid="dataset">{value.meta.ref}</span>. Method: Jegham et al., “How Hungry is AI?” (arXiv
              2505.09598). Computed in your browser.
            </span>
          </p>
        </>
      )}
    </div>
  );
}
