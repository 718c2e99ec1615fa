// Precomputed results (scripts/precompute.mjs, written at build time by the same engine):
// the default-assumption estimate of every model and prompt size of each bundled footprint
// dataset version, in data/precomputed/<id>/<version>/<prompt>.json (the engine's result)
// and <prompt>.min.json (mean, P5, P95 only: for embeds). Views show these at once and
// start the engine only when the visitor changes an assumption (their hook:
// use-precomputed.js). A file is used only if it was computed from exactly the dataset file
// the manifest lists (same sha256).
import { OVERRIDE_KEYS } from '../lib/requests.js';
import { sha256Hex } from './integrity.js';

/** A dataset version pinned as "id@version" (only those have precomputed files). */
export const PINNED = /^[^@]+@[^@]+$/;
const cache = new Map();
/** url -> the parsed file (or null), once its fetch has settled: read synchronously by usePrecomputed(). */
export const settled = new Map();

/** The URL of the precomputed file of a dataset version ("id@version") and prompt size. */
export function precomputedUrl(ref, prompt, { slim = false, base = document.baseURI } = {}) {
  const [id, version] = String(ref).split('@');
  const path = [id, version, prompt].map(encodeURIComponent).join('/');
  return new URL(`data/precomputed/${path}${slim ? '.min' : ''}.json`, base).href;
}

/** Fetches a precomputed file (cached); null when the build has none. */
export function fetchPrecomputed(ref, prompt, options) {
  if (!ref || !prompt || !PINNED.test(ref)) return Promise.resolve(null);
  const url = precomputedUrl(ref, prompt, options);
  if (!cache.has(url)) {
    cache.set(
      url,
      fetch(url)
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null)
        .then((file) => {
          settled.set(url, file);
          return file;
        }),
    );
  }
  return cache.get(url);
}

/** The SHA-256 `table` ({"id@version": {prompt: sha256}}) pins for a dataset version and prompt size, or ''. */
export const pinnedHash = (table, ref, prompt) =>
  (Object.hasOwn(table, ref) && Object.hasOwn(table[ref], prompt) && table[ref][prompt]) || '';

/**
 * The file of an embed's slim precomputed result: content-addressed (`sha256` of its bytes
 * in the name; `_headers` sends data/precomputed/embed/* as immutable), so hosts may cache
 * it for good and every embed on a page shares one download. scripts/prerender.mjs writes the files and the table of their hashes.
 */
export function pinnedAsset(ref, prompt, sha256) {
  const [id, version] = String(ref).split('@');
  return `data/precomputed/embed/${id}-${version}-${prompt}-${String(sha256).slice(0, 12)}.json`;
}

/**
 * Fetches the slim precomputed file of `ref` ("id@version") and `prompt` whose SHA-256 the
 * build pinned (`sha256`): its JSON if its bytes have exactly that hash, else null (then
 * the embed takes the manifest's path). One fetch per URL per page.
 */
export function fetchPinned(ref, prompt, sha256, base = document.baseURI) {
  if (!/^[0-9a-f]{64}$/.test(sha256 ?? '')) return Promise.resolve(null);
  const url = new URL(pinnedAsset(ref, prompt, sha256), base).href;
  if (!cache.has(url)) {
    cache.set(
      url,
      fetch(url)
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .then((bytes) => pinnedJson(bytes, sha256))
        .catch(() => null),
    );
  }
  return cache.get(url);
}

/** A promise of the JSON of `bytes` (ArrayBuffer or null) if their SHA-256 is `sha256`, else of null. */
export async function pinnedJson(bytes, sha256) {
  return bytes && (await sha256Hex(bytes)) === sha256 ? JSON.parse(new TextDecoder().decode(bytes)) : null;
}

/**
 * The rows of a precomputed file if it belongs to `meta` (findDataset()'s {ref, version})
 * with the same dataset hash: {rows, notes, get(model, prompt)}; otherwise null.
 */
export function checkPrecomputed(file, meta) {
  if (!file || file.format !== 1 || !meta || file.dataset !== meta.ref) return null;
  if (meta.version?.sha256 && file.dataset_sha256 !== meta.version.sha256) return null;
  const rows = file.result?.rows ?? file.rows;
  if (!Array.isArray(rows)) return null;
  const byKey = new Map(rows.map((r) => [`${r.model}\u0000${r.prompt}`, r]));
  return {
    rows,
    notes: file.result?.notes ?? [],
    result: file.result ?? null,
    get: (model, prompt) => byKey.get(`${model}\u0000${prompt}`) ?? null,
  };
}

/** State fields that change an estimate; when none is set, precomputed rows apply. */
const ASSUMPTIONS = [...Object.keys(OVERRIDE_KEYS), 'rho', 'utilisationWeight'];

/** True when the state uses the default assumptions (the precomputed ones). */
export function usesDefaults(state) {
  if (state.estimator && state.estimator !== 'v6') return false;
  return ASSUMPTIONS.every((k) => state[k] === null || state[k] === undefined || state[k] === '');
}
