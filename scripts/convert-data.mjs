// npm run data: converts the source CSVs in data/sources/ into the bundled datasets in
// public/data/ (one JSON file per dataset version, a JSON Schema per kind, manifest.json).
//
//   node scripts/convert-data.mjs [--out DIR] [--sources DIR] [--only ID,ID]
//   (--only builds and validates the named datasets without writing anything)
//
// Every top-level scripts/data/*.mjs is a dataset module (helpers live in
// scripts/data/lib/); adding a file there adds a dataset, no edit here is needed.
// A module's default export:
//   { id, kind, title, description, default?: bool,
//     schema,                    // JSON Schema (draft 2020-12) of its kind; modules of one kind share it
//     versions: [{ version, source, paper_version, retrieved, licence,
//                  inputs: ['file.csv', ...],   // files of data/sources/ it reads (hashed into the manifest)
//                  compact?: bool,              // write without indentation (large datasets)
//                  build(sources) -> object,    // sources.table('file.csv') -> rows of strings
//                  rows(data) -> number }] }    // how many records (for the manifest)
// The built object must carry the same id, kind and version. Output is byte-stable:
// keys in construction order, numbers as JavaScript prints Number(cell) (exact, never
// rounded), indentation 1 with scalar arrays on one line (lib/format.mjs), a final newline. The output is validated against its schema
// before anything is written; stale JSON files in the output folder are removed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import Ajv2020 from 'ajv/dist/2020.js';

import { sourcesAt } from './data/lib/csv.mjs';
import { formatJson } from './data/lib/format.mjs';
import { manifestSchema } from './data/lib/manifest-schema.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Locale-independent order (code units), so the output does not depend on the machine's locale. */
const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function parseArgs(argv) {
  const opts = { out: join(root, 'public', 'data'), sources: join(root, 'data', 'sources'), only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') opts.out = resolve(argv[++i]);
    else if (a === '--sources') opts.sources = resolve(argv[++i]);
    else if (a === '--only') opts.only = argv[++i].split(',');
    else throw new Error(`convert-data: unknown argument "${a}" (use --out DIR, --sources DIR, --only ID,ID)`);
  }
  return opts;
}

/** Rejects values JSON cannot carry faithfully (NaN and infinities become null, undefined vanishes). */
function assertPlain(value, path) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path}: ${value} is not a finite number`);
  } else if (value === undefined || typeof value === 'function' || typeof value === 'bigint') {
    throw new Error(`${path}: ${typeof value} cannot be written as JSON`);
  } else if (Array.isArray(value)) value.forEach((v, i) => assertPlain(v, `${path}/${i}`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) assertPlain(v, `${path}/${k}`);
}

export async function loadModules(dir = join(root, 'scripts', 'data')) {
  // Top-level *.mjs files only: helpers live in lib/.
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const modules = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)).default;
    const need = ['id', 'kind', 'title', 'description', 'schema', 'versions'];
    const missing = need.filter((k) => !mod || mod[k] === undefined);
    if (missing.length) throw new Error(`scripts/data/${f}: default export lacks ${missing.join(', ')}`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(mod.id))
      throw new Error(`scripts/data/${f}: id "${mod.id}" must be lower-case letters, digits and dashes`);
    modules.push({ file: f, ...mod });
  }
  const ids = modules.map((m) => m.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`convert-data: two modules define dataset "${dup}"`);
  return modules;
}

/** Builds every dataset into memory: a Map of relative path -> Buffer, and the manifest. */
export async function convert({ sources: sourceDir, only = null, modulesDir } = {}) {
  sourceDir ??= join(root, 'data', 'sources');
  const sources = sourcesAt(sourceDir);
  const modules = (await loadModules(modulesDir)).filter((m) => !only || only.includes(m.id));
  const files = new Map();
  const schemas = new Map();
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const manifest = { schema_version: 1, datasets: [] };
  const inputHash = new Map();
  const hashInput = (name) => {
    if (!inputHash.has(name)) inputHash.set(name, sha256(readFileSync(join(sourceDir, name))));
    return inputHash.get(name);
  };

  for (const mod of [...modules].sort((a, b) => byCode(a.id, b.id))) {
    const schema = { $schema: mod.schema.$schema, $id: `${mod.kind}.schema.json`, ...mod.schema };
    const known = schemas.get(mod.kind);
    if (known && !isDeepStrictEqual(known, schema))
      throw new Error(`scripts/data/${mod.file}: schema of kind "${mod.kind}" differs from another module's`);
    schemas.set(mod.kind, schema);
    const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
    const entry = {
      id: mod.id,
      kind: mod.kind,
      title: mod.title,
      description: mod.description,
      default: Boolean(mod.default),
      latest: null,
      versions: [],
    };
    const versionIds = mod.versions.map((v) => v.version);
    if (
      !versionIds.length ||
      new Set(versionIds).size !== versionIds.length ||
      !versionIds.every((v) => /^[A-Za-z0-9._-]+$/.test(v))
    ) {
      throw new Error(
        `scripts/data/${mod.file}: versions must be a non-empty list of distinct names (letters, digits, . _ -), got ${versionIds.join(', ')}`,
      );
    }
    for (const v of mod.versions) {
      const data = v.build(sources);
      for (const k of ['id', 'kind', 'version']) {
        const want = k === 'version' ? v.version : mod[k];
        if (data[k] !== want) throw new Error(`scripts/data/${mod.file}: built ${k} "${data[k]}", expected "${want}"`);
      }
      assertPlain(data, `${mod.id}/${v.version}`);
      if (!validate(data)) {
        const errs = validate.errors
          .slice(0, 10)
          .map((e) => `  ${e.instancePath || '/'} ${e.message}`)
          .join('\n');
        throw new Error(`${mod.id}/${v.version} does not match ${mod.kind}.schema.json:\n${errs}`);
      }
      const buf = Buffer.from((v.compact ? JSON.stringify(data) : formatJson(data)) + '\n');
      const file = `${mod.id}/${v.version}.json`;
      files.set(file, buf);
      // Optional parts (e.g. one file per model, fetched lazily): v.parts(sources) ->
      // [{name, data}], each checked like the main file, written to <id>/<version>/<name>.json.
      const parts = [];
      for (const part of v.parts ? v.parts(sources) : []) {
        const where = `${mod.id}/${v.version}/${part.name}`;
        if (!/^[a-z0-9][a-z0-9-]*$/.test(part.name))
          throw new Error(`${where}: part names are lower-case letters, digits and dashes`);
        for (const k of ['id', 'kind', 'version']) {
          const want = k === 'version' ? v.version : mod[k];
          if (part.data[k] !== want) throw new Error(`${where}: built ${k} "${part.data[k]}", expected "${want}"`);
        }
        assertPlain(part.data, where);
        if (!validate(part.data)) {
          const errs = validate.errors
            .slice(0, 10)
            .map((e) => `  ${e.instancePath || '/'} ${e.message}`)
            .join('\n');
          throw new Error(`${where} does not match ${mod.kind}.schema.json:\n${errs}`);
        }
        const partBuf = Buffer.from((v.compact ? JSON.stringify(part.data) : formatJson(part.data)) + '\n');
        const partFile = `${where}.json`;
        if (files.has(partFile)) throw new Error(`${where}: two parts share this name`);
        files.set(partFile, partBuf);
        parts.push({
          name: part.name,
          file: partFile,
          bytes: partBuf.length,
          sha256: sha256(partBuf),
          rows: v.rows(part.data),
        });
      }
      entry.versions.push({
        ...(parts.length ? { parts } : {}),
        version: v.version,
        file,
        bytes: buf.length,
        sha256: sha256(buf),
        rows: v.rows(data),
        schema: `schemas/${mod.kind}.schema.json`,
        source: v.source,
        paper_version: v.paper_version ?? null,
        retrieved: v.retrieved ?? null,
        licence: v.licence,
        inputs: (v.inputs ?? []).map((name) => ({ file: `data/sources/${name}`, sha256: hashInput(name) })),
      });
    }
    entry.versions.sort((a, b) => byCode(a.version, b.version)); // ISO dates and vN sort as text
    entry.latest = entry.versions.at(-1).version;
    manifest.datasets.push(entry);
  }
  const defaults = manifest.datasets.filter((d) => d.default);
  if (!only && defaults.length !== 1)
    throw new Error(`convert-data: exactly one dataset must be the default, found ${defaults.length}`);
  for (const [kind, schema] of [...schemas].sort(([a], [b]) => byCode(a, b))) {
    files.set(`schemas/${kind}.schema.json`, Buffer.from(formatJson(schema) + '\n'));
  }
  const validateManifest = ajv.compile(manifestSchema);
  if (!validateManifest(manifest)) {
    throw new Error(`manifest does not match its schema: ${JSON.stringify(validateManifest.errors.slice(0, 5))}`);
  }
  if (schemas.has('manifest')) throw new Error('convert-data: "manifest" is reserved, not a dataset kind');
  files.set('schemas/manifest.schema.json', Buffer.from(formatJson(manifestSchema) + '\n'));
  files.set('manifest.json', Buffer.from(formatJson(manifest) + '\n'));
  return { files, manifest };
}

/** Every *.json file under dir, as paths relative to it. */
export function listJson(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

export function write(files, out) {
  for (const stale of listJson(out).filter((f) => !files.has(f))) {
    rmSync(join(out, stale));
    console.log(`removed stale ${stale}`);
  }
  for (const [file, buf] of files) {
    const p = join(out, file);
    mkdirSync(dirname(p), { recursive: true });
    if (existsSync(p) && readFileSync(p).equals(buf)) continue;
    writeFileSync(p, buf);
    console.log(`wrote ${relative(root, p)} (${buf.length} bytes)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2));
    const { files, manifest } = await convert(opts);
    if (opts.only) {
      // A subset is built and validated only: writing it would drop the rest of the manifest.
      console.log(`convert-data: built ${[...files.keys()].join(', ')} (not written: --only checks a subset)`);
      process.exit(0);
    }
    write(files, opts.out);
    const n = manifest.datasets.reduce((s, d) => s + d.versions.length, 0);
    console.log(
      `convert-data: ${manifest.datasets.length} datasets, ${n} versions in ${relative(root, opts.out) || '.'}`,
    );
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
