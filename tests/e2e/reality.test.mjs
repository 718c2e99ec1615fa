// The Reality check in the built app (headless Chromium): one click from the calculator, all
// seven published figures with their tags and source links beside GPT-4o short and beside
// GPT-5 long; the "like with like" switch changes our numbers exactly as the engine (wasm,
// under Node) computes them on each figure's boundary; axe clean in light and dark; 320 px.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { loadEngine } from '../wasm/load-engine.mjs';
import { appSession, axeViolations, repoRoot, serious } from './helpers.mjs';

const app = appSession();
const { open } = app;

const readData = (rel) => JSON.parse(readFileSync(join(repoRoot, 'public', 'data', rel), 'utf8'));
const figures = readData('disclosures/2026-01-20.json').figures;
const GPT4O = "GPT-4o (Mar '25)";
const GPT5 = 'GPT-5 (high)';
// Pinned, so the expected numbers stay those of this dataset when the default changes.
const PAPER_V6 = 'paper-v6@2025-10-26';

let enginePromise;
/** Our estimate's mean for one model and prompt, as the engine computes it. */
async function engineMean(datasetFile, model, prompt, metric, overrides) {
  enginePromise ??= loadEngine();
  const engine = await enginePromise;
  const dataset = readData(datasetFile);
  const req = { op: 'estimate', dataset, select: { models: [model], prompts: [prompt] }, method: { estimator: 'v6' } };
  if (overrides) req.overrides = overrides;
  const env = JSON.parse(engine.handle(JSON.stringify(req)));
  assert.ok(env.ok, JSON.stringify(env.error));
  return env.result.rows[0][metric].mean;
}

const q = (params) => `?${new URLSearchParams(params)}`;

async function ready(page, n = 7) {
  await page.waitForSelector('[data-testid="reality-ours"]', { timeout: 30000 });
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="figure"]').length === k, n, {
    timeout: 30000,
  });
}

/** Every figure on the page: id, source link, tags and our number beside it. */
const figuresOnPage = (page) =>
  page.$$eval('[data-testid="figure"]', (lis) =>
    lis.map((li) => ({
      id: li.dataset.id,
      href: li.querySelector('h3 a')?.getAttribute('href'),
      tags: [...li.querySelectorAll('.reality-tags dt')].map((dt) => dt.textContent),
      ours: Number(li.querySelector('[data-testid="ours-here"]')?.dataset.value),
      text: li.textContent,
    })),
  );

const oursOf = async (page, id) =>
  Number(await page.getAttribute(`[data-testid="figure"][data-id="${id}"] [data-testid="ours-here"]`, 'data-value'));

describe('reality check', () => {
  test('one click from the calculator: all seven figures beside GPT-4o short, with tags and source links', async () => {
    const page = await open(q({ ds: PAPER_V6, model: GPT4O, prompt: 'short' }));
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.getByRole('link', { name: 'Compare this estimate with published figures' }).click();
    await ready(page);
    assert.match(page.url(), /view=reality/);
    const shown = await figuresOnPage(page);
    assert.deepEqual(
      shown.map((f) => f.id),
      figures.map((f) => f.id),
    );
    const want = await engineMean('paper-v6/2025-10-26.json', GPT4O, 'short', 'energy_wh');
    assert.equal(Number(await page.getAttribute('[data-testid="reality-ours"]', 'data-value')), want);
    for (const f of shown) {
      assert.equal(f.href, figures.find((x) => x.id === f.id).primary_url, f.id);
      assert.deepEqual(f.tags, ['Counts', 'Statistic', 'Workload', 'Method', 'Published'], f.id);
      assert.equal(f.ours, want, `${f.id}: switch off, ours is the paper's estimate`);
    }
    // Six figures publish an energy (Mistral's is carbon and water only): six diamonds plus our range.
    assert.equal(await page.locator('svg.dot-plot .published path').count(), 6);
    assert.equal(await page.locator('svg.dot-plot .ours rect').count(), 1);
    assert.match(shown.find((f) => f.id === 'mistral-large-2-lca-2025').text, /No energy figure published/);
    // A one-line reason for every figure with an energy, naming the ratio.
    const gaps = await page.$$eval('.reality-gap', (ps) => ps.map((p) => p.textContent));
    assert.equal(gaps.length, 6);
    for (const g of gaps) assert.match(g, /^(Ours is|Theirs is|About the same)/);
    assert.match(await page.textContent('.reality-why'), /differ by 100 times/);
    // The source links are plain links: no request leaves the origin.
    assert.ok(requests.length > 0);
    assert.deepEqual(
      requests.filter((u) => !u.startsWith(app.server.url)),
      [],
    );
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('all seven figures beside GPT-5 long (2026-08-22 snapshot)', async () => {
    const page = await open(q({ view: 'reality', ds: 'snapshot@2026-08-22', model: GPT5, prompt: 'long' }));
    await ready(page);
    const want = await engineMean('snapshot/2026-08-22.json', GPT5, 'long', 'energy_wh');
    assert.equal(Number(await page.getAttribute('[data-testid="reality-ours"]', 'data-value')), want);
    assert.match(await page.textContent('[data-testid="reality-ours"]'), /GPT-5 \(high\), long prompt/);
    const shown = await figuresOnPage(page);
    assert.equal(shown.length, 7);
    const epoch = await page.textContent('[data-testid="figure"][data-id="epoch-gpt4o-2025"] .reality-gap');
    assert.match(epoch, /^Ours is .*ours is a long prompt/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('the switch recomputes ours on each boundary, as the engine says', async () => {
    const file = 'paper-v6/2025-10-26.json';
    const page = await open(q({ view: 'reality', ds: PAPER_V6, model: GPT4O, prompt: 'short', rmetric: 'water' }));
    await ready(page);
    const paper = await engineMean(file, GPT4O, 'short', 'water_ml');
    assert.equal(await oursOf(page, 'google-gemini-2025-minimal'), paper);
    await page.getByLabel("Compare like with like: recompute ours on each figure's boundary").check();
    const minimal = await engineMean(file, GPT4O, 'short', 'water_ml', {
      boundary: 'accelerator',
      water_scope: 'site',
    });
    await page.waitForFunction(
      (v) =>
        Number(
          document.querySelector('[data-id="google-gemini-2025-minimal"] [data-testid="ours-here"]')?.dataset.value,
        ) === v,
      minimal,
      { timeout: 30000 },
    );
    assert.ok(minimal < paper / 10, `${minimal} vs ${paper}`); // cooling water of the GPUs only
    assert.equal(
      await oursOf(page, 'google-gemini-2025'),
      await engineMean(file, GPT4O, 'short', 'water_ml', { water_scope: 'site' }),
    );
    assert.equal(await oursOf(page, 'openai-altman-2025'), paper); // boundary not stated: the paper's
    assert.match(page.url(), /rlike=like/);
    assert.match(
      await page.textContent('[data-id="google-gemini-2025"] .reality-ours'),
      /not matched: idle reserve machines$/,
    );
    // Market-based carbon: only with the visitor's own factor.
    await page.getByRole('radio', { name: /Carbon/ }).check();
    await page.waitForFunction(() =>
      /market-based carbon \(enter your factor above\)/.test(
        document.querySelector('[data-id="google-gemini-2025"] .reality-ours')?.textContent ?? '',
      ),
    );
    await page.getByLabel('Your market-based carbon factor (kg CO₂e per kWh, optional)').fill('0.05');
    const market = await engineMean(file, GPT4O, 'short', 'carbon_g', {
      boundary: 'accelerator',
      water_scope: 'site',
      carbon_basis: 'market',
      market_cif_kg_per_kwh: 0.05,
    });
    await page.waitForFunction(
      (v) =>
        Number(
          document.querySelector('[data-id="google-gemini-2025-minimal"] [data-testid="ours-here"]')?.dataset.value,
        ) === v,
      market,
      { timeout: 30000 },
    );
    assert.equal(await oursOf(page, 'mistral-large-2-lca-2025'), await engineMean(file, GPT4O, 'short', 'carbon_g'));
    // Each figure's row draws our recomputed range.
    assert.equal(
      await page.locator('svg.dot-plot .ours rect').count(),
      1 + figures.filter((f) => f.carbon_g !== null).length,
    );
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('axe-core finds no serious or critical violation (light and dark, switch on); no horizontal scroll at 320 px', async () => {
    // One page for the three checks (each page load starts the engine again).
    const page = await open(q({ view: 'reality', rlike: 'like' }), {
      viewport: { width: 320, height: 640 },
      colorScheme: 'light',
    });
    await ready(page);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `page is ${width} px wide`);
    assert.deepEqual(serious(await axeViolations(page)), [], 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
    assert.deepEqual(serious(await axeViolations(page)), [], 'dark');
    await page.close();
  });
});
