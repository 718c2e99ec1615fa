// Every tests/fixtures/api/*.json case through the wasm module (the native twin is
// tests/cpp/test_api_fixtures.cpp); every ok result must also match its op's result schema
// in the API contract (wasm-core/contract/; the requests are checked in tests/web/contract.test.mjs).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { contractValidators } from '../../scripts/contract.mjs';
import { call, repoRoot, resolveIncludes } from './load-engine.mjs';

const contract = contractValidators();

const dir = join(repoRoot, 'tests', 'fixtures', 'api');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function at(obj, pointer) {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), obj);
}

for (const file of files) {
  const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  test(`${file}: ${fixture.description ?? ''}`, async () => {
    const response = await call(resolveIncludes(fixture.request, dir));
    for (const check of fixture.expect) {
      const actual = at(response, check.pointer);
      const where = `${check.pointer} in ${JSON.stringify(response).slice(0, 400)}`;
      assert.notEqual(actual, undefined, `missing ${where}`);
      if ('equals' in check) assert.deepEqual(actual, check.equals, where);
      if ('approx' in check) {
        const rel = check.approx === 0 ? Math.abs(actual) : Math.abs(actual - check.approx) / Math.abs(check.approx);
        assert.ok(rel <= (check.rel_tol ?? 1e-9), `${where}: ${actual} vs ${check.approx} (rel ${rel})`);
      }
      if ('contains' in check) assert.ok(String(actual).includes(check.contains), where);
    }
    if (response.ok) {
      const validate = contract.result(response.op);
      assert.ok(
        validate(response.result),
        `result of ${response.op} breaks the contract: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
      );
    }
  });
}

test('wasm reports its target', async () => {
  const r = await call({ op: 'version' });
  assert.equal(r.ok, true);
  assert.equal(r.result.target, 'wasm32');
});

test('bad JSON text gives a parse_error envelope, not an exception', async () => {
  const { loadEngine } = await import('./load-engine.mjs');
  const engine = await loadEngine();
  const r = JSON.parse(engine.handle('{"op": '));
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'parse_error');
});
