// Benchmark of the embed (docs/embedding.md) on the built app (dist/, or LLMFP_DIST_DIR) in
// headless Chromium on localhost. Prints, for embed.html?model=GPT-4.1 (navigation start to
// the first estimate in the DOM):
//   1. cold: a fresh browser context (no HTTP cache, no service worker);
//   2. warm: the next visit in the same context, served by the service worker's precache;
//   3. offline: the same after the server is stopped;
// and what the service worker precaches on the first visit. Asserts nothing.
//   node scripts/bench-embed.mjs [runs]
/* global window -- code passed to page.evaluate runs in the page */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { copyDist, serveApp } from '../tests/e2e/embed-server.mjs';
import { launch } from '../tests/e2e/helpers.mjs';
import { precacheList } from '../web/src/embed/vite-plugin.mjs';

const runs = Number(process.argv[2] ?? 5);
const QUERY = 'embed.html?v=1&ds=paper-v6%402025-10-26&model=GPT-4.1&eid=bench';
const RESULT = '[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]';
const record = `
  new MutationObserver((_, obs) => {
    const el = document.querySelector('${RESULT}');
    if (el && /\\d/.test(el.textContent)) { window.__first = performance.now(); obs.disconnect(); }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `median ${median.toFixed(1)} ms, min ${s[0].toFixed(1)}, max ${s.at(-1).toFixed(1)} (n = ${s.length})`;
};

async function firstEstimate(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__first !== undefined, null, { timeout: 30000 });
  return page.evaluate(() => window.__first);
}

const copy = copyDist();
const browser = await launch();
const times = { cold: [], warm: [], offline: [] };
try {
  for (let i = 0; i < runs; i++) {
    const app = await serveApp(copy.dir);
    const context = await browser.newContext();
    await context.addInitScript(record);
    const page = await context.newPage();
    times.cold.push(await firstEstimate(page, `${app.url}${QUERY}`));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    times.warm.push(await firstEstimate(page, `${app.url}${QUERY}`));
    await app.close();
    times.offline.push(await firstEstimate(page, `${app.url}${QUERY}`));
    await context.close();
  }
  const files = precacheList(copy.dir);
  const bytes = files.map((f) => readFileSync(join(copy.dir, f)));
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`bench-embed: ${QUERY} (headless Chromium, localhost)`);
  console.log(`cold (fresh context):                ${stats(times.cold)}`);
  console.log(`warm (service worker precache):      ${stats(times.warm)}`);
  console.log(`offline (server stopped):            ${stats(times.offline)}`);
  console.log(
    `precache: ${files.length + 1} entries, ${kb(bytes.reduce((a, b) => a + b.length, 0))} raw, ` +
      `${kb(bytes.reduce((a, b) => a + gzipSync(b).length, 0))} gzip`,
  );
} finally {
  await browser.close();
  copy.cleanup();
}
