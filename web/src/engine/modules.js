// Which wasm module serves which op. The calculator's first estimate needs only "core"
// (engine.mjs/.wasm); "lab" (engine-lab.mjs/.wasm: uncertainty, statistics, import and
// export) is fetched the first time one of its ops is asked for. The C++ side of this
// split is the op table in wasm-core/src/api.cpp; tests/wasm/modules.test.mjs checks that
// the two agree (each module's "version" op lists the ops it serves).

/** Ops served by the lab module; every other op goes to core. */
export const LAB_OPS = Object.freeze(['uncertainty', 'sensitivity', 'stats', 'attribute', 'import', 'export', 'trend']);

/** "core" or "lab": the module that serves `op` (an absent op means "estimate"). */
export function moduleFor(op) {
  return LAB_OPS.includes(op) ? 'lab' : 'core';
}
