// The lesson (Learn view), the glossary, Show the work for two models, Rank in plain words
// and the print stylesheet, in the built app (dist/). Numbers are checked against the wasm
// engine run here under Node on the same dataset file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { call } from '../wasm/load-engine.mjs';
import { appSession, axeViolations, distDir, serious, withPaperV6 } from './helpers.mjs';

const paper = JSON.parse(readFileSync(`${distDir}/data/paper-v6/2025-10-26.json`, 'utf8'));
const app = appSession();
// The numbers below are checked against paper v6 (the app's default is the latest data).
const open = (query, options) => app.open(withPaperV6(query), options);

/** The engine's rows for a selection of the paper-v6 dataset, defaults as the app sends them. */
async function engineRows(models, prompts) {
  const env = await call({ op: 'estimate', dataset: paper, method: { estimator: 'v6' }, select: { models, prompts } });
  assert.ok(env.ok, JSON.stringify(env.error));
  return env.result.rows;
}
const rowOf = (rows, model, prompt) => rows.find((r) => r.model === model && r.prompt === prompt);

/** The full-precision values of the facts shown in `scope` once they are all numbers. */
async function facts(page, scope) {
  await page.waitForFunction(
    (s) => {
      const all = [...document.querySelectorAll(`${s} data[data-fact]`)];
      return all.length > 0 && all.every((d) => Number.isFinite(Number(d.value)));
    },
    scope,
    { timeout: 20000 },
  );
  return page.evaluate(
    (s) =>
      Object.fromEntries(
        [...document.querySelectorAll(`${s} data[data-fact]`)].map((d) => [d.dataset.fact, Number(d.value)]),
      ),
    scope,
  );
}

const heading = (page) => page.textContent('.learn-screen h2');
const focusedIs = (page, selector) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Presses Tab until the focus is on `selector` (at most `max` presses); fails otherwise. */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await focusedIs(page, selector)) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

describe('learn: the walkthrough', () => {
  test('from the first step to the last question with the keyboard only', async () => {
    const page = await open('?view=learn');
    await page.waitForSelector('.learn-screen[data-step="tokens"]');
    const seen = [];
    for (let i = 0; i < 12; i++) {
      const step = await page.getAttribute('.learn-screen', 'data-step');
      seen.push(step);
      if (step === 'time') {
        // The step's control, by keyboard: a longer answer takes longer.
        const before = await facts(page, '.learn-screen');
        await tabTo(page, 'input[name="learn-out"]');
        for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
        await page.waitForFunction(
          (t) => Number(document.querySelector('data[data-fact="time"]')?.value) > t,
          before.time,
          { timeout: 20000 },
        );
      } else if (step.startsWith('q-')) {
        // Predict (the first option, Space), then reveal (Enter).
        await tabTo(page, '.learn-screen input[type="radio"]');
        await page.keyboard.press('Space');
        await tabTo(page, '.learn-actions button');
        await page.keyboard.press('Enter');
        await page.waitForSelector('.reveal [data-answer]', { timeout: 20000 });
        assert.match(await page.textContent('.reveal'), /Answer: /);
      } else {
        const values = await facts(page, '.learn-screen');
        assert.ok(Object.keys(values).length > 0, `${step} shows numbers`);
      }
      if (step === 'published') {
        // The reality check (another view) sets the published figures side by side.
        assert.match(await page.textContent('.learn-screen a[href*="view=reality"]'), /reality check/);
      }
      if (i < 11) {
        const title = await heading(page);
        await tabTo(page, '[data-nav="next"]');
        await page.keyboard.press('Enter');
        await page.waitForFunction((t) => document.querySelector('.learn-screen h2')?.textContent !== t, title);
        // The focus moves in an effect after the new step renders: wait for it (briefly).
        await page
          .waitForFunction(() => document.activeElement?.matches('.learn-screen h2'), null, { timeout: 5000 })
          .catch(() => {});
        assert.ok(await focusedIs(page, '.learn-screen h2'), 'the new step’s heading has the focus');
      }
    }
    assert.deepEqual(seen, [
      'tokens',
      'time',
      'power',
      'energy',
      'water',
      'carbon',
      'reasoning',
      'published',
      'q-pair',
      'q-water',
      'q-effort',
      'q-year',
    ]);
    assert.ok(await page.isDisabled('[data-nav="next"]'), 'the last screen has no next');
    assert.match(page.url(), /lstep=12/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test('presenter mode at 1280 x 720: no site navigation, every step fits the screen, arrow keys move', async () => {
    const page = await open('?view=learn&lpres=1', { viewport: { width: 1280, height: 720 } });
    await page.waitForSelector('.learn-screen[data-step="tokens"]');
    assert.equal(await page.isVisible('header.site nav'), false, 'the site navigation is hidden');
    for (let i = 0; i < 12; i++) {
      const step = await page.getAttribute('.learn-screen', 'data-step');
      if (step.startsWith('q-')) {
        await page.click('.learn-actions button');
        await page.waitForSelector('.reveal [data-answer]', { timeout: 20000 });
      } else await facts(page, '.learn-screen');
      const fit = await page.evaluate(() => ({
        scroll: document.documentElement.scrollHeight,
        bottom: document.querySelector('.learn-nav').getBoundingClientRect().bottom,
        size: parseFloat(getComputedStyle(document.querySelector('.learn-screen p:not(.learn-count)')).fontSize),
      }));
      assert.ok(fit.scroll <= 720 && fit.bottom <= 720, `${step}: ${JSON.stringify(fit)}`);
      assert.ok(fit.size >= 19, `${step}: large type (${fit.size} px)`);
      await page.locator('.learn-screen h2').focus();
      await page.keyboard.press('ArrowRight');
      if (i < 11) await page.waitForFunction((s) => document.querySelector('.learn-screen')?.dataset.step !== s, step);
    }
    await page.keyboard.press('Home');
    await page.waitForSelector('.learn-screen[data-step="tokens"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('header.site nav', { state: 'visible' });
    assert.doesNotMatch(page.url(), /lpres=1/);
    await page.close();
  });

  test('the reasoning step with four effort levels (snapshot data) fits the projector too', async () => {
    const page = await open('?view=learn&lpres=1&ds=snapshot&lstep=7', { viewport: { width: 1280, height: 720 } });
    await page.waitForFunction(() => document.querySelectorAll('data[data-fact^="energy:"]').length === 4, null, {
      timeout: 20000,
    });
    const values = await facts(page, '.learn-screen');
    for (const m of ['GPT-5 (minimal)', 'GPT-5 (low)', 'GPT-5 (medium)', 'GPT-5 (high)'])
      assert.ok(values[`energy:${m}`] > 0, m);
    assert.ok(values['energy:GPT-5 (high)'] > values['energy:GPT-5 (minimal)'] * 2);
    assert.ok((await page.evaluate(() => document.documentElement.scrollHeight)) <= 720);
    await page.close();
  });
});

describe('learn: predict, then reveal', () => {
  test('the revealed answers are the engine’s numbers for the dataset', async () => {
    const gpt4o = "GPT-4o (Mar '25)";
    const rows = [
      ...(await engineRows(['o3', 'GPT-4.1 nano'], ['short', 'long'])),
      ...(await engineRows([gpt4o], ['short'])),
      ...(await engineRows(['o3-mini', 'o3-mini (high)'], ['short'])),
    ];
    const page = await open('?view=learn&lstep=9');
    const reveal = async (step) => {
      await page.click(`[data-goto="${step}"]`);
      await page.click('.learn-actions button');
      await page.waitForSelector('.reveal [data-answer]', { timeout: 20000 });
      return {
        f: await facts(page, '.reveal'),
        answer: await page.getAttribute('.reveal [data-answer]', 'data-answer'),
      };
    };

    const pair = await reveal('q-pair');
    const o3 = rowOf(rows, 'o3', 'short').energy_wh.mean;
    const nano = rowOf(rows, 'GPT-4.1 nano', 'long').energy_wh.mean;
    assert.equal(pair.f.a, o3);
    assert.equal(pair.f.b, nano);
    assert.equal(pair.answer, o3 > nano * 1.1 ? 'a' : nano > o3 * 1.1 ? 'b' : 'same');

    const water = await reveal('q-water');
    const g = rowOf(rows, gpt4o, 'short');
    assert.equal(water.f.total, g.water_ml.mean);
    // On-site water: IT energy (E / PUE) times WUE_site (Azure 0.3 L/kWh, PUE 1.12).
    assert.ok(Math.abs(water.f.onsite - (g.energy_wh.mean / 1.12) * 0.3) < 1e-12);
    assert.equal(water.answer, 'lt25', 'Azure: 0.27 of 4.6 mL per Wh is on site');

    const effort = await reveal('q-effort');
    const lo = rowOf(rows, 'o3-mini', 'short').energy_wh.mean;
    const hi = rowOf(rows, 'o3-mini (high)', 'short').energy_wh.mean;
    assert.equal(effort.f.lo, lo);
    assert.equal(effort.f.hi, hi);
    // The numbers: 0.67 vs 3.00 Wh at 300 output tokens, first token after 4.2 s vs 25.2 s.
    assert.ok(Math.abs(lo - 0.674) < 0.005 && Math.abs(hi - 3.0) < 0.02, `${lo} ${hi}`);
    assert.ok(Math.abs(effort.f.lo_ttft - 4.24) < 0.01 && Math.abs(effort.f.hi_ttft - 25.2) < 0.05);
    assert.equal(effort.answer, '2to5');

    const year = await reveal('q-year');
    assert.equal(year.f.per_query, g.energy_wh.mean);
    assert.ok(Math.abs(year.f.year - (g.energy_wh.mean * 7300) / 1000) < 1e-12);
    assert.equal(year.answer, g.energy_wh.mean * 7.3 < 1 ? 'lt1' : g.energy_wh.mean * 7.3 < 10 ? '1to10' : '10to100');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});

describe('glossary', () => {
  test('every term linked from a view resolves on the glossary page', async () => {
    const page = await open('?view=calc');
    const used = new Set();
    const collect = async () => {
      // Every disclosure of the page's content (not the navigation's More menu).
      await page.evaluate(() => document.querySelectorAll('main details').forEach((d) => (d.open = true)));
      for (const id of await page.$$eval('[data-term]', (els) => els.map((e) => e.dataset.term))) used.add(id);
    };
    await page.waitForSelector('[data-term="pue"]', { state: 'attached' });
    await collect();
    for (const q of ['?view=work', '?view=rank', '?view=learn']) {
      await page.goto(`${app.server.url}${q}`);
      await page.waitForSelector('[data-term]', { state: 'attached' });
      await collect();
    }
    // The lesson on one page (every step and question).
    await page.check('.learn-bar input[type="checkbox"]');
    await page.waitForSelector('.learn-screen[data-step="q-year"]');
    await collect();
    assert.ok(used.size >= 25, `${used.size} terms linked`);
    await page.goto(`${app.server.url}?view=glossary`);
    await page.waitForSelector('.glossary dt');
    const missing = [];
    for (const id of used) if (!(await page.$(`dt#term-${id}`))) missing.push(id);
    assert.deepEqual(missing, []);
    await page.close();
  });

  test('a term opens its definition in place with the keyboard and leads to the glossary', async () => {
    const page = await open('?view=calc');
    await page.click('[data-testid="assumptions"] > summary');
    const term = page.locator('[data-term="pue"] button');
    await term.focus();
    await page.keyboard.press('Enter');
    assert.equal(await term.getAttribute('aria-expanded'), 'true');
    // The glossary's text loads on the first open.
    await page.waitForSelector('[data-term="pue"] .term-def a');
    const def = page.locator('[data-term="pue"] .term-def');
    assert.match(await def.textContent(), /Power usage effectiveness/);
    await page.keyboard.press('Escape');
    assert.equal(await term.getAttribute('aria-expanded'), 'false');
    assert.ok(await focusedIs(page, '[data-term="pue"] button'), 'Escape returns the focus to the term');
    // The PUE field still names itself in its error message.
    await page.fill('input[name="pue"]', 'abc');
    assert.match(await page.textContent('.field:has(input[name="pue"]) .error'), /^PUE: "abc" is not a number/);
    await page.keyboard.press('Shift+Tab');
    await term.focus();
    await page.keyboard.press('Enter');
    await page.click('[data-term="pue"] a');
    await page.waitForSelector('.glossary');
    assert.match(page.url(), /view=glossary.*#term-pue$/);
    await page.waitForFunction(() => document.activeElement?.id === 'term-pue');
    await page.fill('.glossary input[type="search"]', 'cooling');
    await page.waitForSelector('dt#term-dea', { state: 'detached' });
    assert.ok(await page.$('dt#term-wue-site'), 'on-site water mentions cooling');
    await page.close();
  });
});

describe('show the work, rank, print', () => {
  test('show the work puts two models side by side, each with the engine’s numbers', async () => {
    const page = await open(`?view=work&model=o3-mini&m2=${encodeURIComponent('o3-mini (high)')}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="work-b"] code.eq').length >= 8, null, {
      timeout: 20000,
    });
    const rows = await engineRows(['o3-mini', 'o3-mini (high)'], ['short']);
    for (const [id, model] of [
      ['work-a', 'o3-mini'],
      ['work-b', 'o3-mini (high)'],
    ]) {
      const text = await page.textContent(`[data-testid="${id}"]`);
      const shown = Number(/E = 0\.5 × [0-9.]+ \+ 0\.5 × [0-9.]+ = ([0-9.]+) Wh/.exec(text)[1]);
      const mean = rowOf(rows, model, 'short').energy_wh.mean;
      assert.ok(Math.abs(shown / mean - 1) < 5e-4, `${model}: ${shown} vs ${mean}`);
    }
    await page.selectOption('select[name="m2"]', '');
    await page.waitForFunction(() => !document.querySelector('[data-testid="work-b"]'));
    assert.doesNotMatch(page.url(), /m2=/);
    await page.close();
  });

  test('rank explains its settings in words, without field names', async () => {
    const page = await open('?view=rank&rsel=o3');
    await page.waitForSelector('[data-testid="explain"]', { timeout: 20000 });
    const text = await page.textContent('main');
    assert.match(await page.textContent('[data-testid="rts-sentence"]'), /twice the resources must give twice/);
    assert.match(await page.textContent('[data-testid="method-sentence"]'), /makes the other models look worst/);
    assert.doesNotMatch(text, /\b[a-z]+_[a-z_]+\b/, 'no raw field name on the page');
    assert.doesNotMatch(text, /CCR|BCC|λ/);
    await page.close();
  });

  test('print: no navigation or buttons; tables, charts, the source and the link are printed', async () => {
    const page = await open('?view=rank');
    await page.waitForSelector('.rank-table tbody tr', { timeout: 20000 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('header.site nav'), false);
    const buttons = await page.$$eval('button:not(.term-button)', (els) => els.filter((e) => e.offsetParent).length);
    assert.equal(buttons, 0, 'no visible button');
    assert.ok(await page.isVisible('.rank-table'));
    assert.ok(await page.isVisible('figure svg'));
    assert.match(await page.textContent('footer.site'), /arXiv 2505\.09598/);
    assert.ok(await page.isVisible('[data-testid="print-link"]'));
    assert.match(await page.textContent('[data-testid="print-link"]'), /view=rank/);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.isVisible('[data-testid="print-link"]'), false, 'the link prints only');
    // The lesson as a worksheet, even from presenter mode.
    const lesson = await open('?view=learn&lpres=1');
    await lesson.waitForSelector('.learn-screen');
    await lesson.emulateMedia({ media: 'print' });
    assert.equal(await lesson.isVisible('.learn-nav'), false);
    assert.ok(await lesson.isVisible('footer.site'));
    await lesson.close();
    await page.close();
  });
});

describe('accessibility and layout of the new views', () => {
  const PAGES = [
    ['?view=learn&lstep=7', '.effort-table tbody tr'],
    ['?view=learn&lpres=1&lstep=10', '.learn-actions button'],
    ['?view=glossary', '.glossary dt'],
    [`?view=work&model=o3&m2=${encodeURIComponent('GPT-4.1')}`, '[data-testid="work-b"] code.eq >> nth=7'],
  ];
  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no serious or critical violation (${colorScheme})`, async () => {
      for (const [q, ready] of PAGES) {
        const page = await open(q, { colorScheme });
        await page.waitForSelector(ready, { timeout: 20000 });
        if (q.includes('lstep=10')) {
          await page.click('.learn-actions button');
          await page.waitForSelector('.reveal [data-answer]', { timeout: 20000 });
        }
        // An open definition too (the glossary page itself has none).
        if (await page.$('.term-button')) await page.locator('.term-button').first().click();
        assert.deepEqual(serious(await axeViolations(page)), [], q);
        await page.close();
      }
    });
  }

  test('no horizontal scroll at 320 px', async () => {
    for (const [q, ready] of PAGES) {
      const page = await open(q, { viewport: { width: 320, height: 640 } });
      await page.waitForSelector(ready, { timeout: 20000 });
      if (await page.$('.term-button')) await page.locator('.term-button').first().click();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${q}: page is ${width} px wide`);
      await page.close();
    }
  });
});
