// Benchmark of the built app (dist/, or LLMFP_DIST_DIR) in headless Chromium on localhost:
//   1. navigation to the first estimate on screen, cold cache (a fresh browser context each run);
//   2. recompute after an input change (prompt size), from the click to the new numbers in the DOM.
// Prints numbers (targets: < 1 s and < 50 ms); it asserts nothing. Run after `vite build`.
//   node scripts/bench-web.mjs [runs]
/* global window, document, MutationObserver -- code passed to page.evaluate runs in the page */
import { launch, serve } from '../tests/e2e/helpers.mjs';

const runs = Number(process.argv[2] ?? 7);
const RESULT = '.results[aria-busy="false"] [data-testid="energy-mean"]';

// Records when the first estimate appears (ms since navigation start).
const recordFirstEstimate = `
  new MutationObserver((_, obs) => {
    const el = document.querySelector('${RESULT}');
    if (el && /\\d/.test(el.textContent)) { window.__firstEstimate = performance.now(); obs.disconnect(); }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `median ${median.toFixed(1)} ms, min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)} (n = ${s.length})`;
};

const server = await serve();
const browser = await launch();
try {
  const first = [];
  const recompute = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(recordFirstEstimate);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__firstEstimate !== undefined, null, { timeout: 30000 });
    first.push(await page.evaluate(() => window.__firstEstimate));
    // Recompute: alternate prompt sizes; time from the click to the changed number.
    for (const prompt of ['medium', 'long', 'short']) {
      const ms = await page.evaluate(
        ({ prompt, sel }) =>
          new Promise((resolve) => {
            const el = document.querySelector(sel);
            const before = el.textContent;
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              const now = document.querySelector(sel);
              if (now && now.textContent !== before && now.closest('.results').getAttribute('aria-busy') === 'false') {
                obs.disconnect();
                resolve(performance.now() - t0);
              }
            });
            obs.observe(document.querySelector('main'), {
              subtree: true,
              childList: true,
              characterData: true,
              attributes: true,
            });
            document.querySelector(`input[name="prompt"][value="${prompt}"]`).click();
          }),
        { prompt, sel: RESULT },
      );
      recompute.push(ms);
    }
    await context.close();
  }
  console.log(`bench-web: ${server.url} (headless Chromium, localhost)`);
  console.log(`navigation to first estimate (cold cache): ${stats(first)}   target < 1000 ms`);
  console.log(`recompute after changing the prompt size:  ${stats(recompute)}   target < 50 ms`);
} finally {
  await browser.close();
  await server.close();
}
