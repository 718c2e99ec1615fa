// Loads the built wasm engine (build/wasm/dist/engine.mjs and engine-lab.mjs) under Node.
// The ES-module glue that Emscripten 3.1.6 emits expects __dirname and would fetch() the
// .wasm by URL, so we define __dirname and hand it the bytes ourselves.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { moduleFor } from '../../web/src/engine/modules.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// LLMFP_WASM_DIR lets a developer test a wasm build in another build folder.
export const distDir = process.env.LLMFP_WASM_DIR ?? join(repoRoot, 'build', 'wasm', 'dist');

const modules = new Map();

/** One wasm module, "core" (engine.mjs) or "lab" (engine-lab.mjs), instantiated once. */
export function loadModule(name = 'core') {
  if (!modules.has(name)) {
    globalThis.__dirname ??= distDir;
    const base = name === 'core' ? 'engine' : `engine-${name}`;
    modules.set(
      name,
      import(pathToFileURL(join(distDir, `${base}.mjs`)).href).then(({ default: createEngine }) =>
        createEngine({ wasmBinary: readFileSync(join(distDir, `${base}.wasm`)) }),
      ),
    );
  }
  return modules.get(name);
}

/**
 * The engine as the web worker sees it: handle(text) sends each request to the module
 * that serves its op (web/src/engine/modules.js), so tests need not know about the split.
 */
export async function loadEngine() {
  const [core, lab] = await Promise.all([loadModule('core'), loadModule('lab')]);
  const byName = { core, lab };
  return {
    handle(text) {
      let op;
      try {
        op = JSON.parse(text)?.op;
      } catch {
        // not JSON: core answers with its parse_error envelope
      }
      return byName[moduleFor(op)].handle(text);
    },
    version: () => core.version(),
  };
}

/** Sends a request object, returns the parsed response envelope. */
export async function call(request) {
  const engine = await loadEngine();
  return JSON.parse(engine.handle(JSON.stringify(request)));
}

/**
 * Replaces {"$include": "path"} objects (paths relative to baseDir) by the file's JSON,
 * as the native CLI does, so fixtures run identically on both targets.
 */
export function resolveIncludes(value, baseDir) {
  if (Array.isArray(value)) return value.map((v) => resolveIncludes(v, baseDir));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$include') {
      return JSON.parse(readFileSync(join(baseDir, value.$include), 'utf8'));
    }
    return Object.fromEntries(keys.map((k) => [k, resolveIncludes(value[k], baseDir)]));
  }
  return value;
}
