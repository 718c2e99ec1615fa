// The locked-down page: a Content-Security-Policy in a <meta> of both pages and in the HTTP
// headers (_headers: frame-ancestors 'self' for the app, * for the embed only; no inline
// script but the embed page's own boot script, allowed by its hash), the app and
// the embed work under it with no violation, an inline script is refused, a model name
// `<img src=x onerror=alert(1)>` from the URL or from a dataset is rendered as text and runs
// nothing, no cookie or web storage is used, and no request leaves the origin.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { addNewerVersion, copyDist, EVIL, NEWER, recordRequests, serveApp, serveHost } from './embed-server.mjs';
import { distDir, launch, serve } from './helpers.mjs';

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
      const html = readFileSync(`${distDir}/${file}`, 'utf8');
      const meta = directives(metaPolicy(html));
      const res = await fetch(`${app.url}${file}`);
      const header = directives(res.headers.get('content-security-policy'));
      assert.deepEqual(header['frame-ancestors'], ancestors, file);
      delete header['frame-ancestors'];
      assert.deepEqual(meta, header, `${file}: the <meta> and the header policy agree`);
      for (const policy of [meta]) {
        assert.deepEqual(policy['default-src'], ["'self'"]);
        // Beyond the origin, only the page's own inline scripts, each by the hash of its
        // exact text (the embed page's boot script; the app has none).
        const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
          (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
        );
        assert.equal(inline.length, file === 'embed.html' ? 1 : 0, `${file}: inline scripts`);
        assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'", ...inline]);
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
        if (name === 'the embed')
          assert.equal(
            await page.evaluate(() => document.querySelectorAll('head link[rel="preload"][as="fetch"]').length),
            1,
            "the page's own inline boot script ran under the policy (it adds the precomputed file's preload)",
          );
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
    const plain = await serve(copy.dir);
    const paper = JSON.parse(readFileSync(join(copy.dir, 'data/paper-v6/2025-10-26.json'), 'utf8'));
    const model = paper.models.find((m) => m.model === 'GPT-4.1');
    const dataset = { ...paper, models: [{ ...model, extra: { $data: beacon } }], extra: { $data: beacon } };
    const imp = Buffer.from(JSON.stringify(dataset)).toString('base64url');
    assert.ok(imp.length < 6000, 'fits in a link');
    const context = await browser.newContext({ serviceWorkers: 'block' });
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
    const context = await browser.newContext({ serviceWorkers: 'block' });
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
    const context = await browser.newContext();
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

  test('chart export (SVG, PNG) runs under the CSP with no violation', async () => {
    const { context, page, log } = await open('?v=1&view=compare&prompt=short', { acceptDownloads: true });
    try {
      await page.waitForSelector('.chart-figure svg', { timeout: 30000 });
      for (const name of ['SVG', 'PNG']) {
        const download = page.waitForEvent('download');
        await page.locator('.chart-figure').first().getByRole('button', { name, exact: true }).click();
        await download;
      }
      await page.waitForTimeout(200);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('<llm-footprint src="javascript:..."> keeps its fallback link and throws nothing', async () => {
    const host = await serveHost({
      '/bad.html': `<!doctype html><meta charset="utf-8"><title>host</title>
<script type="module" src="${app.url}embed.js"></script>
<llm-footprint src="javascript:alert(1)//" model="GPT-4.1"><a id="fallback" href="${app.url}">GPT-4.1 (llm-footprint)</a></llm-footprint>`,
    });
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const errors = [];
      const dialogs = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss();
      });
      await page.goto(`${host.url}bad.html`);
      await page.waitForFunction(() => customElements.get('llm-footprint'), null, { timeout: 10000 });
      await page.waitForTimeout(300);
      assert.ok(await page.isVisible('#fallback'), 'the fallback link is shown');
      assert.equal(await page.evaluate(() => document.querySelector('llm-footprint').shadowRoot), null);
      assert.deepEqual(errors, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
      await host.close();
    }
  });
});
