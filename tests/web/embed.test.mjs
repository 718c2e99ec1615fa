// Pure modules of the embeds: embed state and URLs (same versioned state as the app, dataset
// pinned), the host snippets (HTML-escaped names), the pinned-version status, the _headers
// parser and the service worker's precache list.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { EMBED_ID, EMBED_KEYS, appUrl, embedState, embedUrl, snippets } from '../../web/src/embed/links.js';
import { versionStatus } from '../../web/src/embed/versions.js';
import {
  csp,
  headersFile,
  headersFor,
  parseHeaders,
  precacheList,
  writeServiceWorker,
} from '../../web/src/embed/vite-plugin.mjs';
import { coreFields } from '../../web/src/state/fields.js';
import { decode, defaults } from '../../web/src/state/url-state.js';

const BASE = 'https://example.org/llm-footprint/';
const EVIL = `<img src=x onerror=alert(1)> "quoted" & more`;

test('embedState keeps only embed settings, maps other views to calc and pins the dataset', () => {
  const state = { ...defaults(coreFields), view: 'rank', model: 'o3', pue: 1.3, rorient: 'oo', sq: 5 };
  const s = embedState(state, { ref: 'paper-v6@2025-10-26' });
  assert.equal(s.view, 'calc');
  assert.equal(s.ds, 'paper-v6@2025-10-26');
  assert.equal(s.pue, 1.3);
  assert.ok(Object.keys(s).every((k) => EMBED_KEYS.includes(k)));
  assert.equal(embedState({ ...state, view: 'compare', model: '' }, { model: 'GPT-4.1' }).model, 'GPT-4.1');
});

test('an embed URL decodes back to the same state (plus the embed id), and the app URL too', () => {
  const state = {
    ...defaults(coreFields),
    view: 'compare',
    ds: 'snapshot@2025-10-26',
    model: EVIL,
    cb: 'o3',
    prompt: 'long',
    cif: 0.25,
  };
  const url = new URL(embedUrl(BASE, state, coreFields, 'my embed'));
  assert.equal(url.pathname, '/llm-footprint/embed.html');
  assert.equal(url.searchParams.get('v'), '1');
  assert.equal(url.searchParams.get(EMBED_ID), 'my embed');
  url.searchParams.delete(EMBED_ID);
  const back = decode(url.search, coreFields);
  assert.deepEqual(back.notices, []);
  for (const k of ['view', 'ds', 'model', 'cb', 'prompt', 'cif']) assert.equal(back.state[k], state[k], k);
  const app = new URL(appUrl(BASE, state, coreFields));
  assert.equal(app.pathname, '/llm-footprint/');
  assert.equal(decode(app.search, coreFields).state.model, EVIL);
});

test('snippets escape names in attributes and text, and carry the pinned dataset', () => {
  const state = embedState({ ...defaults(coreFields), model: EVIL, pue: 1.2 }, { ref: 'paper-v6@2025-10-26' });
  const s = snippets(BASE, state, coreFields);
  for (const text of [s.iframe, s.element]) {
    assert.ok(!text.includes('<img'), 'no raw tag from the name');
    // Every attribute value is a "..." string without a raw quote or angle bracket inside.
    const attrs = [...text.matchAll(/\s([a-z-]+)="([^"]*)"/g)];
    assert.ok(attrs.length > 3);
    for (const [, , value] of attrs) assert.ok(!/[<>]/.test(value), value);
  }
  const unescape = (v) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const model = s.element.match(/ model="([^"]*)"/)[1];
  assert.equal(unescape(model), EVIL);
  assert.match(s.element, / dataset="paper-v6@2025-10-26"/);
  assert.match(s.element, / prompt="short"/);
  assert.match(s.element, / params="pue=1.2"/);
  assert.match(s.element, /<a href="https:\/\/example.org\/llm-footprint\/\?v=1&amp;ds=paper-v6%402025-10-26/);
  assert.match(s.element, /&lt;img src=x onerror=alert\(1\)&gt; "quoted" &amp; more: energy/);
  const src = unescape(s.iframe.match(/<iframe src="([^"]*)"/)[1]);
  assert.equal(new URL(src).searchParams.get('model'), EVIL);
  assert.match(s.iframe, /<script type="module" src="https:\/\/example.org\/llm-footprint\/embed.js"><\/script>/);
});

test('versionStatus: pinned latest, pinned older (newer exists), missing version, missing id', () => {
  const entry = {
    id: 'snapshot',
    latest: '2026-08-22',
    versions: [{ version: '2025-10-26' }, { version: '2026-08-22' }],
  };
  const meta = (v) => ({ entry, version: { version: v }, ref: `snapshot@${v}` });
  assert.deepEqual(versionStatus('snapshot@2026-08-22', meta('2026-08-22')), {
    newer: null,
    missing: null,
    latestRef: 'snapshot@2026-08-22',
  });
  assert.equal(versionStatus('snapshot@2025-10-26', meta('2025-10-26')).newer, '2026-08-22');
  assert.equal(versionStatus('', meta('2026-08-22')).newer, null);
  assert.equal(versionStatus('snapshot@1999-01-01', meta('2026-08-22')).missing, 'snapshot@1999-01-01');
  assert.equal(versionStatus('nope@1', meta('2026-08-22')).missing, 'nope@1');
});

test('_headers: each path gets its own rule; the embed may be framed by anyone, the app only by itself', () => {
  const rules = parseHeaders(
    '# comment\n/\n  A: 1\n/embed.html\n  Content-Security-Policy: x; frame-ancestors *\n/assets/*\n  B: two: parts\n',
  );
  assert.deepEqual(headersFor(rules, '/'), { a: '1' });
  assert.deepEqual(headersFor(rules, '/embed.html'), { 'content-security-policy': 'x; frame-ancestors *' });
  assert.deepEqual(headersFor(rules, '/assets/x-1.js'), { b: 'two: parts' });
  assert.deepEqual(headersFor(rules, '/other.html'), {});
});

test('the service worker lists every built file but metadata, schemas and dataset parts; its version follows the content', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llmfp-sw-'));
  try {
    for (const f of [
      'index.html',
      'embed.html',
      '_headers',
      '.vite/manifest.json',
      'assets/index-abc.js',
      'assets/engine-def.wasm',
      'data/manifest.json',
      'data/paper-v6/2025-10-26.json',
      'data/provider-daily/2026-08-22.json',
      'data/provider-daily/2026-08-22/model-a.json',
      'data/schemas/footprint.schema.json',
    ]) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), f);
    }
    assert.deepEqual(precacheList(dir), [
      'assets/engine-def.wasm',
      'assets/index-abc.js',
      'data/manifest.json',
      'data/paper-v6/2025-10-26.json',
      'data/provider-daily/2026-08-22.json',
      'embed.html',
      'index.html',
    ]);
    const a = writeServiceWorker(dir, '/* template */');
    assert.equal(a.files[0], './');
    assert.equal(writeServiceWorker(dir, '/* template */').version, a.version, 'same files, same version');
    writeFileSync(join(dir, 'data/paper-v6/2025-10-26.json'), 'changed');
    assert.notEqual(writeServiceWorker(dir, '/* template */').version, a.version, 'a changed file, a new version');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the generated _headers: frame-ancestors self for the app, * for the embed only, the same policy otherwise', () => {
  const rules = parseHeaders(headersFile());
  const policy = (path) => headersFor(rules, path)['content-security-policy'];
  assert.equal(policy('/'), csp("'self'"));
  assert.equal(policy('/index.html'), csp("'self'"));
  assert.equal(policy('/embed.html'), csp('*'));
  assert.equal(csp(), csp('*').replace('; frame-ancestors *', ''));
  assert.match(policy('/assets/worker-x.js'), /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(headersFor(rules, '/embed.js')['access-control-allow-origin'], '*');
  for (const path of ['/', '/embed.html', '/assets/a.js', '/sw.js'])
    assert.ok(!/unsafe-inline|'unsafe-eval'/.test(policy(path)), path);
});
