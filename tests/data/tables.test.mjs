// hardware, hosts, regions, constants and paper-v4 against the snapshot rows, closed forms
// and the numbers the paper and the data README state.
import assert from 'node:assert/strict';
import test from 'node:test';

import { naiveCsv, readJson, relClose } from './helpers.mjs';

const hardware = readJson('hardware/v6.json');
const hosts = readJson('hosts/v6.json');
const regions = readJson('regions/2026-02-19.json');
const constants = readJson('constants/v6.json');
const v4 = readJson('paper-v4/2025-09-29.json');
const preset = (id) => Object.fromEntries(hosts.presets.find((p) => p.id === id).hosts.map((h) => [h.host, h]));
const snapshotRows = [...naiveCsv('snapshot-2025-10-26.csv'), ...naiveCsv('snapshot-2026-08-22-inputs.csv')];

test('hardware: every snapshot row uses the node power and coded utilisation of its class', () => {
  const hw = Object.fromEntries(hardware.hardware.map((h) => [h.id, h]));
  const sc = Object.fromEntries(hardware.size_classes.map((c) => [c.id, c]));
  assert.equal(snapshotRows.length, 194 + 52);
  for (const r of snapshotRows) {
    const h = hw[r.hardware];
    assert.ok(h, r.hardware);
    assert.equal(h.p_gpu_kw, Number(r.p_gpu_kw));
    assert.equal(h.p_nongpu_kw, Number(r.p_nongpu_kw));
    const u = sc[r.size_class].utilisation[h.family];
    assert.ok(u, `${r.model}: no ${h.family} utilisation for ${r.size_class}`);
    assert.deepEqual(
      [u.u_gpu_min, u.u_gpu_max, u.u_nongpu],
      [Number(r.u_gpu_min), Number(r.u_gpu_max), Number(r.u_nongpu)],
      r.model,
    );
  }
});

test('hardware: U = G * D / (N * B) with D_nonGPU = 0.5 gives the coded U_nonGPU and the batch-size appendix', () => {
  const { gpus_per_node: N, batch_size: B, d_nongpu: D } = hardware.derivation;
  assert.deepEqual([N, B, D], [8, 8, 0.5]);
  const sc = Object.fromEntries(hardware.size_classes.map((c) => [c.id, c]));
  assert.equal((sc.Large.gpus * D) / (N * B), sc.Large.utilisation.H100.u_nongpu); // 0.0625
  assert.equal((sc.Medium.gpus * D) / (N * B), sc.Medium.utilisation.H100.u_nongpu); // 0.03125
  assert.deepEqual(
    hardware.size_classes.map((c) => c.gpus),
    [1, 1, 2, 4, 8],
  );
  for (const a of hardware.batch_size_appendix) {
    assert.equal((sc[a.size_class].gpus * D) / (N * a.batch_size), a.u_nongpu, `B = ${a.batch_size}`);
  }
  const b4 = hardware.batch_size_appendix.find((a) => a.batch_size === 4);
  const b16 = hardware.batch_size_appendix.find((a) => a.batch_size === 16);
  assert.deepEqual([b4.u_gpu_min, b4.u_gpu_max, b4.u_nongpu], [0.1, 0.135, 0.125]);
  assert.deepEqual([b16.u_gpu_min, b16.u_gpu_max, b16.u_nongpu], [0.035, 0.045, 0.03125]);
});

test('hosts v6: the multipliers every snapshot row uses for its host', () => {
  const v6 = preset('v6');
  const keys = ['pue', 'wue_site_l_per_kwh', 'wue_source_l_per_kwh', 'cif_kg_per_kwh'];
  for (const r of snapshotRows) {
    const h = v6[r.host];
    assert.ok(h, r.host);
    for (const k of keys) assert.equal(h[k], Number(r[k]), `${r.model} ${k}`);
  }
  assert.equal(v6.Anthropic.same_as, 'AWS');
  for (const k of keys) assert.equal(v6.Anthropic[k], v6.AWS[k]);
  assert.equal(v6.Azure.printed.cif_kg_per_kwh, 0.35);
  assert.deepEqual(v6.AWS.printed, { wue_source_l_per_kwh: 5.11, cif_kg_per_kwh: 0.287 });
  assert.ok(v6.xAI.dashboard_only && v6.Google.dashboard_only && !v6.Azure.dashboard_only);
});

test('hosts v4: the paper v4 values', () => {
  const v4h = preset('v4');
  assert.deepEqual(Object.keys(v4h).sort(), ['AWS', 'Anthropic', 'Azure', 'DeepSeek']);
  assert.deepEqual(
    [v4h.Azure.pue, v4h.Azure.wue_site_l_per_kwh, v4h.Azure.wue_source_l_per_kwh, v4h.Azure.cif_kg_per_kwh],
    [1.12, 0.3, 3.142, 0.3528],
  );
  assert.deepEqual(
    [v4h.AWS.pue, v4h.AWS.wue_site_l_per_kwh, v4h.AWS.wue_source_l_per_kwh, v4h.AWS.cif_kg_per_kwh],
    [1.14, 0.18, 3.142, 0.385],
  );
  assert.deepEqual(
    [v4h.DeepSeek.pue, v4h.DeepSeek.wue_site_l_per_kwh, v4h.DeepSeek.wue_source_l_per_kwh, v4h.DeepSeek.cif_kg_per_kwh],
    [1.27, 1.2, 6.016, 0.6],
  );
});

test('v4 worked check: Large class, H100, Azure, T = 2.08 s gives 0.42 Wh', () => {
  const h = hardware.hardware.find((x) => x.id === 'DGX H200/H100');
  const u = hardware.size_classes.find((c) => c.id === 'Large').utilisation.H100;
  const pue = preset('v4').Azure.pue;
  const eMin = (2.08 / 3600) * (h.p_gpu_kw * u.u_gpu_min + h.p_nongpu_kw * u.u_nongpu) * pue;
  const eMax = (2.08 / 3600) * (h.p_gpu_kw * u.u_gpu_max + h.p_nongpu_kw * u.u_nongpu) * pue;
  assert.equal((0.5 * (eMin + eMax) * 1000).toFixed(2), '0.42');
});

test('regions: 27 Azure and 10 AWS regions; the stated means are recomputed', () => {
  const [azure, aws] = ['Azure', 'AWS'].map((p) => regions.providers.find((x) => x.provider === p));
  assert.equal(azure.regions.length, 27);
  assert.equal(aws.regions.length, 10);
  assert.deepEqual(
    azure.regions,
    naiveCsv('regions-azure.csv').map((r) => ({
      region: r.region,
      wue_source_l_per_kwh: Number(r.wue_source_l_per_kwh),
      cif_kg_per_kwh: Number(r.cif_kg_per_kwh),
    })),
  );
  const mean = (list, k) => list.reduce((s, r) => s + r[k], 0) / list.length;
  const wmean = (list, k) => list.reduce((s, r) => s + r[k] * r.weight, 0) / list.reduce((s, r) => s + r.weight, 0);
  // Independently known values (data README): Azure plain means 4.3513, 0.3413; AWS weighted 5.117, 0.2876; AWS plain 5.256, 0.278.
  assert.equal(mean(azure.regions, 'wue_source_l_per_kwh').toFixed(4), '4.3513');
  assert.equal(mean(azure.regions, 'cif_kg_per_kwh').toFixed(4), '0.3413');
  assert.equal(wmean(aws.regions, 'wue_source_l_per_kwh').toFixed(3), '5.117');
  assert.equal(wmean(aws.regions, 'cif_kg_per_kwh').toFixed(4), '0.2876');
  assert.equal(mean(aws.regions, 'wue_source_l_per_kwh').toFixed(3), '5.256');
  assert.equal(mean(aws.regions, 'cif_kg_per_kwh').toFixed(3), '0.278');
  assert.equal(azure.averaging, 'mean');
  assert.equal(aws.averaging, 'weighted_mean');
  for (const p of [azure, aws]) {
    const avg = p.averaging === 'mean' ? mean : wmean;
    for (const k of ['wue_source_l_per_kwh', 'cif_kg_per_kwh']) {
      assert.ok(Math.abs(avg(p.regions, k) - p.stated_mean[k]) < 5e-4, `${p.provider} ${k} stated mean`);
      // The coded host value is the stated mean rounded (2 decimals, CIF of AWS to 0.30).
      assert.ok(Math.abs(p.coded[k] - p.stated_mean[k]) < 0.015, `${p.provider} ${k} coded`);
      assert.equal(p.coded[k], preset('v6')[p.provider][k]);
    }
    assert.equal(p.pue, preset('v6')[p.provider].pue);
    assert.equal(p.wue_site_l_per_kwh, preset('v6')[p.provider].wue_site_l_per_kwh);
  }
});

test("constants: the paper's equivalences, checked against the case study's published statements", () => {
  const k = Object.fromEntries([...constants.equivalences, ...constants.everyday].map((c) => [c.id, c]));
  assert.equal(k.drinking_water_person_year.value, 3 * 365);
  assert.deepEqual(
    [
      k.household.value,
      k.hospital.value,
      k.university.value,
      k.olympic_pool.value,
      k.gasoline_car_year.value,
      k.forest_acre_year.value,
      k.chicago_area.value,
      k.google_search.value,
      k.phone_charge.value,
    ],
    [10.791, 7631, 1202, 2500, 4.6, 1, 150000, 0.3, 5],
  );
  const cs = constants.case_study;
  assert.ok(cs.annual_energy_mwh.low / k.household.value > 35000, '391,509 MWh is more than 35,000 households');
  assert.equal(((1314000 * 1000) / k.drinking_water_person_year.value / 1e6).toFixed(1), '1.2'); // 1,314,000 kL: 1.2 million people
  assert.equal((cs.energy_wh_per_query_v4.short * cs.session_queries).toFixed(2), '3.37');
  // 772 billion queries x (0.8 x 0.421 + 0.2 x 1.214) Wh x 0.914 / 1.086: about 409,000-486,000 MWh (docs/METHOD.md), ~5 % above the paper.
  const meanWh =
    cs.prompt_mix.short * cs.energy_wh_per_query_v4.short + cs.prompt_mix.medium * cs.energy_wh_per_query_v4.medium;
  const low = (cs.queries_2025 * meanWh * cs.power_ratio_min_over_mean) / 1e6;
  const high = (cs.queries_2025 * meanWh * cs.power_ratio_max_over_mean) / 1e6;
  assert.equal(Math.round(low / 1000), 409);
  assert.equal(Math.round(high / 1000), 486);
  assert.ok(low / cs.annual_energy_mwh.low > 1.03 && low / cs.annual_energy_mwh.low < 1.06);
  // The published water and carbon ranges are the energy range times the v4 Azure factors.
  const az = preset('v4').Azure;
  for (const b of ['low', 'high']) {
    const kwh = cs.annual_energy_mwh[b] * 1000;
    assert.ok(
      relClose((kwh * (az.wue_site_l_per_kwh / az.pue + az.wue_source_l_per_kwh)) / 1000, cs.annual_water_kl[b], 1e-4),
      `water ${b}`,
    );
    assert.ok(relClose((kwh * az.cif_kg_per_kwh) / 1000, cs.annual_carbon_t[b], 1e-4), `carbon ${b}`);
  }
  assert.equal(cs.host_preset, 'v4');
  assert.ok(
    constants.notes.some((n) => /flight/.test(n)),
    'the flight constant is explained',
  );
});

test('paper-v4: 81 Table 4 rows (28 models), 27 Figure 6 ranks, values as printed', () => {
  assert.equal(v4.table4.length, 81);
  assert.equal(new Set(v4.table4.map((r) => r.model)).size, 28);
  assert.equal(v4.figure6.length, 27);
  assert.deepEqual(
    v4.figure6.map((r) => r.dea_rank),
    Array.from({ length: 27 }, (_, i) => i + 1),
  );
  const csv = naiveCsv('paper-v4-published.csv');
  for (const r of csv.filter((x) => x.source === 'v4 Table 4')) {
    const t = v4.table4.find((x) => x.model === r.model && x.prompt === r.prompt);
    assert.deepEqual(
      [t.energy_wh_mean, t.energy_wh_sd, t.output_tokens],
      [Number(r.energy_wh_mean), Number(r.energy_wh_sd), Number(r.output_tokens)],
    );
  }
  const first = v4.table4.find((r) => r.model === 'GPT-4.1' && r.prompt === 'short');
  assert.deepEqual([first.energy_wh_mean, first.energy_wh_sd], [0.918, 0.498]);
  assert.deepEqual(v4.figure6[0], {
    dea_rank: 1,
    model: 'Claude-3.7 Sonnet',
    host: 'AWS',
    aa_intelligence_index: 57,
    dea_cross_efficiency: 0.864,
  });
  // Cross-efficiency scores decrease with rank.
  for (let i = 1; i < 27; i++) assert.ok(v4.figure6[i].dea_cross_efficiency <= v4.figure6[i - 1].dea_cross_efficiency);
});
