// Line and branch coverage of the engine (wasm-core/src) by the native Catch2 tests.
//
//   node scripts/coverage.mjs [--min PERCENT] [--build-dir DIR]
//
// Builds the `coverage` CMake preset (g++ --coverage -O0, incremental), clears old
// counters, runs the Catch2 binary once, and prints a table per file of wasm-core/src
// from gcovr (Debian), then the total. Branches that only exist for exception unwinding
// are not counted (--exclude-throw-branches). The project's target is 90 % of lines;
// with --min the script exits 1 below that figure (the quality stage only reports it).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { root, run } from './lib.mjs';

export const TARGET_LINES = 90;

function removeCounters(dir) {
  let n = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.gcda')) (rmSync(p), n++);
    }
  };
  walk(dir);
  return n;
}

const pct = (covered, total) => (total ? (100 * covered) / total : 100);
const fmt = (covered, total) => `${pct(covered, total).toFixed(1).padStart(5)} % ${`(${covered}/${total})`.padEnd(13)}`;

/**
 * Builds, runs the tests and measures. Resolves with { lines, branches, files, testsOk }
 * (percentages) and prints the table.
 */
export async function coverage({ buildDir = join(root, 'build', 'coverage') } = {}) {
  const rel = relative(root, buildDir);
  try {
    statSync(join(buildDir, 'build.ninja'));
  } catch {
    await run('cmake', ['--preset', 'coverage', '-B', rel]);
  }
  await run('cmake', ['--build', rel, '-j', '2']);
  removeCounters(buildDir);

  let testsOk = true;
  try {
    await run(join(buildDir, 'tests', 'cpp', 'llmfp_tests'), ['--reporter', 'compact'], { quiet: true });
  } catch (err) {
    testsOk = false;
    console.log((err.output ?? '').split('\n').slice(-30).join('\n'));
    console.log('coverage: some Catch2 tests failed in the coverage build (figures below still count them)');
  }

  const json = await run(
    'gcovr',
    [
      '--root',
      root,
      '--object-directory',
      buildDir,
      '--filter',
      join(root, 'wasm-core', 'src') + '/',
      '--exclude-throw-branches',
      '--exclude-unreachable-branches',
      '--json-summary',
      '-',
      '-j',
      '2',
    ],
    { quiet: true },
  );
  const summary = JSON.parse(json.slice(json.indexOf('{')));
  const files = summary.files
    .map((f) => ({
      file: f.filename,
      lines: [f.line_covered, f.line_total],
      branches: [f.branch_covered, f.branch_total],
    }))
    .sort((a, b) => a.file.localeCompare(b.file));

  const width = Math.max(30, ...files.map((f) => f.file.length)) + 2;
  console.log(`\n${'file'.padEnd(width)}${'lines'.padEnd(22)}branches`);
  for (const f of files) console.log(`${f.file.padEnd(width)}${fmt(...f.lines)} ${fmt(...f.branches)}`);
  const lines = [summary.line_covered, summary.line_total];
  const branches = [summary.branch_covered, summary.branch_total];
  console.log(`${'TOTAL wasm-core/src'.padEnd(width)}${fmt(...lines)} ${fmt(...branches)}`);
  const linePct = pct(...lines);
  console.log(
    `coverage: ${linePct.toFixed(1)} % of lines, ${pct(...branches).toFixed(1)} % of branches ` +
      `(target ${TARGET_LINES} % of lines: ${linePct >= TARGET_LINES ? 'met' : 'NOT met'})`,
  );
  return { lines: linePct, branches: pct(...branches), files, testsOk };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const min = arg('--min') === undefined ? undefined : Number(arg('--min'));
  const buildDir = arg('--build-dir') ? resolve(arg('--build-dir')) : undefined;
  const result = await coverage({ buildDir });
  if (!result.testsOk) process.exit(1);
  if (min !== undefined && result.lines < min) {
    console.log(`coverage: ${result.lines.toFixed(1)} % is below --min ${min} %`);
    process.exit(1);
  }
}
