// URLs and snippets of the embeds (docs/embedding.md). Pure functions: no DOM.
//
// An embed URL is the app's own URL state (state/url-state.js, versioned `v=1`) limited to
// the settings an embed shows, with the dataset always pinned as "id@version", plus `eid`
// (the embed id the page sends back with its height). The same state opens the full
// calculator at `./?...` and the embed at `./embed.html?...`.
import { encode } from '../state/url-state.js';
import { EMBED_ID, EMBED_KEYS, EMBED_ONLY_FIELDS, MODEL_SEPARATOR, appUrl, embedFormat } from './embed-state.js';

export {
  EMBED_ID,
  EMBED_KEYS,
  EMBED_ONLY_FIELDS,
  EMBED_VIEWS,
  MAX_MODELS,
  MODEL_SEPARATOR,
  appUrl,
  defaultModel,
  embedFormat,
  embedModels,
  embedState,
} from './embed-state.js';

/**
 * The iframe sandbox: the embed runs its scripts (and its worker) in its own origin and may
 * open the calculator in a new tab, but can never navigate or script the host page.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

const pick = (obj, keys) => Object.fromEntries(keys.filter((k) => k in obj).map((k) => [k, obj[k]]));

/** The fields of `fields` that an embed uses. */
export const embedFields = (fields) => pick(fields, EMBED_KEYS);

/** "./embed.html?v=1&...&eid=ID" resolved against `base` (the app's folder). */
export function embedUrl(base, state, fields, id = '') {
  const query = encode(state, embedFields({ ...fields, ...EMBED_ONLY_FIELDS }));
  return new URL(`embed.html?${query}${id ? `&${EMBED_ID}=${encodeURIComponent(id)}` : ''}`, base).href;
}

const escapeAttr = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A short, human title for an embed: "GPT-4o: energy, water and carbon of one short prompt". */
export function embedTitle(state) {
  if (state.view === 'myuse') return `${state.model || 'one LLM'}: my use over a day or a year`;
  if (state.view === 'trends')
    return `${state.trendModels || 'a model'}: one ${state.trendPrompt ?? 'long'} prompt, day by day`;
  const list = state.models ? state.models.split(MODEL_SEPARATOR).filter(Boolean) : [];
  if (list.length > 2) return `${list.length} models: energy, water and carbon of one ${state.prompt} prompt`;
  if (list.length === 2) return `${list[0]} vs ${list[1]}: one ${state.prompt} prompt`;
  const who = list[0] || state.model || 'one LLM';
  if (state.view === 'compare')
    return state.compareWith
      ? `${who} vs ${state.compareWith}: one ${state.prompt} prompt`
      : `Every model: one ${state.prompt} prompt`;
  return `${who}: energy, water and carbon of one ${state.prompt} prompt`;
}

/** Custom-element attributes for the settings that have one; the rest go in `params`. */
const ATTRS = {
  model: 'model',
  prompt: 'prompt',
  ds: 'dataset',
  view: 'view',
  cb: 'compare-with',
  cmetric: 'metric',
  models: 'models',
  fmt: 'format',
  theme: 'theme',
  esize: 'size',
};

/** The iframe's starting height (px) before the page reports its own. */
export function startHeight(state) {
  const fmt = embedFormat(state);
  const n = state.models ? state.models.split(MODEL_SEPARATOR).length : state.view === 'compare' ? 2 : 1;
  if (fmt === 'badge') return 28;
  if (fmt === 'card') return 200 + 220 * Math.ceil(n / 2);
  return 200 + 40 * n;
}

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
    `width="100%" height="${startHeight(state)}" loading="lazy" data-llm-footprint ` +
    `referrerpolicy="no-referrer" sandbox="${SANDBOX}" ` +
    `style="border:0;max-width:44rem${embedFormat(state) === 'badge' ? ';vertical-align:middle' : ''}"></iframe>\n` +
    `<script type="module" src="${escapeAttr(script)}"></script>`;
  const attrs = [];
  const rest = {};
  const own = embedFields({ ...fields, ...EMBED_ONLY_FIELDS });
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
