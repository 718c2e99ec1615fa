// The engine as an npm package (wasm-core/js, package.json "exports"): `npm pack` the
// repository, install the tarball into an empty folder with no network, and run an
// estimate from Node the way a user of the library would.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { call, repoRoot } from './load-engine.mjs';

const dir = mkdtempSync(join(tmpdir(), 'llmfp-package-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const node = (script, cwd) => execFileSync('node', ['--input-type=module', '-e', script], { cwd }).toString();

test('npm pack + install in an empty folder: an estimate from Node equals the engine and the authors', async () => {
  const tarball = npm(['pack', repoRoot, '--pack-destination', dir, '--silent'], dir).trim().split('\n').pop();
  const consumer = join(dir, 'consumer');
  cpSync(join(dir, tarball), join(consumer, tarball));
  writeFileSync(join(consumer, 'package.json'), '{"name": "consumer", "version": "1.0.0", "private": true}');
  npm(['install', '--offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`], consumer);

  const out = node(
    `import { createFootprint } from 'llm-footprint';
     const before = process.listeners('uncaughtException').length;
     const fp = await createFootprint();
     const r = await fp.estimate({ model: 'GPT-4.1', prompt: 'short', dataset: 'paper-v6' });
     let error;
     try { await fp.estimate({ model: 'No such model', dataset: 'paper-v6' }); } catch (e) { error = { name: e.name, code: e.code, path: e.path }; }
     console.log(JSON.stringify({ row: r.rows[0], error, version: fp.version(),
       globals: '__dirname' in globalThis, listeners: process.listeners('uncaughtException').length - before }));`,
    consumer,
  );
  const got = JSON.parse(out);
  // Same numbers as the engine called directly (bit for bit) ...
  const dataset = JSON.parse(readFileSync(join(repoRoot, 'public', 'data', 'paper-v6', '2025-10-26.json'), 'utf8'));
  const direct = await call({ op: 'estimate', dataset, select: { models: ['GPT-4.1'], prompts: ['short'] } });
  assert.deepEqual(got.row, direct.result.rows[0]);
  // ... and the authors' published mean within their Monte Carlo noise (docs/estimate.md: 0.35 %).
  assert.ok(Math.abs(got.row.energy_wh.mean / 0.8714495411389016 - 1) < 0.0035, String(got.row.energy_wh.mean));
  assert.deepEqual(got.error, { name: 'FootprintError', code: 'unknown_value', path: '/select/models/0' });
  assert.equal(got.version, '0.1.0');
  // No global state left behind in the host program.
  assert.equal(got.globals, false);
  assert.equal(got.listeners, 0);
});

test('a dataset file that does not match its sha256 in the manifest is refused, naming the file', async () => {
  const data = join(dir, 'data');
  cpSync(join(repoRoot, 'public', 'data'), data, { recursive: true });
  const file = join(data, 'paper-v6', '2025-10-26.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"p_gpu_kw": 5.6', '"p_gpu_kw": 56'));
  const { createFootprint } = await import('../../wasm-core/js/index.mjs');
  const fp = await createFootprint({ dataUrl: data });
  await assert.rejects(
    fp.dataset('paper-v6'),
    (e) => e.code === 'invalid_value' && /paper-v6\/2025-10-26\.json/.test(e.message),
  );
  // The untouched files still load.
  assert.equal((await fp.dataset('hosts')).kind, 'hosts');
});
