// npm run format: formats every source file people write, with one formatter per language.
//
//   node scripts/format.mjs           rewrite files in place
//   node scripts/format.mjs --check   change nothing; list the files that differ and exit 1
//
// C++ (wasm-core/, tests/cpp/, tests/fuzz/*.cpp): clang-format 14 with .clang-format.
// JS/JSX/JSON/CSS/HTML: Prettier with .prettierrc.json; .prettierignore (and .gitignore)
// exclude generated data (public/data), source CSVs (data/sources), test fixtures, fuzz
// corpora and Markdown. The check mode covers exactly the files the write mode touches.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { root, run } from './lib.mjs';

const CPP_DIRS = ['wasm-core', 'tests/cpp', 'tests/fuzz'];
const CPP_EXT = /\.(cpp|hpp|h|cc)$/;
const SKIP_DIRS = new Set(['node_modules', 'build', 'dist', 'corpus', 'artifacts']);

/** Every C++ source under the formatted folders (relative paths, sorted). */
export function cppFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(join(dir, entry.name));
      } else if (CPP_EXT.test(entry.name)) {
        out.push(relative(root, join(dir, entry.name)));
      }
    }
  };
  for (const dir of CPP_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  return out.sort();
}

/** Runs clang-format over `files` in batches (keeps command lines short). */
async function clangFormat(files, check) {
  const differing = [];
  for (let i = 0; i < files.length; i += 50) {
    const batch = files.slice(i, i + 50);
    const args = check ? ['--dry-run', '--Werror', '--style=file', ...batch] : ['-i', '--style=file', ...batch];
    try {
      await run('clang-format', args, { quiet: true });
    } catch (err) {
      if (!check) throw err;
      for (const m of (err.output ?? '').matchAll(
        /^(.+?):\d+:\d+: (?:error|warning): code should be clang-formatted/gm,
      )) {
        const file = relative(root, m[1].startsWith('/') ? m[1] : join(root, m[1]));
        if (!differing.includes(file)) differing.push(file);
      }
      if (!differing.length) throw err;
    }
  }
  return differing;
}

/** Prettier over the whole tree (its ignore files choose what it formats). */
async function prettier(check) {
  const bin = join(root, 'node_modules', '.bin', 'prettier');
  try {
    await run(bin, check ? ['--list-different', '.'] : ['--write', '--log-level', 'warn', '.'], { quiet: true });
    return [];
  } catch (err) {
    if (!check) throw err;
    const files = (err.output ?? '').split('\n').filter((l) => l && !l.startsWith('['));
    if (!files.length) throw err;
    return files;
  }
}

/**
 * Formats (or, with check, verifies) the tree. Resolves with the list of files that are
 * not formatted (always empty in write mode).
 */
export async function format({ check = false } = {}) {
  const cpp = cppFiles();
  const badCpp = await clangFormat(cpp, check);
  const badWeb = await prettier(check);
  return { cppCount: cpp.length, differing: [...badCpp, ...badWeb] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const { cppCount, differing } = await format({ check });
  if (check && differing.length) {
    console.log(`format: ${differing.length} file(s) are not formatted (run \`npm run format\`):`);
    for (const f of differing) console.log(`  ${f}`);
    process.exit(1);
  }
  console.log(
    check
      ? `format: ok (${cppCount} C++ files with clang-format, the rest with Prettier)`
      : `format: formatted ${cppCount} C++ files with clang-format and the web/scripts/tests files with Prettier`,
  );
}
