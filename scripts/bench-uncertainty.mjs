// Benchmark of the uncertainty engine: 100,000 joint draws for one model and prompt with
// Sobol indices (Saltelli / Jansen) and a tornado for 8 uncertain inputs (op "sensitivity":
// n (k + 2) = 1,000,000 model evaluations), and the same 100,000 draws propagated with an
// N-query scaling (op "uncertainty"); natively (the CLI) and in WebAssembly (Node).
//
//   node scripts/bench-uncertainty.mjs            (uses build/native and build/wasm)
//   LLMFP_NATIVE_CLI=build/dev-x/wasm-core/footprint LLMFP_WASM_DIR=build/dev-x-wasm/dist \
//     node scripts/bench-uncertainty.mjs
//
// Native times are wall-clock runs of the CLI minus a run of {"op":"version"} (process
// start-up), best of N. Wasm times are Module.handle() calls (parse the request with its
// dataset, sample, evaluate, serialise), best and median of N after a warm-up. The machine
// is often shared, so CPU time is printed too (wasm: this process's user + system time;
// native: /usr/bin/time's user + system, when that program exists).
// Target: the sensitivity case under 300 ms in wasm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './lib.mjs';

const distDir = process.env.LLMFP_WASM_DIR ?? join(root, 'build', 'wasm', 'dist');
const cli = process.env.LLMFP_NATIVE_CLI ?? join(root, 'build', 'native', 'wasm-core', 'footprint');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const data = (id, version) => JSON.parse(readFileSync(join(root, 'public', 'data', id, `${version}.json`), 'utf8'));

const draws = 100000;
const base = {
  dataset: data('paper-v6', '2025-10-26'),
  hardware: data('hardware', 'v6'),
  hosts: data('hosts', 'v6'),
  regions: data('regions', '2026-02-19'),
  select: { models: ['GPT-4.1'], prompts: ['medium'] },
  draws,
  seed: 1,
  // Eight uncertain inputs (the rest fixed).
  uncertain: {
    latency_speed: { dist: 'copula' },
    w_max: { dist: 'default' },
    batch_size: { dist: 'default' },
    pue: { dist: 'default' },
    wue_site_l_per_kwh: { dist: 'default' },
    region: { dist: 'default' },
    output_tokens: { dist: 'triangular', min: 500, mode: 1000, max: 1500 },
    p_gpu_kw: { dist: 'uniform', min: 4.2, max: 5.6 },
  },
};
const cases = {
  'sensitivity (Sobol + tornado)': { op: 'sensitivity', ...base },
  'uncertainty (x 1e9 queries)': { op: 'uncertainty', ...base, scale: { queries: 1e9 } },
};
const evaluations = { 'sensitivity (Sobol + tornado)': draws * 10, 'uncertainty (x 1e9 queries)': draws };

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { best: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
};
const fmt = (x) => `${x.toFixed(1).padStart(7)} ms`;
const rate = (name, t) =>
  `${((draws / t) * 1000).toExponential(2)} joint draws/s, ${((evaluations[name] / t) * 1000).toExponential(2)} model evaluations/s`;

const timeProgram = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function nativeTime(text) {
  const times = [];
  const cpu = [];
  let out = '';
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    if (timeProgram) {
      const r = spawnSync(timeProgram, ['-f', 'cpu %U %S', cli, '-'], {
        input: text,
        maxBuffer: 64 << 20,
        encoding: 'utf8',
      });
      times.push(ms(t0));
      out = r.stdout;
      const m = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
      if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
    } else {
      out = execFileSync(cli, ['-'], { input: text, maxBuffer: 64 << 20 }).toString();
      times.push(ms(t0));
    }
  }
  return { ...stats(times), cpu: cpu.length ? stats(cpu).median : null, out };
}

console.log(
  `uncertainty benchmark: GPT-4.1 medium, ${draws.toLocaleString('en')} draws, 8 uncertain inputs, ${runs} runs each`,
);
const nativeOut = {};
if (existsSync(cli)) {
  const startup = nativeTime('{"op":"version"}').best;
  console.log(`native CLI ${cli}\n  process start-up (version op): ${fmt(startup)}`);
  for (const [name, request] of Object.entries(cases)) {
    const r = nativeTime(JSON.stringify(request));
    nativeOut[name] = r.out.trim();
    const best = r.best - startup;
    const cpu = r.cpu === null ? '' : `  cpu ${fmt(r.cpu)} (10 ms resolution)`;
    console.log(`  ${name.padEnd(30)} best ${fmt(best)}  median ${fmt(r.median - startup)}${cpu}  ${rate(name, best)}`);
  }
} else {
  console.log(`native CLI not found at ${cli} (build the native preset or set LLMFP_NATIVE_CLI)`);
}

if (existsSync(join(distDir, 'engine-lab.wasm'))) {
  process.env.LLMFP_WASM_DIR = distDir;
  const { loadModule } = await import('../tests/wasm/load-engine.mjs');
  const engine = await loadModule('lab');
  console.log(`wasm ${distDir}`);
  for (const [name, request] of Object.entries(cases)) {
    const text = JSON.stringify(request);
    const first = engine.handle(text); // warm-up (and the fast-normal table)
    if (!JSON.parse(first).ok) throw new Error(`${name}: ${first.slice(0, 300)}`);
    const times = [];
    const cpu = [];
    for (let i = 0; i < runs; i += 1) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      engine.handle(text);
      times.push(ms(t0));
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const s = stats(times);
    const sc = stats(cpu);
    const same =
      nativeOut[name] === undefined
        ? 'native not run'
        : nativeOut[name] === first
          ? 'identical to native'
          : 'DIFFERS from native';
    console.log(
      `  ${name.padEnd(30)} best ${fmt(s.best)}  median ${fmt(s.median)}  cpu ${fmt(sc.median)}  ${rate(name, s.median)}  (${same})`,
    );
    if (name.startsWith('sensitivity')) {
      console.log(
        `  target: sensitivity under 300 ms in wasm: wall ${s.best < 300 ? 'met' : 'NOT met'} (best), cpu ${sc.median < 300 ? 'met' : 'NOT met'} (median)`,
      );
      const row = JSON.parse(first).result.rows[0];
      const top = row.tornado.energy_wh.bars.slice(0, 3).map((b) => `${b.input} ${b.swing.toFixed(3)} Wh`);
      const sobol = row.sobol.energy_wh.indices.map((x) => `${x.input} ${x.total.toFixed(2)}`);
      console.log(`  energy: tornado ${top.join(', ')}; total Sobol ${sobol.join(', ')}`);
    }
  }
} else {
  console.log(`wasm module not found in ${distDir} (build the wasm preset or set LLMFP_WASM_DIR)`);
}
