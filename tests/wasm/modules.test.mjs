// Each wasm module serves exactly the ops the API contract (wasm-core/contract/ops.json)
// gives it, and the native engine serves every op of the contract. (The routing table in
// web/src/engine/modules.js and the C++ op tables are both generated from the contract.)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadContract } from '../../scripts/contract.mjs';
import { loadModule, repoRoot } from './load-engine.mjs';

const { ops } = loadContract().index;
const servedBy = (module) => ops.filter((o) => o.module === 'all' || o.module === module).map((o) => o.name);

async function opsOf(name) {
  const module = await loadModule(name);
  const r = JSON.parse(module.handle('{"op": "version"}'));
  assert.equal(r.ok, true);
  assert.equal(r.result.module, name);
  return r.result.ops;
}

test('each wasm module serves exactly the ops the contract gives it, in contract order', async () => {
  assert.deepEqual(await opsOf('core'), servedBy('core'));
  assert.deepEqual(await opsOf('lab'), servedBy('lab'));
});

test('the native engine serves every op of the contract', (t) => {
  const cli = process.env.LLMFP_NATIVE_CLI ?? join(repoRoot, 'build', 'native', 'wasm-core', 'footprint');
  if (!existsSync(cli)) return t.skip('native CLI not built');
  const native = JSON.parse(execFileSync(cli, [], { input: '{"op": "version"}' }).toString()).result.ops;
  assert.deepEqual(
    native,
    ops.map((o) => o.name),
  );
});

test('a lab op sent to the core module is refused with unknown_op, not a crash', async () => {
  const core = await loadModule('core');
  const r = JSON.parse(core.handle('{"op": "stats"}'));
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'unknown_op');
});
