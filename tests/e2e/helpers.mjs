// Shared by the end-to-end tests and scripts/bench-web.mjs: a static file server for the
// built app (random free port on 127.0.0.1), headless Debian Chromium via playwright-core,
// the per-file session of both, and the axe-core audit.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { headersFor, parseHeaders } from '../../web/src/embed/vite-plugin.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built app; LLMFP_DIST_DIR lets a developer test a build in another folder. */
export const distDir = resolve(repoRoot, process.env.LLMFP_DIST_DIR ?? 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `dir` on a random free port; resolves {url, close}. Every response is no-store
 * except where the build's _headers file sets a Cache-Control (the content-hashed
 * assets/*: immutable), as a static host sends it; pages of one browser context then
 * share the compiled scripts and wasm (embed-server.mjs sends every header of _headers).
 */
export function serve(dir = distDir) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html not found: run "npx vite build" first`);
  const rules = existsSync(join(dir, '_headers')) ? parseHeaders(readFileSync(join(dir, '_headers'), 'utf8')) : [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': headersFor(rules, path)['cache-control'] ?? 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((done) => {
            server.close(done);
          }),
      });
    });
  });
}

/** Debian's Chromium, headless, with the flags that work as root and offline (docs/TOOLCHAIN.md). */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * For one test file: serves the built app and launches Chromium before its tests and
 * closes both after them. Returns {server, browser, open}: open(query, options) is a new
 * page (1280 x 900 unless options.viewport says otherwise; options.colorScheme 'light' or
 * 'dark') at the app's URL + query, whose uncaught errors collect in page.errors. Pages a
 * test leaves open are closed after it, so nothing computes into the next test.
 *
 * The pages share one browser context per file (a new context starts a new renderer
 * process, a second or more on a loaded machine); viewport and colour scheme are set on
 * the page before it loads. The app keeps nothing between pages (no cookie or storage:
 * security.test.mjs; no-store responses; session storage is per page). Other options
 * (e.g. javaScriptEnabled) get a context of their own.
 *
 * Service workers are blocked: every first visit would otherwise install the worker,
 * which fetches and hashes the whole precache in the background of the test. Offline use
 * and the worker's cache are tested with workers allowed (offline.test.mjs,
 * security.test.mjs).
 */
export function appSession() {
  const pages = new Set();
  let shared = null;
  const session = {
    server: null,
    browser: null,
    async open(query = '', { viewport = { width: 1280, height: 900 }, colorScheme, ...options } = {}) {
      const own = Object.entries(options).some(([k, v]) => !(k === 'acceptDownloads' && v === true));
      let page;
      if (own) {
        page = await session.browser.newPage({ viewport, colorScheme, serviceWorkers: 'block', ...options });
      } else {
        shared ??= session.browser.newContext({ serviceWorkers: 'block' });
        page = await (await shared).newPage();
        await page.setViewportSize(viewport);
        if (colorScheme) await page.emulateMedia({ colorScheme });
      }
      pages.add(page);
      page.on('close', () => pages.delete(page));
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.errors = errors;
      await page.goto(`${session.server.url}${query}`);
      return page;
    },
  };
  before(async () => {
    [session.server, session.browser] = await Promise.all([serve(), launch()]);
  });
  afterEach(async () => {
    await Promise.all([...pages].map((p) => p.close()));
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

let axeSource;
/**
 * axe-core's violations in `context` (a selector; the whole document by default):
 * [{id, impact, help, nodes (the first three targets)}]. The app's CSP refuses inline
 * scripts (docs/embedding.md), so axe is injected through the devtools protocol.
 */
export async function axeViolations(page, context = null) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Once per document (a second audit of the same page, e.g. in dark mode, reuses it).
  if (!(await page.evaluate(() => typeof window.axe?.run === 'function'))) await page.evaluate(axeSource);
  return page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  }, context);
}

/** The serious and critical ones: what the accessibility tests refuse. */
export const serious = (violations) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/**
 * Paper v6 named explicitly: the app's default dataset is "latest" (the newest daily
 * measurements), so tests that check the paper's models and numbers pin this one.
 */
export const PAPER_V6 = 'ds=paper-v6%402025-10-26';

/** `query` ("", "?a=b" or "embed.html?a=b") with PAPER_V6 added unless it names a dataset. */
export function withPaperV6(query = '') {
  if (/[?&]ds=/.test(query)) return query;
  if (query.includes('?')) return `${query}&${PAPER_V6}`;
  return `${query}?${PAPER_V6}`;
}
