// The quality stage of `npm test`: formatting, linting and fuzzing, each timed. (Coverage
// is measured in the sanitizers stage, on the same run of the tests: scripts/coverage.mjs.)
//
//   node scripts/quality.mjs                  every step
//   node scripts/quality.mjs tidy fuzz        only the named steps
//   node scripts/quality.mjs tidy --fix       apply clang-tidy's automatic fixes, then report
//
// Steps (all run; the script exits 1 if any failed, after printing a summary; format,
// eslint and types run one after another beside tidy, then fuzz runs alone):
//   format    clang-format and Prettier in check mode (exactly what `npm run format` fixes)
//   eslint    ESLint 10 (eslint.config.js), no warnings allowed
//   types     tsc --noEmit --checkJs (tsconfig.json) over the JS that calls the engine
//             (web/src/engine/, wasm-core/js/), typed by wasm-core/js/api.d.ts
//   tidy      clang-tidy 14 (.clang-tidy) on wasm-core/src and wasm-core/cli, 2 in parallel,
//             with the compile commands of build/tidy (the native preset, configured
//             only, one command per file); clean files are remembered in
//             build/quality/tidy-cache so an unchanged tree is checked in seconds
//   fuzz      builds the asan preset (incremental: the sanitizers stage already built it)
//             and runs every libFuzzer target for LLMFP_FUZZ_SECONDS (default 4) s,
//             2 at a time, seeded from the API fixtures (tests/fuzz/make-corpus.mjs writes
//             the seeds into <build>/seeds at each run); any crash, leak, timeout,
//             sanitizer report or broken API contract fails, and the reproducer is saved
//             under tests/fuzz/artifacts/
//
// Build folders can be moved for local runs: LLMFP_TIDY_DB (default build/tidy),
// LLMFP_FUZZ_BUILD (build/asan).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

import { format } from './format.mjs';
import { buildPreset, root, run } from './lib.mjs';

const env = process.env;
const dirFromEnv = (name, fallback) => resolve(root, env[name] ?? fallback);
const TIDY_DB = dirFromEnv('LLMFP_TIDY_DB', 'build/tidy');
const FUZZ_BUILD = dirFromEnv('LLMFP_FUZZ_BUILD', 'build/asan');
const FUZZ_SECONDS = Number(env.LLMFP_FUZZ_SECONDS ?? 4);
const JOBS = 2;

/** Runs `worker` over `items` with at most `jobs` at once; resolves with results in order. */
async function pool(items, jobs, worker) {
  const results = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(jobs, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i], i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Configures (once) and builds a preset into `dir` (the preset's own folder by default). */
async function buildInto(preset, dir) {
  if (dir === join(root, 'build', preset)) return buildPreset(preset);
  if (!existsSync(join(dir, 'build.ninja'))) await run('cmake', ['--preset', preset, '-B', dir]);
  return run('cmake', ['--build', dir, '-j', String(JOBS)]);
}

function walk(dir, pattern, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, pattern, out);
    else if (pattern.test(e.name)) out.push(p);
  }
  return out;
}

// ---- format, eslint ------------------------------------------------------------------

async function formatStep() {
  const { cppCount, differing } = await format({ check: true });
  if (differing.length) {
    console.log(`${differing.length} file(s) differ from their formatted version (fix: npm run format):`);
    for (const f of differing) console.log(`  ${f}`);
    throw new Error(`${differing.length} file(s) not formatted`);
  }
  return `${cppCount} C++ files and the Prettier set are formatted`;
}

async function eslintStep() {
  await run(join(root, 'node_modules', '.bin', 'eslint'), ['--max-warnings', '0', '.']);
  return 'no findings';
}

// tsc --noEmit --checkJs (tsconfig.json) over the JS that calls the engine: the web app's
// engine client and worker and the npm library, against the types generated from the API
// contract (wasm-core/js/api.d.ts; scripts/contract.mjs).
async function typesStep() {
  await run(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  return 'no type errors';
}

// ---- clang-tidy ------------------------------------------------------------------------

const FINDING = /^(\/[^:\n]+):(\d+):(\d+): (warning|error): (.*?) \[([\w.,-]+)\]$/gm;

/** Cache key of one file: its compile command, its text, every engine header, the config. */
function tidyKey(entry, headersHash) {
  const h = createHash('sha256');
  h.update(readFileSync(join(root, '.clang-tidy')));
  h.update(entry.command ?? JSON.stringify(entry.arguments));
  h.update(readFileSync(entry.file));
  h.update(headersHash);
  return h.digest('hex').slice(0, 32);
}

async function tidyStep({ fix = false } = {}) {
  const dbFile = join(TIDY_DB, 'compile_commands.json');
  if (TIDY_DB === join(root, 'build', 'tidy')) {
    // The presets build in batches of 8 files (unity builds), so their compile commands
    // name the batches; clang-tidy needs one command per file: a configure-only tree
    // of the native preset without batches (nothing is compiled).
    await run('cmake', ['--preset', 'native', '-B', TIDY_DB, '-DCMAKE_UNITY_BUILD=OFF'], { quiet: true });
  } else if (!existsSync(dbFile)) {
    throw new Error(`${dbFile} not found`);
  }
  const db = JSON.parse(readFileSync(dbFile, 'utf8'));
  const wanted = [join(root, 'wasm-core', 'src'), join(root, 'wasm-core', 'cli')].map((d) => d + '/');
  const entries = db.filter((e) => wanted.some((d) => e.file.startsWith(d)) && existsSync(e.file));
  const sources = walk(join(root, 'wasm-core', 'src'), /\.cpp$/).concat(walk(join(root, 'wasm-core', 'cli'), /\.cpp$/));
  const missing = sources.filter((f) => !entries.some((e) => e.file === f));
  if (missing.length) {
    console.log(
      `tidy: not in ${relative(root, dbFile)} (rebuild the native preset): ${missing.map((f) => relative(root, f)).join(', ')}`,
    );
  }

  const headers = walk(join(root, 'wasm-core'), /\.(hpp|h)$/).sort();
  const headersHash = createHash('sha256');
  for (const f of headers) headersHash.update(f).update(readFileSync(f));
  const digest = headersHash.digest('hex');
  const cacheDir = join(root, 'build', 'quality', 'tidy-cache');
  mkdirSync(cacheDir, { recursive: true });
  const fixesDir = mkdtempSync(join(tmpdir(), 'llmfp-tidy-'));

  let cached = 0;
  const outputs = await pool(entries, JOBS, async (entry, i) => {
    const key = tidyKey(entry, digest);
    if (!fix && existsSync(join(cacheDir, key))) {
      cached++;
      return '';
    }
    const fixes = join(fixesDir, `${i}.yaml`);
    const args = ['-p', TIDY_DB, '--quiet', `--export-fixes=${fixes}`, entry.file];
    let out;
    try {
      out = await run('clang-tidy', args, { quiet: true });
    } catch (err) {
      out = err.output ?? String(err);
    }
    if (!/: (warning|error): /.test(out)) writeFileSync(join(cacheDir, key), '');
    return out;
  });

  // Findings (a header included by several files is reported once) and which have fixes.
  const findings = new Map();
  for (const out of outputs) {
    for (const m of out.matchAll(FINDING)) {
      const [, file, line, col, level, message, check] = m;
      findings.set(`${file}:${line}:${col}:${check}`, { file: relative(root, file), line, col, level, message, check });
    }
  }
  const fixable = new Set();
  for (const f of readdirSync(fixesDir)) {
    const text = readFileSync(join(fixesDir, f), 'utf8');
    for (const block of text.split(/\n {2}- DiagnosticName:\s*/).slice(1)) {
      const check = block.split('\n')[0].trim();
      const file = /FilePath:\s*'?([^'\n]+)'?/.exec(block)?.[1];
      const offset = /FileOffset:\s*(\d+)/.exec(block)?.[1];
      const hasFix = /Replacements:\s*\n\s+- FilePath/.test(block);
      if (hasFix && file) fixable.add(`${check}|${relative(root, file)}|${offset}`);
    }
  }
  if (fix) {
    await run('clang-apply-replacements', ['--format', '--style=file', fixesDir]);
    console.log(`tidy: applied ${fixable.size} automatic fix(es); run the step again to see what is left`);
  }
  rmSync(fixesDir, { recursive: true, force: true });

  const list = [...findings.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const byCheck = new Map();
  for (const f of list) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
  for (const f of list) console.log(`${f.file}:${f.line}:${f.col}: ${f.message} [${f.check}]`);
  const checked = `${entries.length} files (${cached} unchanged since a clean run)`;
  if (!list.length) return `${checked}: no findings`;
  console.log('\nby check:');
  for (const [check, n] of [...byCheck].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(4)}  ${check}`);
  const autoNote = `${fixable.size} with an automatic fix (node scripts/quality.mjs tidy --fix)`;
  throw new Error(`${checked}: ${list.length} finding(s), ${autoNote}`);
}

// ---- fuzzing ---------------------------------------------------------------------------

function fuzzArgs(name, seconds) {
  const target = name.replace(/^fuzz_/, '');
  const args = [
    `-max_total_time=${seconds}`,
    '-timeout=25',
    '-rss_limit_mb=2048',
    '-print_final_stats=1',
    `-artifact_prefix=${join(root, 'tests', 'fuzz', 'artifacts', `${target}-`)}`,
  ];
  if (target === 'handle') args.push(`-dict=${join(root, 'tests', 'fuzz', 'json.dict')}`, '-max_len=16384');
  else args.push('-max_len=256');
  return args;
}

async function fuzzOne(exe, seconds) {
  const name = exe.split('/').pop();
  const target = name.replace(/^fuzz_/, '');
  const work = join(FUZZ_BUILD, 'corpus', target); // new inputs land here, not in git
  const seeds = join(FUZZ_BUILD, 'seeds', target);
  mkdirSync(work, { recursive: true });
  mkdirSync(join(root, 'tests', 'fuzz', 'artifacts'), { recursive: true });
  const dirs = [work, ...(existsSync(seeds) ? [seeds] : [])];
  const start = Date.now();
  let out;
  let ok = true;
  try {
    // The asan build also counts coverage; a fuzzer's counters go beside the tests' and
    // are not part of the coverage report.
    const profile = join(FUZZ_BUILD, 'profiles', `fuzz-${target}-%4m.profraw`);
    out = await run(exe, [...fuzzArgs(name, seconds), ...dirs], {
      quiet: true,
      env: { ...env, LLVM_PROFILE_FILE: profile },
    });
  } catch (err) {
    ok = false;
    out = err.output ?? String(err);
  }
  const stat = (key) => Number(new RegExp(`stat::${key}:\\s*(\\d+)`).exec(out)?.[1] ?? NaN);
  const cov = [...out.matchAll(/\bcov: (\d+) ft: (\d+)/g)].pop();
  const artifact = /Test unit written to (\S+)/.exec(out)?.[1];
  return {
    target,
    ok,
    secs: (Date.now() - start) / 1000,
    runs: stat('number_of_executed_units'),
    perSec: stat('average_exec_per_sec'),
    rssMb: stat('peak_rss_mb'),
    cov: cov ? Number(cov[1]) : NaN,
    artifact: artifact && relative(root, resolve(root, artifact)),
    exe,
    tail: ok ? '' : out.split('\n').slice(-60).join('\n'),
  };
}

async function fuzzStep() {
  // LLMFP_FUZZ_NO_BUILD=1 reuses the targets already built (local reruns).
  if (!env.LLMFP_FUZZ_NO_BUILD) await buildInto('asan', FUZZ_BUILD);
  const exes = walk(join(FUZZ_BUILD, 'fuzz'), /^fuzz_\w+$/).sort();
  if (!exes.length) throw new Error(`no fuzz targets in ${relative(root, FUZZ_BUILD)}/fuzz`);
  // The seeds are made from the API fixtures at every run (nothing generated is committed).
  await run('node', [join(root, 'tests', 'fuzz', 'make-corpus.mjs'), join(FUZZ_BUILD, 'seeds')]);
  console.log(`fuzz: ${exes.length} targets, ${FUZZ_SECONDS} s each, ${JOBS} at a time`);
  const results = await pool(exes, JOBS, (exe) => fuzzOne(exe, FUZZ_SECONDS));
  console.log(
    `\n${'target'.padEnd(18)}${'runs'.padStart(10)}${'runs/s'.padStart(9)}${'cov'.padStart(7)}${'rss MB'.padStart(8)}  result`,
  );
  for (const r of results) {
    const cells = [r.runs, r.perSec, r.cov, r.rssMb].map((v, i) =>
      String(Number.isNaN(v) ? '-' : v).padStart([10, 9, 7, 8][i]),
    );
    console.log(`${r.target.padEnd(18)}${cells.join('')}  ${r.ok ? 'ok' : 'FAILED'}`);
  }
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) {
    console.log(`\n--- fuzz_${r.target} failed; last lines of its output:\n${r.tail}`);
    if (r.artifact) console.log(`reproducer: ${r.artifact}\nreproduce: ${relative(root, r.exe)} ${r.artifact}`);
  }
  const total = results.reduce((s, r) => s + (Number.isNaN(r.runs) ? 0 : r.runs), 0);
  if (failed.length)
    throw new Error(`${failed.length} fuzz target(s) failed: ${failed.map((r) => r.target).join(', ')}`);
  return `${results.length} targets, ${total} executions, no crash, leak, timeout or contract break`;
}

// ---- driver ----------------------------------------------------------------------------

const steps = {
  format: formatStep,
  eslint: eslintStep,
  types: typesStep,
  tidy: () => tidyStep({ fix: process.argv.includes('--fix') }),
  fuzz: fuzzStep,
};

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = only.filter((s) => !(s in steps));
if (unknown.length) {
  console.error(`quality: unknown step(s) ${unknown.join(', ')}; steps: ${Object.keys(steps).join(', ')}`);
  process.exit(2);
}

// format, ESLint and tsc are one process each: they run one after another in a side lane
// while clang-tidy runs its JOBS lanes, so that no core waits. Fuzzing runs last, on its
// own: a target's time is fixed, and a process beside it would only cut its executions.
const SIDE = new Set(['format', 'eslint', 'types']);
const selected = Object.keys(steps).filter((name) => !only.length || only.includes(name));
const results = new Map();
async function timed(name) {
  console.log(`\n--- quality: ${name} ---`);
  const start = Date.now();
  try {
    const note = await steps[name]();
    results.set(name, [name, (Date.now() - start) / 1000, 'ok', note ?? '']);
  } catch (err) {
    results.set(name, [name, (Date.now() - start) / 1000, 'FAILED', err.message.split('\n')[0]]);
  }
}
const t0 = Date.now();
const sideLane = (async () => {
  for (const name of selected.filter((n) => SIDE.has(n))) await timed(name);
})();
if (selected.includes('tidy')) await timed('tidy');
await sideLane;
if (selected.includes('fuzz')) await timed('fuzz');
const summary = selected.map((name) => results.get(name));

console.log('\n--- quality summary ---');
for (const [name, secs, status, note] of summary) {
  console.log(`${name.padEnd(9)} ${secs.toFixed(1).padStart(7)} s  ${status.padEnd(6)}  ${note}`);
}
console.log(`${'total'.padEnd(9)} ${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
const failed = summary.filter((s) => s[2] !== 'ok');
if (failed.length) {
  console.log(`quality: ${failed.length} step(s) failed: ${failed.map((s) => s[0]).join(', ')}`);
  process.exit(1);
}
console.log('quality: all steps passed');
