// Vite build of the static web app (web/ -> dist/). The engine glue and .wasm come from
// the Emscripten build (build/wasm/dist, or LLMFP_WASM_DIR for a developer's own build
// folder); Vite fingerprints engine.wasm through the glue's new URL(..., import.meta.url).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

import { precomputed } from './scripts/prerender.mjs';
import { hostScript, previewHeaders, securityHeaders, serviceWorker } from './web/src/embed/vite-plugin.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const wasmDir = resolve(root, process.env.LLMFP_WASM_DIR ?? 'build/wasm/dist');

/** The modules a page's entry imports statically (its whole first load), by module id. */
function staticClosure(ctx, entry, into) {
  const todo = [entry];
  while (todo.length) {
    const id = todo.pop();
    if (into.has(id)) continue;
    into.add(id);
    todo.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  into.delete(entry);
}

/**
 * The modules the embed page loads before its first number (the static imports of
 * web/src/embed/main.jsx) and those the app loads at once (of web/src/main.jsx), filled
 * once the module graph is known. The embed's that the app uses too go into one shared
 * chunk (`embed-shared`, below), the rest of the app's first load into one `app` chunk, so
 * an embed fetches two scripts and one stylesheet instead of a dozen small chunks
 * (docs/embedding-speed.md, "Light and fast") and the app a handful.
 */
const embedStatic = new Set();
const appStatic = new Set();
const firstLoads = {
  name: 'llmfp-first-loads',
  apply: 'build',
  buildEnd() {
    staticClosure(this, resolve(root, 'web/src/embed/main.jsx'), embedStatic);
    staticClosure(this, resolve(root, 'web/src/main.jsx'), appStatic);
  },
};

// The precomputed results, and the module of the embeds' pinned files (which embed.js's own
// build gets too).
const [precompute, pinned] = precomputed();

export default defineConfig({
  root: 'web',
  publicDir: '../public',
  // Relative asset URLs: the built app works from any folder of any static host.
  base: './',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    // Inlining would put the wasm into the worker chunk as base64: keep it a file.
    assetsInlineLimit: 0,
    // .vite/manifest.json: scripts/check-size.mjs reads which files the first view loads.
    manifest: true,
    // Every browser that runs the app supports <link rel="modulepreload">: no polyfill chunk.
    modulePreload: { polyfill: false },
    // Two pages: the app and the embed view (docs/embedding.md).
    rollupOptions: {
      input: { index: resolve(root, 'web/index.html'), embed: resolve(root, 'web/embed.html') },
      output: {
        codeSplitting: {
          groups: [
            { name: 'embed-shared', test: (id) => embedStatic.has(id), minShareCount: 2, priority: 2 },
            { name: 'app', test: (id) => appStatic.has(id), priority: 1 },
          ],
        },
      },
    },
  },
  resolve: {
    alias: {
      '@engine': resolve(wasmDir, 'engine.mjs'),
      // The second wasm module (uncertainty, statistics, import/export), loaded on first use.
      '@engine-lab': resolve(wasmDir, 'engine-lab.mjs'),
      // Node-only branches of the Emscripten glue; never reached in a browser.
      fs: resolve(root, 'web/src/engine/node-stub.js'),
      path: resolve(root, 'web/src/engine/node-stub.js'),
    },
  },
  server: { fs: { allow: [root, wasmDir] } },
  worker: { format: 'es' },
  plugins: [
    preact({ prerender: { enabled: false } }),
    firstLoads,
    // dist/data/precomputed/...: every bundled dataset's default results, by the engine
    // (scripts/precompute.mjs); index.html gets the landing estimate (scripts/prerender.mjs).
    precompute,
    pinned,
    // dist/embed.js (and its first paint), the script of host pages: a build of its own.
    hostScript({
      entry: resolve(root, 'web/src/embed/host/embed.js'),
      poster: resolve(root, 'web/src/embed/host/poster.jsx'),
      plugins: () => [preact({ prerender: { enabled: false } }), pinned],
    }),
    // dist/sw.js: the service worker with the list of every built file (offline use).
    serviceWorker({ template: resolve(root, 'web/src/sw.js') }),
    // Built pages get the CSP <meta>, dist/_headers the HTTP headers (docs/embedding.md);
    // `vite preview` (npm start) sends those headers.
    securityHeaders(),
    previewHeaders(),
  ],
});
