// "Embed this": a modal <dialog> (native focus trap, Escape closes, focus returns to the
// button) with the two snippets for the current view, a live preview and copy buttons.
import { useEffect, useRef, useState } from 'preact/hooks';

import { chosenModel } from '../lib/requests.js';
import { getFields } from '../state/store.js';
import { embedState, embedUrl, snippets } from './links.js';
import { HEIGHT_MESSAGE } from './resize-child.js';

function Snippet({ id, label, hint, text }) {
  const [copied, setCopied] = useState('');
  const ref = useRef(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      ref.current.select();
      setCopied('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        id={id}
        ref={ref}
        readOnly
        rows={Math.max(5, text.split('\n').length + 2)}
        aria-describedby={`${id}-hint`}
        value={text}
      />
      <button type="button" onClick={copy} data-testid={`${id}-copy`}>
        Copy the {label.toLowerCase()}
      </button>{' '}
      <span role="status">{copied}</span>
    </div>
  );
}

export default function EmbedDialog({ state, data, onClose }) {
  const ref = useRef(null);
  const opener = useRef(typeof document !== 'undefined' ? document.activeElement : null);
  useEffect(() => {
    const dialog = ref.current;
    dialog.showModal();
    const closed = () => {
      onClose();
      opener.current?.focus?.();
    };
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, []);
  // The preview reports its height like any embed; only its own frame is listened to.
  const preview = useRef(null);
  const [height, setHeight] = useState(360);
  useEffect(() => {
    const onMessage = (event) => {
      const d = event.data;
      if (event.source !== preview.current?.contentWindow || event.origin !== location.origin) return;
      if (d?.type === HEIGHT_MESSAGE && d.id === 'preview' && Number.isFinite(d.height))
        setHeight(Math.min(2000, Math.max(40, Math.ceil(d.height))));
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);
  const fields = getFields();
  const pinned = embedState(state, { ref: data.meta.ref, model: chosenModel(state, data.footprint) });
  const base = new URL('./', document.baseURI).href;
  const s = snippets(base, pinned, fields);
  return (
    <dialog ref={ref} class="embed-dialog" aria-labelledby="embed-dialog-title" data-testid="embed-dialog">
      <div class="dialog-head">
        <h2 id="embed-dialog-title">Embed this {pinned.view === 'compare' ? 'comparison' : 'estimate'}</h2>
        <button type="button" onClick={() => ref.current.close()}>
          Close
        </button>
      </div>
      <p>
        Paste one of these into your page. The embed shows “{s.title}” with the data version {data.meta.ref} pinned, so
        it keeps these numbers even after newer data are published. It makes no request to anyone but this site, sets no
        cookie and stores nothing about your readers.
      </p>
      <Snippet
        id="embed-iframe"
        label="Iframe snippet"
        hint="Works everywhere iframes are allowed; the script only resizes the frame to its content."
        text={s.iframe}
      />
      <Snippet
        id="embed-element"
        label="Custom element snippet"
        hint="The <llm-footprint> tag renders the same iframe; without JavaScript the link inside it remains."
        text={s.element}
      />
      <h3>Preview</h3>
      <iframe
        ref={preview}
        src={embedUrl(base, pinned, fields, 'preview')}
        title={`Preview: ${s.title}`}
        height={height}
        data-testid="embed-preview"
      />
    </dialog>
  );
}
