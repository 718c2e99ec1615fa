// The embed snippets of docs/embedding.md pasted into a plain page served on another localhost port:
// the estimate appears in the iframe (iframe snippet and <llm-footprint>), the iframe is as
// tall as its content with no inner scrollbar at 320 and 1024 px, height messages of the
// wrong type, with the wrong id or from another frame are ignored, and without JavaScript
// the fallback link remains. Every request must go to the app's or the host's origin.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { chosenModel, chosenPrompt } from '../../web/src/lib/requests.js';
import { call } from '../wasm/load-engine.mjs';
import { recordRequests, serveApp, serveHost } from './embed-server.mjs';
import { distDir, launch, repoRoot } from './helpers.mjs';

const require = createRequire(import.meta.url);
const EXAMPLE = 'https://example.org/llm-footprint/';
const dataset = JSON.parse(readFileSync(`${distDir}/data/paper-v6/2025-10-26.json`, 'utf8'));
const gpt41 = dataset.models.find((m) => m.model === 'GPT-4.1');
const reference = (model, prompt) =>
  dataset.models.find((m) => m.model === model).prompts.find((p) => p.prompt === prompt).reference;

/** The ```html blocks of docs/embedding.md. */
function documentedSnippets() {
  const text = readFileSync(`${repoRoot}/docs/embedding.md`, 'utf8');
  return [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
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

describe('numbers at first paint', () => {
  test('the built landing page shows the default estimate without JavaScript, and the live app takes over with the same numbers', async () => {
    // The default dataset, model and prompt size, and the wasm engine's own answer for them.
    const manifest = JSON.parse(readFileSync(`${distDir}/data/manifest.json`, 'utf8'));
    const entry = manifest.datasets.find((d) => d.kind === 'footprint' && d.default);
    const version = entry.versions.find((v) => v.version === entry.latest);
    const fp = JSON.parse(readFileSync(`${distDir}/data/${version.file.replace(/^(public\/)?(data\/)?/, '')}`, 'utf8'));
    const model = chosenModel({}, fp);
    const prompt = chosenPrompt({ prompt: 'short' }, fp, model);
    const answer = await call({
      op: 'estimate',
      dataset: fp,
      method: { estimator: 'v6' },
      select: { models: [model], prompts: [prompt] },
    });
    const expected = answer.result.rows[0];
    const off = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await off.newPage();
      await p.goto(app.url);
      assert.ok((await p.textContent('[data-testid="prerender-query"]')).startsWith(`${model}, one ${prompt} prompt`));
      for (const [k, key] of [
        ['energy', 'energy_wh'],
        ['water', 'water_ml'],
        ['carbon', 'carbon_g'],
      ]) {
        const shown = num(await p.textContent(`.results [data-testid="${k}-mean"]`));
        assert.ok(Math.abs(shown / expected[key].mean - 1) < 0.005, `${k}: ${shown} vs ${expected[key].mean}`);
      }
      const withPrompt = fp.models.filter((m) => m.prompts.some((x) => x.prompt === prompt)).length;
      assert.equal(await p.locator('details table tbody tr').count(), withPrompt, 'every model');
    } finally {
      await off.close();
    }
    const on = await browser.newContext();
    const requests = recordRequests(on);
    try {
      const p = await on.newPage();
      await p.goto(app.url);
      await p.waitForFunction(() => document.documentElement.dataset.live === '1', null, { timeout: 30000 });
      assert.equal(await p.locator('[data-prerendered]').count(), 0, 'the prerendered copy is gone');
      const sel = '.results[aria-busy="false"] [data-testid="energy-mean"]';
      // Full precision: exactly the engine's number (the precomputed file is the engine's).
      assert.equal(Number(await p.getAttribute(sel, 'data-value')), expected.energy_wh.mean);
      assert.ok(
        requests.urls.some((u) => u.includes(`/data/precomputed/${entry.id}/${version.version}/${prompt}.json`)),
      );
      // The engine starts only for a changed assumption: PUE doubled doubles the energy.
      await p.click('details[data-testid="assumptions"] summary');
      const pue = fp.models.find((m) => m.model === model).pue;
      await p.fill('input[name="pue"]', String(2 * pue));
      await p.waitForFunction(
        (v) => {
          const el = document.querySelector('.results[aria-busy="false"] [data-testid="energy-mean"]');
          return el && Number(el.dataset.value) !== v;
        },
        expected.energy_wh.mean,
        { timeout: 30000 },
      );
      const doubled = Number(await p.getAttribute(sel, 'data-value'));
      assert.ok(Math.abs(doubled / expected.energy_wh.mean - 2) < 1e-9, `${doubled} vs 2 x ${expected.energy_wh.mean}`);
      assert.ok(
        requests.urls.some((u) => /\.wasm$/.test(u)),
        'the engine ran',
      );
    } finally {
      await on.close();
    }
  });
});

describe('"Embed this" in the app', () => {
  test('the dialog shows pinned snippets for the current view, a live preview and copies; keyboard and axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const requests = recordRequests(context);
    const p = await context.newPage();
    try {
      await p.goto(`${app.url}?v=1&view=compare&model=GPT-4.1&cb=o3&prompt=medium&ds=paper-v6%402025-10-26`);
      const button = p.locator('[data-testid="embed-open"]');
      await button.waitFor({ timeout: 20000 });
      assert.equal(await button.textContent(), 'Embed this comparison');
      await button.focus();
      await p.keyboard.press('Enter');
      const dialog = p.locator('[data-testid="embed-dialog"]');
      await dialog.waitFor();
      assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true);
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is in the dialog');
      const iframeSnippet = await p.inputValue('#embed-iframe');
      const elementSnippet = await p.inputValue('#embed-element');
      assert.ok(iframeSnippet.includes(`${app.url}embed.html?v=1&amp;view=compare&amp;ds=paper-v6%402025-10-26`));
      assert.match(elementSnippet, /<llm-footprint view="compare" dataset="paper-v6@2025-10-26" model="GPT-4.1"/);
      assert.match(elementSnippet, /compare-with="o3"/);
      assert.match(elementSnippet, /<a href="[^"]+">GPT-4.1 vs o3: one medium prompt \(llm-footprint\)<\/a>/);
      // The preview is the embed itself, resized to its content.
      const frame = await (await p.waitForSelector('[data-testid="embed-preview"]')).contentFrame();
      await frame.waitForSelector('[data-testid="result"][aria-busy="false"] [data-testid="ratio"]', {
        timeout: 30000,
      });
      await p.waitForFunction(
        () => {
          const f = document.querySelector('[data-testid="embed-preview"]');
          const inner = f.contentDocument?.querySelector('.embed-root');
          return (
            inner && Math.abs(f.getBoundingClientRect().height - Math.ceil(inner.getBoundingClientRect().height)) <= 1
          );
        },
        null,
        { timeout: 10000 },
      );
      await p.click('[data-testid="embed-element-copy"]');
      await p.waitForFunction(() =>
        document.querySelector('[data-testid="embed-dialog"]').textContent.includes('Copied.'),
      );
      assert.equal(await p.evaluate(() => navigator.clipboard.readText()), elementSnippet);
      // Configure: a third model, the chart format, the dark theme.
      await p.click('[data-testid="embed-add-model"]');
      await p.getByLabel('Comparison chart').check();
      await p.getByLabel('Dark', { exact: true }).check();
      const configured = await p.inputValue('#embed-element');
      const third = await p.inputValue('.embed-models select >> nth=2');
      assert.ok(configured.includes(`models="GPT-4.1|o3|${third}"`), configured);
      assert.match(configured, /format="chart"/);
      assert.match(configured, /theme="dark"/);
      await frame.waitForFunction(() => document.querySelectorAll('.embed-chart li').length === 3, null, {
        timeout: 30000,
      });
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
      // The hosting check: this server sends what other sites need.
      await p.waitForSelector('[data-testid="check-cors"]', { timeout: 10000 });
      assert.equal(await p.getAttribute('[data-testid="check-cors"]', 'data-ok'), 'true');
      assert.equal(await p.getAttribute('[data-testid="check-frame"]', 'data-ok'), 'true');
      // axe-core on the open dialog.
      await p.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = await p.evaluate(async () => {
        const r = await window.axe.run(document.querySelector('[data-testid="embed-dialog"]'), {
          resultTypes: ['violations'],
        });
        return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id);
      });
      assert.deepEqual(violations, []);
      // Escape closes it and focus returns to the button.
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await p.evaluate(() => document.activeElement?.dataset.testid), 'embed-open');
      // Share my estimate: a 1200 x 630 PNG of the calculator's numbers, made in the browser.
      await p.goto(`${app.url}?v=1&ds=paper-v6%402025-10-26&model=GPT-4.1`);
      await p.click('[data-testid="share-make"]', { timeout: 20000 });
      const img = await p.waitForSelector('[data-testid="share-img"]');
      await p.waitForFunction((el) => el.complete && el.naturalWidth > 0, img);
      assert.deepEqual(await img.evaluate((el) => [el.naturalWidth, el.naturalHeight]), [1200, 630]);
      assert.match(
        await img.getAttribute('alt'),
        /^One short prompt to GPT-4\.1: energy 0\.87 Wh, water 4 mL, carbon 0\.3 g CO₂e\.$/,
      );
      assert.match(await p.getAttribute('[data-testid="share-download"]', 'download'), /\.png$/);
      assert.deepEqual(requests.foreign([app.origin]), []);
    } finally {
      await context.close();
    }
  });
});

describe('the embed page itself', () => {
  for (const query of [
    'embed.html?v=1&model=GPT-4.1&ds=paper-v6%402025-10-26&eid=a',
    'embed.html?v=1&view=compare&prompt=long&cmetric=water&eid=b',
    'embed.html?v=1&ds=snapshot%402025-10-26&model=o3&eid=c',
    'embed.html?v=1&view=compare&ds=paper-v6%402025-10-26&models=GPT-4.1%7Co3%7CLLaMA-3.3+70B&fmt=chart&theme=dark&eid=d',
    'embed.html?v=1&ds=paper-v6%402025-10-26&model=o3&fmt=badge&theme=light&esize=l&eid=e',
  ]) {
    test(`axe-core finds no serious or critical violation: ${query}`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
      const requests = recordRequests(context);
      const p = await context.newPage();
      try {
        await p.goto(`${app.url}${query}`);
        await p.waitForSelector('[data-testid="result"][aria-busy="false"]', { timeout: 30000 });
        await p.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
        const violations = await p.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id);
        });
        assert.deepEqual(violations, []);
        // No horizontal scroll at 320 px (a table scrolls inside its own box).
        assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
        assert.deepEqual(requests.foreign([app.origin]), []);
      } finally {
        await context.close();
      }
    });
  }

  test('garbage in an embed URL gives the defaults, a notice naming each setting, never a blank frame', async () => {
    const context = await browser.newContext();
    const requests = recordRequests(context);
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    try {
      await p.goto(
        `${app.url}embed.html?v=x&ds=paper-v6%402025-10-26&prompt=huge&pue=-4&out=1e99&zzz=1&view=%00&eid=${'e'.repeat(500)}`,
      );
      await p.waitForSelector('[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]', {
        timeout: 30000,
      });
      const notice = await p.textContent('.embed-root ul.notice');
      for (const name of ['version', 'prompt', 'pue', 'out', 'zzz', 'view']) assert.match(notice, new RegExp(name));
      assert.equal(await p.textContent('[data-testid="model"]'), "GPT-4o (Mar '25)");
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.foreign([app.origin]), []);
    } finally {
      await context.close();
    }
  });
});
