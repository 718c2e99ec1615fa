// Offline use: after one visit the service worker has precached the app, the wasm engine and
// the datasets, so with the server stopped a reload of the app and of an embed still
// computes an estimate. An update (a new build) is installed on the next visit without
// breaking a page that is already open, and is what the visit after that gets.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { copyDist, recordRequests, serveApp } from './embed-server.mjs';
import { launch } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const RESULT = '[aria-busy="false"] [data-testid="energy-mean"]';

/** Waits until the page is controlled by an activated service worker. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((ok) => {
        navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true });
      });
  });
}

/** Polls an async predicate in the page (waitForFunction does not await a promise). */
async function until(page, predicate, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await page.evaluate(predicate)) return;
    await page.waitForTimeout(200);
  }
  assert.fail(`timed out waiting for ${predicate}`);
}

async function energy(page) {
  await page.waitForSelector(RESULT, { timeout: 30000 });
  return page.textContent(RESULT);
}

describe('offline', () => {
  test('after one visit, the app and an embed compute with the server stopped', async () => {
    const copy = copyDist();
    const app = await serveApp(copy.dir);
    const context = await browser.newContext();
    const requests = recordRequests(context);
    try {
      const page = await context.newPage();
      await page.goto(`${app.url}?v=1&model=GPT-4.1&prompt=medium`);
      const online = await energy(page);
      await controlled(page);
      // Everything the service worker precached is from this origin.
      const cached = await page.evaluate(async () => {
        const out = [];
        for (const name of await caches.keys())
          for (const req of await (await caches.open(name)).keys()) out.push(req.url);
        return out;
      });
      // Every built asset (scripts, styles, the engine glue and its .wasm) is precached.
      const assets = readdirSync(join(copy.dir, 'assets')).map((f) => `${app.url}assets/${f}`);
      assert.deepEqual(
        assets.filter((u) => !cached.includes(u)),
        [],
      );
      assert.ok(
        assets.some((u) => /engine-.*\.js$/.test(u)),
        'the engine glue is an asset',
      );
      assert.ok(
        cached.some((u) => u.endsWith('data/latest/2026-08-22.json')) &&
          cached.some((u) => u.endsWith('data/paper-v6/2025-10-26.json')),
        'the default dataset (latest) and paper v6 are precached',
      );
      assert.ok(
        cached.some((u) => u.endsWith('embed.html')),
        'the embed page is precached',
      );
      assert.ok(
        cached.every((u) => u.startsWith(app.origin)),
        'only this origin is cached',
      );

      await app.close();
      // The server is gone: a plain request fails...
      await assert.rejects(fetch(`${app.url}index.html`));
      // ...but the app reloads and computes the same estimate.
      await page.reload();
      assert.equal(await energy(page), online);
      // Another view (a lazily loaded chunk) and another model work too.
      await page.goto(`${app.url}?v=1&view=compare&prompt=long`);
      await page.waitForSelector('table tbody tr', { timeout: 30000 });
      // The embed, never opened before, works from the precache.
      await page.goto(`${app.url}embed.html?v=1&ds=paper-v6%402025-10-26&model=GPT-4.1&prompt=medium&eid=x`);
      assert.equal(await energy(page), online);
      assert.deepEqual(requests.foreign([app.origin]), []);
    } finally {
      await context.close();
      await app.close().catch(() => {});
      copy.cleanup();
    }
  });

  test('an update applies on the next visit and does not break an open page', async () => {
    const copy = copyDist();
    const app = await serveApp(copy.dir);
    const context = await browser.newContext();
    const requests = recordRequests(context);
    try {
      const open = await context.newPage();
      await open.goto(`${app.url}?v=1&model=GPT-4.1`);
      const before = await energy(open);
      await controlled(open);

      // Deploy a new build: a marker in index.html, so a new service worker version.
      const index = join(copy.dir, 'index.html');
      const oldIndex = readFileSync(index);
      writeFileSync(
        index,
        readFileSync(index, 'utf8').replace('</head>', '<meta name="llmfp-build" content="2" />\n</head>'),
      );
      const swPath = join(copy.dir, 'sw.js');
      const sw = readFileSync(swPath, 'utf8');
      const version = sw.match(/const VERSION = "([0-9a-f]+)"/)[1];
      // The worker checks every file against the SHA-256 the build lists: list the new index.
      const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
      writeFileSync(
        swPath,
        sw.replace(version, `${version.slice(0, -4)}beef`).replaceAll(sha(oldIndex), sha(readFileSync(index))),
      );

      // The next visit is still served by the old worker (consistent files), and installs the new one.
      const next = await context.newPage();
      await next.goto(`${app.url}?v=1&model=o3`);
      assert.equal(await next.locator('meta[name="llmfp-build"]').count(), 0);
      await until(next, async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        const installed = (await caches.keys()).some((n) => n.endsWith('beef'));
        return installed && !reg.installing && !reg.waiting && reg.active?.state === 'activated';
      });
      // The page opened before the update keeps working: another view, a new computation.
      await open.click('nav a[href*="view=compare"]');
      await open.waitForSelector('table tbody tr', { timeout: 30000 });
      await open.goBack();
      assert.equal(await energy(open), before);
      // The visit after gets the new build.
      const later = await context.newPage();
      await later.goto(`${app.url}?v=1&model=GPT-4.1`);
      assert.equal(await later.locator('meta[name="llmfp-build"]').count(), 1);
      assert.equal(await energy(later), before);
      assert.deepEqual(requests.foreign([app.origin]), []);
    } finally {
      await context.close();
      await app.close();
      copy.cleanup();
    }
  });
});
