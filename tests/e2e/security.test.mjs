// The locked-down page: a Content-Security-Policy in a <meta> of both pages and in the HTTP
// headers (_headers: frame-ancestors 'self' for the app, * for the embed only), the app and
// the embed work under it with no violation, an inline script is refused, a model name
// `<img src=x onerror=alert(1)>` from the URL or from a dataset is rendered as text and runs
// nothing, no cookie or web storage is used, and no request leaves the origin.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { addNewerVersion, copyDist, EVIL, NEWER, recordRequests, serveApp } from './embed-server.mjs';
import { distDir, launch } from './helpers.mjs';

let browser;
let app;
let copy;
before(async () => {
  // A dist copy with a dataset version whose model name is an HTML payload.
  copy = copyDist();
  addNewerVersion(copy.dir);
  app = await serveApp(copy.dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  copy?.cleanup();
});

/** Directives of a policy: {name: [values]}. */
const directives = (policy) =>
  Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

const metaPolicy = (html) =>
  html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1].replace(/\s+/g, ' ');

/** Opens `query`; records requests, dialogs, CSP violations and console errors. */
async function open(query, options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const log = { dialogs: [], violations: [], errors: [] };
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss();
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) log.violations.push(m.text());
  });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${app.url}${query}`);
  return { context, page, requests, log };
}

const RESULT = '[aria-busy="false"] [data-testid="energy-mean"]';

describe('security', () => {
  test('both pages carry the CSP in a <meta>; the server sends it with the right frame-ancestors', async () => {
    for (const [file, ancestors] of [
      ['index.html', ["'self'"]],
      ['embed.html', ['*']],
    ]) {
      const meta = directives(metaPolicy(readFileSync(`${distDir}/${file}`, 'utf8')));
      const res = await fetch(`${app.url}${file}`);
      const header = directives(res.headers.get('content-security-policy'));
      assert.deepEqual(header['frame-ancestors'], ancestors, file);
      delete header['frame-ancestors'];
      assert.deepEqual(meta, header, `${file}: the <meta> and the header policy agree`);
      for (const policy of [meta]) {
        assert.deepEqual(policy['default-src'], ["'self'"]);
        assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
        assert.deepEqual(policy['connect-src'], ["'self'"]);
        assert.deepEqual(policy['object-src'], ["'none'"]);
        assert.ok(
          !JSON.stringify(policy).includes('unsafe-inline') && !JSON.stringify(policy).includes("'unsafe-eval'"),
        );
      }
      assert.equal(res.headers.get('set-cookie'), null);
    }
    // The root URL gets the app's policy too, and the worker script a policy of its own.
    assert.match((await fetch(app.url)).headers.get('content-security-policy'), /frame-ancestors 'self'/);
    const worker = readFileSync(`${distDir}/.vite/manifest.json`, 'utf8').match(/assets\/worker-[\w-]+\.js/)?.[0];
    if (worker)
      assert.match((await fetch(`${app.url}${worker}`)).headers.get('content-security-policy'), /default-src 'self'/);
  });

  for (const [name, query] of [
    ['the app', '?v=1&model=GPT-4.1'],
    ['the embed', 'embed.html?v=1&ds=paper-v6%402025-10-26&model=GPT-4.1&eid=s'],
  ]) {
    test(`${name} computes under the CSP with no violation, and an inline script is refused`, async () => {
      const { context, page, requests, log } = await open(query);
      try {
        await page.waitForSelector(RESULT, { timeout: 30000 });
        // An inline script added to the page does not run.
        const ran = await page.evaluate(async () => {
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true';
          document.head.append(s);
          await new Promise((ok) => {
            setTimeout(ok, 100);
          });
          return window.__inlineRan === true;
        });
        assert.equal(ran, false, 'inline script blocked');
        const violations = await page.evaluate(() => window.__violations);
        assert.deepEqual(
          violations.filter((v) => !v.startsWith('script-src-elem inline')),
          [],
        );
        assert.ok(violations.length >= 1, 'the blocked inline script was reported (the policy is enforced)');
        assert.deepEqual(log.errors, []);
        assert.deepEqual(requests.foreign([app.origin]), []);
      } finally {
        await context.close();
      }
    });
  }

  test('an HTML model name in the URL is text in the app and the embed, and runs nothing', async () => {
    // Pinned to the real data (in the fake newer version the name is a model).
    const old = encodeURIComponent('paper-v6@2025-10-26');
    const evil = encodeURIComponent(EVIL);
    for (const query of [
      `?v=1&ds=${old}&model=${evil}`,
      `?v=1&ds=${old}&view=compare&model=${evil}&cb=${evil}`,
      `embed.html?v=1&ds=${old}&model=${evil}&eid=${evil}`,
      `embed.html?v=1&ds=${old}&view=compare&model=GPT-4.1&cb=${evil}`,
    ]) {
      const { context, page, requests, log } = await open(query);
      try {
        await page.waitForSelector('[aria-busy="false"] [data-testid="energy-mean"], table tbody tr', {
          timeout: 30000,
        });
        await page.waitForTimeout(200);
        if (query.startsWith('embed')) {
          const notice = await page.textContent('[data-testid="unknown-model"]');
          assert.ok(notice.includes(EVIL), `the name is shown as text: ${notice}`);
        }
        assert.equal(await page.locator('img[src="x"]').count(), 0, query);
        assert.deepEqual(log.dialogs, [], query);
        assert.ok(!requests.urls.some((u) => /\/x$/.test(u)), 'no request for the image');
        assert.deepEqual(requests.foreign([app.origin]), []);
      } finally {
        await context.close();
      }
    }
  });

  test('an HTML model name from a dataset is text in the app and the embed, and runs nothing', async () => {
    const ds = encodeURIComponent(`paper-v6@${NEWER}`);
    const evil = encodeURIComponent(EVIL);
    for (const query of [
      `?v=1&ds=${ds}&model=${evil}`,
      `?v=1&ds=${ds}&view=compare`,
      `embed.html?v=1&ds=${ds}&model=${evil}&eid=e`,
      `embed.html?v=1&ds=${ds}&view=compare`,
    ]) {
      const { context, page, requests, log } = await open(query);
      try {
        await page.waitForSelector('[aria-busy="false"] [data-testid="energy-mean"], table tbody tr', {
          timeout: 30000,
        });
        await page.waitForFunction((name) => document.body.textContent.includes(name), EVIL, { timeout: 10000 });
        assert.equal(await page.locator('img[src="x"]').count(), 0, query);
        assert.deepEqual(log.dialogs, [], query);
        assert.ok(!requests.urls.some((u) => /\/x$/.test(u)), 'no request for the image');
        assert.deepEqual(requests.foreign([app.origin]), []);
      } finally {
        await context.close();
      }
    }
  });

  test('no cookie, no web storage, no IndexedDB after using the app, the embed and the dialog', async () => {
    const { context, page, requests } = await open('?v=1&model=o3');
    try {
      await page.waitForSelector(RESULT, { timeout: 30000 });
      await page.click('[data-testid="embed-open"]');
      await page.waitForSelector('[data-testid="embed-dialog"] textarea');
      await page.goto(`${app.url}embed.html?v=1&model=o3&eid=s`);
      await page.waitForSelector(RESULT, { timeout: 30000 });
      assert.deepEqual(await context.cookies(), []);
      const storage = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
        cookie: document.cookie,
      }));
      assert.deepEqual(storage, { local: 0, session: 0, idb: 0, cookie: '' });
      assert.deepEqual(requests.foreign([app.origin]), []);
    } finally {
      await context.close();
    }
  });
});
