// The precomputed results (scripts/precompute.mjs) are the wasm engine's, byte for byte:
// 1. the files written with the native CLI (when build/native has it) and with the wasm
//    module are identical;
// 2. every precomputed row is byte-identical (JSON) to the row the browser's engine returns
//    for the calculator's own request (one model, one prompt, the dataset cut to that model,
//    as web/src/lib/requests.js builds it);
// 3. the slim files (embeds) hold exactly the full files' numbers and name their hash.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { loadEngine as loadNodeEngine, precomputeAll, SLIM_STATS } from '../../scripts/precompute.mjs';
import { estimateRequest } from '../../web/src/lib/requests.js';
import { loadModule, repoRoot } from './load-engine.mjs';

const dataDir = join(repoRoot, 'public', 'data');
const core = await loadModule('core');
const wasm = { kind: 'wasm', handle: (text) => core.handle(text) };
const files = await precomputeAll({ dataDir, engine: wasm });
const full = files.filter((f) => !f.path.endsWith('.min.json'));

test('every footprint dataset version and prompt size is precomputed', () => {
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  for (const d of manifest.datasets.filter((x) => x.kind === 'footprint'))
    for (const v of d.versions) {
      const data = JSON.parse(readFileSync(join(dataDir, v.file.replace(/^(public\/)?(data\/)?/, '')), 'utf8'));
      const prompts = new Set(data.models.flatMap((m) => m.prompts.map((p) => p.prompt)));
      for (const p of prompts) {
        const f = full.find((x) => x.path === `precomputed/${d.id}/${v.version}/${p}.json`);
        assert.ok(f, `${d.id}@${v.version} ${p}`);
        const parsed = JSON.parse(f.text);
        assert.equal(parsed.dataset_sha256, v.sha256, 'pinned to the manifest hash of its dataset');
        const models = data.models.filter((m) => m.prompts.some((x) => x.prompt === p)).map((m) => m.model);
        assert.deepEqual(parsed.result.rows.map((r) => r.model).sort(), [...models].sort());
      }
    }
});

test(
  'the native CLI writes byte-identical files',
  { skip: !existsSync(join(repoRoot, 'build/native/wasm-core/footprint')) && 'native CLI not built' },
  async () => {
    const native = await precomputeAll({ dataDir, engine: await loadNodeEngine('native') });
    assert.equal(native.length, files.length);
    for (let i = 0; i < files.length; i++) {
      assert.equal(native[i].path, files[i].path);
      assert.ok(native[i].text === files[i].text, `${files[i].path} differs between native and wasm`);
    }
  },
);

test("each precomputed row is byte-identical to the browser engine's answer to the calculator's request", () => {
  let n = 0;
  for (const f of full) {
    const file = JSON.parse(f.text);
    const dataset = JSON.parse(readFileSync(join(repoRoot, 'public', file.request.dataset.$data), 'utf8'));
    const data = { refs: { dataset: { $data: 'x' } } };
    for (const row of file.result.rows) {
      // The request the calculator sends (default state), with the worker's dataset cut.
      const req = estimateRequest({ prompt: row.prompt }, data, { models: [row.model], prompts: [row.prompt] });
      req.dataset = { ...dataset, models: dataset.models.filter((m) => m.model === row.model) };
      const env = JSON.parse(core.handle(JSON.stringify(req)));
      assert.equal(env.ok, true, JSON.stringify(env.error));
      assert.equal(env.result.rows.length, 1);
      assert.equal(
        JSON.stringify(env.result.rows[0]),
        JSON.stringify(row),
        `${file.dataset} ${row.model} ${row.prompt}`,
      );
      n++;
    }
  }
  assert.ok(n > 100, `${n} rows compared`);
});

test('slim files carry the same numbers and the hash of their full file', () => {
  for (const f of full) {
    const slim = JSON.parse(files.find((x) => x.path === f.path.replace(/\.json$/, '.min.json')).text);
    const rows = JSON.parse(f.text).result.rows;
    assert.equal(slim.full_sha256, createHash('sha256').update(f.text).digest('hex'));
    assert.equal(slim.rows.length, rows.length);
    rows.forEach((r, i) => {
      assert.equal(slim.rows[i].model, r.model);
      for (const k of ['energy_wh', 'water_ml', 'carbon_g'])
        for (const s of SLIM_STATS) assert.ok(Object.is(slim.rows[i][k][s], r[k][s]), `${r.model} ${k}.${s}`);
    });
  }
});
