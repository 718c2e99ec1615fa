// daily and latest: the per-model daily files hold exactly the rows of
// data/sources/daily-2025-09-10-2026-08-22.csv (read here with a regular expression,
// independently of the converter), within the size budgets of issue 15; the latest dataset
// holds, per model and prompt size, the newest day of the CSV with its inputs and results.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { P, dataDir, readJson, sourceDir } from './helpers.mjs';

const FILE = 'daily-2025-09-10-2026-08-22.csv';
const OUT = ['energy_wh_mean', 'energy_wh_sd', 'water_ml_mean', 'water_ml_sd', 'carbon_g_mean', 'carbon_g_sd'];

/** The CSV split on commas outside double quotes; a quoted number loses its thousands separator. */
function readCsv() {
  const [head, ...lines] = readFileSync(join(sourceDir, FILE), 'utf8').trimEnd().split('\n');
  const cols = head.split(',');
  return lines.map((l) => {
    const cells = l
      .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
      .map((c) => (c.startsWith('"') ? c.slice(1, -1).replaceAll(',', '') : c));
    assert.equal(cells.length, cols.length, l);
    return Object.fromEntries(cells.map((v, i) => [cols[i], v]));
  });
}

const csv = readCsv();
const index = readJson('daily/2026-08-22.json');
const latest = readJson('latest/2026-08-22.json');
const manifest = readJson('manifest.json');
const parts = new Map(index.models.map((m) => [m.model, readJson(`daily/2026-08-22/${m.name}.json`)]));
const cell = (v) => (v === '' ? null : Number(v));

test('daily index: 82 models, 314 days, 51,466 rows (data/sources/README.md); budgets; parts in the manifest', () => {
  assert.equal(csv.length, 51466);
  assert.equal(index.models.length, 82);
  assert.equal(index.dates.length, 314);
  assert.equal(index.from, '2025-09-10');
  assert.equal(index.to, '2026-08-22');
  const rows = index.models.reduce((n, m) => n + Object.values(m.prompts).reduce((s, p) => s + p.days, 0), 0);
  assert.equal(rows, 51466);
  const gz = (rel) => gzipSync(readFileSync(join(dataDir, rel)), { level: 9 }).length;
  assert.ok(gz('daily/2026-08-22.json') < 20 * 1024, 'index under 20 KB gzip');
  const entry = manifest.datasets.find((d) => d.id === 'daily');
  assert.equal(entry.kind, 'daily');
  const v = entry.versions.find((x) => x.version === '2026-08-22');
  assert.equal(v.parts.length, 82);
  for (const p of v.parts) {
    assert.ok(gz(p.file) < 60 * 1024, `${p.file}: one model's year under 60 KB gzip`);
    assert.match(p.sha256, /^[0-9a-f]{64}$/);
  }
  assert.deepEqual(
    index.periods.map((x) => [x.method, x.from, x.to]),
    [
      ['grid', '2025-09-10', '2025-10-25'],
      ['v6', '2025-10-26', '2026-08-22'],
    ],
  );
  assert.deepEqual(
    index.prompts.map((p) => [p.prompt, p.input_tokens, p.output_tokens]),
    [
      ['short', 100, 300],
      ['medium', 1000, 1000],
      ['long', 10000, 1500],
      ['extra_long', 100000, 2000],
    ],
  );
});

test('every CSV row is in its model file with the same numbers, method and configuration', () => {
  const seen = new Map();
  for (const r of csv) {
    const part = parts.get(r.model);
    assert.ok(part, r.model);
    const p = part.prompts.find((x) => x.prompt === r.prompt);
    const k = `${r.model}|${r.prompt}`;
    const i = (seen.get(k) ?? -1) + 1;
    seen.set(k, i);
    assert.equal(p.date[i], r.date, k);
    assert.equal(p.method[i], r.method);
    assert.equal(p.output_tokens, Number(r.output_tokens));
    assert.deepEqual(
      p.ttft_s[i],
      P.map((q) => Number(r[`ttft_p${q}_s`])),
    );
    assert.deepEqual(
      p.tps[i],
      P.map((q) => Number(r[`tps_p${q}`])),
    );
    const c = part.configs[p.config[i]];
    for (const f of ['host', 'hardware', 'size_class', 'api_id']) assert.equal(c[f], r[f]);
    for (const f of ['pue', 'wue_site_l_per_kwh', 'wue_source_l_per_kwh', 'cif_kg_per_kwh', 'u_gpu_min', 'p_gpu_kw'])
      assert.equal(c[f], Number(r[f]));
    assert.equal(p.aa_intelligence_index[i], cell(r.aa_intelligence_index));
    for (const f of OUT) assert.equal(p[f][i], cell(r[f]), `${k} ${r.date} ${f}`);
  }
  for (const [k, n] of seen) {
    const [model, prompt] = k.split('|');
    assert.equal(parts.get(model).prompts.find((x) => x.prompt === prompt).days, n + 1, k);
  }
});

test('blank outputs: 2025-10-25 and March 2026 only (5,623 rows)', () => {
  const blank = csv.filter((r) => r.energy_wh_mean === '');
  assert.equal(blank.length, 5623);
  assert.ok(blank.every((r) => r.date === '2025-10-25' || r.date.startsWith('2026-03')));
});

test('latest: the default dataset; per model and prompt the newest CSV day, its inputs, results and date', () => {
  const entry = manifest.datasets.find((d) => d.id === 'latest');
  assert.equal(entry.default, true);
  assert.equal(entry.kind, 'footprint');
  assert.equal(latest.as_of, '2026-08-22');
  const newest = new Map();
  for (const r of csv) {
    const k = `${r.model}|${r.prompt}`;
    if (!newest.has(k) || newest.get(k).date < r.date) newest.set(k, r);
  }
  assert.equal(
    latest.models.reduce((n, m) => n + m.prompts.length, 0),
    newest.size,
  );
  for (const m of latest.models) {
    for (const p of m.prompts) {
      const last = newest.get(`${m.model}|${p.prompt}`);
      // Inputs were frozen after 18 May 2026: such prompts are dated on the day they were measured.
      const frozen = last.date > '2026-05-18';
      const day = frozen
        ? csv.filter((r) => r.model === m.model && r.prompt === p.prompt && r.date <= '2026-05-18').at(-1)
        : last;
      assert.equal(p.measured, day.date, `${m.model} ${p.prompt}`);
      assert.deepEqual(
        p.tps,
        P.map((q) => Number(last[`tps_p${q}`])),
      );
      assert.deepEqual(
        p.ttft_s,
        P.map((q) => Number(day[`ttft_p${q}_s`])),
      );
      assert.equal(p.output_tokens, Number(day.output_tokens));
      assert.equal(p.input_tokens, { short: 100, medium: 1000, long: 10000, extra_long: 100000 }[p.prompt]);
      if (day.energy_wh_mean === '') assert.equal(p.reference, undefined);
      else for (const f of OUT) assert.equal(p.reference[f], Number(day[f]));
      for (const f of ['pue', 'wue_source_l_per_kwh', 'cif_kg_per_kwh', 'u_gpu_max', 'p_nongpu_kw'])
        assert.equal(m[f], Number(day[f]), `${m.model} ${f}`);
      assert.equal(m.hardware, day.hardware);
    }
  }
  const sonnet = latest.models.find((m) => m.model === 'Claude 4.5 Sonnet');
  assert.deepEqual(
    sonnet.prompts.map((p) => [p.prompt, p.measured]),
    [
      ['short', '2026-04-12'],
      ['medium', '2026-05-18'],
      ['long', '2026-05-18'],
      ['extra_long', '2026-05-18'],
    ],
  );
  assert.ok(latest.models.some((m) => m.model === 'GPT-5 (high)'));
});
