// The CSV reader and the converter fail loudly, naming file, line and field, on malformed
// input; the quoted fields of provider-daily.csv are read correctly.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';

import { convert, loadModules } from '../../scripts/convert-data.mjs';
import { num, parseCsv, readTable, sourcesAt } from '../../scripts/data/lib/csv.mjs';
import { formatJson } from '../../scripts/data/lib/format.mjs';
import { root, sourceDir } from './helpers.mjs';

test('CSV: quoted fields, doubled quotes, CRLF and a missing final newline', () => {
  assert.deepEqual(parseCsv('a,b,c\n1,"x, y",""\r\n"say ""hi""",,3'), [
    ['a', 'b', 'c'],
    ['1', 'x, y', ''],
    ['say "hi"', '', '3'],
  ]);
  assert.deepEqual(parseCsv('a\n"line\nbreak"\n'), [['a'], ['line\nbreak']]);
  assert.deepEqual(parseCsv('a\n\nb'), [['a'], [''], ['b']]);
  assert.deepEqual(parseCsv('a,b\r\n"1",2\r\n3,4\r\n'), [
    ['a', 'b'],
    ['1', '2'],
    ['3', '4'],
  ]);
  assert.deepEqual(parseCsv(''), []);
});

test('CSV: malformed input is an error with file and line', () => {
  assert.throws(() => parseCsv('a,b\n1,"open\n', 'f.csv'), /f\.csv:\d+: unterminated quoted field/);
  assert.throws(() => parseCsv('a,b\n1,x"y\n', 'f.csv'), /f\.csv:2: stray double quote/);
  assert.throws(() => parseCsv('a,b\n1,2\r', 'f.csv'), /f\.csv:2: bare carriage return/);
  assert.throws(() => parseCsv('a,b\n"1",2\n3,"4\n', 'f.csv'), /unterminated quoted field/);
  assert.throws(() => parseCsv('a,b\n1,"x"y\n', 'f.csv'), /f\.csv:2: text after a closing quote/);
  assert.throws(() => readTable('a,b\n1,2,3\n', 'f.csv'), /f\.csv:2: 3 cells, expected 2/);
  assert.throws(() => readTable('a,a\n1,2\n', 'f.csv'), /duplicate column "a"/);
  const [row] = readTable('x,y\n1.5e3,abc\n', 'f.csv');
  assert.equal(num(row, 'x'), 1500);
  assert.throws(() => num(row, 'y'), /f\.csv:2 column "y": "abc" is not a number/);
  assert.throws(() => num(readTable('x\nNaN\n', 'g.csv')[0], 'x'), /g\.csv:2 column "x": "NaN" is not a number/);
  assert.throws(() => num(row, 'z'), /no column "z"/);
});

test('CSV: provider-daily.csv (quoted provider names) reads as 63,709 rows of 16 cells', () => {
  const rows = sourcesAt(sourceDir).table('provider-daily.csv');
  assert.equal(rows.length, 63709);
  const deepinfra = rows.find((r) => r.provider === 'DeepInfra (Turbo, FP8)');
  assert.ok(deepinfra, 'a quoted provider with a comma');
  assert.equal(deepinfra.api_id, 'meta-llama/Llama-3.3-70B-Instruct-Turbo');
  assert.equal(new Set(rows.map((r) => r.model)).size, 23);
  assert.equal(new Set(rows.map((r) => r.date)).size, 349);
});

/** Runs fn on a copy of data/sources/ (without the large provider-daily.csv) with one file edited. */
async function withBrokenSource(file, edit, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'llmfp-src-'));
  try {
    cpSync(sourceDir, dir, { recursive: true, filter: (src) => !src.endsWith('provider-daily.csv') });
    const before = readFileSync(join(dir, file), 'utf8');
    const after = edit(before);
    assert.notEqual(after, before, 'the edit must change the file');
    writeFileSync(join(dir, file), after);
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('converter: a model-level field that differs between prompt rows is an error', async () => {
  // Change the PUE of GPT-4.1's medium row (line 3) only.
  await withBrokenSource(
    'paper-v6-models-2025-10-26.csv',
    (t) => {
      const lines = t.split('\n');
      lines[2] = lines[2].replace(',1.12,0.3,4.35,', ',1.2,0.3,4.35,');
      return lines.join('\n');
    },
    (dir) =>
      assert.rejects(
        convert({ sources: dir, only: ['paper-v6'] }),
        /paper-v6-models-2025-10-26\.csv:3: model "GPT-4\.1": pue is 1\.2 here but 1\.12 on an earlier row/,
      ),
  );
});

test('converter: a bad number, an unknown host and a missing company are errors naming the place', async () => {
  await withBrokenSource(
    'snapshot-2026-08-22-inputs.csv',
    (t) => t.replace(',37.15,', ',37.1.5,'),
    (dir) =>
      assert.rejects(
        convert({ sources: dir, only: ['snapshot'] }),
        /snapshot-2026-08-22-inputs\.csv:2 column "ttft_p5_s": "37\.1\.5" is not a number/,
      ),
  );
  await withBrokenSource(
    'regions-aws.csv',
    (t) => t.replace('US East (Ohio),2.27,0.39,3', 'US East (Ohio),2.27,0.39,'),
    (dir) => assert.rejects(convert({ sources: dir, only: ['regions'] }), /regions-aws\.csv:4 column "weight": empty/),
  );
  await withBrokenSource(
    'snapshot-2025-10-26.csv',
    (t) => t.replace(',OpenAI,Azure,', ',OpenAI,Azurr,'),
    (dir) => assert.rejects(convert({ sources: dir, only: ['snapshot'] }), /column "host": "Azurr" is not one of/),
  );
  await withBrokenSource(
    'snapshot-2025-10-26.csv',
    (t) => t.replaceAll('\nGPT-4.1,gpt-4.1-2025-04-14', '\nGPT-4.1x,gpt-4.1-2025-04-14'),
    (dir) =>
      assert.rejects(
        convert({ sources: dir, only: ['paper-v6'] }),
        /dashboard_model "GPT-4\.1" is not in snapshot-2025-10-26\.csv/,
      ),
  );
});

test('JSON format: scalar arrays inline, exact numbers, parses back to the same value', () => {
  const value = { a: [1, 0.1 + 0.2, null], b: { c: 'x"y', d: [] }, e: [{ f: 36.754999999999995 }] };
  const text = formatJson(value);
  assert.deepEqual(JSON.parse(text), value);
  assert.match(text, /"a": \[1, 0\.30000000000000004, null\]/);
  assert.match(text, /36\.754999999999995/);
});

test('converter: a new module dropped into the modules folder is built, validated and listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'llmfp-mod-'));
  try {
    cpSync(join(root, 'scripts', 'data'), dir, { recursive: true });
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['kind', 'id', 'version', 'regions'],
      properties: {
        kind: { const: 'demo' },
        id: { type: 'string' },
        version: { type: 'string' },
        regions: { type: 'integer' },
      },
    };
    const mod = (id, count) => `export default {
  id: '${id}', kind: 'demo', title: 'Demo', description: 'A test module.', schema: ${JSON.stringify(schema)},
  versions: [{ version: '1', source: 'test', paper_version: null, retrieved: null, licence: 'test', inputs: ['regions-aws.csv'],
    build: (s) => ({ kind: 'demo', id: '${id}', version: '1', regions: ${count} }), rows: (d) => d.regions }],
};\n`;
    writeFileSync(join(dir, 'demo.mjs'), mod('demo', 's.table("regions-aws.csv").length'));
    const { files, manifest } = await convert({ modulesDir: dir });
    assert.deepEqual(JSON.parse(files.get('demo/1.json')), { kind: 'demo', id: 'demo', version: '1', regions: 10 });
    assert.ok(files.has('schemas/demo.schema.json'));
    const entry = manifest.datasets.find((d) => d.id === 'demo');
    assert.equal(entry.versions[0].rows, 10);
    assert.equal(manifest.datasets.length, (await loadModules()).length + 1);
    // Output that breaks its own schema is refused, naming the dataset and the field.
    writeFileSync(join(dir, 'demo2.mjs'), mod('demo2', '"ten"'));
    await assert.rejects(
      convert({ modulesDir: dir }),
      /demo2\/1 does not match demo\.schema\.json:\n {2}\/regions must be integer/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
