// The Trends view in the built app (headless Chromium): a model's year from the daily data
// with the authors' published values, a second model, the monthly table, a date range
// that is wrong in words, URL state, export, axe-core (light and dark) and 320 px.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { appSession, axeViolations, distDir, serious } from './helpers.mjs';

const app = appSession();
const { open } = app;
const file = (name) => JSON.parse(readFileSync(`${distDir}/data/daily/2026-08-22/${name}.json`, 'utf8'));
const READY = '[data-testid="trend-result"][aria-busy="false"] > .table-scroll tbody tr';

describe('trends', () => {
  test("a model's long prompt over the year, with the published values, a second model, URL state and export", async () => {
    const page = await open('?view=trends');
    await page.waitForSelector(READY, { timeout: 30000 });
    const gpt5 = file('gpt-5-high').prompts.find((p) => p.prompt === 'long');
    // Daily table: one row per day of the file, the last day's published mean as the authors wrote it.
    await page.click('figure details.table-alt summary');
    const rows = page.locator('figure table.data tbody tr');
    assert.equal(await rows.count(), gpt5.days);
    const last = rows.nth(gpt5.days - 1);
    assert.equal(await last.locator('td').first().textContent(), 'GPT-5 (high)');
    const published = Number((await last.locator('td').nth(4).textContent()).replace(/,/g, ''));
    const want = gpt5.energy_wh_mean.at(-1);
    assert.ok(Math.abs(published / want - 1) < 0.005, `${published} vs ${want}`);
    const summary = await page.textContent('[data-testid="trend-summary"]');
    assert.match(summary, /GPT-5 \(high\).*per prompt on 22 August 2026/);
    // The chart: a line and a band, the published reference line, the three event markers.
    assert.equal(await page.locator('.trend-chart path.mean').count(), 1);
    assert.equal(await page.locator('.trend-chart path.published').count(), 1);
    assert.equal(await page.locator('.trend-chart .event').count(), 3);
    assert.match(await page.textContent('main'), /every day repeats the measurements of 18 May 2026/);
    // Monthly table: Sep 2025 in the v4 grid period, Aug 2026 at the end.
    const monthly = await page.textContent('article > section > .table-scroll table');
    assert.match(monthly, /Sep 2025/);
    assert.match(monthly, /Aug 2026/);

    await page.selectOption('select[name="tm1"]', 'claude-4-5-sonnet');
    await page.waitForFunction(() => document.querySelectorAll('.trend-chart path.mean').length === 2, null, {
      timeout: 30000,
    });
    assert.match(page.url(), /tm=gpt-5-high%2Cclaude-4-5-sonnet|tm=gpt-5-high,claude-4-5-sonnet/);
    await page.check('input[name="tmetric"][value="carbon"]');
    await page.waitForFunction(() =>
      /g CO₂e/.test(document.querySelector('[data-testid="trend-summary"]')?.textContent),
    );
    const url = page.url();
    const again = await open(url.slice(app.server.url.length));
    await again.waitForSelector(READY, { timeout: 30000 });
    assert.equal(await again.locator('.trend-chart path.mean').count(), 2);
    assert.ok(await again.isChecked('input[name="tmetric"][value="carbon"]'));
    const [download] = await Promise.all([
      again.waitForEvent('download'),
      again.click('figure .export button:text-is("CSV")'),
    ]);
    const csv = readFileSync(await download.path(), 'utf8')
      .split('\r\n')
      .filter(Boolean);
    const sonnet = file('claude-4-5-sonnet').prompts.find((p) => p.prompt === 'long');
    assert.equal(csv.length, 1 + gpt5.days + sonnet.days);
    assert.match(csv[0], /^date,model,prompt,method,energy_wh_mean/);
    assert.deepEqual(again.errors, []);
    await again.close();
    await page.close();
  });

  test('a start date after the end date is explained in words and nothing typed is lost', async () => {
    const page = await open('?view=trends&tp=medium&tfrom=2026-06-01&tto=2026-01-01');
    await page.waitForSelector('p.error[role="alert"]');
    assert.match(await page.textContent('p.error[role="alert"]'), /start date \(2026-06-01\) is after the end date/);
    assert.equal(await page.inputValue('input[name="tfrom"]'), '2026-06-01');
    await page.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no serious or critical violation (${colorScheme})`, async () => {
      const page = await open('?view=trends&tm=gpt-5-high,claude-4-5-sonnet', { colorScheme });
      await page.waitForSelector(READY, { timeout: 30000 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      assert.deepEqual(serious(await axeViolations(page)), []);
      await page.close();
    });
  }

  test('no horizontal scroll at 320 px', async () => {
    const page = await open('?view=trends', { viewport: { width: 320, height: 640 } });
    await page.waitForSelector(READY, { timeout: 30000 });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `page is ${width} px wide`);
    await page.close();
  });
});

describe('trends embed', () => {
  test('"Embed this chart" gives snippets of the view as it is; the embed shows the same line and summary', async () => {
    const page = await open('?view=trends&tm=claude-4-5-sonnet&tp=long&tmetric=water');
    await page.waitForSelector(READY, { timeout: 30000 });
    const appSummary = await page.textContent('[data-testid="trend-summary"]');
    await page.click('[data-testid="embed-open"]');
    const iframe = await page.inputValue('#view-embed-iframe');
    assert.match(iframe, /embed\.html\?[^"]*view=trends/);
    assert.match(iframe, /tm=claude-4-5-sonnet/);
    assert.match(iframe, /tmetric=water/);
    const src = /src="([^"]+)"/.exec(iframe)[1].replace(/&amp;/g, '&');
    // The embed on its own, as a reader of a blog post would load it.
    const embed = await open(src.slice(app.server.url.length));
    await embed.waitForSelector('[data-testid="result"][aria-busy="false"] .trend-chart path.mean', { timeout: 30000 });
    assert.match(await embed.textContent('h1'), /^Claude 4\.5 Sonnet.*: water of one long prompt, day by day$/);
    // The same sentence as the app's, computed by the same engine from the same daily file.
    assert.equal(await embed.textContent('[data-testid="trend-summary"]'), appSummary);
    assert.equal(await embed.locator('.trend-chart path.published').count(), 1);
    assert.deepEqual(serious(await axeViolations(embed)), []);
    assert.deepEqual(embed.errors, []);
    await embed.close();
    await page.close();
  });
});
