// The body of an estimate embed (the chosen format for its rows, under its title) and its
// footer, shared by the embed page (Embed.jsx) and its first paint in the host page
// (host/poster.jsx): the same markup in both, so the frame that takes the first paint's place
// shows the same numbers, source and method.
import { METRICS } from '../lib/format.js';
import { PROMPTS } from '../lib/prompts.js';
import { Badge, Card, Chart, Table } from './formats.jsx';

const promptDetail = (p) => PROMPTS.find((x) => x.value === p)?.detail ?? p;

/** The chosen format for rows (already in the blogger's order, or sorted for "every model"). */
export function Body({ rows, loading, prompt, look, state, asked, constants, href }) {
  const metric = METRICS[state.compareMetric] ? state.compareMetric : 'energy';
  const key = METRICS[metric].key;
  const shown = asked.all ? [...rows].sort((x, y) => x[key].mean - y[key].mean || (x.model < y.model ? -1 : 1)) : rows;
  const fmt = look.fmt;
  const title = `${rows.length} models`;
  return (
    <>
      {asked.unknown.map((name) => (
        <p class="notice" role="status" data-testid="unknown-model" key={name}>
          The model “{name}” is not in this dataset{asked.models[0] ? `; showing ${asked.models[0]}` : ''}.
        </p>
      ))}
      {fmt !== 'badge' && (
        <h1 class="embed-title">
          {rows.length <= 2 && !asked.all
            ? rows.map((r, i) => (
                <span key={r.model}>
                  {i > 0 && ' vs '}
                  <span data-testid={i === 0 ? 'model' : 'model-b'}>{r.model}</span>
                </span>
              ))
            : title}
          : one {prompt} prompt <span class="muted">({promptDetail(prompt)})</span>
        </h1>
      )}
      <div aria-busy={loading ? 'true' : 'false'} class="embed-result" data-testid="result">
        {fmt === 'badge' ? (
          <Badge rows={shown} prompt={prompt} href={href} />
        ) : fmt === 'chart' ? (
          <Chart rows={shown} metric={metric} />
        ) : fmt === 'table' ? (
          <Table rows={shown} metric={metric} highlight={asked.highlight} />
        ) : (
          <Card rows={shown} metric={metric} prompt={prompt} constants={constants} />
        )}
      </div>
    </>
  );
}

/**
 * The link to the calculator, the data version and the method. `title`: the dataset's (from
 * the manifest, which a first paint does not load: then the version alone).
 */
export function Footer({ href, title, version }) {
  return (
    <p class="embed-foot">
      <a href={href} target="_blank" rel="noopener noreferrer" data-testid="app-link">
        Open in the llm-footprint calculator
      </a>{' '}
      <span class="muted">
        · Data: {title ? `${title}, version ` : 'version '}
        <span data-testid="dataset">{version}</span>. Method: Jegham et al., “How Hungry is AI?” (arXiv 2505.09598).
      </span>
    </p>
  );
}
