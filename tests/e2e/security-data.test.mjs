// Hostile input from outside the page: a model name `<img src=x onerror=alert(1)>` from the
// URL or from a dataset is rendered as text and runs nothing; no cookie, web storage or
// IndexedDB is used; a crafted link cannot make the engine fetch another host; a dataset file
// changed on the host is an error naming it; a same-origin page cannot poison the service
// worker's cache. No request leaves the origin. (The CSP and headers: security.test.mjs.)
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { copyDist, EVIL, NEWER, recordRequests, serveApp } from './embed-server.mjs';
import { serve } from './helpers.mjs';
import { RESULT, securitySession } from './security-session.mjs';

const s = securitySession();

describe('security: hostile names, files and hosts', () => {
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
      const { context, page, requests, log } = await s.open(query);
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
        assert.deepEqual(requests.foreign([s.app.origin]), []);
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
      const { context, page, requests, log } = await s.open(query);
      try {
        await page.waitForSelector('[aria-busy="false"] [data-testid="energy-mean"], table tbody tr', {
          timeout: 30000,
        });
        await page.waitForFunction((name) => document.body.textContent.includes(name), EVIL, { timeout: 10000 });
        assert.equal(await page.locator('img[src="x"]').count(), 0, query);
        assert.deepEqual(log.dialogs, [], query);
        assert.ok(!requests.urls.some((u) => /\/x$/.test(u)), 'no request for the image');
        assert.deepEqual(requests.foreign([s.app.origin]), []);
      } finally {
        await context.close();
      }
    }
  });

  test('no cookie, no web storage, no IndexedDB after using the app, the embed and the dialog', async () => {
    const { context, page, requests } = await s.open('?v=1&model=o3');
    try {
      await page.waitForSelector(RESULT, { timeout: 30000 });
      await page.click('[data-testid="embed-open"]');
      await page.waitForSelector('[data-testid="embed-dialog"] textarea');
      await page.goto(`${s.app.url}embed.html?v=1&model=o3&eid=s`);
      await page.waitForSelector(RESULT, { timeout: 30000 });
      assert.deepEqual(await context.cookies(), []);
      const storage = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
        cookie: document.cookie,
      }));
      assert.deepEqual(storage, { local: 0, session: 0, idb: 0, cookie: '' });
      assert.deepEqual(requests.foreign([s.app.origin]), []);
    } finally {
      await context.close();
    }
  });

  // ---- Hostile links, hosts and pages (issue 12; docs/security.md) -------------------

  test('a crafted link cannot make the engine fetch another host ($data in imported data)', async () => {
    // The "third party": a second local server that counts every request it gets.
    const hits = [];
    const third = createServer((req, res) => {
      hits.push(req.url);
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{}');
    });
    await new Promise((ok) => {
      third.listen(0, '127.0.0.1', ok);
    });
    const beacon = `http://127.0.0.1:${third.address().port}/beacon`;
    // A host that sends no CSP header (the meta CSP of the page does not cover the worker).
    const plain = await serve(s.copy.dir);
    const paper = JSON.parse(readFileSync(join(s.copy.dir, 'data/paper-v6/2025-10-26.json'), 'utf8'));
    const model = paper.models.find((m) => m.model === 'GPT-4.1');
    const dataset = { ...paper, models: [{ ...model, extra: { $data: beacon } }], extra: { $data: beacon } };
    const imp = Buffer.from(JSON.stringify(dataset)).toString('base64url');
    assert.ok(imp.length < 6000, 'fits in a link');
    const context = await s.browser.newContext({ serviceWorkers: 'block' });
    const requests = recordRequests(context);
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${plain.url}?v=1&ds=imported&model=GPT-4.1&imp=${imp}`);
      await page.waitForSelector(RESULT, { timeout: 30000 });
      await page.waitForTimeout(500);
      assert.ok((await page.textContent('body')).includes('GPT-4.1'), 'the imported model is shown');
      assert.deepEqual(hits, [], 'the third party got no request');
      assert.deepEqual(requests.foreign([new URL(plain.url).origin]), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await plain.close();
      await new Promise((ok) => {
        third.close(ok);
      });
    }
  });

  test('a dataset file changed on the host is an error naming it, in the app and the embed', async () => {
    const changed = copyDist();
    const file = 'data/paper-v6/2025-10-26.json';
    const text = readFileSync(join(changed.dir, file), 'utf8');
    // GPT-4o's GPU power x10: valid, plausible, and 2.49 Wh instead of 0.413 before the check.
    const paper = JSON.parse(text);
    for (const m of paper.models) if (m.model.startsWith('GPT-4o (')) m.p_gpu_kw *= 10;
    writeFileSync(join(changed.dir, file), JSON.stringify(paper, null, 2));
    const server = await serveApp(changed.dir);
    const context = await s.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      // The app reads the dataset itself: an error in words naming the file, and no number.
      await page.goto(`${server.url}?v=1&ds=paper-v6%402025-10-26&model=${encodeURIComponent("GPT-4o (Mar '25)")}`);
      await page.waitForFunction(() => /could not be loaded/.test(document.body.textContent), null, {
        timeout: 30000,
      });
      const body = await page.textContent('main');
      assert.ok(
        body.includes(file) && /checksum differs/.test(body),
        `the message names the file: ${body.slice(0, 300)}`,
      );
      assert.equal(await page.locator('[data-testid="energy-mean"]').count(), 0, 'no number is shown');
      // The embed renders from the build's precomputed results, which are bound to the
      // manifest's hash of the genuine file: it shows the published 0.413 Wh, never 2.49.
      await page.goto(
        `${server.url}embed.html?v=1&ds=paper-v6%402025-10-26&model=${encodeURIComponent("GPT-4o (Mar '25)")}&eid=t`,
      );
      await page.waitForSelector(RESULT, { timeout: 30000 });
      assert.equal(await page.textContent(RESULT), '0.413');
    } finally {
      await context.close();
      await server.close();
      changed.cleanup();
    }
  });

  test('a same-origin page cannot poison the service-worker cache', async () => {
    const shared = copyDist();
    // The hostile page: another "project" on the same origin, with its own script (the CSP
    // allows same-origin scripts). It rewrites the app's data file in every cache it finds
    // and plants a cache of its own that looks like the app's.
    writeFileSync(
      join(shared.dir, 'hostile.html'),
      '<!doctype html><title>x</title><script src="hostile.js"></script>',
    );
    writeFileSync(
      join(shared.dir, 'hostile.js'),
      `(async () => {
        const url = new URL('data/paper-v6/2025-10-26.json', location.href).href;
        const data = await (await fetch(url, { cache: 'no-store' })).json();
        for (const m of data.models) m.p_gpu_kw *= 10;
        const poison = () => new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
        for (const name of [...(await caches.keys()), 'llmfp-0000000000000000'])
          await (await caches.open(name)).put(url, poison());
        document.title = 'done';
      })();`,
    );
    const server = await serveApp(shared.dir);
    const context = await s.browser.newContext();
    try {
      const page = await context.newPage();
      const query = `?v=1&ds=paper-v6%402025-10-26&model=${encodeURIComponent("GPT-4o (Mar '25)")}`;
      const pages = [query, `embed.html${query}&eid=p`];
      const before = {};
      for (const q of pages.slice().reverse()) {
        await page.goto(`${server.url}${q}`);
        await page.waitForSelector(RESULT, { timeout: 30000 });
        before[q] = await page.textContent(RESULT);
      }
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((ok) => {
            navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true });
          });
      });
      await page.goto(`${server.url}hostile.html`);
      await page.waitForFunction(() => document.title === 'done', null, { timeout: 10000 });
      for (const q of pages) {
        await page.goto(`${server.url}${q}`);
        await page.waitForSelector(RESULT, { timeout: 30000 });
        assert.equal(await page.textContent(RESULT), before[q], `${q}: the poisoned copy is not used`);
      }
      const names = (await page.evaluate(() => caches.keys())).filter((n) => !n.startsWith('llmfp-'));
      assert.ok(
        names.length > 0 && names.every((n) => n.startsWith(`llmfp:${server.url}:`)),
        `caches are named by scope: ${names}`,
      );
      // The app never deletes a cache it does not own.
      assert.ok((await page.evaluate(() => caches.keys())).includes('llmfp-0000000000000000'));
    } finally {
      await context.close();
      await server.close();
      shared.cleanup();
    }
  });
});
