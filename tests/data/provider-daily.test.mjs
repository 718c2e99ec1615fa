// provider-daily: the per-model columnar files hold exactly the rows of the source CSV
// (checked with the naive reader, independently of the converter), and the GPT-4o mini
// subset of the attribution case matches the statsmodels fixture's.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { readJson, root, sourceDir } from './helpers.mjs';

/** The CSV read with a regular expression (commas outside double quotes), independently of
 * the converter's reader; the file's only quotes wrap provider labels with commas. */
function readCsv(name) {
  const [head, ...lines] = readFileSync(join(sourceDir, name), 'utf8').trimEnd().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l) => {
    const cells = l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"(.*)"$/, '$1'));
    assert.equal(cells.length, cols.length, l);
    return Object.fromEntries(cells.map((v, i) => [cols[i], v]));
  });
}

const index = readJson('provider-daily/2026-08-22.json');
const csv = readCsv('provider-daily.csv');

/** Row objects of a per-model file, decoded from its levels. */
function decode(part) {
  const rows = [];
  for (let i = 0; i < part.rows; i++) {
    const r = {};
    for (const [k, col] of Object.entries(part.columns)) r[k] = part.levels[k] ? part.levels[k][col[i]] : col[i];
    rows.push(r);
  }
  return rows;
}

test('index: 23 models, 63,709 rows in all (data/sources/README.md), each file listed in the manifest', () => {
  assert.equal(index.models.length, 23);
  assert.equal(
    index.models.reduce((n, m) => n + m.rows, 0),
    63709,
  );
  assert.equal(csv.length, 63709);
  const manifest = readJson('manifest.json');
  const v = manifest.datasets.find((d) => d.id === 'provider-daily').versions[0];
  assert.deepEqual(v.parts.map((p) => p.file).sort(), index.models.map((m) => m.file).sort());
  const llama = index.models.find((m) => m.model === 'Llama 3.3 70B');
  assert.equal(llama.providers.length, 26);
  const mini = index.models.find((m) => m.model === 'GPT-4o mini');
  assert.deepEqual(mini.providers, ['Microsoft Azure', 'OpenAI']);
});

test('every CSV row is in its model file with the same numbers', () => {
  for (const m of index.models) {
    const part = readJson(m.file);
    const rows = decode(part);
    const source = csv.filter((r) => r.model === m.model);
    assert.equal(rows.length, source.length, m.model);
    const key = (r) => `${r.date}|${r.prompt}|${r.provider}|${r.api_id}`;
    const byKey = new Map(rows.map((r) => [key(r), r]));
    for (const s of source) {
      const r = byKey.get(key(s));
      assert.ok(r, `${m.model}: ${key(s)} missing`);
      for (const col of ['ttft_p50_s', 'first_answer_token_s', 'tps_p5', 'tps_p50', 'tps_p95']) {
        assert.equal(r[col], s[col] === '' ? null : Number(s[col]), `${m.model} ${key(s)} ${col}`);
      }
    }
  }
});

test('GPT-4o mini: OpenAI vs Azure on days with all three prompts gives the fixture subset', () => {
  const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/stats/gpt-4o-mini.json'), 'utf8'));
  const rows = decode(readJson('provider-daily/2026-08-22/gpt-4o-mini.json')).filter(
    (r) => ['OpenAI', 'Microsoft Azure'].includes(r.provider) && r.tps_p50 !== null,
  );
  const cells = new Map();
  for (const r of rows) cells.set(r.date, (cells.get(r.date) ?? new Set()).add(`${r.provider}|${r.prompt}`));
  const dates = [...cells]
    .filter(([, s]) => s.size === 6)
    .map(([d]) => d)
    .sort();
  assert.deepEqual(dates, fixture.dates);
  assert.equal(rows.filter((r) => dates.includes(r.date)).length, fixture.n);
});
