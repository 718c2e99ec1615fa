// My use in the built app (headless Chromium): a preset and a typed workload, a year of use,
// the reverse calculator, the URL keeping it all, axe in light and dark, 320 px wide, and the
// numbers on the first phone screen.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { appSession, axeViolations, serious } from './helpers.mjs';

const app = appSession();
const { open } = app;

const parse = (text) => Number(text.replace(/[^0-9.eE+-]/g, ''));
const headline = (page) => page.waitForSelector('[data-testid="myuse-headline"]', { timeout: 30000 });

/** Wh of a text such as "3.6 kWh" or "0.41 Wh". */
const wh = (text) => {
  const [, value, unit] = text.match(/([\d.,]+)\s*(GWh|MWh|kWh|Wh)/);
  return Number(value.replace(/,/g, '')) * { Wh: 1, kWh: 1e3, MWh: 1e6, GWh: 1e9 }[unit];
};

async function waitChange(page, testid, old) {
  await page.waitForFunction(
    ([id, before]) => document.querySelector(`[data-testid="${id}"]`)?.textContent !== before,
    [testid, old],
    { timeout: 30000 },
  );
}

describe('my use', () => {
  test('a preset, a year of use, a typed workload and the reverse calculator', async () => {
    const page = await open('?view=myuse&ds=paper-v6@2025-10-26&model=GPT-4.1');
    await headline(page);
    // A quick question = the paper's short prompt: GPT-4.1's v6 reference 0.871 Wh (within 0.5 %).
    const perUse = wh(await page.textContent('[data-testid="per-use"]'));
    assert.ok(Math.abs(perUse / 0.8714 - 1) < 0.01, `${perUse}`);
    // 20 a day for a year = 7,300 uses (two significant figures in the sentence).
    const year = wh(await page.textContent('[data-testid="year-energy"]'));
    assert.ok(Math.abs(year / (0.8714 * 7300) - 1) < 0.03, `${year}`);
    // Its range says in words what it is (not one question's "likely" range).
    const range = await page.textContent('[data-testid="year-range"]');
    assert.match(range, /depending on how hard the provider’s GPUs work/);
    const [low, high] = range
      .match(/between ([\d.,]+ \w+) and ([\d.,]+ \w+)/)
      .slice(1)
      .map(wh);
    assert.ok(low < year && year < high, `${low} < ${year} < ${high}`);
    // A coding-agent session costs more than a quick question.
    const before = await page.textContent('[data-testid="per-use"]');
    await page.getByLabel('A coding-agent session').check();
    await waitChange(page, 'per-use', before);
    const agent = wh(await page.textContent('[data-testid="per-use"]'));
    assert.ok(agent > 10 * perUse, `${agent} vs ${perUse}`);
    assert.match(page.url(), /mypre=agent/);
    // My own prompt: 100 in / 300 out is the quick question again.
    await page.getByLabel('My own prompt').check();
    await page.getByLabel('Tokens in').fill('100');
    await page.getByLabel('Tokens out').fill('300');
    await page.waitForFunction(
      (want) => {
        const t = document.querySelector('[data-testid="per-use"]')?.textContent ?? '';
        return t.startsWith(want);
      },
      '0.87',
      { timeout: 30000 },
    );
    // A longer answer costs more; a bad number keeps the last result and says why.
    await page.getByLabel('Tokens out').fill('3000');
    await waitChange(page, 'per-use', '0.87 Wh');
    const longer = wh(await page.textContent('[data-testid="per-use"]'));
    assert.ok(longer > 5 * perUse, `${longer}`);
    await page.getByLabel('Tokens in').fill('-5');
    assert.ok((await page.locator('[role="alert"]').count()) >= 1);
    assert.equal(await page.getByLabel('Tokens in').inputValue(), '-5');
    // The reverse question: kettles (93.0 Wh each) per use.
    await page.getByLabel('boiling a litre in a kettle').check();
    const rev = await page.textContent('[data-testid="reverse"] li');
    assert.ok(Math.abs(parse(rev.split(' ')[0]) / (93.02 / longer) - 1) < 0.05, rev);
    await page.getByLabel('one km by car').check();
    assert.match(await page.textContent('[data-testid="reverse"]'), /one km by car/);
    // The link reproduces the view.
    const again = await open(page.url().slice(app.server.url.length));
    await headline(again);
    assert.equal(await again.getByLabel('Tokens out').inputValue(), '3000');
    assert.deepEqual(page.errors, []);
  });

  test('axe clean in light and dark, 320 px wide, numbers on the first phone screen', async () => {
    for (const scheme of ['light', 'dark']) {
      const page = await open('?view=myuse&mypre=chat&my2=GPT-4.1', { colorScheme: scheme });
      await headline(page);
      await page.waitForSelector('[data-testid="reverse"] li', { timeout: 30000 });
      const bad = serious(await axeViolations(page));
      assert.deepEqual(bad, [], `${scheme}: ${JSON.stringify(bad)}`);
    }
    const narrow = await open('?view=myuse&mypre=agent', { viewport: { width: 320, height: 800 } });
    await headline(narrow);
    const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `page is ${width} px wide at 320 px`);
    const phone = await open('?view=myuse', { viewport: { width: 390, height: 844 } });
    await headline(phone);
    const box = await phone.locator('[data-testid="year-energy"]').boundingBox();
    assert.ok(box && box.y + box.height <= 844, `year result at ${JSON.stringify(box)}`);
  });
});
