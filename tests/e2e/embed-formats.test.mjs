// Every documented format of docs/embedding.md on one blog page, with its numbers from the
// precomputed files and no engine, worker or service worker; pinned embeds with their numbers
// in their first render; table headers that wrap only between words; theme="page" on a dark
// page that turns light. Every request must go to the app's or the host's origin.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { blogPage, embedFrame, hostSession, num, reference } from './embed-host.mjs';
import { recordRequests } from './embed-server.mjs';

const env = hostSession(({ app, snippets }) => ({
  '/compare.html': blogPage(snippets[2]),
  // Every documented format on one blog page (the element snippets: card, table, chart, badge).
  '/formats.html': blogPage(snippets.slice(1).join('\n<p>Some more of the post.</p>\n')),
  // theme="page" on a dark blog, which later switches to light.
  '/dark.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dark blog</title>
<script type="module" src="${app.url}embed.js"></script></head>
<body style="background:#101418;color:#eee"><h1>A dark blog</h1>
<llm-footprint model="o3" dataset="paper-v6@2025-10-26" theme="page"></llm-footprint></body></html>`,
}));

describe('formats, themes and the diet', () => {
  test('every documented format on one page: numbers from the precomputed files, no engine, worker or service worker', async () => {
    const { context, page: p, requests, errors } = await env.openHost('/formats.html', 1024);
    try {
      await p.waitForFunction(() => document.querySelectorAll('llm-footprint').length === 4);
      const frames = [];
      for (const el of await p.$$('llm-footprint')) {
        const handle = await el.waitForSelector('iframe', { timeout: 20000 });
        const frame = await handle.contentFrame();
        await frame.waitForSelector('[data-testid="result"][aria-busy="false"]', { timeout: 30000 });
        frames.push({ el, handle, frame, format: await el.getAttribute('format') });
      }
      const byFormat = Object.fromEntries(frames.map((f) => [f.format, f]));
      // Card: a headline in words (two significant figures) and an everyday equivalent.
      const card = byFormat.card.frame;
      const ref = reference("GPT-4o (Mar '25)", 'short').energy_wh_mean;
      const headline = await card.textContent('[data-testid="headline"]');
      assert.match(headline, /^One short prompt uses about [\d.]+ Wh of energy\.$/);
      // Two significant figures of the authors' value (rounding moves it by at most 5 %).
      const shown = Number(/about ([\d.]+) Wh/.exec(headline)[1]);
      assert.ok(Math.abs(shown / ref - 1) <= 0.05, `${shown} vs ${ref}`);
      assert.match(await card.textContent('[data-testid="equivalent"]'), /^≈ .+ \(source: .+\)\.$/);
      // Table: two rows, GPT-4.1's medium energy as the authors published it.
      const table = byFormat.table.frame;
      assert.equal(await table.locator('tbody tr').count(), 2);
      const e41 = num(await table.textContent('[data-testid="energy-mean"]'));
      assert.ok(Math.abs(e41 / reference('GPT-4.1', 'medium').energy_wh_mean - 1) < 0.02, String(e41));
      // Chart: four bars of water in the blogger's order, each number as published.
      const chart = byFormat.chart.frame;
      const labels = await chart.$$eval('.embed-chart li .embed-bar-label', (els) => els.map((e) => e.textContent));
      assert.deepEqual(
        labels.map((t) => t.split(':')[0]),
        ['GPT-4.1', 'o3', 'Claude-3.7 Sonnet', 'LLaMA-3.3 70B'],
      );
      labels.forEach((t) => {
        const [name, rest] = t.split(': ');
        const water = num(rest.split(' ')[0]);
        assert.ok(Math.abs(water / reference(name, 'short').water_ml_mean - 1) < 0.02, `${name} ${water}`);
      });
      // Badge: one line inside the sentence, as wide as its words.
      const badge = byFormat.badge;
      // Chromium does not lay out a cross-origin frame below the fold: bring it into view.
      await badge.handle.scrollIntoViewIfNeeded();
      let box;
      for (let i = 0; i < 300; i++) {
        box = await badge.handle.evaluate((f) => f.getBoundingClientRect().toJSON());
        if (box.height < 48 && box.width < 600) break;
        await p.waitForTimeout(100);
      }
      assert.ok(box.width < 600 && box.height < 48, JSON.stringify(box));
      assert.match(
        await badge.frame.textContent('.embed-badge'),
        /^o3: [\d.]+ Wh · [\d.]+ mL · [\d.]+ g CO₂e per short prompt$/,
      );
      // The diet: nothing of the engine, no service worker.
      await p.waitForTimeout(500);
      assert.deepEqual(
        requests.urls.filter((u) => /\.wasm$|\/worker-|\/engine-|sw\.js$|\/data\/paper-v6\//.test(u)),
        [],
      );
      assert.equal(await card.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())), false);
      await p.screenshot({ path: join(tmpdir(), 'llmfp-embed-formats.png'), fullPage: true });
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.foreign([env.app.origin, env.host.origin]), []);
      // A reader's click registers the service worker (offline use from then on).
      await byFormat.card.handle.click();
      await card.waitForFunction(async () => Boolean(await navigator.serviceWorker.getRegistration()), null, {
        timeout: 10000,
      });
    } finally {
      await context.close();
    }
  });

  test('pinned embeds: the precomputed file is asked for while embed.html is parsed, and the first render shows the numbers', async () => {
    // Tall enough that no frame is below the fold (lazy frames load when they come into view).
    const context = await env.browser.newContext({ viewport: { width: 1024, height: 4000 } });
    // In every frame: whether the embed ever rendered a waiting state ("Loading…") in its root.
    await context.addInitScript(() => {
      window.__waited = false;
      new MutationObserver(() => {
        if (document.querySelector('.embed-root [aria-busy="true"]')) window.__waited = true;
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const requests = recordRequests(context);
    try {
      const p = await context.newPage();
      await p.goto(`${env.host.url}formats.html`);
      await p.waitForFunction(() => document.querySelectorAll('llm-footprint').length === 4);
      for (const el of await p.$$('llm-footprint')) {
        const frame = await (await el.waitForSelector('iframe', { timeout: 20000 })).contentFrame();
        await frame.waitForSelector('[data-testid="result"][aria-busy="false"]', { timeout: 30000 });
        const seen = await frame.evaluate(() => {
          const entries = performance.getEntriesByType('resource');
          const at = (re) => entries.find((e) => re.test(e.name));
          return {
            waited: window.__waited,
            file: at(/\/data\/precomputed\/embed\//)?.startTime,
            // The page's module script (embed-*.js, not embed-shared-*.js): the first render's code.
            script: at(/\/assets\/embed-(?!shared-)[\w-]+\.js$/)?.responseEnd,
            external: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('type')),
          };
        });
        const format = await el.getAttribute('format');
        assert.equal(seen.waited, false, `${format}: no "Loading…" before the numbers`);
        assert.deepEqual(seen.external, ['module'], `${format}: one external script, the module; the boot is inline`);
        assert.ok(
          seen.file < seen.script,
          `${format}: file requested at ${seen.file} ms, script loaded at ${seen.script} ms`,
        );
      }
      assert.deepEqual(requests.foreign([env.app.origin, env.host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('table headers wrap only between words at 320 px', async () => {
    const { context, page: p } = await env.openHost('/compare.html', 320);
    try {
      const { frame } = await embedFrame(p);
      const split = await frame.evaluate(() => {
        const bad = [];
        for (const th of document.querySelectorAll('.embed-table th')) {
          const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of node.textContent.matchAll(/\S+/g)) {
              const r = document.createRange();
              r.setStart(node, m.index);
              r.setEnd(node, m.index + m[0].length);
              const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
              if (lines.size > 1) bad.push(m[0]);
            }
          }
        }
        return bad;
      });
      assert.deepEqual(split, [], 'no word of a header is broken across lines');
    } finally {
      await context.close();
    }
  });

  test('theme="page" takes the colours of a dark page, and of a light one after the page switches', async () => {
    const { context, page: p } = await env.openHost('/dark.html', 800);
    try {
      const { frame } = await embedFrame(p);
      const look = () =>
        frame.evaluate(() => ({
          scheme: document.documentElement.dataset.scheme,
          bg: getComputedStyle(document.querySelector('.embed-root')).backgroundColor,
          fg: getComputedStyle(document.querySelector('.embed-root')).color,
        }));
      await frame.waitForFunction(() => document.documentElement.dataset.scheme === 'dark', null, { timeout: 10000 });
      const dark = await look();
      assert.equal(dark.bg, 'rgba(0, 0, 0, 0)', 'transparent: the page shows through');
      assert.equal(dark.fg, 'rgb(232, 234, 237)', 'light text on the dark page');
      await p.evaluate(() => {
        document.body.style.background = '#ffffff';
        document.body.style.color = '#111111';
      });
      await frame.waitForFunction(() => document.documentElement.dataset.scheme === 'light', null, { timeout: 10000 });
      assert.equal((await look()).fg, 'rgb(27, 31, 35)', 'dark text on the light page');
    } finally {
      await context.close();
    }
  });
});
