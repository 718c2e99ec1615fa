// The state of an embed page (docs/embedding.md): the URL settings an embed carries, its
// format and models, and the link back to the calculator. Pure functions, no DOM. The
// embed page imports only this; the snippets for hosts are in links.js (which re-exports it).
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
 * `model` (+ `compareWith` in a comparison); a comparison without it shows every model (`all`).
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

/** The full calculator with the same state. */
export const appUrl = (base, state, fields) => new URL(`./?${encode(state, fields)}`, base).href;
