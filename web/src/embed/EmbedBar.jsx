// Added to the app shell (app.jsx): the pinned-version notice of the current link and the
// "Embed this" button, which opens the embed dialog (loaded on first use).
import { useState } from 'preact/hooks';

import { Lazy } from '../components/lazy.jsx';
import { getFields } from '../state/store.js';
import { appUrl } from './embed-state.js';
import { VersionNotice } from './VersionNotice.jsx';
import { versionStatus } from './versions.js';
import './embed.css';

export function EmbedBar({ state, data, view }) {
  const [open, setOpen] = useState(false);
  if (!data) return null;
  // The link to the newest data only when there is one (it encodes the whole state).
  const newer = versionStatus(state.dataset, data.meta).newer
    ? appUrl(document.baseURI, { ...state, dataset: `${data.meta.entry.id}@${data.meta.entry.latest}` }, getFields())
    : undefined;
  return (
    <>
      <VersionNotice ds={state.dataset} meta={data.meta} newerHref={newer} />
      {(view === 'calc' || view === 'compare') && (
        <div class="embed-bar">
          <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="embed-open">
            Embed this {view === 'compare' ? 'comparison' : 'estimate'}
          </button>
        </div>
      )}
      {(view === 'myuse' || view === 'trends') && (
        <div class="embed-bar">
          <button
            type="button"
            aria-expanded={open ? 'true' : 'false'}
            onClick={() => setOpen(!open)}
            data-testid="embed-open"
          >
            Embed this {view === 'trends' ? 'chart' : 'result'}
          </button>
        </div>
      )}
      {open && (view === 'myuse' || view === 'trends') && (
        <Lazy id="embed:view" load={() => import('./ViewEmbed.jsx')} state={state} data={data} />
      )}
      {open && (view === 'calc' || view === 'compare') && (
        <Lazy
          id="embed:dialog"
          load={() => import('./EmbedDialog.jsx')}
          state={state}
          data={data}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
