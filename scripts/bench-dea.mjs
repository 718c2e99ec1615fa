// Benchmark: Doyle & Green aggressive cross-efficiency (deaR method III, CCR, input
// orientation), 3 inputs and 1 output, seeded random data, n = 30, 300, 1000 DMUs:
// the engine natively (the `footprint` CLI, wall time including process start and JSON)
// and in WebAssembly (Module.handle, best of several runs), next to HiGHS (the `highs`
// npm package, one LP per DMU per stage, as the SciPy + HiGHS reference of docs/METHOD.md).
// Prints numbers; asserts nothing about speed. The last column is the largest difference
// between the engine's and HiGHS's cross-efficiency scores.
//
//   node scripts/bench-dea.mjs [--sizes 30,300,1000] [--no-highs]
//   LLMFP_WASM_DIR=build/dev-x-wasm/dist LLMFP_NATIVE_CLI=build/dev-x/wasm-core/footprint ...
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { highs } from '../tests/wasm/dea-oracle.mjs';
import { call, repoRoot } from '../tests/wasm/load-engine.mjs';

const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '30,300,1000').split(',').map(Number);
const withHighs = !args.includes('--no-highs');
const nativeBin =
  process.env.LLMFP_NATIVE_CLI ?? ['build/native/wasm-core/footprint'].map((p) => join(repoRoot, p)).find(existsSync);

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

function data(n) {
  const rnd = mulberry32(1000 + n);
  const X = Array.from({ length: n }, () => [0, 0, 0].map(() => 1 + 99 * rnd()));
  const Y = Array.from({ length: n }, () => [1 + 99 * rnd()]);
  return { X, Y };
}

const request = ({ X, Y }) => ({
  op: 'dea',
  dmus: X.map((_, j) => `D${j}`),
  inputs: X,
  outputs: Y,
  model: {
    type: 'cross',
    method: 'aggressive',
    formulation: 'M3',
    rts: 'crs',
    orientation: 'io',
    return_matrix: false,
  },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeWasm(req, runs) {
  await call(req); // warm-up (instantiation, first allocation)
  const times = [];
  let res;
  for (let k = 0; k < runs; ++k) {
    const t0 = performance.now();
    res = await call(req);
    times.push(performance.now() - t0);
  }
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return { ms: Math.min(...times), median: median(times), scores: res.result.scores };
}

function timeNative(req, runs) {
  if (!nativeBin) return null;
  const text = JSON.stringify(req);
  const times = [];
  for (let k = 0; k < runs; ++k) {
    const t0 = performance.now();
    execFileSync(nativeBin, [], { input: text, maxBuffer: 1 << 28 });
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}

// HiGHS: for each d, max u.y_d s.t. v.x_d = 1, u.y_j - v.x_j <= 0 (all j); then
// min sum_{j!=d} u.y_j s.t. sum_{j!=d} v.x_j = 1, u.y_d - theta_d v.x_d = 0, same rows.
function highsCross(h, { X, Y }) {
  const n = X.length;
  const k = 4; // v1 v2 v3 u
  const starts = [0];
  const indices = [];
  const values = [];
  for (let j = 0; j < n; ++j) {
    indices.push(0, 1, 2, 3);
    values.push(-X[j][0], -X[j][1], -X[j][2], Y[j][0]);
    starts.push(indices.length);
  }
  const sumX = [0, 1, 2].map((i) => X.reduce((a, x) => a + x[i], 0));
  const sumY = Y.reduce((a, y) => a + y[0], 0);
  const solve = (c, extra, extraLo, extraHi, maximize) => {
    const numRows = n + extra.length;
    const st = [...starts];
    const ind = [...indices];
    const val = [...values];
    for (const row of extra) {
      row.forEach((v, i) => v !== 0 && (ind.push(i), val.push(v)));
      st.push(ind.length);
    }
    const r = h.raw.lpCall({
      numCols: k,
      numRows,
      sense: maximize ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize,
      colCost: c,
      colLower: [0, 0, 0, 0],
      colUpper: [h.infinity, h.infinity, h.infinity, h.infinity],
      rowLower: [...new Array(n).fill(-h.infinity), ...extraLo],
      rowUpper: [...new Array(n).fill(0), ...extraHi],
      matrix: { format: 'csr', numRows, numCols: k, starts: st, indices: ind, values: val },
    });
    return Array.from(r.value.solution.colValue);
  };
  const W = [];
  for (let d = 0; d < n; ++d) {
    const w1 = solve([0, 0, 0, Y[d][0]], [[...X[d], 0]], [1], [1], true);
    const theta = w1[3] * Y[d][0];
    const norm = [sumX[0] - X[d][0], sumX[1] - X[d][1], sumX[2] - X[d][2], 0];
    const eff = [-theta * X[d][0], -theta * X[d][1], -theta * X[d][2], Y[d][0]];
    // Normalised to a mean (not a sum) of 1 so that row activities are O(1) for HiGHS's
    // absolute tolerances; ratios do not depend on the scale of the weights.
    W.push(solve([0, 0, 0, sumY - Y[d][0]], [norm, eff], [n - 1, 0], [n - 1, 0], false));
  }
  return Array.from({ length: n }, (_, j) => {
    let s = 0;
    for (const w of W) s += (w[3] * Y[j][0]) / (w[0] * X[j][0] + w[1] * X[j][1] + w[2] * X[j][2]);
    return s / n;
  });
}

const h = withHighs ? await highs() : null;
console.log('aggressive cross-efficiency (deaR M3, CCR, io), 3 inputs, 1 output, seeded uniform data');
console.log(`native: ${nativeBin ?? '(no native build found; set LLMFP_NATIVE_CLI)'}`);
console.log('times: best of 5-21 runs (wasm: also the median), so that other load on the machine does not count');
console.log('    n   native CLI ms   wasm ms (median)   HiGHS ms   max |e_engine - e_HiGHS|');
for (const n of sizes) {
  const inst = data(n);
  const req = request(inst);
  const runs = n >= 1000 ? 5 : n >= 300 ? 9 : 21;
  const native = timeNative(req, runs);
  const wasm = await timeWasm(req, runs);
  let highsMs = NaN;
  let diff = NaN;
  if (h) {
    const t0 = performance.now();
    const e = highsCross(h, inst);
    highsMs = performance.now() - t0;
    diff = Math.max(...e.map((v, j) => Math.abs(v - wasm.scores[j])));
  }
  const f = (v, w) => (Number.isFinite(v) ? v.toFixed(1) : '-').padStart(w);
  console.log(
    `${String(n).padStart(5)} ${f(native, 15)} ${f(wasm.ms, 9)} (${f(wasm.median, 7)}) ${f(highsMs, 10)}   ${Number.isFinite(diff) ? diff.toExponential(1) : '-'}`,
  );
}
