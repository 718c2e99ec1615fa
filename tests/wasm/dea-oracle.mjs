// An independent DEA oracle on HiGHS (the `highs` npm package, HiGHS compiled to wasm):
// the same models as the engine, but formulated in multiplier form (the engine solves the
// envelopment form and the duals of the secondary goals), one LP per DMU, solved by a
// different solver. Shared by tests/wasm/dea-highs.test.mjs and scripts/bench-dea.mjs.
import loadHighs from 'highs';

let highsPromise;
export const highs = () => (highsPromise ??= loadHighs());

const INF = Infinity;

/**
 * Solves min/max c.x s.t. rowLo <= A x <= rowHi, colLo <= x <= colHi with HiGHS.
 * A is dense (array of rows). Returns {status: 'optimal'|'infeasible'|'unbounded'|..., x, obj}.
 */
export function solveLp(h, { c, A, rowLo, rowHi, colLo, colHi, maximize = false }) {
  const numCols = c.length;
  const numRows = A.length;
  const starts = [0];
  const indices = [];
  const values = [];
  for (const row of A) {
    row.forEach((v, j) => {
      if (v !== 0) (indices.push(j), values.push(v));
    });
    starts.push(indices.length);
  }
  const clip = (v) => (v === INF ? h.infinity : v === -INF ? -h.infinity : v);
  const data = {
    numCols,
    numRows,
    sense: maximize ? h.constants.objectiveSense.maximize : h.constants.objectiveSense.minimize,
    colCost: c,
    colLower: colLo.map(clip),
    colUpper: colHi.map(clip),
    rowLower: rowLo.map(clip),
    rowUpper: rowHi.map(clip),
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
  };
  const ms = h.constants.modelStatus;
  const r = h.raw.lpCall(data);
  if (r.status === -1) return { status: 'error' };
  let s = r.value.modelStatus;
  let colValue = r.value.solution.colValue;
  if (s !== ms.optimal && s !== ms.infeasible && s !== ms.unbounded) {
    // The one-shot call (with presolve) occasionally ends without a status on tiny
    // degenerate LPs; solve again with presolve off, primal simplex.
    h.withModel(data, (model) => {
      model.options.set({ presolve: 'off', solver: 'simplex', output_flag: false });
      s = model.run().modelStatus;
      colValue = model.getSolution().colValue;
    });
  }
  const status =
    s === ms.optimal
      ? 'optimal'
      : s === ms.infeasible
        ? 'infeasible'
        : s === ms.unbounded || s === ms.unboundedOrInfeasible
          ? 'unbounded'
          : `status ${s}`;
  const x = Array.from(colValue);
  return { status, x, obj: c.reduce((acc, ci, j) => acc + ci * x[j], 0) };
}

const dot = (a, b) => a.reduce((acc, v, i) => acc + v * b[i], 0);

// Weight vector w = [v (m), u (s), w0 (1 unless crs)]; bounds of w0 by rts/orientation.
function w0Bounds(rts, io) {
  if (rts === 'crs') return null;
  if (rts === 'vrs') return [-INF, INF];
  const nonPos = (rts === 'nirs') === io; // io nirs: w0 <= 0; oo nirs: w0 >= 0
  return nonPos ? [-INF, 0] : [0, INF];
}

function forms(X, Y, j, rts, io) {
  const m = X[0].length;
  const s = Y[0].length;
  const k = m + s + (rts === 'crs' ? 0 : 1);
  const num = new Array(k).fill(0);
  const den = new Array(k).fill(0);
  for (let r = 0; r < s; ++r) num[m + r] = Y[j][r];
  for (let i = 0; i < m; ++i) den[i] = X[j][i];
  if (rts !== 'crs') (io ? num : den)[k - 1] = 1;
  return { num, den, k };
}

function colBounds(k, m, s, rts, io) {
  const lo = new Array(k).fill(0);
  const hi = new Array(k).fill(INF);
  const b = w0Bounds(rts, io);
  if (b) [lo[k - 1], hi[k - 1]] = b;
  return { lo, hi };
}

/**
 * Radial score of DMU o in multiplier form. io: max num_o s.t. den_o = 1, num_j <= den_j;
 * oo: min den_o s.t. num_o = 1. Super-efficiency drops j = o. Returns {status, score, w}.
 */
export function radialScore(h, X, Y, o, { orientation = 'io', rts = 'crs', superEff = false } = {}) {
  const io = orientation === 'io';
  const n = X.length;
  const m = X[0].length;
  const s = Y[0].length;
  const fo = forms(X, Y, o, rts, io);
  const A = [];
  const rowLo = [];
  const rowHi = [];
  for (let j = 0; j < n; ++j) {
    if (superEff && j === o) continue;
    const f = forms(X, Y, j, rts, io);
    A.push(f.num.map((v, i) => v - f.den[i]));
    rowLo.push(-INF);
    rowHi.push(0);
  }
  A.push(io ? fo.den : fo.num);
  rowLo.push(1);
  rowHi.push(1);
  const { lo, hi } = colBounds(fo.k, m, s, rts, io);
  const res = solveLp(h, { c: io ? fo.num : fo.den, A, rowLo, rowHi, colLo: lo, colHi: hi, maximize: io });
  if (res.status !== 'optimal' && res.status !== 'unbounded') {
    // HiGHS may end without a proof on a tiny degenerate LP: decide by the envelopment
    // form (its infeasibility = an unbounded multiplier LP).
    const env = envelopment(h, X, Y, o, { orientation, rts, superEff });
    if (env.status === 'infeasible') return { status: 'unbounded', score: NaN, w: [] };
    return { status: env.status, score: env.score, w: [] };
  }
  return { status: res.status, score: res.obj, w: res.x };
}

/** Envelopment form: io min theta, oo max phi, lambda_o = 0 for super-efficiency. */
export function envelopment(h, X, Y, o, { orientation = 'io', rts = 'crs', superEff = false } = {}) {
  const io = orientation === 'io';
  const n = X.length;
  const m = X[0].length;
  const s = Y[0].length;
  const c = [1, ...new Array(n).fill(0)];
  const A = [];
  const rowLo = [];
  const rowHi = [];
  for (let i = 0; i < m; ++i) {
    A.push([io ? -X[o][i] : 0, ...X.map((x) => x[i])]); // sum lambda x <= theta x_o (io) or x_o (oo)
    rowLo.push(-INF);
    rowHi.push(io ? 0 : X[o][i]);
  }
  for (let r = 0; r < s; ++r) {
    A.push([io ? 0 : -Y[o][r], ...Y.map((y) => y[r])]); // sum lambda y >= y_o (io) or phi y_o (oo)
    rowLo.push(io ? Y[o][r] : 0);
    rowHi.push(INF);
  }
  if (rts !== 'crs') {
    A.push([0, ...new Array(n).fill(1)]);
    rowLo.push(rts === 'nirs' ? -INF : 1);
    rowHi.push(rts === 'ndrs' ? INF : 1);
  }
  const colLo = [-INF, ...new Array(n).fill(0)];
  const colHi = [INF, ...X.map((_, j) => (superEff && j === o ? 0 : INF))];
  const res = solveLp(h, { c, A, rowLo, rowHi, colLo, colHi, maximize: !io });
  return { status: res.status, score: res.x ? res.x[0] : NaN };
}

/**
 * Doyle & Green cross-efficiency with deaR's secondary goals (see wasm-core/src/dea/cross.cpp),
 * written directly in the primal (weights) form. Returns {e (column means), E, status}.
 */
export function crossEfficiency(
  h,
  X,
  Y,
  { orientation = 'io', rts = 'crs', method = 'aggressive', formulation = 'M3', selfAppraisal = true } = {},
) {
  const io = orientation === 'io';
  const n = X.length;
  const m = X[0].length;
  const s = Y[0].length;
  const E = [];
  const status = [];
  for (let d = 0; d < n; ++d) {
    const prim = radialScore(h, X, Y, d, { orientation, rts });
    const t = prim.score;
    const fd = forms(X, Y, d, rts, io);
    const k = fd.k;
    const A = [];
    const rowLo = [];
    const rowHi = [];
    const sumNum = new Array(k).fill(0);
    const sumDen = new Array(k).fill(0);
    for (let j = 0; j < n; ++j) {
      if (j === d) continue;
      const f = forms(X, Y, j, rts, io);
      A.push(f.num.map((v, i) => v - f.den[i]));
      rowLo.push(-INF);
      rowHi.push(0);
      f.num.forEach((v, i) => (sumNum[i] += v));
      f.den.forEach((v, i) => (sumDen[i] += v));
    }
    let c;
    let maximize;
    if (formulation === 'M2') {
      A.push(io ? fd.den : fd.num, io ? fd.num : fd.den);
      rowLo.push(1, t);
      rowHi.push(1, t);
      c = sumNum.map((v, i) => v - sumDen[i]);
      maximize = method === 'benevolent';
    } else {
      A.push(
        io ? sumDen : sumNum,
        io ? fd.num.map((v, i) => v - t * fd.den[i]) : fd.den.map((v, i) => v - t * fd.num[i]),
      );
      rowLo.push(n - 1, 0); // a mean of 1, not a sum: O(1) activities for HiGHS's tolerances
      rowHi.push(n - 1, 0);
      c = io ? sumNum : sumDen;
      maximize = (method === 'benevolent') === io;
    }
    const { lo, hi } = colBounds(k, m, s, rts, io);
    const sec = solveLp(h, { c, A, rowLo, rowHi, colLo: lo, colHi: hi, maximize });
    status.push(sec.status);
    const w = sec.status === 'optimal' ? sec.x : prim.w;
    E.push(
      Array.from({ length: n }, (_, j) => {
        const f = forms(X, Y, j, rts, io);
        return io ? dot(f.num, w) / dot(f.den, w) : dot(f.den, w) / dot(f.num, w);
      }),
    );
  }
  const e = Array.from({ length: n }, (_, j) => {
    let sum = 0;
    let cnt = 0;
    for (let d = 0; d < n; ++d) {
      if (d === j && !selfAppraisal) continue;
      sum += E[d][j];
      ++cnt;
    }
    return sum / cnt;
  });
  return { e, E, status };
}
