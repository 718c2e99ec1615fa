// The API contract (wasm-core/contract/, docs/api.md "The contract"): it compiles, it names
// a C++ function for every op, what is generated from it is up to date, its examples are
// valid, every API fixture's request agrees with it, and the requests the web app builds
// validate against it. (Each ok fixture's result is checked against the result schema in
// tests/wasm/api-fixtures.test.mjs, where the engine runs.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { contractDir, contractValidators, loadContract, outOfDate, root } from '../../scripts/contract.mjs';
import { resolveIncludes } from '../wasm/load-engine.mjs';
import { coreFields } from '../../web/src/state/fields.js';
import { decode } from '../../web/src/state/url-state.js';
import { estimateRequest } from '../../web/src/lib/requests.js';
import { rankRequest } from '../../web/src/features/rank/rank-request.js';
import { scaleRequest } from '../../web/src/features/scale/scale-request.js';
import { UNCERTAINTY_FIELDS, uncertaintyRequests } from '../../web/src/features/uncertainty/request.js';
import { moduleFor } from '../../web/src/engine/modules.js';
import { MYUSE_FIELDS, PRESETS, myUseRequest } from '../../web/src/features/myuse/myuse.js';
import { trendRequest } from '../../web/src/features/trends/trend-request.js';

const contract = loadContract();
const v = contractValidators(contract);
const opNames = contract.index.ops.map((o) => o.name);
const fixtureDir = join(root, 'tests', 'fixtures', 'api');
const errorsOf = (validate) => JSON.stringify(validate.errors?.slice(0, 3));

test('the contract: one schema file per op, each module known, each function declared in ops.hpp', () => {
  const files = readdirSync(contractDir).filter((f) => f.endsWith('.json') && !['ops.json', 'common.json'].includes(f));
  assert.deepEqual(files.map((f) => f.replace(/\.json$/, '')).sort(), [...opNames].sort());
  assert.equal(new Set(opNames).size, opNames.length, 'op names are unique');
  const header = readFileSync(join(root, 'wasm-core', 'include', 'llmfp', 'ops.hpp'), 'utf8');
  for (const o of contract.index.ops) {
    assert.ok(['all', 'core', 'lab'].includes(o.module), `${o.name}: module ${o.module}`);
    assert.match(header, new RegExp(`json ${o.function}\\(const Obj& request\\);`), `ops::${o.function} of ${o.name}`);
    v.request(o.name); // compiles (strict mode), or throws
    v.result(o.name);
  }
});

test('the web worker routes each op to the module the contract names', () => {
  for (const o of contract.index.ops) assert.equal(moduleFor(o.name), o.module === 'lab' ? 'lab' : 'core', o.name);
  assert.equal(moduleFor(undefined), 'core', 'a request without op is an estimate');
});

test('what is generated from the contract is up to date (node scripts/contract.mjs)', async () => {
  assert.deepEqual(
    (await outOfDate(contract)).map((t) => t.file),
    [],
  );
});

test("every op's request examples are valid requests of that op", () => {
  for (const name of opNames) {
    const examples = contract.schemas[`${name}.json`].$defs.request.examples ?? [];
    assert.ok(examples.length >= 1, `${name} has an example`);
    for (const ex of examples) {
      const validate = v.request(name);
      assert.ok(validate(resolveIncludes(ex, root)), `${name} example: ${errorsOf(validate)}`);
    }
  }
});

// A bad-input fixture must fail its request schema, unless the engine's error lies where a
// schema cannot see (docs/api.md "The contract"):
//  - inside a dataset the request carries (its own schema is under public/data/schemas/), or
//    inside the file text given to import;
//  - unknown_value: a name looked up in a dataset or in the request's data;
//  - invalid_value / too_large: a rule across fields or rows (shares adding up to 1,
//    u_gpu_max >= u_gpu_min, rows x draws);
//  - or one of CROSS_FIELD below.
const DATASET_PATH = /^(\/(estimate|footprint))?\/(dataset|hardware|hosts|regions|constants|data|text)(\/|$)/;
const BEYOND_SCHEMA_CODES = new Set(['unknown_value', 'invalid_value', 'too_large']);
const CROSS_FIELD = {
  'uncertainty-bad-mode.json': 'mode must lie between min and max (a bound given by two other fields)',
};

const expected = (fixture, pointer) => fixture.expect.find((e) => e.pointer === pointer)?.equals;

for (const file of readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  test(`fixture ${file} agrees with the contract`, () => {
    const fixture = JSON.parse(readFileSync(join(fixtureDir, file), 'utf8'));
    const request = resolveIncludes(fixture.request, fixtureDir);
    const op = request.op ?? 'estimate';
    const ok = expected(fixture, '/ok');
    const code = expected(fixture, '/error/code');
    if (code === 'unknown_op') {
      assert.ok(!opNames.includes(op), `${op} is refused, so it is not in the contract`);
      return;
    }
    const validate = v.request(op);
    const valid = validate(request);
    if (ok === true) {
      assert.ok(valid, `a request the engine accepts fails the contract: ${errorsOf(validate)}`);
      return;
    }
    const path = expected(fixture, '/error/path') ?? '';
    const beyond = DATASET_PATH.test(path) || BEYOND_SCHEMA_CODES.has(code) || file in CROSS_FIELD;
    if (!beyond) assert.equal(valid, false, `the engine refuses ${path} (${code}) but the contract accepts it`);
  });
}

// ---- requests the web app builds --------------------------------------------------------

const data = {
  refs: {
    dataset: { $data: '/data/paper-v6/2025-10-26.json' },
    hardware: { $data: '/data/hardware/v6.json' },
    hosts: { $data: '/data/hosts/v6.json' },
    regions: { $data: '/data/regions/2026-02-19.json' },
    constants: { $data: '/data/constants/v6.json' },
  },
  constants: JSON.parse(readFileSync(join(root, 'public', 'data', 'constants', 'v6.json'), 'utf8')),
};
const fields = { ...coreFields, ...UNCERTAINTY_FIELDS };
// A few states as links would give them: the defaults, every override set, v4, rank and
// scale choices, uncertainty switches.
const links = [
  '',
  'hw=DGX+A100&size=Large&gpus=4&batch=16&host=Microsoft+Azure&region=East+US&mult=v4&pue=1.3&wues=0.5&wuesrc=3&cif=0.4&out=500',
  'est=v4&w=0.8',
  'rho=-0.5&w=0.2&prompt=long',
  'rin=energy,pue&rorient=oo&rrts=vrs&rmethod=benevolent&rself=0',
  'sq=20&sper=day&sshort=50&smedium=30&slong=20&sdays=30',
  'spreset=gpt4o',
  'upue=range&upuelo=1.1&upuehi=1.5&uw=range&ubatch=range&uwues=range&uregion=range&ulat=fixed&useed=7',
  'upue=range&uregion=range&rho=0.3',
];

test('the requests the web app builds for these states are valid by the contract', () => {
  const model = "GPT-4o (Mar '25)";
  for (const link of links) {
    const { state, notices } = decode(link, fields);
    assert.deepEqual(notices, [], link);
    const requests = [
      estimateRequest(state, data),
      estimateRequest(state, data, { models: [model], prompts: [state.prompt] }),
      rankRequest(state, data),
      scaleRequest(state, data, model).request,
      ...Object.values(uncertaintyRequests(state, data, model, state.prompt)),
    ];
    for (const request of requests) {
      const validate = v.request(request.op ?? 'estimate');
      assert.ok(validate(request), `${request.op} for "${link}": ${errorsOf(validate)}`);
    }
  }
});

test('the My use requests (every preset, and typed tokens) and Trends requests are valid by the contract', () => {
  const models = ["GPT-4o (Mar '25)", 'GPT-4.1'];
  const myLinks = [...PRESETS.map((p) => `mypre=${p.value}`), 'mypre=custom&myin=120000&myout=800&mythink=3000'];
  for (const link of myLinks) {
    const { state, notices } = decode(link, { ...coreFields, ...MYUSE_FIELDS });
    assert.deepEqual(notices, [], link);
    const request = myUseRequest(state, data, models);
    const validate = v.request('estimate');
    assert.ok(validate(request), `My use "${link}": ${errorsOf(validate)}`);
  }
  const index = { models: [{ name: 'gpt-5-high' }, { name: 'claude-3-opus' }], from: '2025-09-10', to: '2026-08-22' };
  for (const state of [
    { trendModels: 'gpt-5-high', trendPrompt: 'long', trendEstimator: 'as_published', trendFrom: '', trendTo: '' },
    {
      trendModels: 'gpt-5-high,claude-3-opus',
      trendPrompt: 'extra_long',
      trendEstimator: 'v4',
      trendFrom: '2025-10-01',
      trendTo: '2025-12-31',
    },
  ]) {
    const { request } = trendRequest(state, index, (n) => `/data/daily/2026-08-22/${n}.json`);
    const validate = v.request('trend');
    assert.ok(validate(request), `trend ${JSON.stringify(state)}: ${errorsOf(validate)}`);
  }
});

test('the contract catches a request the engine would refuse (a mistyped override)', () => {
  const { state } = decode('', fields);
  const request = estimateRequest(state, data);
  request.overrides = { pue: 0.9, hardwar: 'DGX A100' };
  assert.equal(v.request('estimate')(request), false);
});
