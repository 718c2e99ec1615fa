// URLs and snippets of the embeds (docs/embedding.md). Pure functions: no DOM.
//
// An embed URL is the app's own URL state (state/url-state.js, versioned `v=1`) limited to
// the settings an embed shows, with the dataset always pinned as "id@version", plus `eid`
// (the embed id the page sends back with its height). The same state opens the full
// calculator at `./?...` and the embed at `./embed.html?...`.
import { encode } from '../state/url-state.js';

/** The query parameter that carries the embed id (not part of the app state). */
export const EMBED_ID = 'eid';

/** The settings an embed uses: view, pinned dataset, model, prompt, assumptions, comparison. */
export const EMBED_KEYS = [
  'view',
  'ds',
  'model',
  'prompt',
  'out',
  'hw',
  'size',
  'gpus',
  'batch',
  'host',
  'region',
  'mult',
  'pue',
  'wues',
  'wuesrc',
  'cif',
  'est',
  'rho',
  'w',
  'cmetric',
  'cb',
  // My use (features/myuse)
  'mypre',
  'myin',
  'myout',
  'mythink',
  'myper',
  'mydays',
  // The imported file itself (with ds=imported): without it the embed has no data to pin.
  'imp',
];

/**
 * The iframe sandbox: the embed runs its scripts (and its worker) in its own origin and may
 * open the calculator in a new tab, but can never navigate or script the host page.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** The views an embed can show; any other view embeds the calculator's estimate. */
export const EMBED_VIEWS = ['calc', 'compare', 'myuse'];

const pick = (obj, keys) => Object.fromEntries(keys.filter((k) => k in obj).map((k) => [k, obj[k]]));

/**
 * The embed state for the app state: only EMBED_KEYS, the view mapped to calc/compare,
 * the dataset pinned to the version in use (`ref` = "id@version"), the model made explicit.
 */
export function embedState(state, { ref, model } = {}) {
  const s = pick(state, EMBED_KEYS);
  s.view = EMBED_VIEWS.includes(state.view) ? state.view : 'calc';
  if (ref) s.ds = ref;
  if (model && !s.model) s.model = model;
  return s;
}

/** The fields of `fields` that an embed uses. */
export const embedFields = (fields) => pick(fields, EMBED_KEYS);

/** "./embed.html?v=1&...&eid=ID" resolved against `base` (the app's folder). */
export function embedUrl(base, state, fields, id = '') {
  const query = encode(state, embedFields(fields));
  return new URL(`embed.html?${query}${id ? `&${EMBED_ID}=${encodeURIComponent(id)}` : ''}`, base).href;
}

/** The full calculator with the same state. */
export const appUrl = (base, state, fields) => new URL(`./?${encode(state, fields)}`, base).href;

const escapeAttr = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A short, human title for an embed: "GPT-4o: energy, water and carbon of one short prompt". */
export function embedTitle(state) {
  const who = state.model || 'one LLM';
  if (state.view === 'myuse') return `${who}: my use over a day or a year`;
  if (state.view === 'compare')
    return state.cb ? `${who} vs ${state.cb}: one ${state.prompt} prompt` : `Every model: one ${state.prompt} prompt`;
  return `${who}: energy, water and carbon of one ${state.prompt} prompt`;
}

/** Custom-element attributes for the settings that have one; the rest go in `params`. */
const ATTRS = { model: 'model', prompt: 'prompt', ds: 'dataset', view: 'view', cb: 'compare-with', cmetric: 'metric' };

/**
 * The two snippets for hosts: a plain iframe (+ the resizer script) and the custom element
 * with a fallback link. `base` is the app's absolute folder URL.
 */
export function snippets(base, state, fields, id = 'llmfp-1') {
  const title = embedTitle(state);
  const src = embedUrl(base, state, fields, id);
  const script = new URL('embed.js', base).href;
  const link = appUrl(base, state, fields);
  const iframe =
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(`llm-footprint: ${title}`)}" ` +
    `width="100%" height="${state.view === 'compare' ? 480 : 340}" loading="lazy" data-llm-footprint ` +
    `referrerpolicy="no-referrer" sandbox="${SANDBOX}" ` +
    `style="border:0;max-width:44rem"></iframe>\n` +
    `<script type="module" src="${escapeAttr(script)}"></script>`;
  const attrs = [];
  const rest = {};
  const own = embedFields(fields);
  const query = new URLSearchParams(encode(state, own));
  for (const [key, value] of query) {
    if (key === 'v') continue;
    if (ATTRS[key]) attrs.push(`${ATTRS[key]}="${escapeAttr(value)}"`);
    else rest[key] = value;
  }
  if (!query.has('prompt')) attrs.push(`prompt="${escapeAttr(state.prompt ?? 'short')}"`);
  if (Object.keys(rest).length) attrs.push(`params="${escapeAttr(new URLSearchParams(rest).toString())}"`);
  const element =
    `<script type="module" src="${escapeAttr(script)}"></script>\n` +
    `<llm-footprint ${attrs.join(' ')}>\n` +
    `  <a href="${escapeAttr(link)}">${escapeText(title)} (llm-footprint)</a>\n` +
    `</llm-footprint>`;
  return { iframe, element, src, link, script, title };
}
