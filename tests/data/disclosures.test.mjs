// The "disclosures" dataset (published per-query figures, docs/reality.md): it validates,
// every row has a source link and the tags the Reality check shows, and its numbers are the
// ones the sources state (values quoted from the source texts, not from the CSV).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';

import Ajv2020 from 'ajv/dist/2020.js';

import { convert } from '../../scripts/convert-data.mjs';
import { dataDir, readJson, sourceDir } from './helpers.mjs';

const manifest = readJson('manifest.json');
const entry = manifest.datasets.find((d) => d.id === 'disclosures');
const data = readJson('disclosures/2026-01-20.json');
const byId = Object.fromEntries(data.figures.map((f) => [f.id, f]));

test('disclosures: listed in the manifest and valid against its schema', () => {
  assert.ok(entry, 'manifest entry');
  assert.equal(entry.kind, 'disclosures');
  assert.equal(entry.default, false);
  const v = entry.versions.find((x) => x.version === entry.latest);
  assert.equal(v.file, 'disclosures/2026-01-20.json');
  assert.equal(v.rows, 7);
  assert.deepEqual(
    v.inputs.map((i) => i.file),
    ['data/sources/disclosures.csv'],
  );
  const schema = JSON.parse(readFileSync(join(dataDir, v.schema), 'utf8'));
  const validate = new Ajv2020({ strict: true }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors));
});

test('disclosures: every row has a source link and the tags the panel shows', () => {
  assert.equal(data.figures.length, 7);
  for (const f of data.figures) {
    assert.match(f.primary_url, /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//, f.id);
    for (const tag of ['energy_boundary', 'statistic', 'workload', 'method', 'published', 'source', 'checked'])
      assert.ok(typeof f[tag] === 'string' && f[tag].length > 0, `${f.id}: ${tag}`);
    assert.ok(!Number.isNaN(Date.parse(f.published)), f.id);
    assert.ok(f.energy_wh !== null || f.carbon_g !== null || f.water_ml !== null, f.id);
  }
  assert.equal(new Set(data.figures.map((f) => f.id)).size, 7);
});

test('disclosures: the numbers the sources state', () => {
  // Google, arXiv 2508.15734 abstract: 0.24 Wh, 0.03 gCO2e, 0.26 mL; narrower boundary 0.10 Wh.
  const g = byId['google-gemini-2025'];
  assert.deepEqual([g.energy_wh, g.carbon_g, g.water_ml], [0.24, 0.03, 0.26]);
  assert.deepEqual([g.energy_boundary, g.water_scope, g.carbon_basis], ['facility_with_idle', 'site', 'market']);
  const gm = byId['google-gemini-2025-minimal'];
  assert.equal(gm.energy_wh, 0.1);
  assert.equal(gm.energy_boundary, 'accelerator');
  assert.ok(Math.abs(g.energy_wh / gm.energy_wh - 2.4) < 1e-9, 'the 2.4x the note cites');
  // Altman: 0.34 Wh and 0.000085 US gallons (3785.411784 mL per gallon) of water.
  const a = byId['openai-altman-2025'];
  assert.equal(a.energy_wh, 0.34);
  assert.ok(Math.abs(a.water_ml - 0.000085 * 3785.411784) < 0.005, `${a.water_ml} mL`);
  // Microsoft preprint: median 0.34 Wh, IQR 0.18-0.67.
  const m = byId['microsoft-2025-preprint'];
  assert.deepEqual([m.energy_wh_low, m.energy_wh, m.energy_wh_high], [0.18, 0.34, 0.67]);
  // Mistral LCA: 1.14 gCO2e and 45 mL for a 400-token answer, energy not published.
  const mi = byId['mistral-large-2-lca-2025'];
  assert.deepEqual([mi.carbon_g, mi.water_ml, mi.energy_wh], [1.14, 45, null]);
  assert.equal(byId['epoch-gpt4o-2025'].energy_wh, 0.3);
  assert.equal(byId['couch-claude-code-2026'].energy_wh, 41);
});

test('disclosures: a row without a source link or with an unknown boundary is rejected, naming the line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'llmfp-disc-'));
  try {
    cpSync(sourceDir, dir, { recursive: true });
    const csv = readFileSync(join(sourceDir, 'disclosures.csv'), 'utf8');
    writeFileSync(
      join(dir, 'disclosures.csv'),
      csv.replace(',https://blog.samaltman.com/the-gentle-singularity,', ',,'),
    );
    await assert.rejects(
      convert({ sources: dir, only: ['disclosures'] }),
      /disclosures\.csv:4 column "primary_url": empty/,
    );
    writeFileSync(join(dir, 'disclosures.csv'), csv.replace(',facility_with_idle,', ',rack,'));
    await assert.rejects(
      convert({ sources: dir, only: ['disclosures'] }),
      /disclosures\.csv:2 column "energy_boundary": "rack"/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
