// Infer hardware and Import data in headless Chromium: the attribution view states the
// GPT-4o mini conclusion and its comparison with the paper; the example file imports,
// and its models appear in compare and ranking; a broken file lists its problems.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { appSession, axeViolations, repoRoot, serious } from './helpers.mjs';

const example = readFileSync(join(repoRoot, 'web/src/features/import/measurements-example.csv'), 'utf8');
const exampleModels = [
  ...new Set(
    example
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]),
  ),
];

const app = appSession();
const { open } = app;

describe('Infer hardware', () => {
  test('GPT-4o mini: the conclusion points to A100 and the page compares it with the paper', async () => {
    const page = await open('?view=hardware&amodel=gpt-4o-mini');
    await page.waitForSelector('[data-testid="attribution-conclusion"]', { timeout: 60000 });
    const conclusion = await page.textContent('[data-testid="attribution-conclusion"]');
    assert.match(conclusion, /OpenAI/);
    assert.match(conclusion, /DGX A100/);
    assert.match(conclusion, /rolling aggregates/);
    const note = await page.textContent('[data-testid="paper-note"]');
    assert.match(note, /0\.979/);
    assert.match(note, /finds a difference at 300 output tokens and none at 1000 and 1500/);
    assert.match(note, /as the paper concluded/);
    // The box plot has its table alternative with the four... six host | prompt cells.
    assert.equal(await page.locator('.chart-figure table tbody tr').count(), 6);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('Import data', () => {
  test('the example file imports and its models appear in compare and ranking', async () => {
    const page = await open('?view=import');
    await page.getByRole('button', { name: 'Try the example file' }).click();
    await page.waitForSelector('[data-testid="import-ok"]', { timeout: 30000 });
    assert.match(await page.textContent('[data-testid="import-ok"]'), /2 models and 6 prompt rows/);
    await page.getByRole('button', { name: /Use these models/ }).click();
    await page.waitForSelector('.compare-table tbody tr', { timeout: 30000 });
    const compared = await page.$$eval('.compare-table tbody tr th', (ths) => ths.map((t) => t.textContent.trim()));
    assert.deepEqual([...compared].sort(), [...exampleModels].sort());
    assert.match(page.url(), /ds=imported/);
    // The small file travels in the link: a fresh tab (no session storage) opens it.
    const imp = new URL(page.url()).searchParams.get('imp');
    assert.ok(imp && imp.length > 100, 'imp parameter in the URL');
    const fresh = await open(`?view=rank&ds=imported&imp=${imp}`);
    await fresh.waitForSelector('.rank-table tbody tr', { timeout: 30000 });
    const shared = await fresh.$$eval('.rank-table tbody tr th', (ths) => ths.map((t) => t.textContent));
    for (const m of exampleModels)
      assert.ok(
        shared.some((r) => r.includes(m)),
        `${m} ranked from the link: ${shared}`,
      );
    await fresh.close();
    await page.goto(`${app.server.url}?view=rank&ds=imported`);
    await page.waitForSelector('.rank-table tbody tr', { timeout: 30000 });
    const ranked = await page.$$eval('.rank-table tbody tr th', (ths) => ths.map((t) => t.textContent));
    for (const m of exampleModels)
      assert.ok(
        ranked.some((r) => r.includes(m)),
        `${m} ranked: ${ranked}`,
      );
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('imported models download as CSV that imports again to the same models', async () => {
    const page = await open('?view=import', { acceptDownloads: true });
    await page.getByRole('button', { name: 'Try the example file' }).click();
    await page.waitForSelector('[data-testid="import-ok"]', { timeout: 30000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download them as CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^model,company,host,hardware,size_class/);
    await page.fill('#import-text', csv);
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.waitForFunction(() =>
      /2 models and 6 prompt rows/.test(document.querySelector('[data-testid="import-ok"]')?.textContent ?? ''),
    );
    for (const m of exampleModels) assert.ok(csv.includes(m));
    await page.close();
  });

  test('a broken file lists every problem with its row and column', async () => {
    const page = await open('?view=import');
    const broken = example.replace(',51,', ',fast,').replace(',128,', ',-128,');
    await page.fill('#import-text', broken);
    await page.getByRole('button', { name: 'Check and import' }).click();
    await page.waitForSelector('#issues-h', { timeout: 30000 });
    assert.match(await page.textContent('#issues-h'), /2 problems/);
    const text = await page.textContent('[role="alert"]');
    assert.match(text, /"fast" is not a number/);
    assert.match(text, /row 4, column tps_p50/, 'where, in words (was the JSON pointer /rows/3/tps_p50)');
    await page.close();
  });
});

describe('accessibility and layout of the two views', () => {
  const READY = { hardware: '[data-testid="attribution-conclusion"]', import: '#import-text' };
  for (const view of Object.keys(READY)) {
    test(`axe-core finds no serious or critical violation on ${view}`, async () => {
      const page = await open(`?view=${view}`);
      await page.waitForSelector(READY[view], { timeout: 60000 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      assert.deepEqual(serious(await axeViolations(page)), []);
      await page.close();
    });

    test(`no horizontal scroll at 320 px on ${view}`, async () => {
      const page = await open(`?view=${view}`, { viewport: { width: 320, height: 640 } });
      await page.waitForSelector(READY[view], { timeout: 60000 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `page is ${width} px wide`);
      await page.close();
    });
  }
});
