// Benchmark of the embeds (docs/embedding.md) on the built app (dist/, or LLMFP_DIST_DIR) in
// headless Chromium on localhost, cold cache (a fresh browser context each run):
//   1. one embed page (embed.html, GPT-4.1): navigation to its first number, and the bytes
//      transferred before it (raw as served here, and gzip as a compressing host sends them):
//      every file the page fetched before its first number (resource timing) plus embed.js,
//      the host page's script of the <llm-footprint> snippet. scripts/check-size.mjs budgets
//      the same files (embedFirstFiles()); the line says whether the two lists agree. Plus
//      whether it requested the engine (wasm, worker) or registered a service worker;
//   2. five embeds on one host page of another origin (the <llm-footprint> snippets of a
//      blogger: card, badge, chart of 4 models, table, dark card): from the host page's
//      navigation to each embed's first number, whether painted first in the host page
//      (embed.js's first paint) or by its frame (median over all, and the last of the five),
//      and the calculator's files the host page fetched for the first embed before the first
//      of those numbers (check-size.mjs embedFirstPaintFiles() budgets the same);
//   3. what the service worker would precache (only after a reader interacts).
// Asserts nothing (tests/e2e/embed.test.mjs and embed-first.test.mjs check the properties: no
// engine, worker or service worker; the numbers in the first render or first paint;
// scripts/check-size.mjs the bytes).
//   node scripts/bench-embed.mjs [runs]
/* global window -- code passed to the page */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { BUDGETS, embedFirstFiles, embedFirstPaintFiles, gzipBytes } from './check-size.mjs';
import { copyDist, hostPage, HOST_EMBEDS, serveApp, serveHost } from '../tests/e2e/embed-server.mjs';
import { launch } from '../tests/e2e/helpers.mjs';
import { precacheList } from '../web/src/embed/vite-plugin.mjs';

const runs = Number(process.argv[2] ?? 5);
const REF = 'paper-v6@2025-10-26';
const QUERY = `embed.html?v=1&ds=${encodeURIComponent(REF)}&model=GPT-4.1&eid=bench`;
const NUMBER = '[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]';
// In every frame and every shadow root of the host page (an embed's first paint, embed.js):
// the absolute time (ms since the epoch) of its first number, sent to the bench as a console
// message (`llmfp-first <time> <embed id> <where>`). The bench waits for those messages and
// reads nothing from a frame before every number is shown: Playwright's own page script
// (injected into a frame on its first evaluate or waitForFunction) would otherwise be
// compiled on the main thread that the embeds share, and the bench would time its own work too.
// An embed counts once, at its first number (its first paint's, or else its frame's).
const record = `
  const watch = (root, id, where) =>
    new MutationObserver((_, obs) => {
      const el = root.querySelector('${NUMBER}');
      if (el && /\\d/.test(el.textContent)) {
        window.__first = performance.timeOrigin + performance.now();
        obs.disconnect();
        console.debug('llmfp-first ' + window.__first + ' ' + id() + ' ' + where);
      }
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  watch(document, () => new URLSearchParams(location.search).get('eid'), 'frame');
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    watch(root, () => this.embedId, 'host');
    return root;
  };
`;
/** The first-number times (ms since the epoch) of the first `n` embeds of `page` to show one: [{time, id, where}]. */
const firstNumbers = (page, n) =>
  new Promise((resolve, reject) => {
    const seen = new Map();
    const timer = setTimeout(() => reject(new Error(`bench-embed: ${seen.size} of ${n} numbers in 30 s`)), 30000);
    page.on('console', (msg) => {
      const [tag, t, id, where] = msg.text().split(' ');
      if (tag !== 'llmfp-first' || seen.has(id) || seen.size === n) return;
      seen.set(id, { time: Number(t), id, where });
      if (seen.size === n) {
        clearTimeout(timer);
        resolve([...seen.values()]);
      }
    });
  });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${median(s).toFixed(1)} ms, min ${s[0].toFixed(1)}, max ${s.at(-1).toFixed(1)} (n = ${s.length})`;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The file of the build a URL of the app's server names ("assets/x.js"). */
const distPath = (url) => decodeURIComponent(new URL(url).pathname).slice(1);
/** Bytes (raw as served, and gzip) of the build's files `paths`, and how they differ from check-size's list `budgeted`. */
const bytesOf = (paths, budgeted) => ({
  n: paths.length,
  raw: paths.reduce((a, f) => a + readFileSync(join(copy.dir, f)).length, 0),
  gzip: paths.reduce((a, f) => a + gzipBytes(copy.dir, f), 0),
  list: paths,
  missing: budgeted.filter((f) => !paths.includes(f)),
  extra: paths.filter((f) => !budgeted.includes(f)),
});
/** The bytes line, the files, and whether check-size budgets the same files. */
const printBytes = (what, b, budget) => {
  console.log(`${what}: ${b.n} files, ${kb(b.raw)} raw, ${kb(b.gzip)} gzip   budget ${budget / 1024} KB gzip`);
  console.log(`  ${b.list.join(', ')}`);
  console.log(
    b.missing.length || b.extra.length
      ? `  check-size counts other files: not fetched ${b.missing.join(', ') || '-'}; not counted ${b.extra.join(', ') || '-'}`
      : `  check-size counts the same ${b.n} files (its budget takes the largest precomputed file of the build)`,
  );
};

const copy = copyDist();
const app = await serveApp(copy.dir);
const host = await serveHost({ '/post.html': hostPage(app.url) });
const browser = await launch();
const single = [];
const five = [];
const lastOfFive = [];
const painted = {}; // where the first numbers of the five embeds were shown: host (first paint), frame
let bytes = null;
let paintBytes = null;
let engineRequests = 0;
let workers = 0;
try {
  for (let i = 0; i < runs; i++) {
    // 1. one embed page
    const context = await browser.newContext();
    await context.addInitScript(record);
    const urls = [];
    context.on('request', (r) => urls.push(r.url()));
    const page = await context.newPage();
    page.on('worker', () => workers++);
    const shown = firstNumbers(page, 1);
    await page.goto(`${app.url}${QUERY}`, { waitUntil: 'commit' });
    await shown;
    const { first, files, sw } = await page.evaluate(async () => {
      const nav = performance.getEntriesByType('navigation')[0];
      const t = window.__first - performance.timeOrigin;
      const res = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= t);
      const reg = await navigator.serviceWorker?.getRegistration();
      return {
        first: t,
        files: [nav, ...res].map((r) => ({ url: r.name, size: r.encodedBodySize })),
        sw: Boolean(reg),
      };
    });
    single.push(first);
    if (!bytes) {
      // The frame's files (as served: raw) and embed.js, which the host page loads once.
      const paths = ['embed.js', ...files.map((f) => distPath(f.url))];
      bytes = { ...bytesOf(paths, embedFirstFiles(copy.dir, { ref: REF, prompt: 'short' })), sw };
    }
    await page.waitForTimeout(300);
    engineRequests += urls.filter((u) => /\.wasm$|worker-|engine-/.test(u)).length;
    await context.close();

    // 2. five embeds on one host page
    const ctx5 = await browser.newContext({ viewport: { width: 1024, height: 4000 } });
    await ctx5.addInitScript(record);
    const p5 = await ctx5.newPage();
    const shown5 = firstNumbers(p5, HOST_EMBEDS.length);
    await p5.goto(`${host.url}post.html`, { waitUntil: 'commit' });
    const shownAt = await shown5;
    const origin = await p5.evaluate(() => performance.timeOrigin);
    const times = shownAt.map((f) => f.time - origin);
    for (const f of shownAt) painted[f.where] = (painted[f.where] ?? 0) + 1;
    if (!paintBytes) {
      // The calculator's files the host page had before the first of its embeds' numbers.
      const urls5 = await p5.evaluate(
        (t) => {
          const before = t - performance.timeOrigin;
          return performance
            .getEntriesByType('resource')
            .filter((r) => r.responseEnd <= before)
            .map((r) => r.name);
        },
        Math.min(...shownAt.map((f) => f.time)),
      );
      // (The first embed's: not the precomputed files of the page's other embeds.)
      const budgeted = embedFirstPaintFiles(copy.dir, { ref: REF, prompt: 'short' });
      const paths = urls5
        .filter((u) => u.startsWith(app.url))
        .map(distPath)
        .filter((f) => !f.startsWith('data/precomputed/embed/') || budgeted.includes(f));
      paintBytes = bytesOf(paths, budgeted);
    }
    five.push(...times);
    lastOfFive.push(Math.max(...times));
    await ctx5.close();
  }
  const files = precacheList(copy.dir);
  const pre = files.map((f) => readFileSync(join(copy.dir, f)));
  console.log(`bench-embed: ${QUERY} (headless Chromium, localhost, cold cache)`);
  console.log(`one embed: navigation to first number:             ${stats(single)}   target < 300 ms`);
  printBytes("bytes before an embed's first number (its frame)", bytes, BUDGETS['embed first number']);
  console.log(
    `engine requests (wasm, worker) by ${runs} embeds: ${engineRequests}; workers started: ${workers}; ` +
      `service worker registered: ${bytes.sw ? 'yes' : 'no'}`,
  );
  console.log(`five embeds on one page, each first number:        ${stats(five)}   target < 300 ms`);
  console.log(`five embeds on one page, the last of the five:     ${stats(lastOfFive)}`);
  console.log(
    `  shown first by: the first paint in the host page ${painted.host ?? 0}, the frame ${painted.frame ?? 0} (of ${five.length})`,
  );
  printBytes("bytes before a <llm-footprint>'s first paint", paintBytes, BUDGETS['embed first paint']);
  console.log(
    `precache (only after a reader interacts): ${files.length + 1} entries, ` +
      `${kb(pre.reduce((a, b) => a + b.length, 0))} raw, ${kb(pre.reduce((a, b) => a + gzipSync(b).length, 0))} gzip`,
  );
} finally {
  await browser.close();
  await host.close();
  await app.close();
  copy.cleanup();
}
