// An embed's first paint in the host page (web/src/embed/host/, docs/embedding-speed.md "First
// paint"): which links may have one (the same reading of the link as the frame's), the rows
// it shows, and its stylesheet for a shadow root.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkPrecomputed } from '../../web/src/data/precomputed.js';
import { firstRows, needsViews, pinnedEstimate } from '../../web/src/embed/first.js';
import { shadowCss } from '../../web/src/embed/host/shadow-css.js';

const REF = 'paper-v6@2025-10-26';
const SHA = 'ab'.repeat(32);
const TABLE = { [REF]: { short: SHA, medium: 'cd'.repeat(32) } };
const link = (query) => new URLSearchParams(query);

test('a pinned estimate with the default assumptions has a first paint; its file is the one of its version and prompt size', () => {
  const first = pinnedEstimate(link(`v=1&ds=${REF}&model=o3&fmt=badge&theme=dark&eid=x1`), TABLE);
  assert.equal(first.sha256, SHA);
  assert.equal(first.state.dataset, REF);
  assert.equal(first.state.model, 'o3');
  assert.equal(first.state.prompt, 'short'); // the calculator's first prompt size
  assert.equal(first.state.fmt, 'badge');
  assert.equal(first.state.theme, 'dark');
  assert.deepEqual(first.notices, []);
  assert.equal(pinnedEstimate(link(`v=1&ds=${REF}&prompt=medium`), TABLE).sha256, 'cd'.repeat(32));
  // A malformed setting takes its default, with the frame's own notice naming it.
  const bad = pinnedEstimate(link(`v=1&ds=${REF}&fmt=poster`), TABLE);
  assert.equal(bad.state.fmt, '');
  assert.equal(bad.notices.length, 1);
  assert.match(bad.notices[0], /fmt/);
});

test('no first paint for a link the precomputed numbers do not answer', () => {
  for (const query of [
    `v=1&ds=${REF}&pue=1.2`, // an assumption changed
    `v=1&ds=${REF}&est=v4`, // another estimator
    `v=1&ds=${REF}&out=500`, // another answer length
    `v=1&ds=${REF}&prompt=long`, // a prompt size without a pinned file
    `v=1&ds=paper-v6@2024-01-01`, // a version this build did not precompute
    'v=1', // no version pinned: the manifest's latest
    `v=1&ds=${REF}&view=myuse`,
    `v=1&ds=${REF}&view=trends`,
    `v=1&ds=${REF}&myper=20`, // a setting of a feature view (My use)
    `v=1&ds=${REF}&zz=1`, // a setting this build does not know
  ])
    assert.equal(pinnedEstimate(link(query), TABLE), null, query);
  assert.equal(needsViews(link(`v=1&ds=${REF}&model=o3&eid=e`)), true); // eid is not a field...
  assert.notEqual(pinnedEstimate(link(`v=1&ds=${REF}&model=o3&eid=e`), TABLE), null); // ...and is set aside
});

test('the rows of the first paint: the blogger’s models in order, unknown names listed, the default model otherwise', () => {
  const row = (model, wh) => ({
    model,
    prompt: 'short',
    energy_wh: { mean: wh, p5: wh / 2, p95: wh * 2 },
    water_ml: { mean: 4 * wh, p5: 2 * wh, p95: 8 * wh },
    carbon_g: { mean: wh / 3, p5: wh / 6, p95: wh / 1.5 },
  });
  const file = { format: 1, dataset: REF, rows: [row('GPT-4.1', 0.87), row('o3', 1.18), row('LLaMA-3.3 70B', 0.25)] };
  const pre = checkPrecomputed(file, { ref: REF });
  const state = (query) => pinnedEstimate(link(`v=1&ds=${REF}&${query}`), TABLE).state;
  const two = firstRows(state('models=o3|Nope|GPT-4.1'), pre);
  assert.deepEqual(two.pick.models, ['o3', 'GPT-4.1']);
  assert.deepEqual(two.pick.unknown, ['Nope']);
  assert.deepEqual(
    two.rows.map((r) => [r.model, r.energy_wh.mean]),
    [
      ['o3', 1.18],
      ['GPT-4.1', 0.87],
    ],
  );
  const all = firstRows(state('view=compare'), pre);
  assert.equal(all.pick.all, true);
  assert.equal(all.rows.length, 3);
  // A file of another version, or none: nothing to paint.
  assert.equal(checkPrecomputed({ ...file, dataset: 'paper-v6@2025-01-01' }, { ref: REF }), null);
  assert.deepEqual(firstRows(state('model=o3'), null), { pick: null, rows: null });
});

test('the stylesheet of a shadow root: rem lengths become the frame’s root size, media queries stay', () => {
  const css = '@media (max-width: 40rem){.a{margin:0 0 .5rem;font-size:1.25rem}}.b{padding:0.75rem 1rem;width:12px}';
  assert.equal(
    shadowCss(css),
    '@media (max-width: 40rem){.a{margin:0 0 calc(.5 * var(--llmfp-rem));font-size:calc(1.25 * var(--llmfp-rem))}}' +
      '.b{padding:calc(0.75 * var(--llmfp-rem)) calc(1 * var(--llmfp-rem));width:12px}',
  );
});
