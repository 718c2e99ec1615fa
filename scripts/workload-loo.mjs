// Leave-one-out check of the workload method (docs/workloads.md): for each model of a
// bundled footprint dataset, remove one measured prompt size, predict it with a `workload`
// request at that size's input and output tokens from the model's other sizes, and compare
// the predicted mean energy with the estimate from the removed measurement.
//
//   node scripts/workload-loo.mjs                 (uses build/native/wasm-core/footprint)
//   LLMFP_NATIVE_CLI=path/to/footprint node scripts/workload-loo.mjs [--json]
//
// Prints, per dataset and held-out size, the number of models, the median and 90th
// percentile of |predicted / measured - 1|, the median signed error, and the share of
// models where the range shown (range_low..range_high) holds the measured mean.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './lib.mjs';

const cli = process.env.LLMFP_NATIVE_CLI ?? join(root, 'build', 'native', 'wasm-core', 'footprint');
const DATASETS = ['paper-v6/2025-10-26.json', 'snapshot/2025-10-26.json'];
const INPUT = { short: 100, medium: 1000, long: 10000, extra_long: 100000 };

const call = (request) => {
  const out = JSON.parse(execFileSync(cli, [], { input: JSON.stringify(request), maxBuffer: 1 << 28 }).toString());
  if (!out.ok) throw new Error(`${out.error.code} at ${out.error.path}: ${out.error.message}`);
  return out.result;
};

/** Quantile by linear interpolation (NumPy's default) of a sorted array. */
const quantile = (sorted, p) => {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
};

function leaveOneOut(file, heldOut) {
  const dataset = JSON.parse(readFileSync(join(root, 'public', 'data', file), 'utf8'));
  const rows = [];
  for (const model of dataset.models) {
    const held = model.prompts.find((p) => p.prompt === heldOut);
    const others = model.prompts.filter((p) => p.prompt !== heldOut && (p.input_tokens ?? INPUT[p.prompt]));
    if (!held || others.length === 0) continue;
    const one = { kind: 'footprint', models: [model] };
    const measured = call({ op: 'estimate', dataset: one, select: { prompts: [heldOut] } }).rows[0].energy_wh;
    const rest = { kind: 'footprint', models: [{ ...model, prompts: others }] };
    const workload = { input_tokens: held.input_tokens ?? INPUT[heldOut], output_tokens: held.output_tokens };
    const predicted = call({ op: 'estimate', dataset: rest, workload }).rows[0].energy_wh;
    rows.push({
      model: model.model,
      measured: measured.mean,
      predicted: predicted.mean,
      error: predicted.mean / measured.mean - 1,
      covered: predicted.range_low <= measured.mean && measured.mean <= predicted.range_high,
    });
  }
  const abs = rows.map((r) => Math.abs(r.error)).sort((a, b) => a - b);
  const signed = rows.map((r) => r.error).sort((a, b) => a - b);
  return {
    dataset: file,
    held_out: heldOut,
    models: rows.length,
    median_abs_error: quantile(abs, 0.5),
    p90_abs_error: quantile(abs, 0.9),
    median_signed_error: quantile(signed, 0.5),
    share_over: rows.filter((r) => r.error > 0).length / rows.length,
    range_covers: rows.filter((r) => r.covered).length / rows.length,
    rows,
  };
}

const results = [];
for (const file of DATASETS) for (const held of ['long', 'medium']) results.push(leaveOneOut(file, held));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 1));
} else {
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  console.log(
    '| dataset | held out | models | median abs. error | 90th pct abs. error | median signed | over | range holds it |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.dataset} | ${r.held_out} | ${r.models} | ${pct(r.median_abs_error)} | ${pct(r.p90_abs_error)} | ` +
        `${pct(r.median_signed_error)} | ${pct(r.share_over)} | ${pct(r.range_covers)} |`,
    );
  }
}
