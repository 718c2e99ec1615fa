// The footprint datasets against the source CSVs (read independently, naively) and against
// values the data README and the paper state.
import assert from 'node:assert/strict';
import test from 'node:test';

import { P, naiveCsv, readJson, relClose } from './helpers.mjs';

const v6 = readJson('paper-v6/2025-10-26.json');
const snap = readJson('snapshot/2025-10-26.json');
const snap26 = readJson('snapshot/2026-08-22.json');
const rows = (d) => d.models.flatMap((m) => m.prompts.map((p) => ({ m, p })));
const find = (d, name) => d.models.find((m) => m.model === name);

test('paper-v6: 30 models, 87 prompt rows, and the three missing long rows', () => {
  assert.equal(v6.models.length, 30);
  assert.equal(rows(v6).length, 87);
  const noLong = v6.models
    .filter((m) => !m.prompts.some((p) => p.prompt === 'long'))
    .map((m) => m.model)
    .sort();
  assert.deepEqual(noLong, ['GPT-4', 'LLaMA-3-70B', 'LLaMA-3-8B']);
  assert.equal(v6.paper_version, 'v6');
  assert.equal(v6.intelligence_index_edition, '2025-10');
  assert.ok(
    v6.notes.some((n) => n.includes('0.423') && n.includes('1.215')),
    'the GPT-4o printed-vs-file note',
  );
});

test("paper-v6: GPT-4.1 short reference energy and the GPT-4o (Mar '25) file values", () => {
  const gpt41 = find(v6, 'GPT-4.1');
  assert.equal(gpt41.prompts[0].prompt, 'short');
  assert.equal(gpt41.prompts[0].reference.energy_wh_mean, 0.8714495411389016);
  assert.deepEqual(gpt41.prompts[0].ttft_s, [0.51, 0.59, 0.69, 0.73, 0.96]);
  assert.equal(gpt41.company, 'OpenAI');
  assert.equal(gpt41.aa_intelligence_index, 43);
  const gpt4o = find(v6, "GPT-4o (Mar '25)");
  assert.equal(gpt4o.dashboard_model, 'GPT-4o (Mar)');
  assert.equal(gpt4o.prompts[0].reference.energy_wh_mean.toFixed(3), '0.413');
  assert.equal(gpt4o.prompts[1].reference.energy_wh_mean.toFixed(3), '1.301');
  assert.deepEqual(gpt4o.prompts[0].printed, { energy_wh_mean: 0.423 });
  assert.deepEqual(gpt4o.prompts[1].printed, { energy_wh_mean: 1.215 });
  assert.equal(
    rows(v6).filter(({ p }) => p.printed).length,
    2,
    'only the two GPT-4o cells differ from the printed table',
  );
});

test('paper-v6: every numeric cell equals the CSV cell exactly, company joined from the snapshot', () => {
  const csv = naiveCsv('paper-v6-models-2025-10-26.csv');
  const companies = new Map(naiveCsv('snapshot-2025-10-26.csv').map((r) => [r.model, r.company]));
  assert.equal(csv.length, 87);
  for (const r of csv) {
    const m = find(v6, r.paper_model);
    const p = m.prompts.find((x) => x.prompt === r.size.toLowerCase());
    assert.ok(p, `${r.paper_model} ${r.size}`);
    assert.equal(m.company, companies.get(r.dashboard_model));
    assert.equal(m.size_class, r.class);
    assert.equal(
      m.aa_intelligence_index,
      r.aa_intelligence_index_oct2025 === '' ? null : Number(r.aa_intelligence_index_oct2025),
    );
    assert.deepEqual(
      p.ttft_s,
      P.map((q) => Number(r[`ttft_p${q}_s`])),
    );
    assert.deepEqual(
      p.tps,
      P.map((q) => Number(r[`tps_p${q}`])),
    );
    for (const k of [
      'p_gpu_kw',
      'p_nongpu_kw',
      'u_gpu_min',
      'u_gpu_max',
      'u_nongpu',
      'pue',
      'wue_site_l_per_kwh',
      'wue_source_l_per_kwh',
      'cif_kg_per_kwh',
    ]) {
      assert.equal(m[k], Number(r[k]), `${r.paper_model} ${k}`);
    }
    for (const [k, v] of Object.entries(p.reference)) assert.equal(v, Number(r[k]), `${r.paper_model} ${r.size} ${k}`);
  }
});

test('paper-v6 agrees row for row with the full snapshot (same model under its dashboard name)', () => {
  for (const m of v6.models) {
    const s = find(snap, m.dashboard_model);
    assert.ok(s, m.dashboard_model);
    const modelLevel = (x) =>
      Object.fromEntries(Object.entries(x).filter(([k]) => !['model', 'dashboard_model', 'prompts'].includes(k)));
    assert.deepEqual(modelLevel(m), modelLevel(s), m.model);
    assert.deepEqual(
      m.prompts.map(({ printed: _printed, ...p }) => p),
      s.prompts.filter((p) => m.prompts.some((q) => q.prompt === p.prompt)),
      m.model,
    );
  }
});

test('snapshot 2025-10-26: 66 models, 194 rows; each numeric cell is exact', () => {
  assert.equal(snap.models.length, 66);
  assert.equal(rows(snap).length, 194);
  const noLong = snap.models
    .filter((m) => m.prompts.length === 2)
    .map((m) => m.model)
    .sort();
  assert.deepEqual(noLong, ['GPT-3.5 Turbo', 'GPT-4', 'Llama 3 70B', 'Llama 3 8B']);
  for (const r of naiveCsv('snapshot-2025-10-26.csv')) {
    const m = find(snap, r.model);
    const p = m.prompts.find((x) => x.prompt === r.prompt);
    assert.equal(m.api_id, r.api_id);
    assert.equal(m.host, r.host);
    assert.deepEqual(
      p.tps,
      P.map((q) => Number(r[`tps_p${q}`])),
    );
    assert.equal(p.reference.carbon_g_sd, Number(r.carbon_g_sd));
  }
});

test('snapshot 2026-08-22: 52 models, long only, no reference, 2026 index edition', () => {
  assert.equal(snap26.models.length, 52);
  assert.ok(
    snap26.models.every(
      (m) => m.prompts.length === 1 && m.prompts[0].prompt === 'long' && m.prompts[0].output_tokens === 1500,
    ),
  );
  assert.ok(rows(snap26).every(({ p }) => !('reference' in p)));
  assert.equal(snap26.intelligence_index_edition, '2026');
  assert.equal(find(snap26, 'GPT-5 (high)').aa_intelligence_index, 45);
  assert.equal(find(snap, 'GPT-5 (high)').aa_intelligence_index, 68);
  assert.ok(!snap26.models.some((m) => m.host === 'DeepSeek'));
  assert.equal(find(snap26, 'Kimi K2 Thinking').company, 'Moonshot');
});

test('reference water and carbon equal energy x (WUE_site / PUE + WUE_source) and energy x CIF', () => {
  let n = 0;
  for (const d of [v6, snap]) {
    for (const { m, p } of rows(d)) {
      const r = p.reference;
      const waterPerWh = m.wue_site_l_per_kwh / m.pue + m.wue_source_l_per_kwh;
      assert.ok(relClose(r.water_ml_mean, r.energy_wh_mean * waterPerWh, 1e-12), `${m.model} ${p.prompt} water`);
      assert.ok(relClose(r.water_ml_sd, r.energy_wh_sd * waterPerWh, 1e-12), `${m.model} ${p.prompt} water sd`);
      assert.ok(relClose(r.carbon_g_mean, r.energy_wh_mean * m.cif_kg_per_kwh, 1e-12), `${m.model} ${p.prompt} carbon`);
      n++;
    }
  }
  assert.equal(n, 87 + 194);
});

test('output tokens follow the prompt size: short 300, medium 1000, long 1500', () => {
  const want = { short: 300, medium: 1000, long: 1500 };
  for (const d of [v6, snap, snap26]) for (const { p } of rows(d)) assert.equal(p.output_tokens, want[p.prompt]);
});

// Closed form of the v6 mean (docs/METHOD.md section 1): E = T * Pbar * PUE with E[T] = (E[L] + O * E[1/R]) / 3600,
// each marginal the piecewise-linear interpolation through its five percentiles at u in [0.05, 0.95], flat
// outside. The mean does not depend on the copula's rho, so it is exact; the authors' Monte Carlo is within
// 0.35 % of it (data README). This checks the converted inputs against the converted reference results.
const U = [0.05, 0.25, 0.5, 0.75, 0.95];
function meanOfQuantile(values, f, integral) {
  const v = [...values].sort((a, b) => a - b);
  let sum = 0.05 * f(v[0]) + 0.05 * f(v[4]);
  for (let i = 0; i < 4; i++) sum += integral(v[i], v[i + 1], U[i + 1] - U[i]);
  return sum;
}
const meanL = (ttft) =>
  meanOfQuantile(
    ttft,
    (x) => x,
    (a, b, du) => (du * (a + b)) / 2,
  );
const meanInvR = (tps) =>
  meanOfQuantile(
    tps,
    (x) => 1 / x,
    (a, b, du) => (a === b ? du / a : (du * Math.log(b / a)) / (b - a)),
  );

test('reference energy means follow from the inputs (closed-form v6 mean, within 0.5 %)', () => {
  let worst = 0;
  for (const d of [v6, snap]) {
    for (const { m, p } of rows(d)) {
      const pbarKw = m.p_gpu_kw * 0.5 * (m.u_gpu_min + m.u_gpu_max) + m.p_nongpu_kw * m.u_nongpu;
      const hours = (meanL(p.ttft_s) + p.output_tokens * meanInvR(p.tps)) / 3600;
      const wh = hours * pbarKw * m.pue * 1000;
      const err = Math.abs(wh / p.reference.energy_wh_mean - 1);
      worst = Math.max(worst, err);
      assert.ok(
        err < 0.005,
        `${d.id} ${m.model} ${p.prompt}: closed form ${wh} Wh vs reference ${p.reference.energy_wh_mean}`,
      );
    }
  }
  assert.ok(worst < 0.0035, `worst relative gap ${worst} (the data README states 0.35 %)`);
});
