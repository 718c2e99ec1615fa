// The app side of embedding and the embed page on its own (split from embed.test.mjs): the
// landing page prerendered with the precomputed estimate (without JavaScript, then the live
// app with the same numbers; the engine only for a changed assumption), the "Embed this"
// dialog (snippets, preview, copy, hosting check, axe, share image), the embed page's axe
// audits at 320 px and its answer to garbage in its URL, and a changed precomputed file on
// the host (never shown: the embed computes the genuine number). Every request must stay
// on the app's origin.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { chosenModel, chosenPrompt } from '../../web/src/lib/requests.js';
import { call } from '../wasm/load-engine.mjs';
import { copyDist, recordRequests, serveApp } from './embed-server.mjs';
import { distDir, launch } from './helpers.mjs';

const require = createRequire(import.meta.url);
const num = (text) => Number(text.replace(/[^0-9.eE+-]/g, ''));

let app;
let browser;
before(async () => {
  app = await serveApp();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
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
    // No service worker: its install would fetch the whole precache (the .wasm too) behind the test.
    const on = await browser.newContext({ serviceWorkers: 'block' });
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
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, serviceWorkers: 'block' });
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
      assert.equal(await p.getAttribute('[data-testid="check-first-paint"]', 'data-ok'), 'true');
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
  test('a precomputed file changed on the host is never shown: the embed computes the genuine number', async () => {
    const changed = copyDist();
    const server = await serveApp(changed.dir);
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const requests = recordRequests(context);
    try {
      // The embed's precomputed file of paper v6, short prompts: every number x 10.
      const folder = join(changed.dir, 'data/precomputed/embed');
      const name = readdirSync(folder).find((f) => f.startsWith('paper-v6-2025-10-26-short-'));
      assert.ok(name, 'the build has the embed file of paper v6, short prompts');
      const file = JSON.parse(readFileSync(join(folder, name), 'utf8'));
      const gpt4o = file.rows.find((r) => r.model === "GPT-4o (Mar '25)");
      const genuine = gpt4o.energy_wh.mean;
      for (const r of file.rows) for (const k of ['energy_wh', 'water_ml', 'carbon_g']) r[k].mean *= 10;
      writeFileSync(join(folder, name), `${JSON.stringify(file)}\n`);
      const page = await context.newPage();
      await page.goto(`${server.url}embed.html?v=1&ds=paper-v6%402025-10-26&model=GPT-4o+%28Mar+%2725%29&eid=x`);
      const sel = '[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]';
      await page.waitForSelector(sel, { timeout: 30000 });
      const shown = num(await page.textContent(sel));
      // The engine's own answer (3 significant figures), never the changed file's (10 x).
      assert.ok(Math.abs(shown / genuine - 1) < 0.01, `${shown} Wh vs the genuine ${genuine} Wh`);
      assert.ok(
        requests.urls.some((u) => /\.wasm$/.test(u)),
        'the engine computed it',
      );
      assert.deepEqual(requests.foreign([server.origin]), []);
    } finally {
      await context.close();
      await server.close();
      changed.cleanup();
    }
  });
});
