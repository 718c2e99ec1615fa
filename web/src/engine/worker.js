// The Web Worker that owns the wasm engine. Messages in: {id, request} where request is a
// plain object; a {"$data": "url"} object at one of the request fields where the client
// puts dataset references is replaced by that JSON file (fetched once, checked against the
// manifest's SHA-256, cached), so the main thread never ships a whole dataset per call.
// Only the app's own dataset files can be named (docs/security.md): same origin, under
// data/, listed in data/manifest.json.
// Messages out: {id, ok: true, response} (the engine's envelope, parsed) or
// {id, ok: false, error, crashed} when the engine itself failed (then the client restarts us).
import { fetchVerified, manifestHashes } from '../data/integrity.js';
import { moduleFor } from './modules.js';

const dataCache = new Map();
const modules = new Map();
const loaders = {
  core: () => import('@engine'),
  lab: () => import('@engine-lab'),
};

/** A wasm module ("core" or "lab"), instantiated once (memoised; a failed load is retried). */
function engine(name = 'core') {
  if (!modules.has(name)) {
    const p = loaders[name]().then(({ default: createEngine }) => createEngine());
    p.catch(() => modules.delete(name));
    modules.set(name, p);
  }
  return modules.get(name);
}

// Start loading the core module as soon as the worker exists (the client starts it right
// after the first render); the lab module waits until one of its ops is requested.
engine().catch(() => {});

// The app's folder: the built worker is assets/worker-*.js; in development it is served
// from its source folder under the server root.
const appBase = new URL(import.meta.env?.DEV ? '/' : '../', self.location.href).href;
const dataBase = new URL('data/', appBase).href;
/** @type {Promise<Map<string, string>> | null} */
let manifest = null;

/** data/manifest.json: file -> SHA-256 of every dataset file the app may read. */
function hashes() {
  if (!manifest) {
    manifest = fetch(new URL('manifest.json', dataBase)).then((r) => {
      if (!r.ok) throw new Error(`could not load data/manifest.json (HTTP ${r.status})`);
      return r.json().then(manifestHashes);
    });
    manifest.catch(() => {
      manifest = null;
    });
  }
  return manifest;
}

/** The data file a {"$data": url} names, if it is one of the app's own (same origin, listed). */
async function ownDataFile(url) {
  let u;
  try {
    u = new URL(url, appBase);
  } catch {
    u = null;
  }
  const file =
    u && u.origin === self.location.origin && !u.search && !u.hash && u.href.startsWith(dataBase)
      ? u.href.slice(dataBase.length)
      : null;
  const expected = file && (await hashes()).get(file);
  if (!expected)
    throw new Error(`a request may read only the app's own datasets; "${String(url).slice(0, 80)}" is not one`);
  return { href: u.href, file, expected };
}

function fetchData(url) {
  if (!dataCache.has(url)) {
    const p = ownDataFile(url).then(({ href, file, expected }) => fetchVerified(href, file, expected));
    p.catch(() => dataCache.delete(url));
    dataCache.set(url, p);
  }
  return dataCache.get(url);
}

/** Where the client puts {"$data": url}: these request fields, and these inside `estimate`
 * (scale) and `footprint` (attribute). A {"$data"} anywhere else, e.g. inside a visitor's
 * imported dataset, is left as it is (the engine refuses it) and never fetched. */
const DATA_FIELDS = new Set(['dataset', 'hardware', 'hosts', 'regions', 'constants', 'data']);
const NESTED_REQUESTS = new Set(['estimate', 'footprint']);

const isRef = (v) => v && typeof v === 'object' && !Array.isArray(v) && typeof v.$data === 'string';

/** A $data reference resolved: the file, or a footprint dataset cut to `models`. */
async function resolveRef(value) {
  const keys = Object.keys(value);
  if (keys.length === 1) return fetchData(value.$data);
  // {"$data": url, "models": [names]}: a footprint dataset cut to those models (the
  // engine accepts a subset; validating 1 model instead of 30 makes a recompute ~10x faster).
  if (keys.length === 2 && Array.isArray(value.models)) {
    const data = await fetchData(value.$data);
    return { ...data, models: data.models.filter((m) => value.models.includes(m.model)) };
  }
  return value;
}

/** A copy of a request with the $data references at the known fields resolved. */
export async function resolveData(request, nested = false) {
  if (!request || typeof request !== 'object' || Array.isArray(request)) return request;
  const out = { ...request };
  await Promise.all(
    Object.keys(out).map(async (k) => {
      if (DATA_FIELDS.has(k) && isRef(out[k])) out[k] = await resolveRef(out[k]);
      // trend takes a list of files (one per model of the daily dataset) at `dataset`.
      else if (k === 'dataset' && Array.isArray(out[k]))
        out[k] = await Promise.all(out[k].map((v) => (isRef(v) ? resolveRef(v) : v)));
      else if (!nested && NESTED_REQUESTS.has(k)) out[k] = await resolveData(out[k], true);
    }),
  );
  return out;
}

self.onmessage = async ({ data }) => {
  const { id, request } = data;
  let module;
  try {
    module = await engine(moduleFor(request?.op));
  } catch (err) {
    self.postMessage({ id, ok: false, crashed: true, error: `the engine could not be loaded: ${err?.message ?? err}` });
    return;
  }
  let text;
  try {
    text = JSON.stringify(await resolveData(request));
  } catch (err) {
    self.postMessage({ id, ok: false, crashed: false, error: String(err?.message ?? err) });
    return;
  }
  try {
    const t0 = performance.now();
    const response = JSON.parse(module.handle(text));
    self.postMessage({ id, ok: true, response, ms: performance.now() - t0 });
  } catch (err) {
    // A wasm trap (abort, out of memory) leaves the module unusable: ask for a restart.
    self.postMessage({ id, ok: false, crashed: true, error: `the engine stopped: ${err?.message ?? err}` });
  }
};
