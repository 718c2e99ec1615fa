// The Web Worker that owns the wasm engine. Messages in: {id, request} where request is a
// plain object; any {"$data": "url"} object inside it is replaced by that JSON file
// (fetched once and cached), so the main thread never ships a whole dataset per call.
// Messages out: {id, ok: true, response} (the engine's envelope, parsed) or
// {id, ok: false, error, crashed} when the engine itself failed (then the client restarts us).
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

function fetchData(url) {
  if (!dataCache.has(url)) {
    const p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`could not load ${url} (HTTP ${r.status})`);
      return r.json();
    });
    p.catch(() => dataCache.delete(url));
    dataCache.set(url, p);
  }
  return dataCache.get(url);
}

/** Collects the $data references of a request, fetches them, and returns a resolved copy. */
async function resolveData(value) {
  if (Array.isArray(value)) return Promise.all(value.map(resolveData));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$data') return fetchData(value.$data);
    // {"$data": url, "models": [names]}: a footprint dataset cut to those models (the
    // engine accepts a subset; validating 1 model instead of 30 makes a recompute ~10x faster).
    if (keys.length === 2 && '$data' in value && Array.isArray(value.models)) {
      const data = await fetchData(value.$data);
      return { ...data, models: data.models.filter((m) => value.models.includes(m.model)) };
    }
    const entries = await Promise.all(keys.map(async (k) => [k, await resolveData(value[k])]));
    return Object.fromEntries(entries);
  }
  return value;
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
