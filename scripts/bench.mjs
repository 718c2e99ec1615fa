// npm run bench: every benchmark in turn (each prints its own numbers). They measure the
// builds in build/native, build/wasm and dist/; run `npm run build` (and
// `cmake --build --preset native`) first. Speed is reported here, never asserted in tests.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { root, run } from './lib.mjs';

const benches = [
  ['footprint', 'bench-footprint.mjs', 'estimate: one model and 66 models x 3 prompts, native and wasm'],
  ['dea', 'bench-dea.mjs', 'aggressive cross-efficiency, n = 30 / 300 / 1000, native, wasm, HiGHS'],
  ['uncertainty', 'bench-uncertainty.mjs', '100,000 joint draws + Sobol indices for 8 inputs'],
  ['web', 'bench-web.mjs', 'navigation to first estimate and recompute, headless Chromium'],
  ['embed', 'bench-embed.mjs', 'embed: cold, warm (service worker) and offline first estimate'],
  ['trend', 'bench-trend.mjs', "trend: one model's whole year (all prompt sizes), wasm"],
];
const only = process.argv.slice(2);
for (const [name, file, about] of benches) {
  if (only.length && !only.includes(name)) continue;
  if (!existsSync(join(root, 'scripts', file))) continue;
  console.log(`\n=== ${name}: ${about} ===`);
  await run('node', [join('scripts', file)]);
}
