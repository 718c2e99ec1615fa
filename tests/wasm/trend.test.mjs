// op "trend" in the wasm engine over the converted daily files (public/data/daily/; the data
// tests check them against data/sources/daily-2025-09-10-2026-08-22.csv): as_published
// reproduces every published row (grid days to 1e-9; v6 days within the authors'
// 10,000-draw sampling noise), monthly summaries equal a direct computation, flags fall on
// known dates, and a single-day series and a series absent for months are handled.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { call, repoRoot } from './load-engine.mjs';

const dir = join(repoRoot, 'public', 'data', 'daily', '2026-08-22');
const index = JSON.parse(readFileSync(join(repoRoot, 'public', 'data', 'daily', '2026-08-22.json'), 'utf8'));
const file = (name) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
const METRICS = ['energy_wh', 'water_ml', 'carbon_g'];
const rel = (a, b) => Math.abs(a - b) / Math.abs(b);

/**
 * The v4 grid computed here, directly: mean and population SD of E over the (latency,
 * speed) percentile pairs and the two utilisation bounds, in Wh.
 */
function gridEnergy(ttft, tps, out, c) {
  const values = [];
  for (const l of ttft)
    for (const r of tps)
      for (const u of [c.u_gpu_min, c.u_gpu_max])
        values.push(((l + out / r) / 3600) * (c.p_gpu_kw * u + c.p_nongpu_kw * c.u_nongpu) * c.pue * 1000);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) };
}

async function trend(request) {
  const r = await call({ op: 'trend', ...request });
  assert.equal(r.ok, true, JSON.stringify(r.error));
  return r.result;
}

test('as_published reproduces every published row: grid to 1e-9, v6 within 0.6 % (means) and 1.5 % (SDs)', async () => {
  const worst = { grid: 0, v6mean: 0, v6sd: 0, equalAbs: 0 };
  const counts = { grid: 0, v6: 0, equal: 0, unreadableP95: 0 };
  const names = readdirSync(dir).map((f) => f.replace(/\.json$/, ''));
  assert.equal(names.length, index.models.length);
  for (const name of names) {
    const data = file(name);
    const { rows } = await trend({ dataset: data });
    // Inputs of each row, to spot the rows whose five percentiles are equal.
    const inputs = new Map();
    for (const p of data.prompts)
      p.date.forEach((d, i) => inputs.set(`${p.prompt}|${d}`, [p.ttft_s[i], p.tps[i], data.configs[p.config[i]]]));
    for (const row of rows) {
      if (!row.published) continue;
      const [ttft, tps, config] = inputs.get(`${row.prompt}|${row.date}`);
      // Six source cells of GPT-5 nano (minimal) short (tps P95 "1,126.3" and the like, in
      // Sep 2025) were unreadable to the authors' code, which left that percentile out:
      // their published value is the grid over the 20 other pairs (checked here directly);
      // ours uses the value.
      if (data.model === 'GPT-5 nano (minimal)' && row.method === 'grid' && tps[4] >= 1000) {
        const without = gridEnergy(ttft, tps.slice(0, 4), row.prompt === 'short' ? 300 : NaN, config);
        assert.ok(rel(without.mean, row.published.energy_wh_mean) < 1e-12, `${row.date} without P95`);
        assert.ok(rel(without.sd, row.published.energy_wh_sd) < 1e-12);
        assert.ok(rel(row.energy_wh.mean, row.published.energy_wh_mean) > 0.01, 'ours keeps the P95');
        counts.unreadableP95 += 1;
        continue;
      }
      const flat = ttft.every((v) => v === ttft[0]) && tps.every((v) => v === tps[0]);
      for (const m of METRICS) {
        const mean = row[m].mean;
        const sd = row[m].sd;
        const pm = row.published[`${m}_mean`];
        const ps = row.published[`${m}_sd`];
        const where = `${data.model} ${row.prompt} ${row.date} ${m}`;
        if (row.method === 'grid') {
          assert.ok(
            rel(mean, pm) <= 1e-9 && (ps === 0 ? sd === 0 : rel(sd, ps) <= 1e-9),
            `${where}: ${mean}/${sd} vs ${pm}/${ps}`,
          );
          worst.grid = Math.max(worst.grid, rel(mean, pm), ps ? rel(sd, ps) : 0);
        } else {
          assert.ok(rel(mean, pm) <= 0.006, `${where}: mean ${mean} vs ${pm}`);
          worst.v6mean = Math.max(worst.v6mean, rel(mean, pm));
          if (flat) {
            // The SD of a row with five equal percentiles is 0 up to rounding, on both sides (the
            // published one about 1e-16, the quadrature's about 1e-8 of the mean): compared absolutely.
            assert.ok(Math.abs(sd - ps) <= 1e-6 * pm, `${where}: SD ${sd} vs ${ps} (equal percentiles)`);
            worst.equalAbs = Math.max(worst.equalAbs, Math.abs(sd - ps));
          } else {
            assert.ok(rel(sd, ps) <= 0.015, `${where}: SD ${sd} vs ${ps}`);
            worst.v6sd = Math.max(worst.v6sd, rel(sd, ps));
          }
        }
      }
      counts[row.method] += 1;
      if (flat && row.method === 'v6') counts.equal += 1;
    }
  }
  // data/sources/README.md: 37,786 published v6 rows; 51,466 rows less 5,623 blank ones in all.
  assert.equal(counts.v6, 37786);
  assert.equal(counts.grid + counts.v6 + counts.unreadableP95, 51466 - 5623);
  assert.equal(counts.unreadableP95, 6);
  console.log(`trend reproduction: ${JSON.stringify(counts)}, worst ${JSON.stringify(worst)}`);
});

test("monthly summaries equal a direct computation of the authors' four statistics (two models)", async () => {
  for (const [name, prompt] of [
    ['gpt-5-high', 'medium'],
    ['claude-4-5-sonnet', 'long'],
  ]) {
    const { rows, series } = await trend({ dataset: file(name), select: { prompts: [prompt] } });
    // Direct: group the days by calendar month and by method (the multipliers change with it).
    const groups = new Map();
    for (const r of rows) {
      const k = `${r.date.slice(0, 7)}|${r.method}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(r);
    }
    const monthly = series[0].monthly;
    assert.equal(monthly.length, groups.size);
    for (const m of monthly) {
      const days = groups.get(`${m.month}|${m.method}`);
      assert.equal(m.days, days.length);
      for (const metric of METRICS) {
        const means = days.map((d) => d[metric].mean);
        const sds = days.map((d) => d[metric].sd);
        const n = means.length;
        const avg = means.reduce((a, b) => a + b, 0) / n;
        const v = n > 1 ? means.reduce((a, b) => a + (b - avg) ** 2, 0) / (n - 1) : NaN;
        const intra = sds.reduce((a, b) => a + b, 0) / n;
        const pooled = Math.sqrt(sds.reduce((a, b) => a + b * b, 0) / n + v);
        const got = m[metric];
        assert.ok(rel(got.average, avg) < 1e-12, `${name} ${m.month} ${metric} average`);
        assert.ok(rel(got.intra_day_sd, intra) < 1e-12);
        if (n > 1) {
          assert.ok(Math.abs(got.day_to_day_sd - Math.sqrt(v)) <= 1e-12 * avg);
          assert.ok(rel(got.pooled_sd, pooled) < 1e-12);
        } else assert.equal(got.day_to_day_sd, null);
      }
    }
  }
});

test('flags on known dates: method change 2025-10-26, frozen from 2026-05-19, gaps where the pipeline skipped days', async () => {
  const data = file('gpt-5-high');
  const { series, rows } = await trend({ dataset: data, select: { prompts: ['long'] } });
  const f = series[0].flags;
  assert.deepEqual(f.method_changes, [{ date: '2025-10-26', from: 'grid', to: 'v6' }]);
  assert.deepEqual(f.config_changes, [{ date: '2025-10-26', fields: ['wue_source_l_per_kwh', 'cif_kg_per_kwh'] }]);
  assert.deepEqual(f.frozen.at(-1), { measured: '2026-05-18', from: '2026-05-19', to: '2026-08-22', days: 86 });
  // Gaps: consecutive days of this series more than one calendar day apart.
  const long = data.prompts.find((p) => p.prompt === 'long');
  const dayNo = (d) => Date.parse(`${d}T00:00:00Z`) / 864e5;
  const gaps = [];
  for (let i = 1; i < long.date.length; i++) {
    const missing = dayNo(long.date[i]) - dayNo(long.date[i - 1]) - 1;
    if (missing > 0) gaps.push({ after: long.date[i - 1], before: long.date[i], missing_days: missing });
  }
  assert.ok(gaps.length > 0);
  assert.deepEqual(f.gaps, gaps);
  // Days without published values: 2025-10-25 and March 2026.
  const blank = rows.filter((r) => r.flags.includes('unpublished')).map((r) => r.date);
  assert.equal(f.unpublished, blank.length);
  assert.ok(blank.every((d) => d === '2025-10-25' || d.startsWith('2026-03')));
  assert.ok(blank.includes('2026-03-15'));
});

test('v6 and v4 recompute every day with one method; overrides apply to every day', async () => {
  const data = file('gpt-5-high');
  const select = { prompts: ['medium'] };
  const pub = await trend({ dataset: data, select });
  const v4 = await trend({ dataset: data, select, method: { estimator: 'v4' } });
  const v6 = await trend({ dataset: data, select, method: { estimator: 'v6' } });
  assert.ok(v6.rows.every((r) => r.method === 'v6'));
  assert.ok(v4.rows.every((r) => r.method === 'v4'));
  pub.rows.forEach((r, i) => {
    const same = r.method === 'grid' ? v4.rows[i] : v6.rows[i];
    assert.equal(same.energy_wh.mean, r.energy_wh.mean, r.date);
  });
  // Energy is proportional to PUE: PUE 2.24 doubles Azure's 1.12.
  const pue = await trend({ dataset: data, select, from: '2026-01-01', to: '2026-01-31', overrides: { pue: 2.24 } });
  const base = await trend({ dataset: data, select, from: '2026-01-01', to: '2026-01-31' });
  assert.equal(pue.rows.length, base.rows.length);
  pue.rows.forEach((r, i) => assert.ok(rel(r.energy_wh.mean, 2 * base.rows[i].energy_wh.mean) < 1e-12));
  assert.ok(pue.rows.every((r) => r.date >= '2026-01-01' && r.date <= '2026-01-31'));
});

test('a series with a single day, and a series absent for three months', async () => {
  const data = file('gpt-5-high');
  const one = structuredClone(data);
  const p = one.prompts.find((x) => x.prompt === 'medium');
  for (const k of Object.keys(p)) if (Array.isArray(p[k])) p[k] = p[k].slice(40, 41);
  p.days = 1;
  const single = await trend({ dataset: one, select: { prompts: ['medium'] } });
  assert.equal(single.series[0].days, 1);
  assert.equal(single.series[0].change, null);
  assert.equal(single.series[0].monthly[0].energy_wh.day_to_day_sd, null);
  assert.equal(single.series[0].monthly[0].energy_wh.pooled_sd, null);
  assert.match(single.notes.join(' '), /single medium day/);

  const cut = structuredClone(data);
  const q = cut.prompts.find((x) => x.prompt === 'medium');
  const keep = q.date.map((d) => d < '2025-12-01' || d >= '2026-03-01');
  for (const k of Object.keys(q)) if (Array.isArray(q[k])) q[k] = q[k].filter((_, i) => keep[i]);
  const absent = await trend({ dataset: cut, select: { prompts: ['medium'] } });
  const s = absent.series[0];
  const gap = s.flags.gaps.find((g) => g.after < '2025-12-01' && g.before >= '2026-03-01');
  assert.ok(gap, JSON.stringify(s.flags.gaps));
  assert.equal(gap.missing_days, (Date.parse(gap.before) - Date.parse(gap.after)) / 864e5 - 1);
  assert.ok(gap.missing_days >= 89);
  assert.ok(!s.monthly.some((m) => m.month >= '2025-12' && m.month < '2026-03'));
  assert.ok(s.change.energy_wh.low <= s.change.energy_wh.slope_per_day);
  assert.ok(s.change.energy_wh.slope_per_day <= s.change.energy_wh.high);
});

test('several models in one request; bad requests name the field', async () => {
  const r = await trend({
    dataset: [file('gpt-5-high'), file('claude-4-5-sonnet')],
    select: { prompts: ['extra_long'] },
    from: '2026-04-13',
    to: '2026-04-30',
  });
  assert.deepEqual([...new Set(r.series.map((s) => s.model))], ['GPT-5 (high)', 'Claude 4.5 Sonnet']);
  assert.ok(r.rows.every((x) => x.prompt === 'extra_long'));
  const bad = await call({ op: 'trend', dataset: file('gpt-5-high'), select: { models: ['nope'] } });
  assert.equal(bad.ok, false);
  assert.equal(bad.error.path, '/select/models/0');
  const idx = await call({ op: 'trend', dataset: index });
  assert.equal(idx.ok, false);
  assert.equal(idx.error.path, '/dataset/part');
  const order = await call({ op: 'trend', dataset: file('gpt-5-high'), from: '2026-02-01', to: '2026-01-01' });
  assert.equal(order.error.path, '/to');
});
