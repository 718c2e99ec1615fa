// The locked-down page: a Content-Security-Policy in a <meta> of both pages and in the HTTP
// headers (_headers: frame-ancestors 'self' for the app, * for the embed only; no inline
// script but the embed page's own boot script, allowed by its hash), the app and the embed
// work under it with no violation, an inline script is refused, chart export runs under it,
// and a <llm-footprint src="javascript:..."> makes nothing. (Hostile names and files, storage,
// requests and caches: security-data.test.mjs.)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { serveHost } from './embed-server.mjs';
import { distDir } from './helpers.mjs';
import { RESULT, securitySession } from './security-session.mjs';

const s = securitySession();

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

describe('security: the locked-down page', () => {
  test('both pages carry the CSP in a <meta>; the server sends it with the right frame-ancestors', async () => {
    for (const [file, ancestors] of [
      ['index.html', ["'self'"]],
      ['embed.html', ['*']],
    ]) {
      const html = readFileSync(`${distDir}/${file}`, 'utf8');
      const meta = directives(metaPolicy(html));
      const res = await fetch(`${s.app.url}${file}`);
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
    assert.match((await fetch(s.app.url)).headers.get('content-security-policy'), /frame-ancestors 'self'/);
    const worker = readFileSync(`${distDir}/.vite/manifest.json`, 'utf8').match(/assets\/worker-[\w-]+\.js/)?.[0];
    if (worker)
      assert.match((await fetch(`${s.app.url}${worker}`)).headers.get('content-security-policy'), /default-src 'self'/);
  });

  for (const [name, query] of [
    ['the app', '?v=1&model=GPT-4.1'],
    ['the embed', 'embed.html?v=1&ds=paper-v6%402025-10-26&model=GPT-4.1&eid=s'],
  ]) {
    test(`${name} computes under the CSP with no violation, and an inline script is refused`, async () => {
      const { context, page, requests, log } = await s.open(query);
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
        assert.deepEqual(requests.foreign([s.app.origin]), []);
      } finally {
        await context.close();
      }
    });
  }

  test('chart export (SVG, PNG) runs under the CSP with no violation', async () => {
    const { context, page, log } = await s.open('?v=1&view=compare&prompt=short', { acceptDownloads: true });
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
<script type="module" src="${s.app.url}embed.js"></script>
<llm-footprint src="javascript:alert(1)//" model="GPT-4.1"><a id="fallback" href="${s.app.url}">GPT-4.1 (llm-footprint)</a></llm-footprint>`,
    });
    const context = await s.browser.newContext({ serviceWorkers: 'block' });
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
