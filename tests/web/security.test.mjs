// Hostile links, files and hosts, in the browser code (docs/security.md): which $data
// references the engine's worker follows, dataset checksums, CSV formula injection, the
// cap on link notices, an imported file's link winning over the tab's, and embeds of
// imported data keeping the data. The browser-level attacks are in tests/e2e/security.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { EMBED_KEYS, embedState, snippets } from '../../web/src/embed/links.js';
import { manifestHashes, sha256Hex, verifiedJson } from '../../web/src/data/integrity.js';
import { csvCell, toCsv } from '../../web/src/lib/export.js';
import { coreFields } from '../../web/src/state/fields.js';
import { MAX_NOTICES, decode } from '../../web/src/state/url-state.js';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root));
const manifest = JSON.parse(read('public/data/manifest.json'));
const PAPER = 'paper-v6/2025-10-26.json';

test('the manifest lists a SHA-256 for every dataset file and part; Web Crypto agrees with it', async () => {
  const hashes = manifestHashes(manifest);
  const bytes = read(`public/data/${PAPER}`);
  // Node's own hash of the file is the independent reference.
  const reference = createHash('sha256').update(bytes).digest('hex');
  assert.equal(hashes.get(PAPER), reference);
  assert.equal(await sha256Hex(bytes), reference);
  assert.ok(
    [...hashes.keys()].some((f) => /^provider-daily\/[^/]+\/[^/]+\.json$/.test(f)),
    'split dataset parts are listed',
  );
  const data = await verifiedJson(bytes, PAPER, reference);
  assert.ok(data.models.some((m) => m.model.startsWith('GPT-4o')));
});

test('a dataset file whose bytes changed is an error naming it, never other numbers', async () => {
  const text = read(`public/data/${PAPER}`).toString('utf8');
  // GPT-4o's GPU power x10 (the attack of the issue): valid JSON, plausible, wrong.
  const tampered = text.replace(/"p_gpu_kw": ([\d.]+)/, (_, v) => `"p_gpu_kw": ${Number(v) * 10}`);
  assert.notEqual(tampered, text);
  await assert.rejects(
    verifiedJson(new TextEncoder().encode(tampered), PAPER, manifestHashes(manifest).get(PAPER)),
    (e) => e.message.includes(`data/${PAPER}`) && /checksum/.test(e.message),
  );
});

test('CSV cells that a spreadsheet would run as formulas are text; numbers stay numbers', () => {
  assert.equal(csvCell('=HYPERLINK("http://x.example","click")'), `"'=HYPERLINK(""http://x.example"",""click"")"`);
  for (const s of ['+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
    assert.ok(csvCell(s).replace(/^"/, '').startsWith("'"), s);
  assert.equal(csvCell(-1.5), '-1.5');
  assert.equal(csvCell('GPT-4o'), 'GPT-4o');
  const csv = toCsv([{ key: 'model', label: 'Model' }], [{ model: '=1+1' }]);
  assert.equal(csv, "Model\r\n'=1+1\r\n");
});

test('a link with 100,000 unknown parameters gives a few notices and a count', () => {
  const unknown = Array.from({ length: 100000 }, (_, i) => `x${i}=1`).join('&');
  const { state, notices } = decode(`?v=1&model=GPT-4.1&${unknown}`, coreFields);
  assert.equal(state.model, 'GPT-4.1');
  assert.equal(notices.length, MAX_NOTICES + 1);
  assert.ok(notices.at(-1).startsWith(`${100000 - MAX_NOTICES} more settings`), notices.at(-1));
});

test('an embed of imported data carries the file (imp) with ds=imported', () => {
  assert.ok(EMBED_KEYS.includes('importedCsv'));
  const fields = {
    ...coreFields,
    importedCsv: { url: 'imp', kind: 'string', max: 6000, pattern: /^[A-Za-z0-9_-]*$/, def: '' },
  };
  const state = { ...decode('v=1', fields).state, dataset: 'imported', importedCsv: 'bW9kZWwK', model: 'M' };
  const { src } = snippets('https://example.org/app/', embedState(state, { ref: 'imported' }), fields);
  assert.equal(new URL(src).searchParams.get('imp'), 'bW9kZWwK');
  assert.equal(new URL(src).searchParams.get('ds'), 'imported');
});

/** Loads a fresh copy of a module with globals stubbed (location, storage, worker scope). */
async function fresh(path) {
  return import(`${new URL(path, root).href}?t=${Math.random()}`);
}

function stubStorage() {
  const data = new Map();
  globalThis.sessionStorage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => data.set(k, String(v)),
  };
}

test("a link's imported file wins over the tab's; a damaged or absent one is an error in words", async () => {
  stubStorage();
  const mod = await fresh('web/src/data/imported.js');
  mod.setImportedDataset({ models: [{ model: 'Stored' }] });
  const linked = { models: [{ model: 'Linked', extra: { $data: 'http://127.0.0.1:9/beacon' } }] };
  const run = async (req) => ({ ok: true, result: { dataset: linked, csv: req.text } });
  globalThis.location = { search: `?ds=imported&imp=${mod.encodeCsv('model\nLinked\n')}` };
  const got = await mod.loadImportedDataset(run, {});
  assert.equal(got.models[0].model, 'Linked');
  // A visitor's dataset never carries a reference the worker would fetch.
  assert.ok(!JSON.stringify(got).includes('$data'));
  assert.ok(!globalThis.sessionStorage.getItem('llmfp-imported-dataset').includes('$data'));

  globalThis.location = { search: '?ds=imported&imp=a' }; // not base64 of anything
  await assert.rejects(mod.loadImportedDataset(run, {}), /the imported data in this link is damaged/);
  globalThis.location = { search: `?ds=imported&imp=${mod.encodeCsv('x')}` };
  const refuse = async () => ({ ok: false, error: { message: 'the file has a header but no data rows' } });
  await assert.rejects(
    mod.loadImportedDataset(refuse, {}),
    /could not be read \(the file has a header but no data rows\)/,
  );

  stubStorage();
  const empty = await fresh('web/src/data/imported.js');
  globalThis.location = { search: '?ds=imported' };
  await assert.rejects(empty.loadImportedDataset(run, {}), /there is no imported data here/);
  delete globalThis.location;
  delete globalThis.sessionStorage;
});

test('the worker follows $data only at request fields, and only to listed files of its own origin', async () => {
  const origin = 'http://app.test';
  const files = {
    [`${origin}/data/manifest.json`]: read('public/data/manifest.json'),
    [`${origin}/data/${PAPER}`]: read(`public/data/${PAPER}`),
    [`${origin}/data/hardware/v6.json`]: Buffer.from('{"changed": true}'),
  };
  const fetched = [];
  globalThis.fetch = async (url) => {
    const href = String(url);
    fetched.push(href);
    const body = files[href];
    return body
      ? { ok: true, status: 200, arrayBuffer: async () => body, json: async () => JSON.parse(body) }
      : { ok: false, status: 404 };
  };
  globalThis.self = { location: new URL(`${origin}/assets/worker-x.js`), postMessage() {} };
  try {
    const { resolveData } = await fresh('web/src/engine/worker.js');
    const own = { $data: `${origin}/data/${PAPER}` };
    const beacon = { $data: 'http://127.0.0.1:9/beacon' };
    const resolved = await resolveData({
      op: 'estimate',
      dataset: { ...own, models: ['GPT-4.1'] },
      extra: beacon,
      estimate: { dataset: own, deeper: { dataset: beacon } },
      overrides: { pue: 1.2, x: [beacon] },
    });
    assert.deepEqual(
      resolved.dataset.models.map((m) => m.model),
      ['GPT-4.1'],
    );
    assert.ok(Array.isArray(resolved.estimate.dataset.models));
    // Anywhere else a {"$data"} is left for the engine to refuse, and nothing is fetched.
    assert.deepEqual(resolved.extra, beacon);
    assert.deepEqual(resolved.estimate.deeper, { dataset: beacon });
    assert.deepEqual(resolved.overrides.x, [beacon]);
    assert.deepEqual(
      fetched.filter((u) => !u.startsWith(origin)),
      [],
    );
    // At a request field: another origin, an unlisted file, a query string: refused unfetched.
    for (const url of [
      'http://127.0.0.1:9/beacon',
      `${origin}/data/other.json`,
      `${origin}/secret.json`,
      `${origin}/data/${PAPER}?x=1`,
      'javascript:alert(1)',
    ]) {
      await assert.rejects(resolveData({ dataset: { $data: url } }), /only the app's own datasets/, url);
    }
    assert.deepEqual(
      fetched.filter((u) => !u.startsWith(origin) || u.includes('other') || u.includes('secret')),
      [],
    );
    // trend's list of files at `dataset`: each own file is read, a foreign one refused unfetched.
    const list = await resolveData({ op: 'trend', dataset: [own, own] });
    assert.equal(list.dataset.length, 2);
    assert.ok(Array.isArray(list.dataset[0].models));
    await assert.rejects(resolveData({ op: 'trend', dataset: [own, beacon] }), /only the app's own datasets/);
    assert.deepEqual(
      fetched.filter((u) => !u.startsWith(origin)),
      [],
    );
    // A listed file whose bytes changed: an error naming it.
    await assert.rejects(
      resolveData({ hardware: { $data: `${origin}/data/hardware/v6.json` } }),
      /data\/hardware\/v6\.json/,
    );
  } finally {
    delete globalThis.fetch;
    delete globalThis.self;
  }
});
