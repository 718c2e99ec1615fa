// "Embed this" for the My use and Trends views: the view as it is now (its own settings,
// the data version pinned), as an iframe or a custom element, with a live preview.
import { getFields } from '../state/store.js';
import { Snippet } from './EmbedDialog.jsx';
import { embedState, embedUrl, snippets, startHeight } from './links.js';

export default function ViewEmbed({ state, data }) {
  const fields = getFields();
  const pinned = embedState(state, { ref: data.meta.ref });
  const base = new URL('./', document.baseURI).href;
  const s = snippets(base, pinned, fields);
  return (
    <section class="embed-panel" aria-labelledby="view-embed-title" data-testid="view-embed">
      <h2 id="view-embed-title">Embed this {state.view === 'trends' ? 'chart' : 'result'}</h2>
      <p class="hint">
        Paste one of these into a web page: readers see these settings, computed in their browser, with a link back
        here. Nothing is sent to any server.
      </p>
      <Snippet id="view-embed-iframe" label="Iframe" hint="Works on any page that allows iframes." text={s.iframe} />
      <Snippet
        id="view-embed-element"
        label="Custom element"
        hint="Shows a plain link where scripts are not allowed."
        text={s.element}
      />
      <h3>Preview</h3>
      <iframe
        src={embedUrl(base, pinned, fields, 'preview')}
        title={`Preview: ${s.title}`}
        width="100%"
        height={Math.max(startHeight(pinned), 420)}
        style="border:1px solid var(--line)"
        data-testid="view-embed-preview"
      />
    </section>
  );
}
