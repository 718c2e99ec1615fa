// The My use embed (embed.html?view=myuse&...), loaded only for that view so that the
// estimate embeds stay light: always computed by the engine (any workload or session).
import { useEffect, useRef } from 'preact/hooks';

import { useDatasets } from '../data/use-data.js';
import { EmbedMyUse } from '../features/myuse/EmbedMyUse.jsx';
import { appUrl, embedState } from './embed-state.js';
import { reportHeight } from './resize-child.js';
import { VersionNotice } from './VersionNotice.jsx';
import { LinkNotices, LoadError } from './notices.jsx';

/** A My use embed (view=myuse): always computed by the engine (any workload or session). */
export default function MyUseEmbed({ state, fields, notices, id }) {
  const data = useDatasets(state.dataset);
  const rootRef = useRef(null);
  useEffect(() => reportHeight(rootRef.current, id), [id]);
  const value = data.value;
  const pinned = value ? embedState(state, { ref: value.meta.ref }) : state;
  const here = document.baseURI;
  const newer = value && { ...pinned, dataset: `${value.meta.entry.id}@${value.meta.entry.latest}` };
  return (
    <div ref={rootRef} class="embed-root">
      <LinkNotices notices={notices} />
      {data.error ? (
        <LoadError error={data.error} />
      ) : !value ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          <EmbedMyUse state={state} data={value} />
          <VersionNotice
            ds={state.dataset}
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
