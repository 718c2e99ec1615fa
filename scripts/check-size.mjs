// Size budgets of the built app (dist/, or LLMFP_DIST_DIR), in gzip bytes (level 9):
//   first view  index.html + CSS + the JS the landing view loads before the engine worker
//               starts (entry, its imports, the calculator chunk and its imports)  <= 60 KB
//   engine      the worker script + Emscripten glue + engine.wasm (the core module
//               every changed assumption needs; since the precomputed results the
//               first number no longer waits for it). 212 KB since the typed core
//               (issue 14: reference datasets read whole into structs, one typed
//               estimate_rows; 211 KB then), 205 KB since workloads, sessions and
//               boundaries (was 200 KB)                                        <= 212 KB
//   engine lab  engine-lab glue + .wasm (uncertainty, statistics, import/export, trend),
//               fetched only when one of those views first asks for it: not on the
//               calculator's path, so its budget is looser (290 KB since attribute
//               estimates through the typed estimate_rows instead of calling the
//               dispatcher, so the lab module now holds the estimate code and answers
//               attribute's "footprint" itself: 286 KB then; 270 KB since the trend op
//               and workloads in uncertainty; was 240 KB)                      <= 290 KB
//   dataset     the default footprint dataset (public/data manifest "default")     <= 50 KB
//   embed first number  everything an embed transfers before its first number (issue 18):
//               embed.js (the host page's script of the <llm-footprint> snippet),
//               embed.html, the scripts and stylesheet it links, and its precomputed
//               file (embedFirstFiles(); the largest of any dataset version and prompt
//               size). scripts/bench-embed.mjs measures the same files in Chromium
//               (resource timing) and says if they differ                       <= 40 KB
//   embed first paint  the same for a <llm-footprint> whose first numbers are painted in the
//               host page (docs/embedding-speed.md, "First paint"): embed.js, its first paint
//               (assets/embed-first-*.js) and the precomputed file (the largest); the
//               frame loads after them (embedFirstPaintFiles())                   <= 40 KB
// Prints every file and total; exits 1 if a budget is exceeded. Run after `vite build`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { root } from './lib.mjs';

const KB = 1024;
export const BUDGETS = {
  'first view': 60 * KB,
  engine: 212 * KB,
  'engine lab': 290 * KB,
  'default dataset': 50 * KB,
  'embed first number': 40 * KB,
  'embed first paint': 40 * KB,
};

/** Gzip size (level 9, what a compressing host sends) of a file of `dist`. */
export const gzipBytes = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/** The files a page links in its HTML (scripts, module preloads, stylesheets), relative to dist/. */
export function linkedFiles(dist, page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const out = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="\.?\/?(assets\/[^"]+)"/g)) out.push(m[1]);
  return [...new Set(out)];
}

/** The embeds' precomputed files (data/precomputed/embed/<id>-<version>-<prompt>-<hash>.json, scripts/prerender.mjs). */
const EMBED_PRE = 'data/precomputed/embed';
export const precomputedAssets = (dist) =>
  existsSync(join(dist, EMBED_PRE))
    ? readdirSync(join(dist, EMBED_PRE))
        .filter((f) => f.endsWith('.json'))
        .map((f) => `${EMBED_PRE}/${f}`)
    : [];

/**
 * What an embed of `ref` ("id@version") and `prompt` transfers before its first number:
 * embed.js (the host page's script), embed.html, what it links, and its precomputed file.
 * Without ref, the largest precomputed file of the build (the worst case).
 */
export function embedFirstFiles(dist, options = {}) {
  const file = embedPrecomputed(dist, options);
  return ['embed.js', 'embed.html', ...linkedFiles(dist, 'embed.html'), ...(file ? [file] : [])];
}

/** The precomputed file of `ref` and `prompt`, or without ref the largest of the build. */
function embedPrecomputed(dist, { ref, prompt } = {}) {
  const pre = precomputedAssets(dist);
  if (!ref) return pre.sort((a, b) => gzipBytes(dist, b) - gzipBytes(dist, a))[0];
  const [id, version] = ref.split('@');
  return pre.find((f) => f.startsWith(`${EMBED_PRE}/${id}-${version}-${prompt}-`));
}

/**
 * What a <llm-footprint> painted first in the host page transfers before its first number:
 * embed.js, its first paint's script (assets/embed-first-*.js) and the precomputed file.
 */
export function embedFirstPaintFiles(dist, options = {}) {
  const script = readdirSync(join(dist, 'assets')).filter((f) => /^embed-first-.*\.js$/.test(f));
  const file = embedPrecomputed(dist, options);
  return ['embed.js', ...script.map((f) => `assets/${f}`), ...(file ? [file] : [])];
}

function main() {
  const dist = resolve(root, process.env.LLMFP_DIST_DIR ?? 'dist');
  const gz = (file) => gzipBytes(dist, file);
  const raw = (file) => readFileSync(join(dist, file)).length;

  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  } catch {
    console.error(`check-size: ${dist}/.vite/manifest.json not found; run "npx vite build" first`);
    process.exit(2);
  }

  /** Files of a manifest chunk and everything it imports statically (with CSS). */
  function closure(key, out = new Set()) {
    const chunk = manifest[key];
    if (!chunk || out.has(chunk.file)) return out;
    out.add(chunk.file);
    for (const css of chunk.css ?? []) out.add(css);
    for (const imp of chunk.imports ?? []) closure(imp, out);
    return out;
  }

  // The app page (embed.html is a second entry: docs/embedding.md).
  const entryKey = manifest['index.html']?.isEntry
    ? 'index.html'
    : Object.keys(manifest).find((k) => manifest[k].isEntry);
  const landingKey = Object.keys(manifest).find((k) => k.endsWith('features/calculator/Calculator.jsx'));
  if (!entryKey || !landingKey) {
    console.error('check-size: entry or calculator chunk missing from the Vite manifest');
    process.exit(2);
  }
  const firstView = ['index.html', ...closure(landingKey, closure(entryKey))];

  const assets = readdirSync(join(dist, 'assets'));
  const isLab = (f) => /^engine-lab-/.test(f);
  const engine = assets.filter((f) => /^(worker|engine)-.*\.(js|wasm)$/.test(f) && !isLab(f)).map((f) => `assets/${f}`);
  const engineLab = assets.filter((f) => isLab(f) && /\.(js|wasm)$/.test(f)).map((f) => `assets/${f}`);

  const dataManifest = JSON.parse(readFileSync(join(dist, 'data', 'manifest.json'), 'utf8'));
  const def = dataManifest.datasets.find((d) => d.kind === 'footprint' && d.default);
  const defVersion = def.versions.find((v) => v.version === def.latest) ?? def.versions[0];
  const dataset = [`data/${defVersion.file.replace(/^(public\/)?(data\/)?/, '')}`];

  // The embed: the worst case (the largest precomputed file of any dataset version and prompt size).
  const embedFirst = embedFirstFiles(dist);
  const hasPre = embedFirst.some((f) => f.startsWith(`${EMBED_PRE}/`));
  if (!hasPre) console.error(`check-size: no ${EMBED_PRE}/*.json in the build`);

  let failed = false;
  const pad = (x, n) => String(x).padStart(n);
  for (const [name, files] of Object.entries({
    'first view': firstView,
    engine,
    'engine lab': engineLab,
    'default dataset': dataset,
    'embed first number': hasPre ? embedFirst : [],
    'embed first paint': hasPre ? embedFirstPaintFiles(dist) : [],
  })) {
    console.log(`\n${name}:`);
    let total = 0;
    for (const f of files) {
      const g = gz(f);
      total += g;
      console.log(`  ${pad((raw(f) / KB).toFixed(1), 7)} KB raw ${pad((g / KB).toFixed(1), 6)} KB gzip  ${f}`);
    }
    const budget = BUDGETS[name];
    const ok = total <= budget && files.length > 0;
    if (!ok) failed = true;
    console.log(`  total ${(total / KB).toFixed(1)} KB gzip of ${budget / KB} KB budget: ${ok ? 'ok' : 'OVER BUDGET'}`);
  }
  if (engine.length < 2) {
    console.error('check-size: the engine worker or wasm is missing from dist/assets');
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
