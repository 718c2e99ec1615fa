// The embed snippets of docs/embedding.md pasted into a plain page served on another localhost port:
// the estimate appears in the iframe (iframe snippet and <llm-footprint>), the iframe is as
// tall as its content with no inner scrollbar at 320 and 1024 px, height messages of the
// wrong type, with the wrong id or from another frame are ignored, and without JavaScript
// the fallback link remains. Every request must go to the app's or the host's origin.
// (Formats, themes and the diet: embed-formats.test.mjs; the first paint in the host page:
// embed-first.test.mjs; the app side and the embed page on its own: embed-app.test.mjs.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { blogPage, embedFrame, fitted, hostSession, num, paperV6, reference } from './embed-host.mjs';

const gpt41 = paperV6.models.find((m) => m.model === 'GPT-4.1');
const env = hostSession(({ app, snippets }) => ({
  '/iframe.html': blogPage(snippets[0]),
  '/element.html': blogPage(snippets[1]),
  '/compare.html': blogPage(snippets[2]),
  // Two elements on one page; the second overrides PUE through `params` (energy is linear in PUE).
  '/two.html': blogPage(`<script type="module" src="${app.url}embed.js"></script>
<llm-footprint id="plain" model="GPT-4.1" dataset="paper-v6@2025-10-26"><a href="${app.url}">x</a></llm-footprint>
<llm-footprint id="pue" model="GPT-4.1" dataset="paper-v6@2025-10-26" params="pue=${2 * gpt41.pue}"></llm-footprint>`),
}));

describe('embed on a host page of another origin', () => {
  for (const [name, path] of [
    ['iframe snippet', '/iframe.html'],
    ['custom element', '/element.html'],
  ]) {
    for (const width of [320, 1024]) {
      test(`${name} at ${width} px: the estimate appears and the iframe fits its content`, async () => {
        const { context, page: p, requests, errors } = await env.openHost(path, width);
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
          assert.ok(link.startsWith(env.app.url) && link.includes('ds=paper-v6%402025-10-26'), link);
          assert.deepEqual(errors, []);
          assert.deepEqual(requests.foreign([env.app.origin, env.host.origin]), []);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('comparison snippet: two models and their ratio', async () => {
    const { context, page: p, requests } = await env.openHost('/compare.html', 1024);
    try {
      const { handle, frame } = await embedFrame(p, 'table');
      assert.equal(await frame.textContent('[data-testid="model"]'), 'GPT-4.1');
      assert.equal(await frame.textContent('[data-testid="model-b"]'), 'o3');
      assert.equal(await frame.locator('tbody tr').count(), 2);
      assert.match(await frame.textContent('[data-testid="ratio"]'), /GPT-4\.1 uses .*× as much as o3/);
      await fitted(p, handle, frame);
      assert.deepEqual(requests.foreign([env.app.origin, env.host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('two elements on one page: each fits its own content; params overrides an assumption', async () => {
    const { context, page: p, requests, errors } = await env.openHost('/two.html', 1024);
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
      assert.deepEqual(requests.foreign([env.app.origin, env.host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('height messages of the wrong type, id, origin or frame are ignored; the right one is used', async () => {
    const { context, page: p, requests } = await env.openHost('/iframe.html', 1024);
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
      assert.deepEqual(requests.foreign([env.app.origin, env.host.origin]), []);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript the custom element leaves its fallback link', async () => {
    const { context, page: p, requests } = await env.openHost('/element.html', 1024, { javaScriptEnabled: false });
    try {
      const link = p.locator('llm-footprint a');
      assert.ok(await link.isVisible());
      const href = await link.getAttribute('href');
      assert.ok(href.startsWith(env.app.url) && href.includes('model=GPT-4o'), href);
      assert.match(await link.textContent(), /GPT-4o \(Mar '25\)/);
      assert.deepEqual(requests.foreign([env.app.origin, env.host.origin]), []);
    } finally {
      await context.close();
    }
  });
});
