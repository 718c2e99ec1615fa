// Writes the seed corpus of the fuzz targets into <dir>/<target>/ (default build/asan/seeds;
// generated at fuzz time by scripts/quality.mjs, never committed):
//   handle     every tests/fixtures/api request up to 8 KB as JSON text ($include resolved), plus a
//              few hand-made edge cases of the envelope;
//   <op>, dataset  one-byte inputs 0..15 (each picks a fixture request unchanged, the
//              valid path) and a few short mutation programs.
// By hand: node tests/fuzz/make-corpus.mjs [dir]
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', 'fixtures', 'api');
const corpus = resolve(process.argv[2] ?? join(here, '..', '..', 'build', 'asan', 'seeds'));
// One structured target per op file (as tests/fuzz/CMakeLists.txt), plus the dataset target.
const STRUCTURED = readdirSync(join(here, '..', '..', 'wasm-core', 'src', 'ops'))
  .filter((f) => f.endsWith('.cpp') && f !== 'version.cpp')
  .map((f) => f.replace(/\.cpp$/, ''))
  .concat('dataset')
  .sort();

function resolveIncludes(value, baseDir) {
  if (Array.isArray(value)) return value.map((v) => resolveIncludes(v, baseDir));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$include') {
      return JSON.parse(readFileSync(join(baseDir, value.$include), 'utf8'));
    }
    return Object.fromEntries(keys.map((k) => [k, resolveIncludes(value[k], baseDir)]));
  }
  return value;
}

function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

const MAX_HANDLE_SEED = 8192;
const handle = fresh(join(corpus, 'handle'));
let n = 0;
for (const file of readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const request = JSON.parse(readFileSync(join(fixtures, file), 'utf8')).request;
  const text = JSON.stringify(resolveIncludes(request, fixtures));
  // Requests that inline a whole dataset are left to the structured targets: as raw bytes
  // they would only slow fuzz_handle down (and bloat the repository).
  if (text.length > MAX_HANDLE_SEED) continue;
  writeFileSync(join(handle, file), text);
  n++;
}
const edges = {
  'empty.json': '',
  'not-object.json': '[1, 2, 3]',
  'deep.json': '['.repeat(70) + ']'.repeat(70),
  'no-op.json': '{}',
  'op-number.json': '{"op": 7}',
  'nan-like.json': '{"op": "scale", "queries_per_day": 1e400}',
  'bad-utf8.json': '{"op": "\xff\xfe"}',
};
for (const [name, text] of Object.entries(edges)) writeFileSync(join(handle, name), text, 'latin1');

for (const target of STRUCTURED) {
  const dir = fresh(join(corpus, target));
  for (let i = 0; i < 16; i++) writeFileSync(join(dir, `base-${i}`), Buffer.from([i]));
  // base 0, then 1-4 mutations of assorted kinds at assorted nodes.
  for (let i = 0; i < 12; i++) {
    writeFileSync(join(dir, `mutate-${i}`), Buffer.from([0, i % 4, (i * 37) & 0xff, i, (i * 11) & 0xff, 3, i, 7, 1]));
  }
}
console.log(
  `corpus: ${n} fixture requests + ${Object.keys(edges).length} edge cases for handle; ${STRUCTURED.length} structured targets seeded`,
);
