// The embed snippets of docs/embedding.md pasted into a plain page served on another localhost port:
// the estimate appears in the iframe (iframe snippet and <llm-footprint>), the iframe is as
// tall as its content with no inner scrollbar at 320 and 1024 px, height messages of the
// wrong type, with the wrong id or from another frame are ignored, and without JavaScript
// the fallback link remains. Every request must go to the app's or the host's origin.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { recordRequests, serveApp, serveHost } from './embed-server.mjs';
import { distDir, launch, repoRoot } from './helpers.mjs';

const require = createRequire(import.meta.url);
const EXAMPLE = 'https://example.org/llm-footprint/';
const dataset = JSON.parse(readFileSync(`${distDir}/data/paper-v6/2025-10-26.json`, 'utf8'));
const gpt41 = dataset.models.find((m) => m.model === 'GPT-4.1');
const reference = (model, prompt) =>
  dataset.models.find((m) => m.model === model).prompts.find((p) => p.prompt === prompt).reference;

/** The ```html blocks of docs/embedding.md. */
function documentedSnippets() {
  const text = readFileSync(`${repoRoot}/docs/embedding.md`, 'utf8');
  return [...text.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const page = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post</title></head>
<body><h1>A blog post about prompts</h1><p>Here is what one prompt costs:</p>
${body}
<p>More text after the embed.</p>
<iframe id="other" src="/other.html" title="another frame" width="200" height="60"></iframe>
</body></html>`;

let app;
let host;
let browser;
let snippets;
before(async () => {
  app = await serveApp();
  snippets = documentedSnippets().map((s) => s.replaceAll(EXAMPLE, app.url));
  assert.equal(snippets.length, 3, 'docs/embedding.md has the iframe, element and comparison snippets');
  host = await serveHost({
    '/iframe.html': page(snippets[0]),
    '/element.html': page(snippets[1]),
    '/compare.html': page(snippets[2]),
    '/other.html': '<!doctype html><title>other</title><p>another frame</p>',
    // Two elements on one page; the second overrides PUE through `params` (energy is linear in PUE).
    '/two.html': page(`<script type="module" src="${app.url}embed.js"></script>
<llm-footprint id="plain" model="GPT-4.1" dataset="paper-v6@2025-10-26"><a href="${app.url}">x</a></llm-footprint>
<llm-footprint id="pue" model="GPT-4.1" dataset="paper-v6@2025-10-26" params="pue=${2 * gpt41.pue}"></llm-footprint>`),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await host?.close();
});

async function openHost(path, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, ...options });
  const requests = recordRequests(context);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${host.url}${path.slice(1)}`);
  return { context, page: p, requests, errors };
}

const num = (text) => Number(text.replace(/[^0-9.eE+-]/g, ''));

/** The embed iframe (light DOM or in <llm-footprint>'s shadow root) and its frame, once computed. */
async function embedFrame(p, selector = '[data-testid="energy-mean"]') {
  const handle = await p.waitForSelector('iframe[data-llm-footprint], llm-footprint iframe', { timeout: 20000 });
  const frame = await handle.contentFrame();
  await frame.waitForSelector(`[data-testid="result"][aria-busy="false"] ${selector}`, { timeout: 30000 });
  return { handle, frame };
}

/** Waits until the iframe's height equals its content's and the frame has no vertical scrollbar. */
async function fitted(p, handle, frame) {
  let last;
  for (let i = 0; i < 200; i++) {
    const outer = await handle.evaluate((el) => el.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: document.querySelector('.embed-root').getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    last = { outer, ...inner };
    if (Math.abs(outer - Math.ceil(inner.content)) <= 1 && inner.scroll <= inner.client) return last;
    await p.waitForTimeout(100);
  }
  assert.fail(`iframe never fitted its content: ${JSON.stringify(last)}`);
}

describe('embed on a host page of another origin', () => {
  for (const [name, path] of [
    ['iframe snippet', '/iframe.html'],
    ['custom element', '/element.html'],
  ]) {
    for (const width of [320, 1024]) {
      test(`${name} at ${width} px: the estimate appears and the iframe fits its content`, async () => {
        const { context, page: p, requests, errors } = await openHost(path, width);
        try {
          const { handle, frame } = await embedFrame(p);
          const energy = num(await frame.textContent('[data-testid="energy-mean"]'));
          const ref = reference("GPT-4o (Mar '25)", 'short').energy_wh_mean;
          assert.ok(Math.abs(energy - ref) / ref < 0.02, `energy ${energy} Wh vs the authors' ${ref} Wh`);
          assert.equal(await frame.textContent('[data-testid="dataset"]'), 'paper-v6@2025-10-26');
          const fit = await fitted(p, handle, frame);
          // A real resize happened: the snippet's initial height was 340 px.
          assert.notEqual(Math.round(fit.outer), 340);
          const frameWidth = await handle.evaluate((el) => el.getBoundingClientRect().width);
          assert.ok(frameWidth <= width, `iframe ${frameWidth} px wide in a ${width} px page`);
          const link = await frame.getAttribute('[data-testid="app-link"]', 'href');
          assert.ok(link.startsWith(app.url) && link.includes('ds=paper-v6%402025-10-26'), link);
          assert.deepEqual(errors, []);
          assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('comparison snippet: two models and their ratio', async () => {
    const { context, page: p, requests } = await openHost('/compare.html', 1024);
    try {
      const { handle, frame } = await embedFrame(p, 'table');
      assert.equal(await frame.textContent('[data-testid="model"]'), 'GPT-4.1');
      assert.equal(await frame.textContent('[data-testid="model-b"]'), 'o3');
      assert.equal(await frame.locator('tbody tr').count(), 2);
      assert.match(await frame.textContent('[data-testid="ratio"]'), /GPT-4\.1 uses .*× as much as o3/);
      await fitted(p, handle, frame);
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('two elements on one page: each fits its own content; params overrides an assumption', async () => {
    const { context, page: p, requests, errors } = await openHost('/two.html', 1024);
    try {
      const values = {};
      for (const id of ['plain', 'pue']) {
        const handle = await p.waitForSelector(`llm-footprint#${id} iframe`);
        assert.equal(new URL(await handle.getAttribute('src')).searchParams.get('eid'), id);
        const frame = await handle.contentFrame();
        await frame.waitForSelector('[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]', {
          timeout: 30000,
        });
        values[id] = num(await frame.textContent('[data-testid="energy-mean"]'));
        await fitted(p, handle, frame);
      }
      // E = time x power x PUE (paper Eq. 1): doubling PUE doubles the energy (3 shown digits).
      assert.ok(Math.abs(values.pue / values.plain - 2) < 0.01, `${values.pue} / ${values.plain}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('height messages of the wrong type, id, origin or frame are ignored; the right one is used', async () => {
    const { context, page: p, requests } = await openHost('/iframe.html', 1024);
    try {
      const { handle, frame } = await embedFrame(p);
      const { outer } = await fitted(p, handle, frame);
      const id = new URL(await handle.getAttribute('src')).searchParams.get('eid');
      const height = () => handle.evaluate((el) => el.getBoundingClientRect().height);
      // From the embed's own frame, but the wrong type or the wrong id.
      await frame.evaluate((eid) => {
        parent.postMessage({ type: 'llm-footprint:resize', id: eid, height: 5000 }, '*');
        parent.postMessage({ type: 'llm-footprint:height', id: 'someone-else', height: 5000 }, '*');
        parent.postMessage('llm-footprint:height 5000', '*');
      }, id);
      // The right shape, but from another frame and from the host page itself.
      const other = p.frame({ url: /other\.html$/ });
      await other.evaluate(
        (eid) => parent.postMessage({ type: 'llm-footprint:height', id: eid, height: 5000 }, '*'),
        id,
      );
      await p.evaluate((eid) => window.postMessage({ type: 'llm-footprint:height', id: eid, height: 5000 }, '*'), id);
      await p.waitForTimeout(500);
      assert.equal(await height(), outer, 'no forged message changed the height');
      // Control: the same message from the embed's frame is applied (so the check above can fail).
      await frame.evaluate(
        (eid) => parent.postMessage({ type: 'llm-footprint:height', id: eid, height: 777 }, '*'),
        id,
      );
      await p.waitForFunction((el) => el.getBoundingClientRect().height === 777, handle, { timeout: 5000 });
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the custom element leaves its fallback link', async () => {
    const { context, page: p, requests } = await openHost('/element.html', 1024, { javaScriptEnabled: false });
    try {
      const link = p.locator('llm-footprint a');
      assert.ok(await link.isVisible());
      const href = await link.getAttribute('href');
      assert.ok(href.startsWith(app.url) && href.includes('model=GPT-4o'), href);
      assert.match(await link.textContent(), /GPT-4o \(Mar '25\)/);
      assert.deepEqual(requests.foreign([app.origin, host.origin]), []);
    } finally {
      await context.close();
    }
  });
});

describe('"Embed this" in the app', () => {
  test('the dialog shows pinned snippets for the current view, a live preview and copies; keyboard and axe clean', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    const requests = recordRequests(context);
    const p = await context.newPage();
    try {
      await p.goto(`${app.url}?v=1&view=compare&model=GPT-4.1&cb=o3&prompt=medium&ds=paper-v6%402025-10-26`);
      const button = p.locator('[data-testid="embed-open"]');
      await button.waitFor({ timeout: 20000 });
      assert.equal(await button.textContent(), 'Embed this comparison');
      await button.focus();
      await p.keyboard.press('Enter');
      const dialog = p.locator('[data-testid="embed-dialog"]');
      await dialog.waitFor();
      assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true);
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is in the dialog');
      const iframeSnippet = await p.inputValue('#embed-iframe');
      const elementSnippet = await p.inputValue('#embed-element');
      assert.ok(iframeSnippet.includes(`${app.url}embed.html?v=1&amp;view=compare&amp;ds=paper-v6%402025-10-26`));
      assert.match(elementSnippet, /<llm-footprint view="compare" dataset="paper-v6@2025-10-26" model="GPT-4.1"/);
      assert.match(elementSnippet, /compare-with="o3"/);
      assert.match(elementSnippet, /<a href="[^"]+">GPT-4.1 vs o3: one medium prompt \(llm-footprint\)<\/a>/);
      // The preview is the embed itself, resized to its content.
      const frame = await (await p.waitForSelector('[data-testid="embed-preview"]')).contentFrame();
      await frame.waitForSelector('[data-testid="result"][aria-busy="false"] [data-testid="ratio"]', {
        timeout: 30000,
      });
      await p.waitForFunction(
        () => {
          const f = document.querySelector('[data-testid="embed-preview"]');
          const inner = f.contentDocument?.querySelector('.embed-root');
          return (
            inner && Math.abs(f.getBoundingClientRect().height - Math.ceil(inner.getBoundingClientRect().height)) <= 1
          );
        },
        null,
        { timeout: 10000 },
      );
      await p.click('[data-testid="embed-element-copy"]');
      await p.waitForFunction(() =>
        document.querySelector('[data-testid="embed-dialog"]').textContent.includes('Copied.'),
      );
      assert.equal(await p.evaluate(() => navigator.clipboard.readText()), elementSnippet);
      // axe-core on the open dialog.
      await p.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
      const violations = await p.evaluate(async () => {
        const r = await window.axe.run(document.querySelector('[data-testid="embed-dialog"]'), {
          resultTypes: ['violations'],
        });
        return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id);
      });
      assert.deepEqual(violations, []);
      // Escape closes it and focus returns to the button.
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await p.evaluate(() => document.activeElement?.dataset.testid), 'embed-open');
      assert.deepEqual(requests.foreign([app.origin]), []);
    } finally {
      await context.close();
    }
  });
});

describe('the embed page itself', () => {
  for (const query of [
    'embed.html?v=1&model=GPT-4.1&ds=paper-v6%402025-10-26&eid=a',
    'embed.html?v=1&view=compare&prompt=long&cmetric=water&eid=b',
    'embed.html?v=1&ds=snapshot%402025-10-26&model=o3&eid=c',
  ]) {
    test(`axe-core finds no serious or critical violation: ${query}`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
      const requests = recordRequests(context);
      const p = await context.newPage();
      try {
        await p.goto(`${app.url}${query}`);
        await p.waitForSelector('[data-testid="result"][aria-busy="false"]', { timeout: 30000 });
        await p.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
        const violations = await p.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id);
        });
        assert.deepEqual(violations, []);
        // No horizontal scroll at 320 px (a table scrolls inside its own box).
        assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
        assert.deepEqual(requests.foreign([app.origin]), []);
      } finally {
        await context.close();
      }
    });
  }

  test('garbage in an embed URL gives the defaults, a notice naming each setting, never a blank frame', async () => {
    const context = await browser.newContext();
    const requests = recordRequests(context);
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    try {
      await p.goto(
        `${app.url}embed.html?v=x&ds=paper-v6%402025-10-26&prompt=huge&pue=-4&out=1e99&zzz=1&view=%00&eid=${'e'.repeat(500)}`,
      );
      await p.waitForSelector('[data-testid="result"][aria-busy="false"] [data-testid="energy-mean"]', {
        timeout: 30000,
      });
      const notice = await p.textContent('.embed-root ul.notice');
      for (const name of ['version', 'prompt', 'pue', 'out', 'zzz', 'view']) assert.match(notice, new RegExp(name));
      assert.equal(await p.textContent('[data-testid="model"]'), "GPT-4o (Mar '25)");
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.foreign([app.origin]), []);
    } finally {
      await context.close();
    }
  });
});
