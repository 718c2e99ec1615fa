// Differential test of the wasm DEA engine against HiGHS (tests/wasm/dea-oracle.mjs) on
// 260 seeded random instances of varied size, shape and scale, including degenerate ones
// (ties, duplicate and dominated DMUs, zeros, constant columns, magnitudes 1e-6..1e6):
// CCR/BCC scores in both orientations, super-efficiency (CRS and VRS, infeasibility
// included), and aggressive (M3) / benevolent (M2) cross-efficiency, within 1e-6.
// Cross-efficiency is compared on the non-degenerate instances only: with ties the
// secondary goal's optimal weights may not be unique, so two correct solvers may differ.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { crossEfficiency, highs, radialScore } from './dea-oracle.mjs';
import { call } from './load-engine.mjs';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['uniform', 'scaled', 'ties', 'duplicates', 'zeros'];

/** Instance `seed`: {X, Y, kind}; every DMU has a positive input and a positive output. */
export function instance(seed) {
  const rnd = mulberry32(seed * 7919 + 17);
  const kind = KINDS[seed % KINDS.length];
  const n = 2 + Math.floor(rnd() * (seed % 7 === 0 ? 60 : 30));
  const m = 1 + Math.floor(rnd() * 4);
  const s = 1 + Math.floor(rnd() * 3);
  const colScale = (k) => Array.from({ length: k }, () => (kind === 'scaled' ? 10 ** (rnd() * 12 - 6) : 1));
  const sx = colScale(m);
  const sy = colScale(s);
  const value = (scale) => {
    if (kind === 'ties') return 1 + Math.floor(rnd() * 4);
    if (kind === 'zeros' && rnd() < 0.2) return 0;
    return scale * (1 + rnd() * 99);
  };
  const X = Array.from({ length: n }, () => sx.map(value));
  const Y = Array.from({ length: n }, () => sy.map(value));
  for (let j = 0; j < n; ++j) {
    if (!X[j].some((v) => v > 0)) X[j][0] = sx[0] * 10;
    if (!Y[j].some((v) => v > 0)) Y[j][0] = sy[0] * 10;
  }
  if (kind === 'zeros' && n > 2) X.forEach((row) => (row[m - 1] = 5)); // constant column
  if (kind === 'duplicates' && n > 3) {
    X[n - 1] = [...X[0]];
    Y[n - 1] = [...Y[0]];
    X[n - 2] = X[1].map((v) => v * 1.5); // dominated by DMU 1
    Y[n - 2] = Y[1].map((v) => v * 0.5);
  }
  return { X, Y, kind, n, m, s };
}

// The oracle gets column-scaled data (scores are unit-invariant) so that HiGHS's own
// tolerances are not tested on 1e-6..1e6 magnitudes.
function scaled({ X, Y }) {
  const norm = (M) => {
    const mx = M[0].map((_, c) => Math.max(...M.map((r) => r[c])) || 1);
    return M.map((r) => r.map((v, c) => v / mx[c]));
  };
  return { X: norm(X), Y: norm(Y) };
}

async function engine(inst, model) {
  const dmus = inst.X.map((_, j) => `D${j}`);
  const r = await call({ op: 'dea', dmus, inputs: inst.X, outputs: inst.Y, model });
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return r.result;
}

const close = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

const RADIAL = [
  { type: 'envelopment', orientation: 'io', rts: 'crs' },
  { type: 'envelopment', orientation: 'oo', rts: 'crs' },
  { type: 'envelopment', orientation: 'io', rts: 'vrs' },
  { type: 'envelopment', orientation: 'oo', rts: 'vrs' },
  { type: 'envelopment', orientation: 'io', rts: 'nirs' },
  { type: 'envelopment', orientation: 'oo', rts: 'ndrs' },
  { type: 'super', orientation: 'io', rts: 'crs' },
  { type: 'super', orientation: 'io', rts: 'vrs' },
];

// 260 instances: every kind (seed % 5) with both size ranges (n up to 31, and up to 61
// when seed % 7 = 0: every kind and range pair recurs every 35 seeds), about 40,000
// radial and 6,000 cross-efficiency comparisons; 520 doubled the CI time for no new case.
const N_INSTANCES = 260;

test(`radial and super-efficiency scores match HiGHS on ${N_INSTANCES} random instances`, async () => {
  const h = await highs();
  let compared = 0;
  let infeasible = 0;
  for (let seed = 0; seed < N_INSTANCES; ++seed) {
    const inst = instance(seed);
    const sc = scaled(inst);
    for (const model of RADIAL) {
      const res = await engine(inst, model);
      for (let o = 0; o < inst.n; ++o) {
        const ref = radialScore(h, sc.X, sc.Y, o, { ...model, superEff: model.type === 'super' });
        const where = `seed ${seed} (${inst.kind}, n=${inst.n}, m=${inst.m}, s=${inst.s}) ${JSON.stringify(model)} DMU ${o}`;
        if (ref.status === 'unbounded') {
          assert.equal(res.status[o], 'infeasible', `${where}: HiGHS multiplier LP unbounded`);
          assert.equal(res.scores[o], null, where);
          ++infeasible;
          continue;
        }
        assert.equal(ref.status, 'optimal', `${where}: HiGHS ${ref.status}`);
        assert.equal(res.status[o], 'optimal', where);
        assert.ok(close(res.scores[o], ref.score), `${where}: engine ${res.scores[o]} HiGHS ${ref.score}`);
        ++compared;
      }
    }
  }
  assert.ok(compared > 25000, `compared ${compared}`);
  assert.ok(infeasible > 0, 'some super-efficiency LPs should be infeasible (VRS)');
});

test('aggressive (M3) and benevolent (M2) cross-efficiency match HiGHS', async () => {
  const h = await highs();
  let compared = 0;
  for (let seed = 0; seed < N_INSTANCES; ++seed) {
    const inst = instance(seed);
    if (inst.kind !== 'uniform' && inst.kind !== 'scaled') continue;
    if (inst.n < 3) continue;
    const sc = scaled(inst);
    for (const [method, formulation, orientation] of [
      ['aggressive', 'M3', 'io'],
      ['benevolent', 'M2', 'io'],
      ['aggressive', 'M2', 'oo'],
    ]) {
      const model = { type: 'cross', method, formulation, orientation, rts: 'crs' };
      const res = await engine(inst, model);
      const ref = crossEfficiency(h, sc.X, sc.Y, { method, formulation, orientation });
      if (!ref.status.every((s) => s === 'optimal')) continue;
      for (let j = 0; j < inst.n; ++j) {
        const where = `seed ${seed} (${inst.kind}, n=${inst.n}) ${method} ${formulation} ${orientation} DMU ${j}`;
        assert.ok(close(res.scores[j], ref.e[j]), `${where}: engine ${res.scores[j]} HiGHS ${ref.e[j]}`);
        ++compared;
      }
    }
  }
  assert.ok(compared > 1500, `compared ${compared}`);
});
