// Servers for the embed, offline and security tests: the built app with the HTTP headers of
// its _headers file (what a Netlify/Cloudflare-style host sends: CSP, frame-ancestors), a
// host page on another port, a temporary copy of dist/, and a recorder of every request.
import { createHash } from 'node:crypto';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

import { headersFor, parseHeaders } from '../../web/src/embed/vite-plugin.mjs';
import { distDir } from './helpers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

function listen(handler) {
  const server = createServer(handler);
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({
        url: `http://127.0.0.1:${port}/`,
        origin: `http://127.0.0.1:${port}`,
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Serves `dir` with the headers of its _headers file; `dir` can be changed later (`app.dir = ...`). */
export async function serveApp(dir = distDir) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html not found: run "npx vite build" first`);
  const state = { dir };
  const app = await listen((req, res) => {
    const root = state.dir;
    const rules = existsSync(join(root, '_headers')) ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8')) : [];
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    Object.assign(headers, headersFor(rules, path));
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  Object.defineProperty(app, 'dir', {
    get: () => state.dir,
    set: (d) => {
      state.dir = d;
    },
  });
  return app;
}

/** Serves fixed pages {"/path": html} (a host page of another origin). */
export function serveHost(pages) {
  return listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (!(path in pages)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(pages[path]);
  });
}

/** A temporary copy of dist/ (removed by the returned cleanup). */
export function copyDist() {
  const dir = mkdtempSync(join(tmpdir(), 'llmfp-dist-'));
  cpSync(distDir, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Records every request of a browser context (pages, frames, workers, service workers).
 * `foreign(origins)` lists those whose origin is not one of `origins`.
 */
export function recordRequests(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return {
    urls,
    foreign: (origins) =>
      urls.filter((u) => {
        if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return false;
        return !origins.includes(new URL(u).origin);
      }),
  };
}

/**
 * A blogger's post with five <llm-footprint> snippets (card, badge, chart of 4 models,
 * table, dark card): the page of scripts/bench-embed.mjs and tests/e2e/embed-first.test.mjs.
 */
export const HOST_EMBEDS = [
  '<llm-footprint model="GPT-4.1" dataset="paper-v6@2025-10-26"></llm-footprint>',
  '<p>Inline: <llm-footprint format="badge" model="o3" dataset="paper-v6@2025-10-26"></llm-footprint> per prompt.</p>',
  '<llm-footprint format="chart" models="GPT-4.1|o3|Claude-3.7 Sonnet|LLaMA-3.3 70B" prompt="medium" dataset="paper-v6@2025-10-26"></llm-footprint>',
  '<llm-footprint format="table" view="compare" model="GPT-4.1" compare-with="o3" dataset="paper-v6@2025-10-26"></llm-footprint>',
  '<llm-footprint format="card" theme="dark" metric="water" model="DeepSeek-R1 (DS)" dataset="paper-v6@2025-10-26"></llm-footprint>',
];
/**
 * The host page of `embeds` (HOST_EMBEDS by default) loading embed.js from `appUrl`; `head`:
 * more of its <head>; `lang` and `dir`: its language and direction.
 */
export const hostPage = (appUrl, { embeds = HOST_EMBEDS, head = '', lang = 'en', dir = 'ltr' } = {}) =>
  `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">${head}` +
  `<meta name="viewport" content="width=device-width, initial-scale=1"><title>A blog post</title>` +
  `<script type="module" src="${appUrl}embed.js"></script></head><body><h1>A blog post</h1>` +
  embeds.join('\n<p>More of the post.</p>\n') +
  `</body></html>`;

export const NEWER = '2099-01-01';
export const EVIL = '<img src=x onerror=alert(1)>';

/**
 * Adds paper-v6@2099-01-01 to the dist copy `dir`: every model's GPU power doubled, no
 * reference results, and GPT-4.1 renamed to an HTML payload; the manifest lists it as latest.
 */
export function addNewerVersion(dir) {
  const old = JSON.parse(readFileSync(join(dir, 'data/paper-v6/2025-10-26.json'), 'utf8'));
  const newer = structuredClone(old);
  newer.version = NEWER;
  for (const m of newer.models) {
    m.p_gpu_kw *= 2;
    if (m.model === 'GPT-4.1') m.model = EVIL;
    for (const p of m.prompts) delete p.reference;
  }
  const text = `${JSON.stringify(newer, null, 2)}\n`;
  writeFileSync(join(dir, `data/paper-v6/${NEWER}.json`), text);
  const manifestPath = join(dir, 'data/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = manifest.datasets.find((d) => d.id === 'paper-v6');
  const base = entry.versions.find((v) => v.version === '2025-10-26');
  entry.versions.push({
    ...base,
    version: NEWER,
    file: base.file.replace('2025-10-26', NEWER),
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  });
  entry.latest = NEWER;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
