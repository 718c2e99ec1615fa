// URLs and snippets of the embeds (docs/embedding.md). Pure functions: no DOM.
//
// An embed URL is the app's own URL state (state/url-state.js, versioned `v=1`) limited to
// the settings an embed shows, with the dataset always pinned as "id@version", plus `eid`
// (the embed id the page sends back with its height). The same state opens the full
// calculator at `./?...` and the embed at `./embed.html?...`.
import { chosenModel } from '../lib/requests.js';
import { encode } from '../state/url-state.js';

/** The query parameter that carries the embed id (not part of the app state). */
export const EMBED_ID = 'eid';

/** The settings an embed uses: view, pinned dataset, model, prompt, assumptions, comparison. */
export const EMBED_KEYS = [
  'view',
  'dataset',
  'model',
  'prompt',
  'outputTokens',
  'hardware',
  'sizeClass',
  'gpus',
  'batchSize',
  'host',
  'region',
  'hostMultipliers',
  'pue',
  'wueSite',
  'wueSource',
  'cif',
  'estimator',
  'rho',
  'utilisationWeight',
  'compareMetric',
  'compareWith',
  // Trends (features/trends)
  'trendModels',
  'trendPrompt',
  'trendMetric',
  'trendEstimator',
  'trendFrom',
  'trendTo',
  // My use (features/myuse)
  'myUsePreset',
  'myUseTokensIn',
  'myUseTokensOut',
  'myUseThinking',
  'myUsePerDay',
  'myUseDays',
  'models',
  'fmt',
  'theme',
  'esize',
  // The imported file itself (with ds=imported): without it the embed has no data to pin.
  'importedCsv',
];

/** At most this many models in one embed. */
export const MAX_MODELS = 8;
/** The separator of model names in `models` (no bundled model name contains it). */
export const MODEL_SEPARATOR = '|';

/**
 * URL fields of the embed only (not app state): the models (1 to 8, in the blogger's
 * order), the format, the theme and the size (docs/embedding.md).
 */
export const EMBED_ONLY_FIELDS = {
  models: { kind: 'string', max: MAX_MODELS * 161, def: '' },
  fmt: { kind: 'enum', values: ['', 'card', 'chart', 'table', 'badge'], def: '' },
  theme: { kind: 'enum', values: ['auto', 'light', 'dark', 'page'], def: 'auto' },
  esize: { kind: 'enum', values: ['m', 's', 'l'], def: 'm' },
};

/** The format an embed shows: the asked one, else a table for a comparison, else a card. */
export const embedFormat = (state) => state.fmt || (state.view === 'compare' ? 'table' : 'card');

/** The calculator's default model among `names` (lib/requests.js chosenModel). */
export const defaultModel = (names) => chosenModel({}, { models: names.map((model) => ({ model })) });

/**
 * The models an embed shows, given the names the dataset has for its prompt size:
 * {models, unknown, all, highlight}. `models` (1 to 8, deduplicated, in order) wins; else
 * `model` (+ `cb` in a comparison); a comparison without `cb` shows every model (`all`).
 * Unknown names are listed in `unknown` and left out; with none left, the default model.
 */
export function embedModels(state, names) {
  const have = new Set(names);
  const def = defaultModel(names);
  const chosen = have.has(state.model) ? state.model : def;
  let asked;
  if (state.models) asked = state.models.split(MODEL_SEPARATOR).map((n) => n.trim());
  else if (state.view === 'compare' && !state.compareWith)
    return {
      models: [...names],
      unknown: state.model && !have.has(state.model) ? [state.model] : [],
      all: true,
      highlight: chosen,
    };
  else asked = [state.model || def, ...(state.view === 'compare' ? [state.compareWith] : [])];
  asked = [...new Set(asked.filter(Boolean))].slice(0, MAX_MODELS);
  const unknown = asked.filter((n) => !have.has(n));
  const models = asked.filter((n) => have.has(n));
  if (!models.length && def) models.push(def);
  return { models, unknown, all: false, highlight: models[0] };
}

/**
 * The iframe sandbox: the embed runs its scripts (and its worker) in its own origin and may
 * open the calculator in a new tab, but can never navigate or script the host page.
 */
export const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** The views an embed can show; any other view embeds the calculator's estimate. */
export const EMBED_VIEWS = ['calc', 'compare', 'myuse', 'trends'];

const pick = (obj, keys) => Object.fromEntries(keys.filter((k) => k in obj).map((k) => [k, obj[k]]));

/**
 * The embed state for the app state: only EMBED_KEYS, the view mapped to calc/compare,
 * the dataset pinned to the version in use (`ref` = "id@version"), the model made explicit.
 */
export function embedState(state, { ref, model } = {}) {
  const s = pick(state, EMBED_KEYS);
  s.view = EMBED_VIEWS.includes(state.view) ? state.view : 'calc';
  if (ref) s.dataset = ref;
  if (model && !s.model) s.model = model;
  return s;
}

/** The fields of `fields` that an embed uses. */
export const embedFields = (fields) => pick(fields, EMBED_KEYS);

/** "./embed.html?v=1&...&eid=ID" resolved against `base` (the app's folder). */
export function embedUrl(base, state, fields, id = '') {
  const query = encode(state, embedFields({ ...fields, ...EMBED_ONLY_FIELDS }));
  return new URL(`embed.html?${query}${id ? `&${EMBED_ID}=${encodeURIComponent(id)}` : ''}`, base).href;
}

/** The full calculator with the same state. */
export const appUrl = (base, state, fields) => new URL(`./?${encode(state, fields)}`, base).href;

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
