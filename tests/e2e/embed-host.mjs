// The host side of the embed e2e tests (embed.test.mjs, embed-formats.test.mjs): a plain
// blog page on another localhost port around the snippets of docs/embedding.md, a reader
// opening it (every request and every console error or warning of the page recorded), the
// embed's frame once it has its numbers, and its fit to its content.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';

import { recordRequests, serveApp, serveHost } from './embed-server.mjs';
import { distDir, launch, repoRoot } from './helpers.mjs';

/** The calculator's address in docs/embedding.md's snippets. */
export const EXAMPLE = 'https://example.org/llm-footprint/';
/** Paper v6 as the build bundles it, and one of its models' published numbers. */
export const paperV6 = JSON.parse(readFileSync(`${distDir}/data/paper-v6/2025-10-26.json`, 'utf8'));
export const reference = (model, prompt) =>
  paperV6.models.find((m) => m.model === model).prompts.find((p) => p.prompt === prompt).reference;

/** The ```html blocks of docs/embedding.md of the estimate embeds (not My use, not Trends). */
export function documentedSnippets() {
  const text = readFileSync(`${repoRoot}/docs/embedding.md`, 'utf8');
  return [...text.matchAll(/```html\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((s) => !/view(="|=)(myuse|trends)/.test(s));
}

/** A blog post around `body` (with another site's frame, which embed.js must leave alone). */
export const blogPage = (body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A blog post</title></head>
<body><h1>A blog post about prompts</h1><p>Here is what one prompt costs:</p>
${body}
<p>More text after the embed.</p>
<iframe id="other" src="/other.html" title="another frame" width="200" height="60"></iframe>
</body></html>`;

/**
 * For one test file: the built app, a host page server of `pages({app, snippets})` (the
 * snippets with this app's address) and a browser, before its tests; closed after them.
 * Returns the live session: {app, host, browser, snippets, openHost(path, width, options)}.
 */
export function hostSession(pages) {
  const session = {};
  before(async () => {
    session.app = await serveApp();
    session.snippets = documentedSnippets().map((s) => s.replaceAll(EXAMPLE, session.app.url));
    assert.equal(
      session.snippets.length,
      5,
      'docs/embedding.md has the iframe, element, table, chart and badge snippets',
    );
    session.host = await serveHost({
      '/other.html': '<!doctype html><title>other</title><p>another frame</p>',
      ...pages(session),
    });
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.app?.close();
    await session.host?.close();
  });
  session.openHost = (path, width, options) => openHost(session, path, width, options);
  return session;
}

/**
 * The host page's errors, collected as they come: uncaught ones, and its console's errors and
 * warnings (a blogger opening the developer tools sees none of embed.js's, e.g. a message
 * posted to a frame that was still loading); a missing file of the test host (its favicon)
 * is not embed.js's.
 */
export function hostErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (['error', 'warning'].includes(m.type()) && !/^Failed to load resource/.test(m.text()))
      errors.push(`console ${m.type()}: ${m.text()}`);
  });
  return errors;
}

/** A reader (a new browser context) on the host page `path`: {context, page, requests, errors}. */
async function openHost({ browser, host }, path, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, ...options });
  const requests = recordRequests(context);
  const p = await context.newPage();
  const errors = hostErrors(p);
  await p.goto(`${host.url}${path.slice(1)}`);
  return { context, page: p, requests, errors };
}

export const num = (text) => Number(text.replace(/[^0-9.eE+-]/g, ''));

/** The embed iframe (light DOM or in <llm-footprint>'s shadow root) and its frame, once computed. */
export async function embedFrame(p, selector = '[data-testid="energy-mean"]') {
  const handle = await p.waitForSelector('iframe[data-llm-footprint], llm-footprint iframe', { timeout: 20000 });
  const frame = await handle.contentFrame();
  await frame.waitForSelector(`[data-testid="result"][aria-busy="false"] ${selector}`, { timeout: 30000 });
  return { handle, frame };
}

/** Waits until the iframe's height equals its content's and the frame has no vertical scrollbar. */
export async function fitted(p, handle, frame) {
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
