// Precomputed results (docs/embedding-speed.md, "Precomputed results"): for every footprint
// dataset version in public/data/manifest.json, the engine's default-assumption estimate of
// every model and prompt size, written as data/precomputed/<id>/<version>/<prompt>.json
// (the engine's result, verbatim) and <prompt>.min.json (what an embed shows: mean, P5, P95).
//
// Generated at build time (never committed): the Vite plugin `precomputed()` (vite.config.mjs)
// emits these files into dist/; `node scripts/precompute.mjs [OUT_DIR]` writes them to a
// folder (default dist/data/precomputed). The engine is the native CLI (build/native) when it
// has been built, else the same C++ compiled to WebAssembly (build/wasm/dist) under Node;
// tests/wasm/precomputed.test.mjs proves the two give byte-identical results.
//
// One file:
//   {"format": 1, "dataset": "id@version", "dataset_sha256": <sha256 of the dataset file>,
//    "prompt": "short", "engine": <engine version>, "request": <the estimate request,
//    dataset by $data>, "result": <the engine's result, verbatim>}
// Its slim copy: the same head without "request", "full_sha256" (of the full file) and
// "rows" with model, prompt and mean/p5/p95 of each metric.
// Pages use a file only if its dataset_sha256 equals the manifest's sha256 of that version
// (web/src/data/precomputed.js), so numbers can never come from other data.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FORMAT = 1;
/** The app's default method (web/src/lib/requests.js methodOf() with no setting). */
export const DEFAULT_METHOD = Object.freeze({ estimator: 'v6' });

const nativeCli = () =>
  [
    process.env.LLMFP_FOOTPRINT_CLI,
    join(root, 'build', 'native', 'wasm-core', 'footprint'),
    join(root, 'build', 'native', 'footprint'),
  ].find((p) => p && existsSync(p));

/** The footprint dataset versions of a manifest: [{id, version, file, sha256}]. */
export function footprintVersions(manifest) {
  return manifest.datasets
    .filter((d) => d.kind === 'footprint')
    .flatMap((d) =>
      d.versions.map((v) => ({
        id: d.id,
        version: v.version,
        file: v.file.replace(/^(\.\/)?(public\/)?(data\/)?/, ''),
        sha256: v.sha256,
      })),
    );
}

/** The request of one precomputed file (the dataset as the app refers to it): every model, one prompt size. */
export const requestFor = (file, prompt) => ({
  op: 'estimate',
  dataset: { $data: `data/${file}` },
  method: DEFAULT_METHOD,
  select: { prompts: [prompt] },
});

/** The raw text of `result` in an envelope {"ok":true,"op":...,"result":...} (the engine writes it last). */
export function resultText(envelope) {
  const at = envelope.indexOf('"result":');
  if (!envelope.startsWith('{"ok":true') || at < 0)
    throw new Error(`precompute: the engine failed: ${envelope.slice(0, 300)}`);
  return envelope.slice(at + '"result":'.length, envelope.trimEnd().length - 1);
}

/**
 * An engine `handle(text) -> text`: the native CLI if built (or `kind` = 'native'),
 * else the wasm module under Node. Returns {handle, kind}.
 */
export async function loadEngine(kind = nativeCli() ? 'native' : 'wasm') {
  if (kind === 'native') {
    const cli = nativeCli();
    if (!cli) throw new Error('precompute: the native CLI is not built (cmake --build --preset native)');
    return {
      kind,
      handle(text) {
        const r = spawnSync(cli, ['-'], { input: text, maxBuffer: 1 << 28, encoding: 'utf8' });
        if (r.status !== 0 && r.status !== 1) throw new Error(`precompute: ${cli} failed: ${r.stderr}`);
        return r.stdout.trim();
      },
    };
  }
  const dist = resolve(root, process.env.LLMFP_WASM_DIR ?? 'build/wasm/dist');
  globalThis.__dirname ??= dist;
  const { default: create } = await import(pathToFileURL(join(dist, 'engine.mjs')).href);
  const mod = await create({ wasmBinary: readFileSync(join(dist, 'engine.wasm')) });
  return { kind, handle: (text) => mod.handle(text) };
}

/** The prompt sizes of a footprint dataset, in the order they first appear. */
export function promptsOf(dataset) {
  return [...new Set((dataset.models ?? []).flatMap((m) => (m.prompts ?? []).map((p) => p.prompt)))];
}

/** What an embed shows of a row: its model and prompt and, per metric, mean, P5, P95 (the same numbers). */
export const SLIM_STATS = ['mean', 'p5', 'p95'];
export function slimRow(row) {
  const out = { model: row.model, prompt: row.prompt };
  for (const k of ['energy_wh', 'water_ml', 'carbon_g'])
    out[k] = Object.fromEntries(SLIM_STATS.map((s) => [s, row[k]?.[s]]));
  return out;
}

/**
 * Every precomputed file for the datasets under `dataDir` (public/data), per dataset
 * version and prompt size: the full result (`precomputed/<id>/<version>/<prompt>.json`,
 * for the app) and its slim copy for embeds (`.../<prompt>.min.json`).
 * Returns [{path, text}].
 */
export async function precomputeAll({ dataDir = join(root, 'public', 'data'), engine } = {}) {
  const eng = engine ?? (await loadEngine());
  const manifest = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'));
  const engineVersion = JSON.parse(eng.handle('{"op":"version"}')).result.engine;
  const out = [];
  for (const v of footprintVersions(manifest)) {
    const bytes = readFileSync(join(dataDir, v.file));
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (v.sha256 && v.sha256 !== sha) throw new Error(`precompute: data/${v.file} does not match its manifest sha256`);
    const dataset = JSON.parse(bytes.toString('utf8'));
    for (const prompt of promptsOf(dataset)) {
      const request = requestFor(v.file, prompt);
      const result = resultText(eng.handle(JSON.stringify({ ...request, dataset })));
      const head = {
        format: FORMAT,
        dataset: `${v.id}@${v.version}`,
        dataset_sha256: sha,
        prompt,
        engine: engineVersion,
        request,
      };
      const text = `${JSON.stringify(head).slice(0, -1)},"result":${result}}\n`;
      const base = `precomputed/${v.id}/${v.version}/${prompt}`;
      out.push({ path: `${base}.json`, text });
      const full = JSON.parse(result);
      const slim = {
        ...head,
        request: undefined,
        full_sha256: createHash('sha256').update(text).digest('hex'),
        rows: full.rows.map(slimRow),
      };
      out.push({ path: `${base}.min.json`, text: `${JSON.stringify(slim)}\n` });
    }
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(root, 'dist', 'data'));
  const engine = await loadEngine(process.env.LLMFP_PRECOMPUTE_ENGINE || undefined);
  const files = await precomputeAll({ engine });
  for (const f of files) {
    mkdirSync(dirname(join(outDir, f.path)), { recursive: true });
    writeFileSync(join(outDir, f.path), f.text);
    console.log(`precompute (${engine.kind}): ${f.path} ${(f.text.length / 1024).toFixed(1)} KB`);
  }
}
