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
//      navigation to each embed's first number (median over all, and the last of the five);
//   3. what the service worker would precache (only after a reader interacts).
// Asserts nothing (tests/e2e/embed.test.mjs checks the properties: no engine, worker or service
// worker; the numbers in the first render; scripts/check-size.mjs the bytes).
//   node scripts/bench-embed.mjs [runs]
/* global window -- code passed to the page */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { BUDGETS, embedFirstFiles, gzipBytes } from './check-size.mjs';
import { copyDist, serveApp, serveHost } from '../tests/e2e/embed-server.mjs';
import { launch } from '../tests/e2e/helpers.mjs';
import { precacheList } from '../web/src/embed/vite-plugin.mjs';

const runs = Number(process.argv[2] ?? 5);
const REF = 'paper-v6@2025-10-26';
const QUERY = `embed.html?v=1&ds=${encodeURIComponent(REF)}&model=GPT-4.1&eid=bench`;
const NUMBER = '[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]';
// In every frame: the absolute time (ms since the epoch) of its first number, kept in the
// frame and sent to the bench as a console message (`llmfp-first <time> <url>`). The bench
// waits for those messages and reads nothing from a frame before every number is shown:
// Playwright's own page script (injected into a frame on its first evaluate or
// waitForFunction) would otherwise be compiled on the main thread that the embeds share,
// and the bench would time its own work too.
const record = `
  new MutationObserver((_, obs) => {
    const el = document.querySelector('${NUMBER}');
    if (el && /\\d/.test(el.textContent)) {
      window.__first = performance.timeOrigin + performance.now();
      obs.disconnect();
      console.debug('llmfp-first ' + window.__first + ' ' + location.href);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;
/** The first-number times (ms since the epoch) of the first `n` frames of `page` to show one. */
const firstNumbers = (page, n) =>
  new Promise((resolve, reject) => {
    const times = [];
    const timer = setTimeout(() => reject(new Error(`bench-embed: ${times.length} of ${n} numbers in 30 s`)), 30000);
    page.on('console', (msg) => {
      const [tag, t] = msg.text().split(' ');
      if (tag !== 'llmfp-first' || times.length === n) return;
      times.push(Number(t));
      if (times.length === n) {
        clearTimeout(timer);
        resolve(times);
      }
    });
  });

export const HOST_EMBEDS = [
  '<llm-footprint model="GPT-4.1" dataset="paper-v6@2025-10-26"></llm-footprint>',
  '<p>Inline: <llm-footprint format="badge" model="o3" dataset="paper-v6@2025-10-26"></llm-footprint> per prompt.</p>',
  '<llm-footprint format="chart" models="GPT-4.1|o3|Claude-3.7 Sonnet|LLaMA-3.3 70B" prompt="medium" dataset="paper-v6@2025-10-26"></llm-footprint>',
  '<llm-footprint format="table" view="compare" model="GPT-4.1" compare-with="o3" dataset="paper-v6@2025-10-26"></llm-footprint>',
  '<llm-footprint format="card" theme="dark" metric="water" model="DeepSeek-R1 (DS)" dataset="paper-v6@2025-10-26"></llm-footprint>',
];
export const hostPage = (appUrl) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog post</title>` +
  `<script type="module" src="${appUrl}embed.js"></script></head><body><h1>A blog post</h1>` +
  HOST_EMBEDS.join('\n') +
  `</body></html>`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${median(s).toFixed(1)} ms, min ${s[0].toFixed(1)}, max ${s.at(-1).toFixed(1)} (n = ${s.length})`;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const copy = copyDist();
const app = await serveApp(copy.dir);
const host = await serveHost({ '/post.html': hostPage(app.url) });
const browser = await launch();
const single = [];
const five = [];
const lastOfFive = [];
let bytes = null;
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
      const list = ['embed.js', ...files.map((f) => decodeURIComponent(new URL(f.url).pathname).replace(/^\//, ''))];
      const fileOf = (p) => (p === '' ? 'index.html' : p);
      const fetched = list.map(fileOf);
      const budgeted = embedFirstFiles(copy.dir, { ref: REF, prompt: 'short' });
      bytes = {
        n: fetched.length,
        raw: fetched.reduce((a, f) => a + readFileSync(join(copy.dir, f)).length, 0),
        gzip: fetched.reduce((a, f) => a + gzipBytes(copy.dir, f), 0),
        list: fetched,
        missing: budgeted.filter((f) => !fetched.includes(f)),
        extra: fetched.filter((f) => !budgeted.includes(f)),
        sw,
      };
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
    const times = shownAt.map((t) => t - origin);
    five.push(...times);
    lastOfFive.push(Math.max(...times));
    await ctx5.close();
  }
  const files = precacheList(copy.dir);
  const pre = files.map((f) => readFileSync(join(copy.dir, f)));
  console.log(`bench-embed: ${QUERY} (headless Chromium, localhost, cold cache)`);
  console.log(`one embed: navigation to first number:             ${stats(single)}   target < 300 ms`);
  console.log(
    `bytes before an embed's first number: ${bytes.n} files, ${kb(bytes.raw)} raw, ${kb(bytes.gzip)} gzip   ` +
      `budget ${BUDGETS['embed first number'] / 1024} KB gzip`,
  );
  console.log(`  ${bytes.list.join(', ')}`);
  console.log(
    bytes.missing.length || bytes.extra.length
      ? `  check-size counts other files: not fetched ${bytes.missing.join(', ') || '-'}; not counted ${bytes.extra.join(', ') || '-'}`
      : `  check-size counts the same ${bytes.n} files (its budget takes the largest precomputed file of the build)`,
  );
  console.log(
    `engine requests (wasm, worker) by ${runs} embeds: ${engineRequests}; workers started: ${workers}; ` +
      `service worker registered: ${bytes.sw ? 'yes' : 'no'}`,
  );
  console.log(`five embeds on one page, each first number:        ${stats(five)}   target < 300 ms`);
  console.log(`five embeds on one page, the last of the five:     ${stats(lastOfFive)}`);
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
