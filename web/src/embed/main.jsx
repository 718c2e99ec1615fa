// Entry of embed.html: reads the URL once (the same versioned state as the app, plus the
// embed's own fields: models, format, theme, size; minus the embed id `eid`) and renders
// the embed view. On a diet: no service worker (and so no precache of the whole app) unless
// the reader interacts with the embed (docs/embedding.md).
import { render } from 'preact';

import { loadManifest } from '../data/datasets.js';
import { fetchPrecomputed } from '../data/precomputed.js';
import myuse from '../features/myuse/index.js';
import trends from '../features/trends/index.js';
import { coreFields } from '../state/fields.js';
import { decode } from '../state/url-state.js';
import '../styles.css';
import { Embed } from './Embed.jsx';
import './embed.css';
import { EMBED_ID, EMBED_ONLY_FIELDS, embedFormat } from './links.js';
import { registerServiceWorker } from './register-sw.js';
import { followTheme } from './resize-child.js';

// The core fields and those of the two feature views an embed can show (My use, Trends);
// links.js EMBED_KEYS says which of them an embed link carries.
const fields = { ...coreFields, ...myuse.fields, ...trends.fields };
const params = new URLSearchParams(location.search);
const id = (params.get(EMBED_ID) ?? '').slice(0, 64);
params.delete(EMBED_ID);
const { state, notices } = decode(params, { ...fields, ...EMBED_ONLY_FIELDS });
const look = { fmt: embedFormat(state), theme: state.theme, size: state.esize };

// The first number needs the manifest and the precomputed file: ask for both now, before
// the first render (the embed's hooks get the same cached promises).
loadManifest().catch(() => {});
if (/^[a-z0-9][a-z0-9-]*@[A-Za-z0-9.-]+$/.test(state.dataset))
  fetchPrecomputed(state.dataset, state.prompt, { slim: true });

const html = document.documentElement;
html.dataset.theme = look.theme;
html.dataset.size = look.size;
html.dataset.format = look.fmt;
if (look.theme === 'page') followTheme(html);

const root = document.getElementById('embed');
root.textContent = '';
render(<Embed state={state} fields={fields} notices={notices} id={id} look={look} />, root);

// The reader's first interaction (a click, a key) makes this site work offline for them.
const interact = () => {
  for (const type of ['pointerdown', 'keydown']) removeEventListener(type, interact, true);
  registerServiceWorker();
};
for (const type of ['pointerdown', 'keydown']) addEventListener(type, interact, true);
