// The landing page, prerendered at build time (docs/web-app.md): the built index.html holds
// the default estimate (default dataset, GPT-4o (Mar '25), short prompt) with its spread and
// everyday equivalents, and a table of every model, so the numbers are there at first paint
// and without JavaScript. web/src/prerender.js swaps in the live app once it has its own
// numbers. Also the Vite plugin that emits the precomputed files (scripts/precompute.mjs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { everyday } from '../web/src/lib/equivalents.js';
import { PROMPTS } from '../web/src/lib/prompts.js';
import { METRICS, num } from '../web/src/lib/format.js';
import { pinnedAsset } from '../web/src/data/precomputed.js';
import { chosenModel, chosenPrompt, OVERRIDE_KEYS } from '../web/src/lib/requests.js';
import { virtualModule } from '../web/src/embed/vite-plugin.mjs';
import { loadEngine, precomputeAll, root } from './precompute.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function card(metric, stats, constants) {
  const m = METRICS[metric];
  const eq = everyday(constants, metric, stats.mean);
  return (
    `<section class="result-card" aria-labelledby="card-${metric}" data-metric="${metric}">` +
    `<h2 id="card-${metric}">${m.label} per query</h2>` +
    `<p class="value"><span data-testid="${metric}-mean">${num(stats.mean)}</span> <span class="unit">${m.unit}</span></p>` +
    `<dl><dt>SD</dt><dd>± ${num(stats.sd)} ${m.unit}</dd><dt>P5–P95</dt><dd>${num(stats.p5)} – ${num(stats.p95)} ${m.unit}</dd>` +
    (stats.low !== undefined
      ? `<dt>Low–high utilisation</dt><dd>${num(stats.low)} – ${num(stats.high)} ${m.unit}</dd>`
      : '') +
    `</dl>` +
    (eq.length
      ? `<ul aria-label="${m.label}: everyday equivalents">${eq
          .map((e) => `<li title="${esc(e.constant.source ?? '')}">≈ ${esc(e.text)}</li>`)
          .join('')}</ul>`
      : '') +
    `</section>`
  );
}

/**
 * The markup of the landing estimate from the precomputed files ({path, text}) of the
 * default footprint dataset. Returns '' when there is nothing to show.
 */
export function landingHtml({ manifest, files, constants, dataDir }) {
  const entry = manifest.datasets.find((d) => d.kind === 'footprint' && d.default);
  if (!entry) return '';
  const version = entry.versions.find((v) => v.version === entry.latest) ?? entry.versions.at(-1);
  // The calculator's own choice for a link without settings (lib/requests.js).
  const footprint = JSON.parse(readFileSync(join(dataDir, version.file.replace(/^(public\/)?(data\/)?/, '')), 'utf8'));
  const model = chosenModel({}, footprint);
  const prompt = chosenPrompt({ prompt: 'short' }, footprint, model);
  const file = files.find((f) => f.path === `precomputed/${entry.id}/${version.version}/${prompt}.json`);
  if (!file) return '';
  const rows = JSON.parse(file.text).result.rows;
  const row = rows.find((r) => r.model === model);
  const detail = PROMPTS.find((p) => p.value === prompt)?.detail ?? prompt;
  const sorted = [...rows].sort((a, b) => a.energy_wh.mean - b.energy_wh.mean);
  const table =
    `<details class="panel"><summary>Every model, one ${prompt} prompt (${detail})</summary>` +
    `<div class="table-wrap"><table><caption>Per query, mean, lowest energy first</caption><thead><tr><th scope="col">Model</th>` +
    ['energy', 'water', 'carbon']
      .map((k) => `<th scope="col" class="num">${METRICS[k].label} (${METRICS[k].unit})</th>`)
      .join('') +
    `</tr></thead><tbody>` +
    sorted
      .map(
        (r) =>
          `<tr><th scope="row">${esc(r.model)}</th>` +
          ['energy_wh', 'water_ml', 'carbon_g'].map((k) => `<td class="num">${num(r[k].mean)}</td>`).join('') +
          `</tr>`,
      )
      .join('') +
    `</tbody></table></div></details>`;
  return (
    `<main id="main" data-prerendered="${esc(`${entry.id}@${version.version}`)}" data-prompt="${esc(prompt)}"><article class="calculator">` +
    `<h1>What does one question cost?</h1>` +
    `<p class="lede">Energy, water and carbon of a single query to a large language model, with the method of ` +
    `Jegham et al. (“How Hungry is AI?”), from ${esc(entry.title ?? entry.id)}.</p>` +
    `<p data-testid="prerender-query"><strong>${esc(model)}</strong>, one ${prompt} prompt (${detail}):</p>` +
    `<div class="results" aria-busy="false">${['energy', 'water', 'carbon']
      .map((k) => card(k, row[METRICS[k].key], constants))
      .join('')}</div>` +
    `<p class="muted">Default assumptions, computed when this page was built by the same engine that runs in your ` +
    `browser. With JavaScript you can choose the model, the prompt size and every assumption.</p>` +
    table +
    `</article></main>`
  );
}

/** The id of the module that lists the embed's hash-pinned precomputed files (web/src/embed/Embed.jsx). */
export const PINNED_MODULE = 'virtual:llmfp-precomputed';

/**
 * The slim precomputed files as the embed loads them: content-addressed assets
 * (data/precomputed.js pinnedAsset(): `data/precomputed/embed/<id>-<version>-<prompt>-<sha256
 * prefix>.json`, so hosts cache them for good and several embeds on one page share one
 * download) and the table the embed's code holds: {"id@version": {prompt: sha256}}. The
 * embed shows a file's numbers only if its bytes have that SHA-256 (pinned in the build's
 * own code, like the manifest's hashes), so nothing else is needed before its first number.
 */
export function pinnedSlim(files) {
  const table = {};
  const assets = [];
  for (const f of files) {
    const m = /^precomputed\/([^/]+)\/([^/]+)\/([^/]+)\.min\.json$/.exec(f.path);
    if (!m) continue;
    const [, id, version, prompt] = m;
    const sha = createHash('sha256').update(f.text).digest('hex');
    const ref = `${id}@${version}`;
    assets.push({ fileName: pinnedAsset(ref, prompt, sha), text: f.text });
    (table[ref] ??= {})[prompt] = sha;
  }
  return { table, assets };
}

/**
 * The files' names only: {"id@version": {prompt: the SHA-256's first 12 hex digits}} (what
 * data/precomputed.js pinnedAsset() puts in a name), for the code that only asks for a file
 * (the embed page's boot script, embed.js); the code that shows its numbers checks the whole
 * SHA-256 (the table).
 */
export const pinnedNames = (table) =>
  Object.fromEntries(
    Object.entries(table).map(([ref, byPrompt]) => [
      ref,
      Object.fromEntries(Object.entries(byPrompt).map(([p, sha]) => [p, sha.slice(0, 12)])),
    ]),
  );

/**
 * The embed page's first script (classic, a few hundred bytes, inline in embed.html and run
 * while the page is parsed; its CSP hash: web/src/embed/vite-plugin.mjs): for a pinned
 * estimate embed with the default assumptions it starts the download of its precomputed file
 * (<link rel="preload">), which web/src/embed/main.jsx then takes from the memory cache and
 * checks against the same table before the first render. Anything else: nothing.
 */
export function embedBoot(table) {
  const skip = [...Object.keys(OVERRIDE_KEYS), 'rho', 'w'];
  const names = pinnedNames(table);
  return (
    `// Generated by scripts/prerender.mjs: preloads a pinned embed's precomputed file.\n` +
    `(() => {\n` +
    `  const T = ${JSON.stringify(names)};\n` +
    `  const q = new URLSearchParams(location.search);\n` +
    `  const own = Object.hasOwn;\n` +
    `  if (['myuse', 'trends'].includes(q.get('view')) || ${JSON.stringify(skip)}.some((k) => q.get(k))) return;\n` +
    `  if (q.get('est') && q.get('est') !== 'v6') return;\n` +
    `  const ref = q.get('ds') || '';\n` +
    `  const prompt = q.get('prompt') || 'short';\n` +
    `  const hash = own(T, ref) && own(T[ref], prompt) ? T[ref][prompt] : '';\n` +
    `  if (!hash) return;\n` +
    `  const [id, version] = ref.split('@');\n` +
    `  const link = document.createElement('link');\n` +
    `  link.rel = 'preload';\n` +
    `  link.as = 'fetch';\n` +
    `  link.crossOrigin = 'anonymous';\n` +
    `  link.href = \`data/precomputed/embed/\${id}-\${version}-\${prompt}-\${hash}.json\`;\n` +
    `  document.head.append(link);\n` +
    `})();\n`
  );
}

/**
 * Vite plugins: computes the precomputed results once per build (native CLI if built, else
 * the wasm engine under Node), emits them as data/precomputed/... (the app's full files)
 * and data/precomputed/embed/... (the embeds' slim files, pinnedSlim()), puts the landing
 * estimate into index.html, and serves the module PINNED_MODULE (empty in development,
 * where embeds take the manifest's path).
 */
export function precomputed({ dataDir = join(root, 'public', 'data') } = {}) {
  let files = [];
  let slim = { table: {}, assets: [] };
  let boot = null;
  let manifest;
  let constants = null;
  const pinned = virtualModule(
    'llmfp-precomputed-pinned',
    PINNED_MODULE,
    () =>
      `// Generated by scripts/prerender.mjs: the embeds' precomputed files and their SHA-256.\n` +
      `export const PINNED = ${JSON.stringify(slim.table)};\n` +
      `export const PINNED_NAMES = ${JSON.stringify(pinnedNames(slim.table))};\n`,
  );
  const build = {
    name: 'llmfp-precomputed',
    apply: 'build',
    async buildStart() {
      const engine = await loadEngine(process.env.LLMFP_PRECOMPUTE_ENGINE || undefined);
      files = await precomputeAll({ dataDir, engine });
      slim = pinnedSlim(files);
      const text = embedBoot(slim.table);
      boot = { text };
      manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
      const c = manifest.datasets.find((d) => d.kind === 'constants');
      const cv = c?.versions.find((v) => v.version === c.latest) ?? c?.versions.at(-1);
      if (cv) constants = JSON.parse(readFileSync(join(dataDir, cv.file.replace(/^(public\/)?(data\/)?/, '')), 'utf8'));
      this.info?.(`precomputed ${files.length} files with the ${engine.kind} engine`);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        // The embed page: its preloading script, inline (allowed by its hash in the page's CSP,
        // web/src/embed/vite-plugin.mjs), so the precomputed file is requested while the page
        // is parsed, with no request of its own first.
        if (ctx.filename.endsWith('embed.html'))
          return boot ? html.replace('</head>', `  <script>${boot.text}</script>\n  </head>`) : html;
        if (!ctx.filename.endsWith('index.html')) return html;
        const site = process.env.LLMFP_SITE_URL;
        let out = html;
        if (site) {
          const abs = (u) => new URL(u, site.endsWith('/') ? site : `${site}/`).href;
          out = out.replace(
            /(<meta (?:property|name)="(?:og:image|og:url|twitter:image)" content=")([^"]*)"/g,
            (_, head, url) => `${head}${esc(abs(url))}"`,
          );
        }
        const markup = landingHtml({ manifest, files, constants, dataDir });
        if (!markup) return out;
        return out.replace(/<main id="main">[\s\S]*?<\/main>/, markup);
      },
    },
    generateBundle() {
      for (const f of files)
        if (!f.path.endsWith('.min.json')) this.emitFile({ type: 'asset', fileName: `data/${f.path}`, source: f.text });
      for (const a of slim.assets) this.emitFile({ type: 'asset', fileName: a.fileName, source: a.text });
    },
  };
  return [build, pinned];
}
