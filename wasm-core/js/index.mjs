// llm-footprint as a library: the WebAssembly engine and the bundled datasets, for Node 20+
// and browsers (ES module). No global state: each createFootprint() owns its engine
// instances and its dataset cache, and nothing is left on globalThis.
//
//   import { createFootprint } from 'llm-footprint';
//   const fp = await createFootprint();
//   const { rows } = await fp.estimate({ model: 'GPT-4.1', prompt: 'short', dataset: 'paper-v6' });
//
// Requests and results are those of the JSON API (docs/api.md); `call` returns the result
// of a successful request and throws a FootprintError (code, message, path) otherwise.
// Dataset files are checked against the manifest's sha256 before use.
import { moduleFor } from '../../web/src/engine/modules.js';

const DEFAULT_WASM = new URL('../../build/wasm/dist/', import.meta.url);
const DEFAULT_DATA = new URL('../../public/data/', import.meta.url);

/** An engine error: `code` as in docs/api.md, `path` the JSON pointer of the bad field. */
export class FootprintError extends Error {
  /** @param {{code: string, message: string, path?: string, issues?: object[]}} error */
  constructor({ code, message, path = '', issues }) {
    super(message);
    this.name = 'FootprintError';
    this.code = code;
    this.path = path;
    if (issues) this.issues = issues;
  }
}

/** A folder as a URL: a URL, or a string read as a URL or (in Node) a file path. */
const asDirUrl = (u) => {
  const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);
  const base = isNode ? `file://${process.cwd()}/` : globalThis.location?.href;
  const text = String(u);
  const url = isNode && text.startsWith('/') ? new URL(`file://${text}`) : new URL(text, base);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
};

async function readBytes(url) {
  if (url.protocol === 'file:') {
    const [{ readFile }, { fileURLToPath }] = await Promise.all([import('node:fs/promises'), import('node:url')]);
    return new Uint8Array(await readFile(fileURLToPath(url)));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url.href} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

async function sha256Hex(bytes) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Instantiates one Emscripten module ("engine" or "engine-lab") from its glue and bytes. */
async function instantiate(wasmDir, base) {
  const [{ default: factory }, wasmBinary] = await Promise.all([
    import(new URL(`${base}.mjs`, wasmDir).href),
    readBytes(new URL(`${base}.wasm`, wasmDir)),
  ]);
  // Under Node, Emscripten 3.1.6's glue reads __dirname while it starts and adds process
  // handlers that turn every uncaught exception or unhandled rejection of the host program
  // into a crash. __dirname is defined for that call only, and the handlers are removed
  // again: the library leaves nothing behind in the host's globals or process.
  const isNode = typeof process !== 'undefined' && Boolean(process.versions?.node);
  const define = isNode && !('__dirname' in globalThis);
  const events = ['uncaughtException', 'unhandledRejection'];
  const before = isNode ? events.map((e) => new Set(process.listeners(e))) : [];
  if (define) globalThis.__dirname = '.';
  try {
    return await factory({ wasmBinary });
  } finally {
    if (define) delete globalThis.__dirname;
    if (isNode)
      events.forEach((e, i) => {
        for (const fn of process.listeners(e)) if (!before[i].has(fn)) process.removeListener(e, fn);
      });
  }
}

/**
 * Creates an engine. Options: `wasmUrl` (folder of engine.mjs/.wasm and
 * engine-lab.mjs/.wasm) and `dataUrl` (folder of manifest.json), as URLs or strings; both
 * default to the files shipped in the package.
 */
export async function createFootprint({ wasmUrl = DEFAULT_WASM, dataUrl = DEFAULT_DATA } = {}) {
  const wasmDir = asDirUrl(wasmUrl);
  const dataDir = asDirUrl(dataUrl);
  const modules = new Map();
  const files = new Map();
  let manifest;

  const module = (name) => {
    if (!modules.has(name)) {
      const p = instantiate(wasmDir, name === 'core' ? 'engine' : `engine-${name}`);
      p.catch(() => modules.delete(name));
      modules.set(name, p);
    }
    return modules.get(name);
  };
  const core = await module('core');

  /**
   * Sends a request object; resolves with the engine's envelope (never throws for bad input).
   * @param {import('./api.d.ts').EngineRequest} req a request of the API contract
   */
  async function request(req) {
    const m = await module(moduleFor(req?.op));
    return JSON.parse(m.handle(JSON.stringify(req)));
  }

  /**
   * Sends a request; resolves with its result, or throws a FootprintError.
   * @param {import('./api.d.ts').EngineRequest} req a request of the API contract
   */
  async function call(req) {
    const envelope = await request(req);
    if (!envelope.ok) throw new FootprintError(envelope.error);
    return envelope.result;
  }

  async function getManifest() {
    manifest ??= readBytes(new URL('manifest.json', dataDir)).then((b) => JSON.parse(new TextDecoder().decode(b)));
    return manifest;
  }

  /**
   * A bundled dataset by id ('paper-v6', 'hosts', ...; 'default' = the app's default
   * footprint dataset) and version (default: its latest), checked against its sha256.
   */
  async function dataset(id = 'default', version) {
    const m = await getManifest();
    const entry = id === 'default' ? m.datasets.find((d) => d.default) : m.datasets.find((d) => d.id === id);
    if (!entry) {
      const ids = m.datasets.map((d) => d.id).join(', ');
      throw new FootprintError({ code: 'unknown_value', message: `no dataset "${id}"; known: ${ids}` });
    }
    const v = entry.versions.find((x) => x.version === (version ?? entry.latest));
    if (!v) {
      const known = entry.versions.map((x) => x.version).join(', ');
      throw new FootprintError({
        code: 'unknown_value',
        message: `dataset "${entry.id}" has no version "${version}"; known: ${known}`,
      });
    }
    if (!files.has(v.file)) {
      const p = readBytes(new URL(v.file, dataDir)).then(async (bytes) => {
        const hash = await sha256Hex(bytes);
        if (v.sha256 && hash !== v.sha256) {
          throw new FootprintError({
            code: 'invalid_value',
            message: `the file ${v.file} does not match its sha256 in the manifest (got ${hash}); it was changed after the manifest was written`,
          });
        }
        return JSON.parse(new TextDecoder().decode(bytes));
      });
      p.catch(() => files.delete(v.file));
      files.set(v.file, p);
    }
    return files.get(v.file);
  }

  /**
   * One model's per-query footprint: `{model, prompt?, dataset?: id or dataset object,
   * version?, overrides?, method?}`; resolves with the estimate result (rows per prompt).
   * The hardware, hosts and regions datasets are added when an override needs them.
   * @param {Partial<import('./index.d.ts').EstimateOptions>} [options]
   */
  async function estimate({ model, prompt, dataset: ds = 'default', version, overrides, method } = {}) {
    const data = typeof ds === 'string' ? await dataset(ds, version) : ds;
    /** @type {import('./api.d.ts').Select} */
    const select = { models: [/** @type {string} */ (model)] };
    if (prompt) select.prompts = [prompt];
    /** @type {import('./api.d.ts').EstimateRequest} */
    const req = { op: 'estimate', dataset: data, select };
    if (method) req.method = method;
    if (overrides) {
      req.overrides = overrides;
      if (overrides.hardware || overrides.size_class || overrides.gpus || overrides.batch_size)
        req.hardware = await dataset('hardware');
      if (overrides.host || overrides.multipliers) req.hosts = await dataset('hosts');
      if (overrides.region) req.regions = await dataset('regions');
    }
    return call(req);
  }

  return {
    version: () => core.version(),
    request,
    call,
    manifest: getManifest,
    dataset,
    estimate,
  };
}
