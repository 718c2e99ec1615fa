// Entry of embed.html: reads the URL once (the same versioned state as the app, plus the
// embed's own fields: models, format, theme, size; minus the embed id `eid`) and renders
// the embed view. On a diet: no service worker (and so no precache of the whole app) unless
// the reader interacts with the embed (docs/embedding.md).
import { render } from 'preact';

import { loadManifest } from '../data/load.js';
import { usesDefaults } from '../data/precomputed.js';
import { coreFields } from '../state/fields.js';
import { decode } from '../state/url-state.js';
import '../styles.css';
import { Embed } from './Embed.jsx';
import './embed.css';
import { EMBED_ID, EMBED_ONLY_FIELDS, embedFormat } from './embed-state.js';
import { needsViews } from './first.js';
import { fetchPinnedFile } from './pinned.js';
import { registerServiceWorker } from './register-sw.js';
import { followTheme } from './resize-child.js';

const params = new URLSearchParams(location.search);
const id = (params.get(EMBED_ID) ?? '').slice(0, 64);
params.delete(EMBED_ID);
// theme=page: listen for the host page's colours before anything else is awaited (the host
// script sends them when the frame loads; a message before the listener would be lost).
const html = document.documentElement;
if (params.get('theme') === 'page') followTheme(html);
// The core fields, and those of the two feature views an embed can show (My use, Trends)
// when the link needs them (first.js needsViews).
const fields = needsViews(params) ? { ...coreFields, ...(await import('./view-fields.js')).VIEW_FIELDS } : coreFields;
const { state, notices } = decode(params, { ...fields, ...EMBED_ONLY_FIELDS });
const look = { fmt: embedFormat(state), theme: state.theme, size: state.esize };

// What the first number needs, asked for now, before the first render (the embed's hooks
// get the same cached promises): a pinned estimate with the default assumptions, its
// precomputed file alone (Embed.jsx); any other embed, the manifest.
const estimate = state.view !== 'myuse' && state.view !== 'trends';
const early = estimate && usesDefaults(state) ? fetchPinnedFile(state.dataset, state.prompt) : null;
if (!early) loadManifest().catch(() => {});

html.dataset.theme = look.theme;
html.dataset.size = look.size;
html.dataset.format = look.fmt;

const root = document.getElementById('embed');
// The pinned file was requested while embed.html was parsed (its inline boot script,
// scripts/prerender.mjs), so it is usually here (and hash-checked) by now: the first render
// then shows the numbers at once, without a "Loading…" render, paint and effect before them
// (on the main thread that all the embeds of a page share). Until it is, "Loading…".
let first = null;
if (early) {
  const wait = document.createElement('p');
  wait.setAttribute('aria-busy', 'true');
  wait.textContent = 'Loading…';
  root.replaceChildren(wait);
  first = await early;
}
root.textContent = '';
render(<Embed state={state} fields={fields} notices={notices} id={id} look={look} first={first} />, root);

// The reader's first interaction (a click, a key) makes this site work offline for them.
const interact = () => {
  for (const type of ['pointerdown', 'keydown']) removeEventListener(type, interact, true);
  registerServiceWorker();
};
for (const type of ['pointerdown', 'keydown']) addEventListener(type, interact, true);
