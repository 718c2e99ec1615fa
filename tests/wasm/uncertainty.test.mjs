// The uncertainty and sensitivity ops in the wasm module: byte-identical to the native
// CLI for the same seed on the full default-range preset (every input kind: copula,
// uniform, triangular, weighted choice, regions, batch-size derivation), and the
// properties the UI relies on: a PUE range widens the interval, the tornado is sorted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { call, loadEngine, repoRoot } from './load-engine.mjs';

const cli = process.env.LLMFP_NATIVE_CLI ?? join(repoRoot, 'build', 'native', 'wasm-core', 'footprint');
const data = (id, version) => JSON.parse(readFileSync(join(repoRoot, 'public', 'data', id, `${version}.json`), 'utf8'));
const base = {
  dataset: data('paper-v6', '2025-10-26'),
  hardware: data('hardware', 'v6'),
  hosts: data('hosts', 'v6'),
  regions: data('regions', '2026-02-19'),
  select: { models: ['GPT-4.1', 'Claude-3.7 Sonnet'], prompts: ['medium'] },
  preset: 'ranges',
  draws: 20000,
  seed: 7,
};

function native(text) {
  const r = spawnSync(cli, ['-'], { input: text, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return r.stdout.replace(/\n$/, '');
}

for (const op of ['uncertainty', 'sensitivity']) {
  test(
    `${op}, default ranges: wasm and native CLI give byte-identical text`,
    { skip: !existsSync(cli) && `no ${cli}` },
    async () => {
      const engine = await loadEngine();
      const text = JSON.stringify({ op, ...base, scale: op === 'uncertainty' ? { queries: 1e6 } : undefined });
      const wasm = engine.handle(text);
      assert.ok(JSON.parse(wasm).ok, wasm.slice(0, 300));
      assert.equal(wasm, native(text));
      // Same seed twice in one process: same text (no hidden state between calls).
      assert.equal(engine.handle(text), wasm);
    },
  );
}

test('another seed gives other draws; the same seed the same ones', async () => {
  const a = await call({ op: 'uncertainty', ...base, seed: 1 });
  const b = await call({ op: 'uncertainty', ...base, seed: 2 });
  assert.notEqual(a.result.rows[0].energy_wh.mean, b.result.rows[0].energy_wh.mean);
  const a2 = await call({ op: 'uncertainty', ...base, seed: 1 });
  assert.deepEqual(a2, a);
});

test('switching PUE from fixed to a range widens the P5-P95 interval of every output', async () => {
  const req = { op: 'uncertainty', ...base, preset: 'paper', select: { models: ['GPT-4.1'], prompts: ['short'] } };
  const fixed = (await call(req)).result.rows[0];
  const ranged = (await call({ ...req, uncertain: { pue: { dist: 'uniform', min: 1.1, max: 1.4 } } })).result.rows[0];
  for (const out of ['energy_wh', 'water_ml', 'carbon_g']) {
    const w0 = fixed[out].p95 - fixed[out].p5;
    const w1 = ranged[out].p95 - ranged[out].p5;
    assert.ok(w1 > w0, `${out}: ${w1} > ${w0}`);
  }
});

test('the tornado lists inputs by decreasing swing, Sobol indices lie in [0, 1] within error', async () => {
  const r = await call({ op: 'sensitivity', ...base, select: { models: ['GPT-4.1'], prompts: ['medium'] } });
  assert.ok(r.ok);
  const row = r.result.rows[0];
  for (const out of ['energy_wh', 'water_ml', 'carbon_g']) {
    const bars = row.tornado[out].bars;
    assert.ok(bars.length >= 5);
    for (let i = 1; i < bars.length; i += 1) assert.ok(bars[i - 1].swing >= bars[i].swing);
    for (const b of bars) assert.ok(b.low <= row.tornado[out].base + 1e-12 && b.high >= row.tornado[out].base - 1e-12);
    for (const x of row.sobol[out].indices) {
      assert.ok(x.total > -4 * x.total_se - 0.01 && x.total < 1 + 4 * x.total_se + 0.01, `${x.input} ${x.total}`);
      assert.ok(x.first <= x.total + 4 * (x.first_se + x.total_se) + 0.01, `${x.input}: S <= ST`);
    }
  }
  // Energy does not depend on the region or on the site water factor.
  const energy = Object.fromEntries(row.sobol.energy_wh.indices.map((x) => [x.input, x.total]));
  assert.equal(energy.region, 0);
  assert.equal(energy.wue_site_l_per_kwh, 0);
});
