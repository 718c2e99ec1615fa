// The footprint engine in WebAssembly: every row of the bundled paper-v6 and 2025-10-26
// snapshot datasets against the authors' values, and byte-identical output with the
// native command line (same request, same text).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadEngine, repoRoot } from './load-engine.mjs';

const data = (rel) => JSON.parse(readFileSync(join(repoRoot, 'public', 'data', rel), 'utf8'));
const relDiff = (a, b) => Math.abs(a - b) / Math.abs(b);

async function estimate(request) {
  const engine = await loadEngine();
  const response = JSON.parse(engine.handle(JSON.stringify({ op: 'estimate', ...request })));
  assert.equal(response.ok, true, JSON.stringify(response.error));
  return response.result;
}

for (const [file, rowCount] of [
  ['paper-v6/2025-10-26.json', 87],
  ['snapshot/2025-10-26.json', 194],
]) {
  test(`${file}: every row within 0.5 % (mean) and 2 % (SD) of the authors' energy, water and carbon`, async () => {
    const result = await estimate({ dataset: data(file) });
    assert.equal(result.rows.length, rowCount);
    let worstMean = 0;
    let worstSd = 0;
    for (const row of result.rows) {
      for (const [ours, key] of [
        ['energy_wh', 'energy_wh'],
        ['water_ml', 'water_ml'],
        ['carbon_g', 'carbon_g'],
      ]) {
        const mean = relDiff(row[ours].mean, row.reference[`${key}_mean`]);
        const sd = relDiff(row[ours].sd, row.reference[`${key}_sd`]);
        assert.ok(mean <= 0.005, `${row.model} / ${row.prompt} ${ours} mean off by ${mean}`);
        assert.ok(sd <= 0.02, `${row.model} / ${row.prompt} ${ours} SD off by ${sd}`);
        worstMean = Math.max(worstMean, mean);
        worstSd = Math.max(worstSd, sd);
      }
    }
    console.log(`# ${file}: worst mean ${(worstMean * 100).toFixed(3)} %, worst SD ${(worstSd * 100).toFixed(3)} %`);
  });
}

// The native CLI of the same build (npm test builds build/native first).
const cli = process.env.LLMFP_NATIVE_CLI ?? join(repoRoot, 'build', 'native', 'wasm-core', 'footprint');

const sameRequests = {
  'v6 quadrature, whole snapshot': { op: 'estimate', dataset: data('snapshot/2025-10-26.json') },
  'v6 Monte Carlo, seeded': {
    op: 'estimate',
    dataset: data('paper-v6/2025-10-26.json'),
    select: { prompts: ['long'] },
    method: { sampling: 'monte_carlo', draws: 5000, seed: 12345, rho: -0.5 },
  },
  'v4 grid with overrides': {
    op: 'estimate',
    dataset: data('paper-v6/2025-10-26.json'),
    method: { estimator: 'v4', w_max: 0.3 },
    overrides: { batch_size: 6, region: 'Japan East' },
    hardware: data('hardware/v6.json'),
    regions: data('regions/2026-02-19.json'),
  },
  'scale preset': {
    op: 'scale',
    preset: 'gpt-4o-2025',
    constants: data('constants/v6.json'),
    hosts: data('hosts/v6.json'),
    day: { queries: 8 },
  },
};

for (const [name, request] of Object.entries(sameRequests)) {
  test(
    `native and wasm give the same text: ${name}`,
    { skip: !existsSync(cli) && `no native CLI at ${cli}` },
    async () => {
      const engine = await loadEngine();
      const text = JSON.stringify(request);
      const wasm = engine.handle(text);
      const native = execFileSync(cli, ['-'], { input: text, maxBuffer: 64 << 20 })
        .toString()
        .trimEnd();
      assert.equal(JSON.parse(wasm).ok, true);
      // Same bytes, except the build target named by "version" (not part of these ops).
      assert.equal(wasm, native);
    },
  );
}
