// npm test: set up, build and run every test suite, timing each stage.
//
//   npm test                 all stages
//   npm test -- native wasm  only the named stages (setup always runs)
//
// Stages run in order and stop at the first failure. The last line counts the tests
// of every runner ("summary: N passed, M failed").
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { testWithCoverage } from './coverage.mjs';
import { buildPreset, emEnv, root, run, setup } from './lib.mjs';

const hasTests = (dir, pattern = /\.test\.mjs$/) =>
  existsSync(join(root, dir)) && readdirSync(join(root, dir)).some((f) => pattern.test(f));
const nodeTests = (dir, env, jobs) =>
  run('node', ['--test', ...(jobs ? [`--test-concurrency=${jobs}`] : []), '--test-reporter=tap', `${dir}/`], { env });
const ctest = (preset) =>
  run('ctest', ['--test-dir', `build/${preset}`, '--output-on-failure', '-j', '2', '--timeout', '300']);

/** Each stage: name, what it checks, and the commands. Add new suites here. */
const stages = [
  {
    name: 'data',
    about: 'datasets are reproducible from data/sources and match their schemas',
    when: () => hasTests('tests/data'),
    run: () => nodeTests('tests/data'),
  },
  {
    name: 'native',
    about: 'C++ engine, Catch2 (release build)',
    run: async () => (await buildPreset('native'), ctest('native')),
  },
  {
    name: 'sanitizers',
    about: 'the same Catch2 tests under AddressSanitizer + UBSan (clang), with line and branch coverage',
    run: async () => {
      const r = await testWithCoverage();
      if (!r.testsOk) throw Object.assign(new Error('Catch2 tests failed under the sanitizers'), { output: r.output });
      return r.output;
    },
  },
  {
    name: 'wasm',
    about: 'the wasm module under Node on the same fixtures',
    // Two test files at a time: Node runs one at a time on 2 cores (cores - 1), and each
    // file is one single-threaded process (the HiGHS comparison alone takes half the time).
    run: async () => (await buildPreset('wasm'), nodeTests('tests/wasm', emEnv, 2)),
  },
  {
    name: 'web',
    about: 'web unit tests, production build and size budgets',
    when: () => existsSync(join(root, 'web', 'index.html')),
    run: async () => {
      let out = '';
      if (hasTests('tests/web')) out += await nodeTests('tests/web');
      await run('npx', ['vite', 'build', '--logLevel', 'warn']);
      if (existsSync(join(root, 'scripts', 'check-size.mjs'))) out += await run('node', ['scripts/check-size.mjs']);
      return out;
    },
  },
  {
    name: 'e2e',
    about: 'the built app in headless Chromium',
    when: () => hasTests('tests/e2e'),
    // Two test files at a time (each its own Chromium and server): on 2 cores the files
    // wait on pages as much as they compute, so two lanes save about a minute of CI.
    run: () => nodeTests('tests/e2e', undefined, 2),
  },
  {
    name: 'quality',
    about: 'formatting, linting (ESLint, clang-tidy), fuzzing',
    when: () => existsSync(join(root, 'scripts', 'quality.mjs')),
    run: () => run('node', ['scripts/quality.mjs']),
  },
];

function count(output) {
  let passed = 0;
  let failed = 0;
  for (const m of output.matchAll(/^# pass (\d+)$/gm)) passed += Number(m[1]);
  for (const m of output.matchAll(/^# fail (\d+)$/gm)) failed += Number(m[1]);
  for (const m of output.matchAll(/(\d+)% tests passed, (\d+) tests failed out of (\d+)/g)) {
    passed += Number(m[3]) - Number(m[2]);
    failed += Number(m[2]);
  }
  return { passed, failed };
}

const only = process.argv.slice(2);
const unknown = only.filter((n) => !stages.some((s) => s.name === n));
if (unknown.length) {
  console.error(`test: unknown stage(s) ${unknown.join(', ')}; stages: ${stages.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const timings = [];
const totals = { passed: 0, failed: 0 };
const t0 = Date.now();
const time = async (name, fn) => {
  const start = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    const out = await fn();
    timings.push([name, (Date.now() - start) / 1000, 'ok']);
    return out;
  } catch (err) {
    timings.push([name, (Date.now() - start) / 1000, 'FAILED']);
    const c = count(err.output ?? '');
    totals.passed += c.passed;
    totals.failed += Math.max(1, c.failed);
    throw err;
  }
};

let exitCode = 0;
try {
  await time('setup', setup);
  for (const stage of stages) {
    if (only.length && !only.includes(stage.name)) continue;
    if (stage.when && !stage.when()) {
      timings.push([stage.name, 0, 'skipped (nothing to run yet)']);
      continue;
    }
    console.log(`(${stage.about})`);
    const out = (await time(stage.name, stage.run)) ?? '';
    const c = count(out);
    totals.passed += c.passed;
    totals.failed += c.failed;
  }
} catch (err) {
  console.error(`\ntest: ${err.message}`);
  exitCode = 1;
}

console.log('\n=== stage timings ===');
for (const [name, secs, status] of timings)
  console.log(`${name.padEnd(12)} ${secs.toFixed(1).padStart(7)} s  ${status}`);
console.log(`${'total'.padEnd(12)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
console.log(`summary: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode || (totals.failed ? 1 : 0));
