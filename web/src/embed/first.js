// What an embed's first number needs, shared by the embed page (main.jsx, Embed.jsx) and its
// first paint in the host page (host/poster.jsx, loaded by embed.js): the state an embed link
// describes, whether the build's precomputed numbers apply to it, and the rows it shows.
// Pure functions (no DOM, no fetch), tested under Node in tests/web/embed-first.test.mjs.
import { pinnedHash, usesDefaults } from '../data/precomputed.js';
import { coreFields } from '../state/fields.js';
import { decode, namesByUrlKey } from '../state/url-state.js';
import { EMBED_ID, EMBED_ONLY_FIELDS, embedModels } from './embed-state.js';

/** The fields an estimate embed's link holds: the core fields and the embed's own. */
export const ESTIMATE_FIELDS = { ...coreFields, ...EMBED_ONLY_FIELDS };
// Link keys, not state names: `ds`, not `dataset`.
const ownKeys = namesByUrlKey(ESTIMATE_FIELDS);

/**
 * Whether a link needs the fields of the two feature views an embed can show (My use,
 * Trends): it is one of theirs, or carries a setting the estimate's fields do not know
 * (embed-state.js EMBED_KEYS says which settings an embed link carries).
 */
export const needsViews = (params) =>
  ['myuse', 'trends'].includes(params.get('view') ?? '') ||
  [...params.keys()].some((k) => k !== 'v' && !ownKeys.has(k));

/**
 * The state of an estimate embed's link whose numbers are in a file the build pinned (`table`,
 * scripts/prerender.mjs): {state, notices, sha256}; null for any other link (My use, Trends,
 * an assumption changed, a dataset version or prompt size without a pinned file).
 */
export function pinnedEstimate(params, table) {
  const own = new URLSearchParams(params);
  own.delete(EMBED_ID);
  if (needsViews(own)) return null;
  const { state, notices } = decode(own, ESTIMATE_FIELDS);
  if (!usesDefaults(state)) return null;
  const sha256 = pinnedHash(table, state.dataset, state.prompt);
  return sha256 ? { state, notices, sha256 } : null;
}

/** The precomputed rows of the chosen models, or null when one is missing. */
export function precomputedRows(pre, models, prompt) {
  if (!pre) return null;
  const rows = models.map((m) => pre.get(m, prompt));
  return rows.every(Boolean) ? rows : null;
}

/**
 * The models an embed shows (embed-state.js embedModels: {models, unknown, all, highlight})
 * and, with the default assumptions, their precomputed rows (null when one is missing).
 */
export function firstRows(state, pre) {
  if (!pre) return { pick: null, rows: null };
  const pick = embedModels(
    state,
    pre.rows.map((r) => r.model),
  );
  return { pick, rows: usesDefaults(state) ? precomputedRows(pre, pick.models, state.prompt) : null };
}
