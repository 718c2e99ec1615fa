// Bit-identical results on both targets: every tests/fixtures/api request goes through
// the native CLI (build/native/wasm-core/footprint, or LLMFP_NATIVE_CLI) and through the
// wasm module, and the two response texts must be byte-identical. Both get the same
// request text: $include objects are resolved here and the text is piped to the CLI.
// The one difference by design is the version op's "target" ("native" / "wasm32"),
// "module" ("all" / "core" / "lab") and the list of "ops" each binary serves.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadEngine, repoRoot, resolveIncludes } from './load-engine.mjs';

const dir = join(repoRoot, 'tests', 'fixtures', 'api');
const cli = process.env.LLMFP_NATIVE_CLI ?? join(repoRoot, 'build', 'native', 'wasm-core', 'footprint');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** First place where two parsed responses differ: { pointer, native, wasm }, or null. */
function firstDifference(a, b, pointer = '') {
  if (a === b) return null;
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object';
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) return { pointer, native: a, wasm: b };
  const keys = Array.isArray(a)
    ? Array.from({ length: Math.max(a.length, b.length) }, (_, i) => String(i))
    : [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (d) return d;
  }
  return null;
}

function nativeResponse(text) {
  const r = spawnSync(cli, ['-'], { input: text, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  assert.ok(r.status === 0 || r.status === 1, `footprint exited with ${r.status}: ${r.stderr}`);
  return r.stdout.replace(/\n$/, '');
}

test('the native CLI exists (built by the native stage)', () => {
  assert.ok(existsSync(cli), `${cli} not found: build the native preset first (npm test -- native)`);
});

test('a fixture-free request is identical too (control for the comparison itself)', async () => {
  const engine = await loadEngine();
  if (!existsSync(cli)) return;
  const text = '{"op":"estimmate"}';
  assert.equal(engine.handle(text), nativeResponse(text));
});

for (const file of files) {
  const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const text = JSON.stringify(resolveIncludes(fixture.request, dir));
  const op = fixture.request?.op ?? 'estimate';
  test(`${file} (op ${op}): native and wasm responses are byte-identical`, { skip: !existsSync(cli) }, async () => {
    const engine = await loadEngine();
    let wasm = engine.handle(text);
    let native = nativeResponse(text);
    if (op === 'version') {
      const strip = (t) => {
        const r = JSON.parse(t);
        if (r.result) for (const k of ['target', 'module', 'ops']) delete r.result[k];
        return JSON.stringify(r);
      };
      [wasm, native] = [strip(wasm), strip(native.trim())];
    }
    if (wasm === native) return;
    const d = firstDifference(JSON.parse(native), JSON.parse(wasm));
    const where = d
      ? `first difference at ${d.pointer}: native ${JSON.stringify(d.native)} vs wasm ${JSON.stringify(d.wasm)}`
      : 'same values, different text (number formatting or key order)';
    assert.fail(`${file} (op ${op}): ${where}`);
  });
}
