// The Reality check's boundary mapping, requests and gap reasons (web/src/features/reality/reality.js),
// on the bundled disclosures dataset.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  REALITY_FIELDS,
  boundaryFor,
  gapLine,
  gapReasons,
  publishedValue,
  realityRequests,
} from '../../web/src/features/reality/reality.js';
import { readField } from '../../web/src/state/url-state.js';

const figures = JSON.parse(
  readFileSync(new URL('../../public/data/disclosures/2026-01-20.json', import.meta.url)),
).figures;
const byId = Object.fromEntries(figures.map((f) => [f.id, f]));
const base = { op: 'estimate', dataset: { $data: 'd.json' }, method: { estimator: 'v6' } };
const state = { realityLikeForLike: 'like', realityMetric: 'energy', realityMarketCif: null, estimator: 'v6' };

test("each figure's boundary maps onto the engine's overrides; what cannot be matched is named", () => {
  assert.deepEqual(boundaryFor(byId['google-gemini-2025-minimal'], null), {
    overrides: { boundary: 'accelerator', water_scope: 'site' },
    unmatched: ['market'],
  });
  assert.deepEqual(boundaryFor(byId['google-gemini-2025'], 0.1), {
    overrides: { water_scope: 'site', carbon_basis: 'market', market_cif_kg_per_kwh: 0.1 },
    unmatched: ['facility_with_idle'],
  });
  assert.deepEqual(boundaryFor(byId['microsoft-2025-preprint'], null), { overrides: {}, unmatched: [] });
  assert.deepEqual(boundaryFor(byId['mistral-large-2-lca-2025'], null).unmatched, ['lifecycle']);
  assert.deepEqual(boundaryFor(byId['openai-altman-2025'], null).unmatched, ['unspecified']);
});

test('switch off: one request; on: one per distinct boundary, sharing the paper default', () => {
  assert.equal(realityRequests(base, { ...state, realityLikeForLike: '' }, figures).requests.length, 1);
  const { requests, keyFor } = realityRequests(base, state, figures);
  // base, Google (site water), Google minimal (accelerator + site water)
  assert.equal(requests.length, 3);
  assert.equal(keyFor['epoch-gpt4o-2025'], 'base');
  assert.notEqual(keyFor['google-gemini-2025'], keyFor['google-gemini-2025-minimal']);
  const minimal = requests.find((r) => r.key === keyFor['google-gemini-2025-minimal']).request;
  assert.deepEqual(minimal.overrides, { boundary: 'accelerator', water_scope: 'site' });
  // The visitor's own overrides travel along; a location factor gives way to the market basis.
  const withMkt = realityRequests(
    { ...base, overrides: { cif_kg_per_kwh: 0.3, pue: 1.2 } },
    { ...state, realityMarketCif: 0.05, cif: 0.3, pue: 1.2 },
    figures,
  );
  const g = withMkt.requests.find((r) => r.key === withMkt.keyFor['google-gemini-2025']).request;
  assert.deepEqual(g.overrides, { pue: 1.2, water_scope: 'site', carbon_basis: 'market', market_cif_kg_per_kwh: 0.05 });
});

test('published values per quantity; empty = not published', () => {
  assert.deepEqual(publishedValue(byId['microsoft-2025-preprint'], 'energy'), { value: 0.34, low: 0.18, high: 0.67 });
  assert.equal(publishedValue(byId['mistral-large-2-lca-2025'], 'energy'), null);
  assert.equal(publishedValue(byId['mistral-large-2-lca-2025'], 'water').value, 45);
  assert.equal(publishedValue(byId['epoch-gpt4o-2025'], 'carbon'), null);
});

test('gap reasons: a matched boundary is no longer a reason; the line has the ratio', () => {
  const ctx = {
    metric: 'water',
    like: false,
    prompt: 'short',
    promptDetail: '100 tokens in, 300 out',
    marketFactor: null,
  };
  const f = byId['google-gemini-2025-minimal'];
  const off = gapReasons(f, ctx);
  assert.match(off[0], /accelerators only/);
  assert.ok(off.some((r) => /cooling water only/.test(r)));
  const on = gapReasons(f, { ...ctx, like: true });
  assert.ok(!on.some((r) => /accelerators only|cooling water only/.test(r)), on.join(' | '));
  const times = (x) => `${x.toFixed(1)}×`;
  assert.match(gapLine(f, 4.8, 0.12, ctx, times), /^Ours is 40\.0× theirs: theirs counts the accelerators only/);
  assert.match(gapLine(f, 0.03, 0.12, ctx, times), /^Theirs is 4\.0× ours/);
  assert.match(gapLine(byId['couch-claude-code-2026'], 4, 41, { ...ctx, metric: 'energy' }, times), /whole session/);
  assert.match(
    gapReasons(byId['epoch-gpt4o-2025'], { ...ctx, prompt: 'long', promptDetail: '10,000 in, 1,500 out' }).join(),
    /ours is a long prompt \(10,000 in, 1,500 out\), theirs a typical query/,
  );
});

test('URL fields: the switch, the quantity and the market factor are read and checked', () => {
  assert.deepEqual(readField(REALITY_FIELDS.realityLikeForLike, 'like'), { value: 'like' });
  assert.deepEqual(readField(REALITY_FIELDS.realityMetric, 'water'), { value: 'water' });
  assert.deepEqual(readField(REALITY_FIELDS.realityMarketCif, '0.05'), { value: 0.05 });
  assert.ok(readField(REALITY_FIELDS.realityMarketCif, '-1').error);
  assert.ok(readField(REALITY_FIELDS.realityMetric, 'price').error);
});
