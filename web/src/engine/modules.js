// Which wasm module serves which op. The calculator's first estimate needs only "core"
// (engine.mjs/.wasm); "lab" (engine-lab.mjs/.wasm: uncertainty, statistics, import and
// export) is fetched the first time one of its ops is asked for. The split is declared once,
// in the API contract (wasm-core/contract/ops.json): the table below is generated from it by
// scripts/contract.mjs, and the C++ op table of each module is generated from it by CMake.

// contract:modules:start
/** Which wasm module serves each op ("all": both). Generated from wasm-core/contract/ops.json. */
export const OP_MODULES = Object.freeze({
  version: 'all',
  validate_dataset: 'core',
  estimate: 'core',
  scale: 'core',
  dea: 'core',
  rank: 'core',
  uncertainty: 'lab',
  sensitivity: 'lab',
  stats: 'lab',
  attribute: 'lab',
  trend: 'lab',
  import: 'lab',
  export: 'lab',
});
// contract:modules:end

/** Ops served by the lab module; every other op goes to core. */
export const LAB_OPS = Object.freeze(Object.keys(OP_MODULES).filter((op) => OP_MODULES[op] === 'lab'));

/**
 * "core" or "lab": the module that serves `op` (an absent op means "estimate").
 * @param {string | undefined} op
 * @returns {'core' | 'lab'}
 */
export function moduleFor(op) {
  return LAB_OPS.includes(/** @type {string} */ (op)) ? 'lab' : 'core';
}
