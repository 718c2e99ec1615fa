// Benchmark of the footprint engine: time to estimate one model (3 prompts) and all 66
// models x 3 prompts of the 2025-10-26 snapshot with the default settings (v6, quadrature),
// natively (the CLI) and in WebAssembly (Node), plus the wasm module's size.
//
//   node scripts/bench-footprint.mjs            (uses build/native and build/wasm)
//   LLMFP_NATIVE_CLI=build/dev-x/wasm-core/footprint LLMFP_WASM_DIR=build/dev-x-wasm/dist \
//     node scripts/bench-footprint.mjs
//
// Native times are wall-clock runs of the CLI minus a run of {"op":"version"} (process
// start-up), best of N. Wasm times are Module.handle() calls (parse request, estimate,
// serialise the response), best and median of N after a warm-up, and the mean CPU time per
// call (less sensitive to a busy machine). Target: 66 x 3 < 50 ms.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { root } from './lib.mjs';

const distDir = process.env.LLMFP_WASM_DIR ?? join(root, 'build', 'wasm', 'dist');
const cli = process.env.LLMFP_NATIVE_CLI ?? join(root, 'build', 'native', 'wasm-core', 'footprint');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const snapshot = JSON.parse(readFileSync(join(root, 'public', 'data', 'snapshot', '2025-10-26.json'), 'utf8'));

const cases = {
  'one model x 3 prompts': { op: 'estimate', dataset: snapshot, select: { models: ['GPT-4.1'] } },
  'all 66 models x 3 prompts': { op: 'estimate', dataset: snapshot },
};

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { best: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
};
const fmt = (x) => `${x.toFixed(2).padStart(8)} ms`;

function nativeTime(text) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    execFileSync(cli, ['-'], { input: text, maxBuffer: 64 << 20 });
    times.push(ms(t0));
  }
  return stats(times);
}

console.log(`footprint benchmark (${runs} runs each; default settings: v6 estimator, quadrature)`);
if (existsSync(cli)) {
  const startup = nativeTime('{"op":"version"}').best;
  console.log(`native CLI ${cli}\n  process start-up (version op): ${fmt(startup)}`);
  for (const [name, request] of Object.entries(cases)) {
    const r = nativeTime(JSON.stringify(request));
    console.log(
      `  ${name.padEnd(28)} best ${fmt(r.best - startup)}  median ${fmt(r.median - startup)}  (start-up subtracted)`,
    );
  }
} else {
  console.log(`native CLI not found at ${cli} (build the native preset or set LLMFP_NATIVE_CLI)`);
}

const wasmFile = join(distDir, 'engine.wasm');
if (existsSync(wasmFile)) {
  process.env.LLMFP_WASM_DIR = distDir;
  const { loadModule } = await import('../tests/wasm/load-engine.mjs');
  const engine = await loadModule('core');
  console.log(`wasm ${distDir}`);
  for (const [name, request] of Object.entries(cases)) {
    const text = JSON.stringify(request);
    const first = JSON.parse(engine.handle(text));
    if (!first.ok) throw new Error(`${name}: ${JSON.stringify(first.error)}`);
    const times = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i += 1) {
      const t0 = process.hrtime.bigint();
      engine.handle(text);
      times.push(ms(t0));
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
    const r = stats(times);
    const rows = first.result.rows.length;
    console.log(
      `  ${name.padEnd(28)} best ${fmt(r.best)}  median ${fmt(r.median)}  CPU ${fmt(cpuMs)} per call  (${rows} rows)`,
    );
  }
  const bytes = readFileSync(wasmFile);
  const gz = gzipSync(bytes, { level: 9 });
  console.log(
    `  engine.wasm size: ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gz.length / 1024).toFixed(1)} KB gzip`,
  );
} else {
  console.log(`wasm module not found at ${wasmFile} (build the wasm preset or set LLMFP_WASM_DIR)`);
}
