// The built app (dist/) in headless Chromium: the numbers the issue lists, the URL, the
// views, keyboard use, accessibility (axe-core) and the 320 px layout.
// Needs `npx vite build` with a wasm engine that implements estimate, scale and rank.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { appSession, axeViolations, distDir, serious, withPaperV6 } from './helpers.mjs';

const dataset = JSON.parse(readFileSync(`${distDir}/data/paper-v6/2025-10-26.json`, 'utf8'));

const app = appSession();
// Every page here checks paper v6's models and numbers, so it names that dataset.
const open = (query, options) => app.open(withPaperV6(query), options);

const SCALE = { Wh: 1e-6, kWh: 1e-3, MWh: 1, GWh: 1e3, TWh: 1e6 };
/** "392 GWh" -> 392000 (MWh). */
const mwh = (text) => {
  const [, x, unit] = /([\d.,]+)\s*([kMGT]?Wh)/.exec(text);
  return Number(x.replace(/,/g, '')) * SCALE[unit];
};

/** The three per-query means of the calculator, once computed. */
async function means(page) {
  await page.waitForSelector('.results[aria-busy="false"] [data-testid="energy-mean"]', { timeout: 20000 });
  const out = {};
  // The full-precision mean in its base unit (Wh, mL, g); the text shows 2 significant figures.
  for (const m of ['energy', 'water', 'carbon'])
    out[m] = Number(await page.getAttribute(`[data-testid="${m}-mean"]`, 'data-value'));
  return out;
}

/** Waits until the calculator's `metric` mean differs from `before[metric]`. */
async function changedMeans(page, before, metric = 'energy') {
  await page.waitForFunction(
    ([m, old]) => {
      const el = document.querySelector(`.results[aria-busy="false"] [data-testid="${m}-mean"]`);
      return el && Number(el.dataset.value) !== old;
    },
    [metric, before[metric]],
    { timeout: 20000 },
  );
  return means(page);
}

describe('calculator', () => {
  test("GPT-4o (Mar '25), short prompt, shows about 0.42 Wh and notes the printed-vs-data difference", async () => {
    const page = await open();
    assert.equal(await page.inputValue('select[name="model"]'), "GPT-4o (Mar '25)");
    const m = await means(page);
    // The data give 0.413 Wh (the authors' Monte Carlo); the printed v6 Table 4 says 0.423.
    assert.ok(m.energy >= 0.405 && m.energy <= 0.425, `energy ${m.energy}`);
    // Water and carbon are energy times the Azure factors (0.3 / 1.12 + 4.35 mL/Wh; 0.34 g/Wh).
    assert.ok(Math.abs(m.water / (m.energy * (0.3 / 1.12 + 4.35)) - 1) < 0.01, `water ${m.water}`);
    assert.ok(Math.abs(m.carbon / (m.energy * 0.34) - 1) < 0.02, `carbon ${m.carbon}`);
    const notes = await page.textContent('main');
    assert.match(notes, /0\.423/, 'the method notes mention the printed 0.423 Wh');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('switching to the long prompt updates every number', async () => {
    const page = await open();
    const short = await means(page);
    await page.check('input[name="prompt"][value="long"]');
    const long = await changedMeans(page, short);
    for (const k of ['energy', 'water', 'carbon'])
      assert.ok(long[k] > short[k] * 1.5, `${k}: ${short[k]} -> ${long[k]}`);
    assert.match(page.url(), /prompt=long/);
    await page.goBack();
    assert.ok(await page.isChecked('input[name="prompt"][value="short"]'), 'Back restores the short prompt');
    assert.equal((await changedMeans(page, long)).energy, short.energy);
    await page.close();
  });

  test('with an assumption changed (through the engine) a prompt-size click shows its numbers; of two quick clicks the later wins and the earlier is never computed', async () => {
    const page = await open('?pue=1.2');
    const short = await means(page);
    await page.check('input[name="prompt"][value="long"]');
    const long = await changedMeans(page, short);
    assert.ok(long.energy > short.energy * 1.5, `energy: ${short.energy} -> ${long.energy}`);
    assert.match(page.url(), /prompt=long/);
    // Medium, then short in the same task (two quick clicks): medium's estimate is cancelled
    // before it reaches the engine, and the page shows short's numbers, and no others.
    const posted = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const prompts = [];
          const send = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (msg, ...rest) {
            if (msg?.request?.op === 'estimate') prompts.push(msg.request.select?.prompts?.join());
            return send.call(this, msg, ...rest);
          };
          const values = [];
          const sel = '.results[aria-busy="false"] [data-testid="energy-mean"]';
          const obs = new MutationObserver(() => {
            const v = document.querySelector(sel)?.dataset.value;
            if (v !== undefined && values.at(-1) !== Number(v)) values.push(Number(v));
          });
          obs.observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true });
          document.querySelector('input[name="prompt"][value="medium"]').click();
          document.querySelector('input[name="prompt"][value="short"]').click();
          setTimeout(() => {
            obs.disconnect();
            Worker.prototype.postMessage = send;
            resolve({ prompts, values });
          }, 1500);
        }),
    );
    assert.deepEqual(await means(page), short);
    assert.ok(await page.isChecked('input[name="prompt"][value="short"]'));
    assert.ok(!posted.prompts.includes('medium'), `medium's estimate never sent: ${posted.prompts}`);
    assert.deepEqual(
      posted.values.filter((v) => v !== long.energy),
      [short.energy],
      "no numbers but long's (until the answer) and short's shown",
    );
    assert.doesNotMatch(page.url(), /prompt=(medium|long)/);
    await page.close();
  });

  test('a copied URL opened in a new page shows the same numbers', async () => {
    const page = await open();
    const first = await means(page);
    await page.selectOption('select[name="model"]', 'Claude-3.7 Sonnet');
    const claude = await changedMeans(page, first);
    await page.check('input[name="prompt"][value="medium"]');
    const medium = await changedMeans(page, claude);
    await page.click('details[data-testid="assumptions"] summary');
    await page.fill('input[name="pue"]', '1.3');
    const overridden = await changedMeans(page, medium);
    assert.ok(
      Math.abs(overridden.energy / medium.energy - 1.3 / 1.14) < 0.001,
      'PUE 1.3 instead of AWS 1.14 scales energy',
    );
    const url = page.url();
    const again = await open(url.slice(app.server.url.length));
    assert.deepEqual(await means(again), overridden);
    assert.equal(await again.inputValue('input[name="pue"]'), '1.3');
    await again.close();
    await page.close();
  });

  test("choosing a region changes water and carbon by that region's factors, not energy", async () => {
    const regions = JSON.parse(readFileSync(`${distDir}/data/regions/2026-02-19.json`, 'utf8'));
    const azure = regions.providers.find((p) => p.provider === 'Azure');
    const sweden = azure.regions.find((r) => r.region === 'Sweden Central');
    const page = await open('?model=GPT-4.1');
    const before = await means(page);
    await page.click('details[data-testid="assumptions"] summary');
    await page.selectOption('select[name="region"]', 'Sweden Central');
    const after = await changedMeans(page, before, 'carbon');
    assert.equal(after.energy, before.energy);
    assert.ok(Math.abs(after.carbon / (after.energy * sweden.cif_kg_per_kwh) - 1) < 0.02, `carbon ${after.carbon}`);
    const mlPerWh = azure.wue_site_l_per_kwh / azure.pue + sweden.wue_source_l_per_kwh;
    assert.ok(Math.abs(after.water / (after.energy * mlPerWh) - 1) < 0.01, `water ${after.water}`);
    assert.ok(await page.locator('.override:has(select[name="region"]) .badge').isVisible(), 'marked as changed');
    await page.click('.override:has(select[name="region"]) button:text-is("Reset")');
    await page.waitForFunction(() => !/region=/.test(location.search));
    assert.deepEqual(await changedMeans(page, after, 'carbon'), before);
    await page.close();
  });

  test('an invalid number shows an error next to the field and keeps the other inputs', async () => {
    const page = await open('?model=o3&prompt=medium');
    const before = await means(page);
    await page.click('details[data-testid="assumptions"] summary');
    await page.fill('input[name="pue"]', 'abc');
    const field = page.locator('.field', { has: page.locator('input[name="pue"]') });
    await field.locator('.error').waitFor();
    assert.match(await field.locator('.error').textContent(), /PUE.*not a number/);
    assert.equal(await page.getAttribute('input[name="pue"]', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('input[name="pue"]'), 'abc', 'what was typed stays');
    assert.equal(await page.inputValue('select[name="model"]'), 'o3');
    assert.ok(await page.isChecked('input[name="prompt"][value="medium"]'));
    assert.deepEqual(await means(page), before, 'the last valid result stays');
    await page.fill('input[name="pue"]', '0.5');
    assert.match(await field.locator('.error').textContent(), /at least 1/);
    assert.doesNotMatch(page.url(), /pue=/);
    await page.close();
  });

  test('garbage in the URL gives the defaults plus a notice, never a blank page', async () => {
    const page = await open('?v=1&prompt=huge&pue=-4&model=%3Cscript%3E&zzz=1');
    await page.waitForSelector('.notice');
    const notice = await page.textContent('.notice');
    assert.match(notice, /prompt/);
    assert.match(notice, /pue/);
    const m = await means(page);
    assert.ok(m.energy > 0.4 && m.energy < 0.43, 'defaults: GPT-4o short');
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('an engine that cannot load shows an error state, and the next change restarts it', async () => {
    const context = await app.browser.newContext();
    await context.route(/\.wasm$/, (route) => route.abort());
    const page = await context.newPage();
    // An assumption set (the default numbers are precomputed and need no engine).
    await page.goto(`${app.server.url}${withPaperV6('?v=1&pue=1.2')}`);
    await page.waitForSelector('.engine-status[data-status="error"]', { timeout: 20000 });
    assert.match(await page.textContent('.error-box'), /engine stopped before it could answer/);
    assert.ok(await page.locator('.error-box button:text-is("Retry")').isVisible(), 'a way forward');
    assert.equal(await page.textContent('h1'), 'What does one question cost?', 'the page is still there');
    await context.unroute(/\.wasm$/);
    await page.check('input[name="prompt"][value="medium"]');
    const m = await means(page);
    assert.ok(m.energy > 1, `medium prompt computed after the restart: ${m.energy} Wh`);
    assert.equal(await page.getAttribute('.engine-status', 'data-status'), 'ready');
    await context.close();
  });

  test('keyboard only: find a model, choose it, change the prompt size', async () => {
    const page = await open();
    const first = await means(page);
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute('type'))) !== 'search' && guard++ < 40)
      await page.keyboard.press('Tab');
    assert.ok(guard < 40, 'the model filter is reachable with Tab');
    await page.keyboard.type('haiku');
    assert.match(await page.textContent('.model-picker .find .hint'), /^1 of 30 models match$/, 'a true count');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.name), 'model');
    await page.keyboard.type('Claude');
    const claude = await changedMeans(page, first);
    assert.equal(await page.inputValue('select[name="model"]'), 'Claude-3.5 Haiku');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.name), 'prompt');
    await page.keyboard.press('ArrowRight');
    await changedMeans(page, claude);
    assert.ok(await page.isChecked('input[name="prompt"][value="medium"]'));
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement.nextElementSibling).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible on the chosen size');
    await page.close();
  });
});

describe('other views', () => {
  test('compare lists every model of the dataset', async () => {
    const page = await open('?view=compare');
    await page.waitForSelector('.compare-table tbody tr', { timeout: 20000 });
    const names = await page.$$eval('.compare-table tbody th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(names.sort(), dataset.models.map((m) => m.model).sort());
    assert.equal(await page.locator('.dot-plot .dot-row').count(), dataset.models.length);
    assert.equal(await page.locator('.compare-table tr.highlight th').textContent(), "GPT-4o (Mar '25)");
    const means = await page.$$eval('.compare-table tbody td:nth-child(3)', (tds) =>
      tds.map((t) => Number(t.textContent.replace(/,/g, ''))),
    );
    assert.deepEqual(
      means,
      [...means].sort((a, b) => a - b),
      'sorted by mean, ascending',
    );
    await page.click('.compare-table th button:has-text("Model")');
    await page.waitForSelector('.compare-table th[aria-sort="ascending"]:has-text("Model")');
    const sorted = await page.$$eval('.compare-table tbody th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(
      sorted,
      [...sorted].sort((a, b) => a.localeCompare(b)),
      'sorted by name',
    );
    assert.match(page.url(), /csort=name/);
    assert.match(await page.textContent('[data-testid="ratio"]'), /uses .*×/);
    const saved = async (label) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`figure .export button:text-is("${label}")`),
      ]);
      return readFileSync(await download.path());
    };
    const csv = saved('CSV').then((b) => b.toString('utf8'));
    const lines = (await csv).split('\r\n').filter(Boolean);
    assert.match(lines[0], /^model,company,prompt,energy_wh_mean,energy_wh_sd/);
    assert.equal(lines.length, dataset.models.length + 1, 'one CSV row per model');
    assert.match((await saved('SVG')).toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.deepEqual([...(await saved('PNG')).subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
    const json = JSON.parse((await saved('JSON')).toString('utf8'));
    assert.equal(json.rows.length, dataset.models.length);
    await page.close();
  });

  test('the ranking view shows a score for each ranked model', async () => {
    const page = await open('?view=rank');
    await page.waitForSelector('.rank-table tbody tr', { timeout: 30000 });
    const scored = dataset.models.filter((m) => m.aa_intelligence_index !== null).map((m) => m.model);
    const rows = await page.$$eval('.rank-table tbody tr', (trs) =>
      trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelectorAll('td')[1].textContent]),
    );
    assert.deepEqual(rows.map((r) => r[0]).sort(), scored.sort());
    for (const [model, score] of rows) {
      const s = Number(score);
      assert.ok(s > 0 && s <= 1 + 1e-9, `${model}: score ${score}`);
    }
    await page.click('.rank-table tbody tr:first-child th button');
    await page.waitForSelector('[data-testid="explain"]');
    await page.close();
  });

  test("the GPT-4o scale preset is within 6 % of the paper's annual energy, and the paper's totals match its text", async () => {
    const page = await open('?view=scale&spreset=gpt4o');
    await page.waitForSelector('.scale-totals tbody tr', { timeout: 20000 });
    const energy = await page.$$eval('.scale-totals tbody tr:first-child td', (tds) => tds.map((t) => t.textContent));
    const low = mwh(energy[0]);
    const high = mwh(energy[2]);
    assert.ok(Math.abs(low / 391509 - 1) < 0.06, `low ${low} MWh`);
    assert.ok(Math.abs(high / 463269 - 1) < 0.06, `high ${high} MWh`);
    const eq = async (id) => page.textContent(`[data-testid="paper-equivalences"] li[data-id="${id}"]`);
    const households = await eq('household');
    assert.match(households, /precisely 36,281 – 42,931/, 'more than 35,000 U.S. households (391,509 / 10.791)');
    assert.match(households, /MWh each/, 'with its unit');
    assert.match(
      await eq('drinking_water_person_year'),
      /precisely 1\.22 million – 1\.44 million/,
      'about 1.2 million people',
    );
    assert.match(await eq('forest_acre_year'), /precisely 138,125 – 163,441/, 'about 138,000 acres');
    assert.match(await page.textContent('main'), /not published/);
    await page.close();
  });

  test('my own traffic: a year is N queries times the per-query mean; a mix must add up to 100 %', async () => {
    const calc = await open('?model=o3&prompt=medium');
    const perQuery = (await means(calc)).energy;
    await calc.close();
    const page = await open('?view=scale&model=o3&sq=2000000&sdays=365&sshort=0&smedium=100&slong=0');
    await page.waitForSelector('.scale-totals tbody tr', { timeout: 20000 });
    const mean = mwh(await page.textContent('.scale-totals tbody tr:first-child td:nth-child(3)'));
    const expected = (perQuery * 2e6 * 365) / 1e6; // Wh -> MWh
    assert.ok(Math.abs(mean / expected - 1) < 0.01, `${mean} MWh vs ${expected} (displayed to 3 digits)`);
    await page.fill('input[name="smedium"]', '90');
    await page.waitForSelector('p.error[role="alert"]');
    assert.match(await page.textContent('p.error[role="alert"]'), /add up to 100 %/);
    await page.close();
  });

  test('show the work substitutes the numbers step by step', async () => {
    const page = await open('?view=work');
    await page.waitForFunction(() => document.querySelectorAll('code.eq').length >= 8, null, { timeout: 20000 });
    const text = await page.textContent('ol.steps');
    assert.match(text, /E\[T\] = /);
    assert.match(text, /P_min = 5\.6 × 0\.055 \+ 4\.6 × 0\.0625 = 0\.5955 kW/);
    assert.match(text, /factor = 0\.3 \/ 1\.12 \+ 4\.35 = 4\.618 mL per Wh/);
    await page.close();
  });
});

const VIEWS = ['calc', 'work', 'compare', 'rank', 'scale'];
/** What is on screen once a view has its numbers. */
const READY = {
  calc: '.results[aria-busy="false"]',
  work: 'code.eq >> nth=7',
  compare: '.compare-table tbody tr',
  rank: '.rank-table tbody tr',
  scale: '.scale-totals tbody tr',
};

describe('accessibility and layout', () => {
  for (const view of VIEWS) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe-core finds no serious or critical violation on ${view} (${colorScheme})`, async () => {
        const page = await open(`?view=${view}${view === 'scale' ? '&spreset=gpt4o' : ''}`, { colorScheme });
        await page.waitForSelector(READY[view], { timeout: 20000 });
        // Audit the closed panels too (assumptions, tables, notes).
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
        assert.deepEqual(serious(await axeViolations(page)), []);
        await page.close();
      });
    }

    test(`no horizontal scroll at 320 px on ${view}`, async () => {
      const page = await open(`?view=${view}${view === 'scale' ? '&spreset=gpt4o' : ''}`, {
        viewport: { width: 320, height: 640 },
      });
      await page.waitForSelector(READY[view], { timeout: 20000 });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `page is ${width} px wide`);
      await page.close();
    });
  }

  test('zoom is allowed and dark mode is honoured', async () => {
    const page = await open();
    const viewport = await page.getAttribute('meta[name="viewport"]', 'content');
    assert.doesNotMatch(viewport, /user-scalable=no|maximum-scale/);
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(21, 24, 27)');
    await page.close();
  });
});
