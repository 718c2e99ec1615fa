// Benchmark of the trend op: one model's whole year (every prompt size, as_published and
// v6) in WebAssembly under Node, through the lab module, as the Trends view asks for it.
// Target (issue 15): under 100 ms. Printed, never asserted in a test.
//
//   node scripts/bench-trend.mjs [model-file-name]      (default gpt-5-high; uses build/wasm)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadEngine } from '../tests/wasm/load-engine.mjs';
import { root } from './lib.mjs';

const name = process.argv[2] ?? 'gpt-5-high';
const runs = Number(process.env.BENCH_RUNS ?? 15);
const file = JSON.parse(readFileSync(join(root, 'public', 'data', 'daily', '2026-08-22', `${name}.json`), 'utf8'));
const engine = await loadEngine();
const days = file.prompts.reduce((n, p) => n + p.days, 0);

for (const estimator of ['as_published', 'v6']) {
  const text = JSON.stringify({ op: 'trend', dataset: file, method: { estimator } });
  const first = JSON.parse(engine.handle(text));
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  const times = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i += 1) {
    const t0 = process.hrtime.bigint();
    engine.handle(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  console.log(
    `${file.model}, ${days} days over ${file.prompts.length} prompt sizes, ${estimator}: best ${times[0].toFixed(1)} ms, ` +
      `median ${times[Math.floor(runs / 2)].toFixed(1)} ms, CPU ${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms per call (target < 100 ms)`,
  );
}
