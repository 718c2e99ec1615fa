// An embed's first paint in the host page (docs/embedding-speed.md, "First paint"): a blog post with
// five <llm-footprint> snippets, on another localhost port, shows every embed's numbers in the
// page itself (shadow root) from two hash-checked precomputed files, while the frames are
// held back; each frame then takes its place with the same numbers. Links the precomputed
// numbers do not answer (an assumption changed, My use), and a host page that may not read
// the calculator's files, get the frame at once. Reader's focus on a first paint is not
// lost to the swap. axe (light and dark) and 320 px on the page of first paints.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { hostErrors } from './embed-host.mjs';
import { HOST_EMBEDS, hostPage, serveApp, serveHost } from './embed-server.mjs';
import { axeViolations, launch, serious } from './helpers.mjs';

const REF = 'paper-v6@2025-10-26';
let app;
let host;
let browser;
before(async () => {
  app = await serveApp();
  host = await serveHost({
    // A post in Hebrew (right to left) around the five English embeds.
    '/post.html': hostPage(app.url, { lang: 'he', dir: 'rtl' }),
    '/mixed.html': hostPage(app.url, {
      embeds: [
        `<llm-footprint id="plain" model="GPT-4.1" dataset="${REF}"></llm-footprint>`,
        `<llm-footprint id="pue" model="GPT-4.1" dataset="${REF}" params="pue=1.5"></llm-footprint>`,
        `<llm-footprint id="myuse" view="myuse" model="GPT-4.1" dataset="${REF}"></llm-footprint>`,
      ],
    }),
    // A host page that may not read other sites' files (connect-src): no first paint.
    '/strict.html': hostPage(app.url, {
      embeds: [`<llm-footprint id="plain" model="o3" dataset="${REF}"></llm-footprint>`],
      head: `<meta http-equiv="Content-Security-Policy" content="connect-src 'none'">`,
    }),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

const RESULT = '[data-testid="result"][aria-busy="false"]';

/**
 * A new reader (fresh context) on `path`, every embed frame held back until `release()`
 * (`setup(context)` runs first: more routes):
 * {page, requests (every request: url and headers), errors (page errors, console errors and
 * warnings), release, context}.
 */
async function openHeld(path, { setup = async () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  await setup(context);
  let release;
  const gate = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(/\/embed\.html\?/, async (route) => {
    await gate;
    await route.continue();
  });
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), headers: r.headers() }));
  const page = await context.newPage();
  const errors = hostErrors(page);
  await page.goto(`${host.url}${path}`);
  return { context, page, requests, errors, release };
}

/**
 * The text of a result, without the card's everyday equivalent (the frame adds it once it has
 * the constants, which a first paint does not load); null without a result. Runs in the page.
 */
function shownText(el) {
  if (!el) return null;
  const copy = el.cloneNode(true);
  for (const eq of copy.querySelectorAll('[data-testid="equivalent"]')) eq.remove();
  return copy.textContent;
}

/** Per <llm-footprint>: its first paint's result text (or null), and whether its iframe is hidden behind it. */
async function paints(page) {
  const out = [];
  for (const el of await page.$$('llm-footprint')) {
    const result = await el.$(`div.embed ${RESULT}`);
    out.push({
      id: await el.evaluate((e) => e.id || e.getAttribute('model')),
      text: result ? await result.evaluate(shownText) : null,
      frame: await el.evaluate((e) => {
        const iframe = e.shadowRoot?.querySelector('iframe');
        return iframe ? getComputedStyle(iframe).visibility : 'none';
      }),
    });
  }
  return out;
}

const allPainted = (page, n) =>
  page.waitForFunction(
    ([sel, count]) =>
      [...document.querySelectorAll('llm-footprint')].filter((el) => el.shadowRoot?.querySelector(`div.embed ${sel}`))
        .length === count,
    [RESULT, n],
    { timeout: 20000 },
  );

test('a blog post: every embed painted in the page from two shared files, then its frame takes its place with the same numbers', async () => {
  const { context, page, requests, errors, release } = await openHeld('post.html');
  try {
    await allPainted(page, HOST_EMBEDS.length);
    const first = await paints(page);
    // The frames are there, hidden behind the first paints, and have not loaded their page.
    assert.deepEqual(
      first.map((p) => p.frame),
      HOST_EMBEDS.map(() => 'hidden'),
    );
    const files = requests.filter((r) => r.url.includes('/data/precomputed/embed/'));
    // Four embeds of short prompts and one of medium: one download per file for the page.
    assert.deepEqual(
      files.map((r) => new URL(r.url).pathname.match(/-(short|medium)-[0-9a-f]{12}\.json$/)?.[1]).sort(),
      ['medium', 'short'],
    );
    // Asked without the post's address, and nothing of the engine.
    for (const r of files) assert.equal(r.headers.referer, undefined, r.url);
    assert.deepEqual(
      requests.filter((r) => /\.wasm$|worker-|engine-|manifest\.json/.test(r.url)).map((r) => r.url),
      [],
    );
    assert.ok(first.every((p) => /\d/.test(p.text)));
    // English and left to right whatever the post's language, as the frame's page.
    assert.deepEqual(
      await page.$$eval('llm-footprint', (els) => [
        ...new Set(
          els.map((e) => {
            const d = e.shadowRoot.querySelector('div.embed');
            return `${d.lang} ${getComputedStyle(d).direction}`;
          }),
        ),
      ]),
      ['en ltr'],
    );
    // Each one names its source: the calculator's link (the badge's line is that link), the
    // pinned data version and the method.
    for (const el of await page.$$('llm-footprint')) {
      const link = await el.$('div.embed [data-testid="app-link"]');
      assert.ok((await link.getAttribute('href')).includes('ds=paper-v6%402025-10-26'));
      if ((await el.getAttribute('format')) !== 'badge')
        assert.match(
          await (await el.$('div.embed .embed-foot')).innerText(),
          /version paper-v6@2025-10-26\. Method: Jegham/,
        );
    }

    release();
    const els = await page.$$('llm-footprint');
    await Promise.all(
      first.map(async (p, i) => {
        const frame = await (await els[i].waitForSelector('iframe', { state: 'attached' })).contentFrame();
        const shown = await frame.waitForSelector(RESULT, { timeout: 30000 });
        // The frame shows what its first paint showed.
        assert.equal(await shown.evaluate(shownText), p.text, `embed ${i + 1}`);
        await page.waitForFunction(
          (e) =>
            !e.shadowRoot.querySelector('div.embed') &&
            getComputedStyle(e.shadowRoot.querySelector('iframe')).visibility === 'visible',
          els[i],
          { timeout: 20000 },
        );
      }),
    );
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});

test('an assumption changed in the link, My use, or a page that may not read the files: the frame at once, no first paint', async () => {
  const mixed = await openHeld('mixed.html');
  try {
    // Once the plain embed is painted, the others have had their turn: their frames are in
    // the page, visible, loading.
    await allPainted(mixed.page, 1);
    assert.deepEqual(
      (await paints(mixed.page)).map((p) => [p.id, p.text !== null, p.frame]),
      [
        ['plain', true, 'hidden'],
        ['pue', false, 'visible'],
        ['myuse', false, 'visible'],
      ],
    );
    mixed.release();
    const pue = await (await mixed.page.waitForSelector('#pue iframe', { state: 'attached' })).contentFrame();
    await pue.waitForSelector(`${RESULT} [data-testid="energy-mean"]`, { timeout: 30000 });
    assert.deepEqual(mixed.errors, []);
  } finally {
    mixed.release();
    await mixed.context.close();
  }
  const strict = await openHeld('strict.html');
  try {
    strict.release();
    const frame = await (
      await strict.page.waitForSelector('llm-footprint iframe', { state: 'attached' })
    ).contentFrame();
    await frame.waitForSelector(`${RESULT} [data-testid="energy-mean"]`, { timeout: 30000 });
    assert.equal((await paints(strict.page))[0].text, null);
    assert.equal((await paints(strict.page))[0].frame, 'visible');
  } finally {
    await strict.context.close();
  }
});

test('a changed precomputed file is never painted: its embeds wait for their frames, which compute', async () => {
  // The short prompts' file as a changed host or cache would serve it: every energy doubled.
  const setup = (context) =>
    context.route(/\/data\/precomputed\/embed\/paper-v6-2025-10-26-short-[0-9a-f]+\.json$/, async (route) => {
      const file = await (await route.fetch()).json();
      for (const r of file.rows) r.energy_wh.mean *= 2;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) });
    });
  const { context, page, release } = await openHeld('post.html', { setup });
  try {
    // The chart's file (medium prompts) is the build's own: painted. The others' frames are
    // in the page at once, not hidden behind anything.
    await allPainted(page, 1);
    await page.waitForFunction(
      () => [...document.querySelectorAll('llm-footprint')].every((e) => e.shadowRoot?.querySelector('iframe')),
      null,
      { timeout: 20000 },
    );
    assert.deepEqual(
      (await paints(page)).map((p) => [p.text !== null, p.frame]),
      HOST_EMBEDS.map((e) => (e.includes('format="chart"') ? [true, 'hidden'] : [false, 'visible'])),
    );
    release();
    // GPT-4.1's card, from its frame, which refuses the file too: the dataset's own number.
    const el = page.locator('llm-footprint').first();
    const card = await (await el.locator('iframe').elementHandle()).contentFrame();
    const shown = await card.waitForSelector(`${RESULT} [data-testid="energy-mean"]`, { timeout: 30000 });
    assert.equal(await shown.textContent(), '0.872');
  } finally {
    release();
    await context.close();
  }
});

test('a reader on the first paint’s link keeps it until they move on', async () => {
  const { context, page, release } = await openHeld('post.html');
  try {
    await allPainted(page, HOST_EMBEDS.length);
    const badge = page.locator('llm-footprint[format="badge"]');
    await badge.locator('div.embed a').focus();
    release();
    // Every other frame takes its place; the badge's waits for the reader.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('llm-footprint').length - 1 ===
        [...document.querySelectorAll('llm-footprint')].filter((e) => !e.shadowRoot.querySelector('div.embed')).length,
      null,
      { timeout: 30000 },
    );
    const f = await (await badge.elementHandle()).waitForSelector('iframe', { state: 'attached' });
    // Its frame has reported (a badge reports its one-line width), and stays out of the way.
    await page.waitForFunction((el) => el.style.width !== '20rem', f, { timeout: 20000 });
    assert.equal(await f.evaluate((el) => [el.style.height, getComputedStyle(el).visibility].join()), '0px,hidden');
    assert.equal(await badge.locator('div.embed a').evaluate((a) => a.matches(':focus')), true);
    await page.keyboard.press('Tab');
    await page.waitForFunction((el) => !el.shadowRoot.querySelector('div.embed'), await badge.elementHandle());
  } finally {
    release();
    await context.close();
  }
});

test('the first paints of a blog post, light and dark: no serious axe violation; at 320 px nothing wider than the screen', async () => {
  const { context, page, release } = await openHeld('post.html');
  try {
    await allPainted(page, HOST_EMBEDS.length);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      assert.deepEqual(serious(await axeViolations(page)), [], colorScheme);
    }
    await page.setViewportSize({ width: 320, height: 800 });
    const wide = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      embeds: [...document.querySelectorAll('llm-footprint')].map((e) =>
        Math.ceil(e.shadowRoot.querySelector('div.embed').getBoundingClientRect().right),
      ),
    }));
    assert.ok(wide.page <= 320, JSON.stringify(wide));
    for (const right of wide.embeds) assert.ok(right <= 320, JSON.stringify(wide));
  } finally {
    release();
    await context.close();
  }
});
