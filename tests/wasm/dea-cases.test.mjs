// The published DEA cases (tests/fixtures/dea-cases/) through the wasm module: every check
// with a unique answer (published scores, deaR radial/super/aggressive/benevolent results)
// within its stated tolerance. The native twin (tests/cpp/test_dea_cases.cpp) also checks
// simple cross-efficiency against the bounds over all optimal weights.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { call, repoRoot } from './load-engine.mjs';

const dir = join(repoRoot, 'tests', 'fixtures', 'dea-cases');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function requestModel(fm) {
  const m = { type: fm.type, orientation: fm.orientation ?? 'io', rts: fm.rts ?? 'crs' };
  if (fm.type === 'cross') {
    m.method = fm.method === 'arbitrary' ? 'arbitrary' : fm.method.includes('agg') ? 'aggressive' : 'benevolent';
    if (fm.method !== 'arbitrary') m.formulation = fm.method.slice(0, 2);
    m.self_appraisal = fm.selfapp ?? true;
    m.lim_zhu = fm.lim_zhu ?? false;
  }
  return m;
}

for (const file of files) {
  const c = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  test(`${file}: unique-answer checks through wasm`, async () => {
    let checked = 0;
    for (const [key, exp] of Object.entries(c.expected)) {
      const fm = exp.model;
      if (fm.type === 'cross' && fm.method === 'arbitrary') continue;
      const r = await call({ op: 'dea', dmus: c.dmus, inputs: c.inputs, outputs: c.outputs, model: requestModel(fm) });
      assert.equal(r.ok, true, `${key}: ${JSON.stringify(r.error)}`);
      if (exp.ill_posed || r.result.status.includes('unbounded')) {
        assert.ok(r.result.status.includes('unbounded'), `${key}: expected unbounded secondary LPs`);
        continue;
      }
      const tol = exp.tol ?? 1e-6;
      const got = fm.report === 'E' ? r.result.matrix.flat() : r.result.scores;
      const want = fm.report === 'E' ? exp.values.flat() : exp.values;
      want.forEach((w, j) => {
        if (w === null) return;
        assert.ok(Math.abs(got[j] - w) <= tol, `${key}[${j}]: ${got[j]} vs ${w} (tol ${tol})`);
      });
      ++checked;
    }
    assert.ok(checked > 0);
  });
}
