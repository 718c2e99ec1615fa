// Pure modules of the embeds: embed state and URLs (same versioned state as the app, dataset
// pinned), the host snippets (HTML-escaped names), the pinned-version status, the models an
// embed shows, its precomputed numbers and plain numbers. (Hosting, headers and the service
// worker: embed-hosting.test.mjs; the first paint in a host page: embed-first.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkPrecomputed, precomputedUrl, usesDefaults } from '../../web/src/data/precomputed.js';
import {
  EMBED_ID,
  EMBED_KEYS,
  EMBED_ONLY_FIELDS,
  appUrl,
  embedFormat,
  embedModels,
  embedState,
  embedUrl,
  snippets,
} from '../../web/src/embed/links.js';
import { amount, sig2 } from '../../web/src/embed/plain.js';
import { EngineClient } from '../../web/src/engine/client.js';
import { versionStatus } from '../../web/src/embed/versions.js';
import { coreFields } from '../../web/src/state/fields.js';
import { decode, defaults } from '../../web/src/state/url-state.js';

const BASE = 'https://example.org/llm-footprint/';
const EVIL = `<img src=x onerror=alert(1)> "quoted" & more`;

test('embedState keeps only embed settings, maps other views to calc and pins the dataset', () => {
  const state = {
    ...defaults(coreFields),
    view: 'rank',
    model: 'o3',
    pue: 1.3,
    rankOrientation: 'oo',
    scaleQueries: 5,
  };
  const s = embedState(state, { ref: 'paper-v6@2025-10-26' });
  assert.equal(s.view, 'calc');
  assert.equal(s.dataset, 'paper-v6@2025-10-26');
  assert.equal(s.pue, 1.3);
  assert.ok(Object.keys(s).every((k) => EMBED_KEYS.includes(k)));
  assert.equal(embedState({ ...state, view: 'compare', model: '' }, { model: 'GPT-4.1' }).model, 'GPT-4.1');
});

test('an embed URL decodes back to the same state (plus the embed id), and the app URL too', () => {
  const state = {
    ...defaults(coreFields),
    view: 'compare',
    dataset: 'snapshot@2025-10-26',
    model: EVIL,
    compareWith: 'o3',
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
  for (const k of ['view', 'dataset', 'model', 'compareWith', 'prompt', 'cif'])
    assert.equal(back.state[k], state[k], k);
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

const NAMES = ['GPT-4.1', 'o3', "GPT-4o (Mar '25)", 'Claude-3.7 Sonnet'];

test('embedModels: up to 8 models in the given order, unknown ones named, the default when none is left', () => {
  const base = { ...defaults({ ...coreFields, ...EMBED_ONLY_FIELDS }) };
  assert.deepEqual(embedModels(base, NAMES), {
    models: ["GPT-4o (Mar '25)"],
    unknown: [],
    all: false,
    highlight: "GPT-4o (Mar '25)",
  });
  const three = embedModels({ ...base, models: 'o3|GPT-4.1|nope|o3' }, NAMES);
  assert.deepEqual(three.models, ['o3', 'GPT-4.1'], 'order kept, duplicates dropped');
  assert.deepEqual(three.unknown, ['nope']);
  const many = embedModels({ ...base, models: Array.from({ length: 12 }, (_, i) => `m${i}`).join('|') }, [
    ...Array.from({ length: 12 }, (_, i) => `m${i}`),
  ]);
  assert.equal(many.models.length, 8, 'at most 8');
  assert.deepEqual(embedModels({ ...base, model: 'zzz' }, NAMES).models, ["GPT-4o (Mar '25)"]);
  assert.deepEqual(embedModels({ ...base, model: 'zzz' }, NAMES).unknown, ['zzz']);
  assert.deepEqual(embedModels({ ...base, view: 'compare', model: 'o3', compareWith: 'GPT-4.1' }, NAMES).models, [
    'o3',
    'GPT-4.1',
  ]);
  const all = embedModels({ ...base, view: 'compare', model: 'o3' }, NAMES);
  assert.equal(all.all, true);
  assert.deepEqual(all.models, NAMES);
  assert.equal(all.highlight, 'o3');
  assert.equal(embedFormat({ view: 'compare' }), 'table');
  assert.equal(embedFormat({ view: 'calc' }), 'card');
  assert.equal(embedFormat({ view: 'calc', fmt: 'badge' }), 'badge');
});

test('snippets carry the models, format, theme and size as attributes and URL parameters, escaped', () => {
  const fields = { ...coreFields };
  const state = {
    ...defaults({ ...coreFields, ...EMBED_ONLY_FIELDS }),
    view: 'compare',
    dataset: 'paper-v6@2025-10-26',
    model: 'GPT-4.1',
    models: `GPT-4.1|o3|${EVIL}`,
    fmt: 'chart',
    theme: 'page',
    esize: 's',
  };
  const s = snippets(BASE, state, fields);
  assert.match(s.element, /models="GPT-4.1\|o3\|&lt;img src=x onerror=alert\(1\)&gt; &quot;quoted&quot; &amp; more"/);
  assert.match(s.element, / format="chart" theme="page" size="s"/);
  assert.ok(!s.element.includes('<img'), 'no markup from a name');
  const url = new URL(s.src);
  assert.equal(url.searchParams.get('fmt'), 'chart');
  assert.equal(url.searchParams.get('models'), `GPT-4.1|o3|${EVIL}`);
  assert.equal(url.searchParams.get('esize'), 's');
  const back = decode(url.searchParams.toString().replace(/&eid=[^&]*/, ''), { ...coreFields, ...EMBED_ONLY_FIELDS });
  assert.deepEqual(back.notices, []);
  assert.equal(back.state.models, state.models);
  assert.match(s.title, /^3 models:/);
  // A badge starts one line high; an unknown format in a link falls back with a notice.
  assert.match(snippets(BASE, { ...state, fmt: 'badge' }, fields).iframe, /height="28"/);
  const bad = decode('v=1&fmt=poster&theme=neon', { ...coreFields, ...EMBED_ONLY_FIELDS });
  assert.equal(bad.state.fmt, '');
  assert.equal(bad.state.theme, 'auto');
  assert.equal(bad.notices.length, 2);
});

test('precomputed files are used only for their dataset version and hash, and only with default assumptions', () => {
  const meta = { ref: 'paper-v6@2025-10-26', version: { sha256: 'abc' } };
  const row = { model: 'o3', prompt: 'short', energy_wh: { mean: 1 } };
  const file = {
    format: 1,
    dataset: 'paper-v6@2025-10-26',
    dataset_sha256: 'abc',
    result: { rows: [row], notes: ['n'] },
  };
  assert.equal(checkPrecomputed(file, meta).get('o3', 'short'), row);
  assert.equal(checkPrecomputed(file, meta).get('o3', 'long'), null);
  assert.equal(checkPrecomputed({ ...file, dataset_sha256: 'other' }, meta), null, 'other data: not used');
  assert.equal(checkPrecomputed({ ...file, dataset: 'paper-v6@2099-01-01' }, meta), null);
  assert.equal(checkPrecomputed({ ...file, format: 2 }, meta), null);
  assert.equal(checkPrecomputed(null, meta), null);
  const slim = { format: 1, dataset: meta.ref, dataset_sha256: 'abc', rows: [row] };
  assert.equal(checkPrecomputed(slim, meta).get('o3', 'short'), row);
  assert.equal(
    precomputedUrl('paper-v6@2025-10-26', 'short', { slim: true, base: BASE }),
    `${BASE}data/precomputed/paper-v6/2025-10-26/short.min.json`,
  );
  const d = defaults(coreFields);
  assert.equal(usesDefaults(d), true);
  assert.equal(usesDefaults({ ...d, model: 'o3', prompt: 'long', view: 'compare', compareMetric: 'water' }), true);
  for (const change of [{ pue: 1.2 }, { estimator: 'v4' }, { outputTokens: 500 }, { host: 'Azure' }, { rho: 0 }])
    assert.equal(usesDefaults({ ...d, ...change }), false, JSON.stringify(change));
});

test('plain numbers: two significant figures in a unit that scales', () => {
  assert.deepEqual(
    [sig2(0.8714), sig2(4.024), sig2(0.296), sig2(12.6), sig2(1234), sig2(0)],
    ['0.87', '4', '0.3', '13', '1,200', '0'],
  );
  assert.equal(amount('energy', 0.4134), '0.41 Wh');
  assert.equal(amount('energy', 2345), '2.3 kWh');
  assert.equal(amount('water', 1.5e6), '1.5 m³');
  assert.equal(amount('carbon', 4200), '4.2 kg CO₂e');
  assert.equal(amount('carbon', Number.NaN), '–');
});

test('engine client: a superseded request is dropped from the queue, an answer in flight is discarded', async () => {
  const sent = [];
  const client = new EngineClient({
    createWorker: () => {
      const w = {
        postMessage(msg) {
          sent.push(msg.request.n);
          setTimeout(
            () => w.onmessage({ data: { id: msg.id, ok: true, response: { ok: true, result: msg.request.n } } }),
            5,
          );
        },
        terminate() {},
      };
      return w;
    },
  });
  const a = new AbortController();
  const b = new AbortController();
  const first = client.request({ op: 'estimate', n: 1 }, { signal: a.signal });
  const second = client.request({ op: 'estimate', n: 2 }, { signal: b.signal });
  const third = client.request({ op: 'estimate', n: 3 });
  await new Promise((r) => {
    setTimeout(r, 1);
  });
  a.abort(); // in flight
  b.abort(); // still queued
  await assert.rejects(first, { name: 'AbortError' });
  await assert.rejects(second, { name: 'AbortError' });
  assert.equal((await third).result, 3);
  assert.deepEqual(sent, [1, 3], 'the superseded queued request never reached the worker');
  const pre = new AbortController();
  pre.abort();
  await assert.rejects(client.request({ op: 'estimate', n: 4 }, { signal: pre.signal }), { name: 'AbortError' });
  assert.equal(client.status, 'ready');
  client.dispose();
});
