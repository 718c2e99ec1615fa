// The uncertainty panel in the built app (headless Chromium): switching PUE from fixed to a
// range widens the reported interval and is kept in the URL; the tornado's table lists the
// inputs in decreasing order of effect; the panel passes axe-core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { appSession, axeViolations, withPaperV6 } from './helpers.mjs';

const app = appSession();
// Written against paper v6's models: every page names that dataset.
const open = (query, options) => app.open(withPaperV6(query), options);

const parse = (text) => Number(text.replace(/[^0-9.eE+-]/g, ''));

async function interval(page, metric = 'energy') {
  await page.waitForSelector(`[data-testid="unc-dists"][aria-busy="false"] [data-testid="unc-${metric}-p95"]`, {
    timeout: 30000,
  });
  const p5 = parse(await page.textContent(`[data-testid="unc-${metric}-p5"]`));
  const p95 = parse(await page.textContent(`[data-testid="unc-${metric}-p95"]`));
  return { p5, p95, width: p95 - p5 };
}

describe('uncertainty panel', () => {
  test('switching PUE to a range widens the P5-P95 interval and is kept in the URL', async () => {
    const page = await open('?model=GPT-4.1&prompt=short');
    const fixed = await interval(page);
    assert.ok(fixed.width > 0);
    await page.getByLabel('PUE (data-centre overhead)').check();
    await page.waitForFunction(
      (old) => {
        const el = document.querySelector(
          '[data-testid="unc-dists"][aria-busy="false"] [data-testid="unc-energy-p95"]',
        );
        return el && Number(el.textContent.replace(/[^0-9.eE+-]/g, '')) !== old;
      },
      fixed.p95,
      { timeout: 30000 },
    );
    const ranged = await interval(page);
    assert.ok(ranged.width > fixed.width, `${ranged.width} > ${fixed.width}`);
    assert.match(page.url(), /upue=range/);
    // The link reproduces the same interval.
    const again = await open(page.url().slice(app.server.url.length));
    assert.deepEqual(await interval(again), ranged);
    assert.deepEqual(page.errors, []);
  });

  test('the tornado lists the inputs in decreasing order of effect', async () => {
    const page = await open('?model=GPT-4.1&prompt=medium&upue=range&uw=range&ubatch=range&uregion=range&uwues=range');
    await page.waitForSelector('[data-testid="unc-drivers"][aria-busy="false"] table.unc-drivers tbody tr', {
      timeout: 30000,
    });
    const rows = await page.$$eval('table.unc-drivers tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelectorAll('td')[2].textContent]),
    );
    assert.ok(rows.length >= 5, JSON.stringify(rows));
    const swings = rows.map(([, s]) => parse(s));
    for (let i = 1; i < swings.length; i += 1) assert.ok(swings[i - 1] >= swings[i], JSON.stringify(rows));
    // The chart lists the same inputs in the same order.
    const labels = await page.$$eval('svg.unc-tornado .bar-label', (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(
      labels,
      rows.map(([l]) => l),
    );
    // Water: the region first (27 Azure regions span 1.9 to 18.6 L/kWh of source water).
    await page.getByRole('radio', { name: 'Water' }).check();
    await page.waitForFunction(() =>
      /water/i.test(document.querySelector('[data-testid="unc-drivers"] figcaption')?.textContent ?? ''),
    );
    const first = await page.textContent('table.unc-drivers tbody tr th');
    assert.equal(first, 'Region');
  });

  test('the panel has no axe-core violations', async () => {
    const page = await open('?model=GPT-4.1&prompt=short&upue=range');
    await interval(page);
    const violations = await axeViolations(page, '[data-testid="uncertainty"]');
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.help}`),
      [],
    );
  });
});
