// The op split between the two wasm modules is the same in C++ (api.cpp's op table, as
// reported by each module's "version" op) and in JavaScript (web/src/engine/modules.js),
// and together the modules serve exactly the ops of the native engine.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { LAB_OPS, moduleFor } from '../../web/src/engine/modules.js';
import { loadModule, repoRoot } from './load-engine.mjs';

async function opsOf(name) {
  const module = await loadModule(name);
  const r = JSON.parse(module.handle('{"op": "version"}'));
  assert.equal(r.ok, true);
  assert.equal(r.result.module, name);
  return r.result.ops;
}

test('each wasm module serves the ops modules.js routes to it', async () => {
  const core = await opsOf('core');
  const lab = await opsOf('lab');
  for (const op of core) if (op !== 'version') assert.equal(moduleFor(op), 'core', op);
  for (const op of lab) if (op !== 'version') assert.equal(moduleFor(op), 'lab', op);
  assert.deepEqual([...LAB_OPS].sort(), lab.filter((op) => op !== 'version').sort());
});

test('the two modules together serve every op of the native engine', async (t) => {
  const cli = process.env.LLMFP_NATIVE_CLI ?? join(repoRoot, 'build', 'native', 'wasm-core', 'footprint');
  if (!existsSync(cli)) return t.skip('native CLI not built');
  const native = JSON.parse(execFileSync(cli, [], { input: '{"op": "version"}' }).toString()).result.ops;
  const both = new Set([...(await opsOf('core')), ...(await opsOf('lab'))]);
  assert.deepEqual([...both].sort(), [...native].sort());
});

test('a lab op sent to the core module is refused with unknown_op, not a crash', async () => {
  const core = await loadModule('core');
  const r = JSON.parse(core.handle('{"op": "stats"}'));
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'unknown_op');
});
