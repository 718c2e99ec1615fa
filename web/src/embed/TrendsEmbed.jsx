// The Trends embed (embed.html?view=trends&tm=...&tp=...): the daily line chart of up to
// three models with its one-sentence summary, computed by the engine's trend op from the
// daily dataset (docs/trends.md). Loaded only for that view, so estimate embeds stay light.
import { useEffect, useRef } from 'preact/hooks';

import { EngineError } from '../components/engine-error.jsx';
import { dataUrl } from '../data/datasets.js';
import { useEngine } from '../engine/engine.js';
import { METRICS } from '../lib/format.js';
import { promptInfo } from '../lib/prompts.js';
import { TrendChart } from '../features/trends/TrendChart.jsx';
import { chartOf, Summary, useDaily } from '../features/trends/Trends.jsx';
import { dayOf, selectedModels, trendRequest } from '../features/trends/trend-request.js';
import { appUrl } from './embed-state.js';
import { reportHeight } from './resize-child.js';
import { LinkNotices } from './notices.jsx';

export default function TrendsEmbed({ state, fields, notices, id }) {
  const rootRef = useRef(null);
  useEffect(() => reportHeight(rootRef.current, id), [id]);
  const { index, files, error: loadError } = useDaily();
  const metric = METRICS[state.trendMetric] ?? METRICS.energy;
  const built = index ? trendRequest(state, index, (n) => dataUrl(files.get(n))) : {};
  const { result, error, loading } = useEngine(built.request ?? null);
  const names = index ? selectedModels(state, index) : [];
  const byName = new Map((index?.models ?? []).map((m) => [m.name, m]));
  const who = names.map((n) => byName.get(n)?.model ?? n).join(', ');
  const prompt = promptInfo({ prompt: state.trendPrompt, output_tokens: 0 });
  const { series, frozen, events } = chartOf(result, index, metric);
  const from = state.trendFrom || index?.from;
  const to = state.trendTo || index?.to;
  return (
    <div ref={rootRef} class="embed-root">
      <LinkNotices notices={notices} />
      <h1 class="embed-title">
        {who || 'Trends'}: {metric.label.toLowerCase()} of one {prompt.label.toLowerCase()} prompt, day by day
      </h1>
      {loadError && (
        <p class="error-box" role="alert">
          The daily data could not be loaded. Check your connection and reload the page.
        </p>
      )}
      {built.error && (
        <p class="error-box" role="alert">
          {built.error}
        </p>
      )}
      <EngineError error={error} what="compute the trend" />
      {loading && !result && <p aria-busy="true">Computing…</p>}
      {result && index && (
        <div data-testid="result" aria-busy={loading ? 'true' : 'false'}>
          <Summary result={result} metric={metric} prompt={prompt.label.toLowerCase()} />
          <TrendChart
            series={series}
            events={events}
            frozen={frozen}
            unit={metric.unit}
            from={dayOf(from)}
            to={dayOf(to)}
            label={`${metric.label} per prompt over time for ${who}`}
          />
        </div>
      )}
      <p class="embed-foot">
        <a
          href={appUrl(document.baseURI, state, fields)}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="app-link"
        >
          Open in the llm-footprint calculator
        </a>{' '}
        <span class="muted">
          · Data: the authors' daily runs, 10 Sep 2025 to 22 Aug 2026 (an extension beyond the paper). Method: Jegham et
          al., “How Hungry is AI?” (arXiv 2505.09598). Computed in your browser.
        </span>
      </p>
    </div>
  );
}
