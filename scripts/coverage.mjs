// Line and branch coverage of the engine (wasm-core/src) by the Catch2 tests.
//
//   node scripts/coverage.mjs [--min PERCENT]
//
// The asan preset (clang, ASan + UBSan) is also instrumented for clang's source-based
// coverage, so the sanitizers stage of `npm test` measures coverage on the same run of
// the tests: this builds that preset (incremental), runs the Catch2 tests through ctest
// with their counters in build/asan/profiles/, merges them (llvm-profdata) and prints the
// line and branch coverage of each file of wasm-core/src and the total (llvm-cov). Branches
// are llvm-cov's: both outcomes of each condition in the source (if, loops, &&, ||, ?:).
// The project's target is 90 % of lines; with --min the script exits 1 below that figure.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildPreset, root, run } from './lib.mjs';

export const TARGET_LINES = 90;
const BUILD = join(root, 'build', 'asan');
const PROFILES = join(BUILD, 'profiles');
const TESTS = join(BUILD, 'tests', 'cpp', 'llmfp_tests');

const pct = (covered, total) => (total ? (100 * covered) / total : 100);
const fmt = ([covered, total]) =>
  `${pct(covered, total).toFixed(1).padStart(5)} % ${`(${covered}/${total})`.padEnd(13)}`;

/** Merges the tests' counters and prints the table; resolves with the percentages. */
async function report() {
  const raw = readdirSync(PROFILES)
    .filter((f) => /^tests-.*\.profraw$/.test(f))
    .map((f) => join(PROFILES, f));
  if (!raw.length) throw new Error(`no test counters in ${relative(root, PROFILES)}`);
  const merged = join(PROFILES, 'tests.profdata');
  await run('llvm-profdata', ['merge', '-sparse', '-o', merged, ...raw], { quiet: true });
  const out = await run('llvm-cov', ['export', '-summary-only', `-instr-profile=${merged}`, TESTS], {
    quiet: true,
  });
  const src = join(root, 'wasm-core', 'src') + '/';
  const files = JSON.parse(out)
    .data[0].files.filter((f) => f.filename.startsWith(src))
    .map((f) => ({
      file: relative(root, f.filename),
      lines: [f.summary.lines.covered, f.summary.lines.count],
      branches: [f.summary.branches.covered, f.summary.branches.count],
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
  const sum = (key) => files.reduce(([c, t], f) => [c + f[key][0], t + f[key][1]], [0, 0]);
  const lines = sum('lines');
  const branches = sum('branches');

  const width = Math.max(30, ...files.map((f) => f.file.length)) + 2;
  console.log(`\n${'file'.padEnd(width)}${'lines'.padEnd(22)}branches`);
  for (const f of files) console.log(`${f.file.padEnd(width)}${fmt(f.lines)} ${fmt(f.branches)}`);
  console.log(`${'TOTAL wasm-core/src'.padEnd(width)}${fmt(lines)} ${fmt(branches)}`);
  const linePct = pct(...lines);
  console.log(
    `coverage: ${linePct.toFixed(1)} % of lines, ${pct(...branches).toFixed(1)} % of branches ` +
      `(target ${TARGET_LINES} % of lines: ${linePct >= TARGET_LINES ? 'met' : 'NOT met'})`,
  );
  return { lines: linePct, branches: pct(...branches), files };
}

/**
 * Builds the asan preset, runs its Catch2 tests (ctest, 2 at a time) and reports coverage.
 * Resolves with { output (ctest's), testsOk, lines, branches, files }.
 */
export async function testWithCoverage() {
  await buildPreset('asan');
  if (existsSync(PROFILES)) {
    for (const f of readdirSync(PROFILES)) if (f.startsWith('tests')) rmSync(join(PROFILES, f));
  }
  mkdirSync(PROFILES, { recursive: true });
  const env = { ...process.env, LLVM_PROFILE_FILE: join(PROFILES, 'tests-%4m.profraw') };
  const args = ['--test-dir', relative(root, BUILD), '--output-on-failure', '-j', '2', '--timeout', '300'];
  let output;
  let testsOk = true;
  try {
    output = await run('ctest', args, { env });
  } catch (err) {
    testsOk = false;
    output = err.output ?? String(err);
  }
  return { output, testsOk, ...(await report()) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--min');
  const min = i > 0 ? Number(process.argv[i + 1]) : undefined;
  const result = await testWithCoverage();
  if (!result.testsOk) process.exit(1);
  if (min !== undefined && result.lines < min) {
    console.log(`coverage: ${result.lines.toFixed(1)} % is below --min ${min} %`);
    process.exit(1);
  }
}
