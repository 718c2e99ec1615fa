// Loads the built wasm engine (build/wasm/dist/engine.mjs) under Node.
// The ES-module glue that Emscripten 3.1.6 emits expects __dirname and would fetch() the
// .wasm by URL, so we define __dirname and hand it the bytes ourselves.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// LLMFP_WASM_DIR lets a developer test a wasm build in another build folder.
export const distDir = process.env.LLMFP_WASM_DIR ?? join(repoRoot, 'build', 'wasm', 'dist');

let enginePromise;

/** The wasm module, instantiated once per process. */
export function loadEngine() {
  if (!enginePromise) {
    globalThis.__dirname ??= distDir;
    enginePromise = import(pathToFileURL(join(distDir, 'engine.mjs')).href).then(
      ({ default: createEngine }) =>
        createEngine({ wasmBinary: readFileSync(join(distDir, 'engine.wasm')) }),
    );
  }
  return enginePromise;
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
