// The first screen a member of the public sees (issue 13), in headless Chromium at a
// phone's 390 x 844: the answer inside the first viewport, one row of navigation with the
// research tools under "More", no developer text on any view with any bundled dataset, the
// Infer hardware energy table in numbers, current models with their measurement dates,
// and a person's year of questions in kWh, L and kg.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { appSession, axeViolations, distDir, serious } from './helpers.mjs';

const app = appSession();
const PHONE = { viewport: { width: 390, height: 844 } };
const manifest = JSON.parse(readFileSync(`${distDir}/data/manifest.json`, 'utf8'));
const footprints = manifest.datasets.filter((d) => d.kind === 'footprint');
const defaultEntry = footprints.find((d) => d.default) ?? footprints[0];
const DATASETS = footprints.flatMap((d) => d.versions.map((v) => `${d.id}@${v.version}`));

/** Text a visitor must never see (issue 13): field names, JSON paths, engine internals. */
const DEVELOPER = [
  /\[\]/,
  /_kwh/i,
  /_index/i,
  /(^|[\s(])\/[a-z_]+\/[a-z0-9_]+/m,
  /\bop "/,
  /wasm module/i,
  /\$data/,
  /\bundefined\b|\bNaN\b|\[object Object\]/,
];

/** Waits until nothing on the page is computing or loading (the engine answered everything). */
async function settled(page) {
  await page.waitForFunction(
    () =>
      !document.querySelector('[aria-busy="true"]') &&
      document.querySelector('.engine-status')?.dataset.status !== 'loading' &&
      !/Loading|Computing…/.test(document.querySelector('main')?.innerText ?? 'Loading'),
    null,
    { timeout: 30000 },
  );
  await page.waitForTimeout(150);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 30000 });
}

describe('the first phone screen', () => {
  test('at 390 x 844 the model picker and the first number are in the first viewport; the nav is one row', async () => {
    const page = await app.open('', PHONE);
    // The built page shows a prerendered estimate first; these checks are of the live app
    // that replaces it (the prerendered one has the same first number, without the picker).
    await page.locator('select[name="model"]').waitFor({ timeout: 20000 });
    const number = page.locator('.results[aria-busy="false"] [data-testid="energy-mean"]');
    await number.waitFor({ timeout: 20000 });
    const box = await number.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 844, `the first number spans ${box.y}..${box.y + box.height} px`);
    const picker = await page.locator('select[name="model"]').boundingBox();
    assert.ok(picker.y + picker.height <= 844, 'the model picker is on the first screen');
    const lead = await page.locator('[data-testid="lead"]').boundingBox();
    assert.ok(lead.y < 844, 'the lead sentence starts on the first screen');
    // One row of navigation: every link of the main row at the same height, nothing wider than the screen.
    const tops = await page.$$eval('nav .nav-main > li', (lis) =>
      lis.map((li) => Math.round(li.getBoundingClientRect().top)),
    );
    assert.equal(new Set(tops).size, 1, `nav rows at ${tops}`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('research tools are under More; choosing one navigates and closes the menu', async () => {
    const page = await app.open('', PHONE);
    await page.locator('nav .nav-main').waitFor({ timeout: 20000 });
    const main = await page.$$eval('nav .nav-main > li > a', (as) => as.map((a) => a.textContent));
    assert.ok(main.includes('Calculator') && main.includes('Compare'), main.join(', '));
    assert.ok(!main.includes('Infer hardware'), 'a research tool is not in the main row');
    await page.click('nav .nav-more summary');
    const more = page.locator('nav .nav-more a', { hasText: 'Infer hardware' });
    assert.ok(await more.isVisible());
    assert.deepEqual(serious(await axeViolations(page, 'header')), [], 'the open menu passes axe');
    await more.click();
    await page.waitForURL(/view=hardware/);
    assert.equal(await page.getAttribute('nav .nav-more details', 'open'), null, 'closed after the choice');
    assert.match(await page.textContent('nav .nav-more summary'), /More/);
    await page.close();
  });

  test('one plain sentence first; statistics only in Details, at full precision', async () => {
    const page = await app.open('?ds=paper-v6&model=o3&prompt=medium', PHONE);
    const lead = await page.locator('[data-testid="lead"]').textContent({ timeout: 20000 });
    // o3, medium prompt (paper v6): about 2.2 Wh; two significant figures in the sentence.
    assert.match(
      lead,
      /^One medium question to o3 uses about \d\.\d Wh of electricity, likely between [\d.]+ and [\d.]+ Wh: about /,
    );
    assert.doesNotMatch(lead, /\d\.\d\d\d/, 'no third significant digit in a sentence');
    const details = page.locator('.result-card[data-metric="energy"] details.stats');
    assert.equal(await details.getAttribute('open'), null, 'statistics are collapsed');
    await details.locator('summary').click();
    assert.match(await details.textContent(), /Standard deviation/);
    const precise = await page.textContent('[data-testid="energy-mean-precise"]');
    assert.match(precise, /^\d\.\d\d Wh$/, `three significant digits in Details: ${precise}`);
    await page.close();
  });
});

describe('no developer text, no engine error, on any view with any dataset', () => {
  test(`every view with each of ${DATASETS.length} datasets`, async () => {
    const page = await app.open('', PHONE);
    await page.locator('nav').waitFor();
    const views = await page.$$eval('nav a[href*="view="]', (as) => [
      ...new Set(as.map((a) => new URL(a.href).searchParams.get('view'))),
    ]);
    assert.ok(views.length >= 6, views.join(', '));
    const seen = [];
    for (const ds of DATASETS) {
      for (const view of views) {
        await page.goto(`${app.server.url}?view=${view}&ds=${encodeURIComponent(ds)}`);
        await settled(page);
        const text = await page.evaluate(() => document.body.innerText);
        for (const re of DEVELOPER) assert.doesNotMatch(text, re, `${view} with ${ds}`);
        assert.equal(
          await page.locator('.error-box, [data-testid="engine-error"]').count(),
          0,
          `${view} with ${ds}: ${text.slice(0, 2000)}`,
        );
        seen.push(`${view}@${ds}`);
      }
    }
    assert.deepEqual(page.errors, []);
    assert.equal(seen.length, views.length * DATASETS.length);
    await page.close();
  });

  test('a prompt size the data lack falls back to one they have, on every everyday view', async () => {
    // The 22 Aug 2026 snapshot has long prompts only.
    const page = await app.open('?ds=snapshot@2026-08-22&prompt=short&view=calc', PHONE);
    await page.locator('[data-testid="lead"]').waitFor({ timeout: 20000 });
    assert.deepEqual(await page.$$eval('input[name="prompt"]', (xs) => xs.map((x) => x.value)), ['long']);
    assert.match(await page.textContent('[data-testid="prompt-words"]'), /about 7,500 words in/);
    await page.goto(`${app.server.url}?ds=snapshot@2026-08-22&prompt=short&view=scale&sq=20`);
    await page.locator('[data-testid="scale-lead"]').waitFor({ timeout: 20000 });
    await page.goto(`${app.server.url}?ds=snapshot@2026-08-22&prompt=short&view=compare`);
    await page.locator('.compare-table tbody tr').first().waitFor({ timeout: 20000 });
    assert.ok(await page.isChecked('input[name="prompt"][value="long"]'));
    assert.equal(await page.locator('.error-box').count(), 0);
    await page.close();
  });
});

describe("the issue's checks", () => {
  test('Infer hardware: the energy per hardware hypothesis is in numbers', async () => {
    const page = await app.open('?view=hardware');
    const table = page.locator('table', {
      has: page.locator('caption', { hasText: 'Per-query footprint by hardware' }),
    });
    await table.locator('tbody tr').first().waitFor({ timeout: 30000 });
    await page.waitForFunction(
      () => ![...document.querySelectorAll('table')].some((t) => /computing/.test(t.textContent)),
      null,
      { timeout: 30000 },
    );
    const cells = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    assert.ok(cells.length >= 3, cells.join(' | '));
    for (const c of cells) assert.match(c, /^\d[\d,.]*$/, `energy cell "${c}"`);
    // Faster hardware needs less time per answer, so less energy: A100 above H100 for the same model.
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const a100 = rows.find((r) => r[0] === 'DGX A100');
    const h100 = rows.find((r) => r[0] === 'DGX H200/H100' && r[1] === a100[1]);
    assert.ok(Number(a100[2]) > 0 && Number(h100[2]) > 0, JSON.stringify(rows));
    await page.close();
  });

  test(`the default dataset (${defaultEntry.id}) holds GPT-5 and Claude 4.5 Sonnet with measurement dates`, async () => {
    const page = await app.open('', PHONE);
    await page.locator('[data-testid="lead"]').waitFor({ timeout: 20000 });
    const names = await page.$$eval('select[name="model"] option', (os) => os.map((o) => o.value));
    assert.ok(
      names.some((n) => /^GPT-5\b/.test(n)),
      'a GPT-5 model',
    );
    assert.ok(names.includes('Claude 4.5 Sonnet'), 'Claude 4.5 Sonnet');
    assert.match(
      await page.textContent('[data-testid="as-of"]'),
      /^Data as of \d{1,2} [A-Z][a-z]{2} 20\d\d; GPT-5.* measured on \d{1,2} [A-Z][a-z]{2} 20\d\d for this prompt size\.$/,
    );
    await page.selectOption('select[name="model"]', 'Claude 4.5 Sonnet');
    await page.waitForFunction(() =>
      /Claude 4\.5 Sonnet measured on/.test(document.querySelector('[data-testid="as-of"]')?.textContent),
    );
    await page.close();
  });

  test('20 questions a day for a year: kWh, L and kg, and a unit on every equivalent', async () => {
    const page = await app.open('?view=scale&sq=20&sdays=365', PHONE);
    const lead = await page.locator('[data-testid="scale-lead"]').textContent({ timeout: 20000 });
    assert.match(
      lead,
      /^20 questions a day to .+ for 365 days use about [\d.]+ kWh of electricity, [\d.]+ L of water and [\d.]+ kg CO₂e\.$/,
    );
    const totals = await page.$$eval('.scale-totals tbody td', (tds) => tds.map((t) => t.textContent));
    assert.ok(
      totals.every((t) => /\d (kWh|L|kg CO₂e)$/.test(t)),
      totals.join(' | '),
    );
    const eq = await page.$$eval(
      '[data-testid="scenario-equivalences"] li, [data-testid="day-equivalences"] li',
      (lis) => lis.map((li) => li.textContent),
    );
    assert.ok(eq.length >= 6, eq.join(' | '));
    const UNIT = /\d\s?(Wh|kWh|MWh|GWh|mL|L|m³|g|kg|t)(?=[\s),]|$)|\d (m|km) |minutes|hours|days|% of a/;
    for (const e of eq) assert.match(e, UNIT, `no unit in "${e}"`);
    assert.doesNotMatch(await page.textContent('.scale-day'), /\d{1,3}(,\d{3}){2,} /, 'no 590,742,835 Wh');
    await page.close();
  });
});
