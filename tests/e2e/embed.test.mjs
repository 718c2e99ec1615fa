// The embed snippets of docs/embedding.md pasted into a plain page served on another localhost port:
// the estimate appears in the iframe (iframe snippet and <llm-footprint>), the iframe is as
// tall as its content with no inner scrollbar at 320 and 1024 px, height messages of the
// wrong type, with the wrong id or from another frame are ignored, and without JavaScript
// the fallback link remains; every documented format on one page with its numbers and no
// engine, worker or service worker; pinned embeds with their numbers in their first render;
// headers that wrap between words; theme="page". Every request must go to the app's or the
// host's origin. (The app side and the embed page on its own: embed-app.test.mjs.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { recordRequests, serveApp, serveHost } from './embed-server.mjs';
import { distDir, launch, repoRoot } from './helpers.mjs';

const EXAMPLE = 'https://example.org/llm-footprint/';
const dataset = JSON.parse(readFileSync(`${distDir}/data/paper-v6/2025-10-26.json`, 'utf8'));
const gpt41 = dataset.models.find((m) => m.model === 'GPT-4.1');
const reference = (model, prompt) =>
  dataset.models.find((m) => m.model === model).prompts.find((p) => p.prompt === prompt).reference;

/** The ```html blocks of docs/embedding.md of the estimate embeds (not My use, not Trends). */
function documentedSnippets() {
  const text = readFileSync(`${repoRoot}/docs/embedding.md`, 'utf8');
  return [...text.matchAll(/```html\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((s) => !/view(="|=)(myuse|trends)/.test(s));
}

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post</title></head>
<body><h1>A blog post about prompts</h1><p>Here is what one prompt costs:</p>
${body}
<p>More text after the embed.</p>
<iframe id="other" src="/other.html" title="another frame" width="200" height="60"></iframe>
</body></html>`;

let app;
let host;
let browser;
let snippets;
before(async () => {
  app = await serveApp();
  snippets = documentedSnippets().map((s) => s.replaceAll(EXAMPLE, app.url));
  assert.equal(snippets.length, 5, 'docs/embedding.md has the iframe, element, table, chart and badge snippets');
  host = await serveHost({
    '/iframe.html': page(snippets[0]),
    '/element.html': page(snippets[1]),
    '/compare.html': page(snippets[2]),
    '/other.html': '<!doctype html><title>other</title><p>another frame</p>',
    // Every documented format on one blog page (the element snippets: card, table, chart, badge).
    '/formats.html': page(snippets.slice(1).join('\n<p>Some more of the post.</p>\n')),
    // theme="page" on a dark blog, which later switches to light.
    '/dark.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dark blog</title>
<script type="module" src="${app.url}embed.js"></script></head>
<body style="background:#101418;color:#eee"><h1>A dark blog</h1>
<llm-footprint model="o3" dataset="paper-v6@2025-10-26" theme="page"></llm-footprint></body></html>`,
    // Two elements on one page; the second overrides PUE through `params` (energy is linear in PUE).
    '/two.html': page(`<script type="module" src="${app.url}embed.js"></script>
<llm-footprint id="plain" model="GPT-4.1" dataset="paper-v6@2025-10-26"><a href="${app.url}">x</a></llm-footprint>
<llm-footprint id="pue" model="GPT-4.1" dataset="paper-v6@2025-10-26" params="pue=${2 * gpt41.pue}"></llm-footprint>`),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

async function openHost(path, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, ...options });
  const requests = recordRequests(context);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  // The host page's console stays clean too (a blogger opening the developer tools sees no
  // error or warning of embed.js, e.g. a message posted to a frame that was still loading); a
  // missing file of the test host (its favicon) is not embed.js's.
  p.on('console', (m) => {
    if (['error', 'warning'].includes(m.type()) && !/^Failed to load resource/.test(m.text()))
      errors.push(`console ${m.type()}: ${m.text()}`);
  });
  await p.goto(`${host.url}${path.slice(1)}`);
  return { context, page: p, requests, errors };
}

const num = (text) => Number(text.replace(/[^0-9.eE+-]/g, ''));

/** The embed iframe (light DOM or in <llm-footprint>'s shadow root) and its frame, once computed. */
async function embedFrame(p, selector = '[data-testid="energy-mean"]') {
  const handle = await p.waitForSelector('iframe[data-llm-footprint], llm-footprint iframe', { timeout: 20000 });
  const frame = await handle.contentFrame();
  await frame.waitForSelector(`[data-testid="result"][aria-busy="false"] ${selector}`, { timeout: 30000 });
  return { handle, frame };
}

/** Waits until the iframe's height equals its content's and the frame has no vertical scrollbar. */
async function fitted(p, handle, frame) {
  let last;
  for (let i = 0; i < 200; i++) {
    const outer = await handle.evaluate((el) => el.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: document.querySelector('.embed-root').getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    last = { outer, ...inner };
    if (Math.abs(outer - Math.ceil(inner.content)) <= 1 && inner.scroll <= inner.client) return last;
    await p.waitForTimeout(100);
  }
  assert.fail(`iframe never fitted its content: ${JSON.stringify(last)}`);
}

describe('embed on a host page of another origin', () => {
  for (const [name, path] of [
    ['iframe snippet', '/iframe.html'],
    ['custom element', '/element.html'],
  ]) {
    for (const width of [320, 1024]) {
      test(`${name} at ${width} px: the estimate appears and the iframe fits its content`, async () => {
        const { context, page: p, requests, errors } = await openHost(path, width);
        try {
          const { handle, frame } = await embedFrame(p);
          const energy = num(await frame.textContent('[data-testid="energy-mean"]'));
          const ref = reference("GPT-4o (Mar '25)", 'short').energy_wh_mean;
          assert.ok(Math.abs(energy - ref) / ref < 0.02, `energy ${energy} Wh vs the authors' ${ref} Wh`);
          assert.equal(await frame.textContent('[data-testid="dataset"]'), 'paper-v6@2025-10-26');
          const fit = await fitted(p, handle, frame);
          // A real resize happened: the snippet's initial height was 340 px.
          assert.notEqual(Math.round(fit.outer), 340);
          const frameWidth = await handle.evaluate((el) => el.getBoundingClientRect().width);
          assert.ok(frameWidth <= width, `iframe ${frameWidth} px wide in a ${width} px page`);
          const link = await frame.getAttribute('[data-testid="app-link"]', 'href');
          assert.ok(link.startsWith(app.url) && link.includes('ds=paper-v6%402025-10-26'), link);
          assert.deepEqual(errors, []);
          assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('comparison snippet: two models and their ratio', async () => {
    const { context, page: p, requests } = await openHost('/compare.html', 1024);
    try {
      const { handle, frame } = await embedFrame(p, 'table');
      assert.equal(await frame.textContent('[data-testid="model"]'), 'GPT-4.1');
      assert.equal(await frame.textContent('[data-testid="model-b"]'), 'o3');
      assert.equal(await frame.locator('tbody tr').count(), 2);
      assert.match(await frame.textContent('[data-testid="ratio"]'), /GPT-4\.1 uses .*× as much as o3/);
      await fitted(p, handle, frame);
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('two elements on one page: each fits its own content; params overrides an assumption', async () => {
    const { context, page: p, requests, errors } = await openHost('/two.html', 1024);
    try {
      const values = {};
      for (const id of ['plain', 'pue']) {
        const handle = await p.waitForSelector(`llm-footprint#${id} iframe`);
        assert.equal(new URL(await handle.getAttribute('src')).searchParams.get('eid'), id);
        const frame = await handle.contentFrame();
        await frame.waitForSelector('[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]', {
          timeout: 30000,
        });
        values[id] = num(await frame.textContent('[data-testid="energy-mean"]'));
        await fitted(p, handle, frame);
      }
      // E = time x power x PUE (paper Eq. 1): doubling PUE doubles the energy (3 shown digits).
      assert.ok(Math.abs(values.pue / values.plain - 2) < 0.01, `${values.pue} / ${values.plain}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('height messages of the wrong type, id, origin or frame are ignored; the right one is used', async () => {
    const { context, page: p, requests } = await openHost('/iframe.html', 1024);
    try {
      const { handle, frame } = await embedFrame(p);
      const { outer } = await fitted(p, handle, frame);
      const id = new URL(await handle.getAttribute('src')).searchParams.get('eid');
      const height = () => handle.evaluate((el) => el.getBoundingClientRect().height);
      // From the embed's own frame, but the wrong type or the wrong id.
      await frame.evaluate((eid) => {
        parent.postMessage({ type: 'llm-footprint:resize', id: eid, height: 5000 }, '*');
        parent.postMessage({ type: 'llm-footprint:height', id: 'someone-else', height: 5000 }, '*');
        parent.postMessage('llm-footprint:height 5000', '*');
      }, id);
      // The right shape, but from another frame and from the host page itself.
      const other = p.frame({ url: /other\.html$/ });
      await other.evaluate(
        (eid) => parent.postMessage({ type: 'llm-footprint:height', id: eid, height: 5000 }, '*'),
        id,
      );
      await p.evaluate((eid) => window.postMessage({ type: 'llm-footprint:height', id: eid, height: 5000 }, '*'), id);
      await p.waitForTimeout(500);
      assert.equal(await height(), outer, 'no forged message changed the height');
      // Control: the same message from the embed's frame is applied (so the check above can fail).
      await frame.evaluate(
        (eid) => parent.postMessage({ type: 'llm-footprint:height', id: eid, height: 777 }, '*'),
        id,
      );
      await p.waitForFunction((el) => el.getBoundingClientRect().height === 777, handle, { timeout: 5000 });
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the custom element leaves its fallback link', async () => {
    const { context, page: p, requests } = await openHost('/element.html', 1024, { javaScriptEnabled: false });
    try {
      const link = p.locator('llm-footprint a');
      assert.ok(await link.isVisible());
      const href = await link.getAttribute('href');
      assert.ok(href.startsWith(app.url) && href.includes('model=GPT-4o'), href);
      assert.match(await link.textContent(), /GPT-4o \(Mar '25\)/);
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });
});

describe('formats, themes and the diet', () => {
  test('every documented format on one page: numbers from the precomputed files, no engine, worker or service worker', async () => {
    const { context, page: p, requests, errors } = await openHost('/formats.html', 1024);
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
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
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
    const context = await browser.newContext({ viewport: { width: 1024, height: 4000 } });
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
      await p.goto(`${host.url}formats.html`);
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
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('table headers wrap only between words at 320 px', async () => {
    const { context, page: p } = await openHost('/compare.html', 320);
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
    const { context, page: p } = await openHost('/dark.html', 800);
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
