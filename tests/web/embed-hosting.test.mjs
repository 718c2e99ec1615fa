// What the hosting of the embeds must provide, and what the build gives it: the generated
// _headers (CSP with the inline scripts' hashes, frame-ancestors, CORS for host pages), the
// _headers parser, the service worker's precache list, and the embed dialog's verdicts on a
// site's answers (hosting.js).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { judge } from '../../web/src/embed/hosting.js';
import {
  csp,
  headersFile,
  headersFor,
  inlineScriptHashes,
  parseHeaders,
  precacheList,
  writeServiceWorker,
} from '../../web/src/embed/vite-plugin.mjs';

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
  // What a host page of another origin reads for an embed's first paint, and nothing else.
  assert.equal(headersFor(rules, '/assets/embed-first-x.js')['access-control-allow-origin'], '*');
  assert.equal(headersFor(rules, '/data/precomputed/embed/a-1-short-0123.json')['access-control-allow-origin'], '*');
  for (const path of ['/', '/index.html', '/embed.html', '/data/manifest.json', '/sw.js'])
    assert.equal(headersFor(rules, path)['access-control-allow-origin'], undefined, path);
  for (const path of ['/', '/embed.html', '/assets/a.js', '/sw.js'])
    assert.ok(!/unsafe-inline|'unsafe-eval'/.test(policy(path)), path);
});

test('CSP hashes: only classic inline scripts are allowed, each by its SHA-256, and only on its own page', () => {
  // SHA-256 of zero bytes, base64: the well-known 47DEQpj8... value.
  const EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
  const page =
    '<script></script><script type="module">x</script><script src="a.js"></script><script async src="b.js"></script>';
  assert.deepEqual(inlineScriptHashes(page), [EMPTY]);
  const rules = parseHeaders(headersFile({ 'embed.html': [EMPTY], 'index.html': [] }));
  const policy = (path) => headersFor(rules, path)['content-security-policy'];
  assert.equal(policy('/embed.html'), csp('*', [EMPTY]));
  assert.match(policy('/embed.html'), /script-src 'self' 'wasm-unsafe-eval' 'sha256-47DEQ[^;]*=';/);
  assert.equal(policy('/'), csp("'self'"));
});

test('hosting verdicts: the CORS header on embed.js, its type, framing of embed.html, HTTPS', () => {
  const good = judge({
    script: { status: 200, type: 'text/javascript', acao: '*' },
    page: { status: 200, csp: "default-src 'self'; frame-ancestors *", xfo: null },
    protocol: 'https:',
    host: 'example.org',
  });
  assert.deepEqual(
    good.map((c) => [c.id, c.ok]),
    [
      ['https', true],
      ['cors', true],
      ['type', true],
      ['frame', true],
    ],
  );
  const bad = judge({
    script: { status: 200, type: 'application/octet-stream', acao: null },
    page: { status: 200, csp: "frame-ancestors 'self'", xfo: null },
    protocol: 'http:',
    host: 'example.org',
  });
  assert.deepEqual(
    bad.map((c) => c.ok),
    [false, false, false, false],
  );
  assert.match(bad.find((c) => c.id === 'cors').detail, /Access-Control-Allow-Origin: \*/);
  assert.match(bad.find((c) => c.id === 'cors').detail, /only its link/);
  assert.equal(
    judge({
      script: { status: 200, type: 'text/javascript', acao: '*' },
      page: { status: 200, xfo: 'DENY' },
      protocol: 'http:',
      host: '127.0.0.1',
    }).find((c) => c.id === 'frame').ok,
    false,
  );
  // The files of an embed's first paint: recommended, not needed.
  const first = (acao) =>
    judge({ script: null, page: null, first: { status: 200, acao }, protocol: 'https:', host: 'x.org' }).find(
      (c) => c.id === 'first-paint',
    );
  assert.equal(first('*').ok, true);
  assert.equal(first(null).ok, false);
  assert.match(first(null).detail, /still works/);
  assert.match(first(null).detail, /data\/precomputed\/embed\/ and assets\//);
  assert.equal(
    good.find((c) => c.id === 'first-paint'),
    undefined,
    'not checked: no verdict',
  );
  assert.equal(
    judge({ script: null, page: null, protocol: 'http:', host: 'localhost' })[1].ok,
    null,
    'offline: unknown',
  );
  assert.equal(judge({ script: { status: 404 }, page: null, protocol: 'https:', host: 'x.org' })[1].ok, false);
});
