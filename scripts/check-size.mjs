// Size budgets of the built app (dist/, or LLMFP_DIST_DIR), in gzip bytes (level 9):
//   first view  index.html + CSS + the JS the landing view loads before the engine worker
//               starts (entry, its imports, the calculator chunk and its imports)  <= 60 KB
//   engine      the worker script + Emscripten glue + engine.wasm (the core module
//               every changed assumption needs; since the precomputed results the
//               first number no longer waits for it). 205 KB since workloads, sessions
//               and boundaries (203 KB then; was 200 KB)                       <= 205 KB
//   engine lab  engine-lab glue + .wasm (uncertainty, statistics, import/export, trend),
//               fetched only when one of those views first asks for it: not on the
//               calculator's path, so its budget is looser (270 KB since the trend op
//               and workloads in uncertainty, 266 KB then; was 240 KB)         <= 270 KB
//   dataset     the default footprint dataset (public/data manifest "default")     <= 50 KB
//   embed first number  what a pinned embed transfers before its first number: embed.html,
//               its entry's JS and CSS and the largest precomputed slim file
//               (data/precomputed/**/*.min.json; docs/embedding.md)                <= 40 KB
// Prints every file and total; exits 1 if a budget is exceeded. Run after `vite build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { root } from './lib.mjs';

const dist = resolve(root, process.env.LLMFP_DIST_DIR ?? 'dist');
const KB = 1024;
const BUDGETS = {
  'first view': 60 * KB,
  engine: 205 * KB,
  'engine lab': 270 * KB,
  'default dataset': 50 * KB,
  'embed first number': 40 * KB,
};

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
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

// The embed: its page, the entry's static imports (with CSS), the manifest, and the largest
// slim precomputed file (the worst case of any pinned dataset and prompt size).
const embedKey = Object.keys(manifest).find((k) => k.endsWith('embed.html') && manifest[k].isEntry);
const slim = [];
const walk = (dir) => {
  for (const name of readdirSync(join(dist, dir), { withFileTypes: true })) {
    const rel = `${dir}/${name.name}`;
    if (name.isDirectory()) walk(rel);
    else if (name.name.endsWith('.min.json')) slim.push(rel);
  }
};
try {
  walk('data/precomputed');
} catch {
  // no precomputed files: the budget below fails (files missing)
}
const largestSlim = slim.sort((a, b) => gz(b) - gz(a)).slice(0, 1);
// The manifest is not waited for: a pinned embed shows the precomputed file's numbers first.
const embedFirst = embedKey ? ['embed.html', ...closure(embedKey), ...largestSlim] : [];
if (!largestSlim.length) console.error('check-size: no data/precomputed/**/*.min.json in the build');

let failed = false;
const pad = (s, n) => String(s).padStart(n);
for (const [name, files] of Object.entries({
  'first view': firstView,
  engine,
  'engine lab': engineLab,
  'default dataset': dataset,
  'embed first number': largestSlim.length ? embedFirst : [],
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
