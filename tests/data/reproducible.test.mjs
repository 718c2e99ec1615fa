// public/data/ is exactly what `npm run data` produces from data/sources/ (byte for byte,
// no missing and no extra file), every dataset validates against its JSON Schema, and the
// manifest's sizes and hashes describe the files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { gzipSync } from 'node:zlib';

import Ajv2020 from 'ajv/dist/2020.js';

import { listJson } from '../../scripts/convert-data.mjs';
import { dataDir, readJson, root } from './helpers.mjs';

test('npm run data into a fresh folder reproduces public/data byte for byte', () => {
  const out = mkdtempSync(join(tmpdir(), 'llmfp-data-'));
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'convert-data.mjs'), '--out', out], { stdio: 'pipe' });
    const fresh = listJson(out);
    const committed = listJson(dataDir);
    assert.deepEqual(
      committed,
      fresh,
      'the set of files in public/data differs from a fresh conversion: run npm run data',
    );
    for (const f of fresh) {
      assert.ok(
        readFileSync(join(out, f)).equals(readFileSync(join(dataDir, f))),
        `public/data/${f} is out of date: run npm run data`,
      );
    }
    // A second run into the same folder changes nothing (idempotent).
    const again = execFileSync(process.execPath, [join(root, 'scripts', 'convert-data.mjs'), '--out', out], {
      encoding: 'utf8',
    });
    assert.doesNotMatch(again, /^wrote /m);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('every manifest entry: file exists, bytes and sha256 match, validates against its schema', () => {
  const manifest = readJson('manifest.json');
  assert.equal(manifest.schema_version, 1);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const listed = new Set(['manifest.json', 'schemas/manifest.schema.json']);
  const validateManifest = ajv.compile(readJson('schemas/manifest.schema.json'));
  assert.ok(validateManifest(manifest), JSON.stringify(validateManifest.errors?.slice(0, 3)));
  let versions = 0;
  for (const d of manifest.datasets) {
    assert.ok(
      d.versions.some((v) => v.version === d.latest),
      `${d.id}: latest ${d.latest} is not a listed version`,
    );
    for (const v of d.versions) {
      versions++;
      const buf = readFileSync(join(dataDir, v.file));
      assert.equal(v.file, `${d.id}/${v.version}.json`);
      assert.equal(buf.length, v.bytes, `${v.file}: bytes`);
      assert.equal(createHash('sha256').update(buf).digest('hex'), v.sha256, `${v.file}: sha256`);
      const schema = readJson(v.schema);
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
      const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
      const data = JSON.parse(buf);
      assert.ok(validate(data), `${v.file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      assert.equal(data.kind, d.kind);
      assert.equal(data.id, d.id);
      assert.equal(data.version, v.version);
      for (const input of v.inputs) {
        const src = readFileSync(join(root, input.file));
        assert.equal(createHash('sha256').update(src).digest('hex'), input.sha256, `${input.file}: sha256 in manifest`);
      }
      for (const k of ['source', 'licence']) assert.ok(v[k].length > 20, `${v.file}: ${k} is missing`);
      listed.add(v.file).add(v.schema);
      for (const part of v.parts ?? []) {
        // Parts (one file per model of provider-daily): listed, hashed and schema-valid too.
        const pbuf = readFileSync(join(dataDir, part.file));
        assert.equal(part.file, `${d.id}/${v.version}/${part.name}.json`);
        assert.equal(pbuf.length, part.bytes, `${part.file}: bytes`);
        assert.equal(createHash('sha256').update(pbuf).digest('hex'), part.sha256, `${part.file}: sha256`);
        assert.ok(validate(JSON.parse(pbuf)), `${part.file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
        listed.add(part.file);
      }
    }
  }
  assert.ok(versions >= 8, `${versions} dataset versions`);
  assert.deepEqual(
    listJson(dataDir).filter((f) => !listed.has(f)),
    [],
    'files in public/data not listed in the manifest',
  );
});

test('a schema rejects a wrong dataset, naming the field', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(readJson('schemas/footprint.schema.json'));
  const data = readJson('paper-v6/2025-10-26.json');
  data.models[3].pue = 0.9;
  data.models[5].prompts[1].tps.pop();
  delete data.models[7].host;
  assert.equal(validate(data), false);
  const paths = validate.errors.map((e) => `${e.instancePath} ${e.keyword}`);
  assert.ok(paths.includes('/models/3/pue minimum'), paths.join('; '));
  assert.ok(paths.includes('/models/5/prompts/1/tps minItems'), paths.join('; '));
  assert.ok(paths.includes('/models/7 required'), paths.join('; '));
});

test('exactly one default dataset, latest, and its gzip size is at most 50 KB; paper-v6 stays listed', () => {
  const manifest = readJson('manifest.json');
  const defaults = manifest.datasets.filter((d) => d.default);
  assert.deepEqual(
    defaults.map((d) => d.id),
    ['latest'],
  );
  assert.ok(manifest.datasets.some((d) => d.id === 'paper-v6' && d.kind === 'footprint'));
  const v = defaults[0].versions.find((x) => x.version === defaults[0].latest);
  const gz = gzipSync(readFileSync(join(dataDir, v.file)), { level: 9 }).length;
  assert.ok(gz <= 50 * 1024, `gzip size ${gz} bytes`);
});
