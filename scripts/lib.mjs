// Small helpers shared by the build, start, test and benchmark scripts.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Environment for Emscripten 3.1.6 from Debian: its acorn lives in /usr/share/nodejs. */
export const emEnv = {
  ...process.env,
  NODE_PATH: ['/usr/share/nodejs', process.env.NODE_PATH].filter(Boolean).join(':'),
};

/**
 * Runs a command, streaming its output, and resolves with the captured text.
 * Rejects (with the output attached) on a non-zero exit.
 */
export function run(cmd, args, { env = process.env, cwd = root, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (stream) => (chunk) => {
      out += chunk;
      if (!quiet) stream.write(chunk);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(Object.assign(new Error(`${cmd} ${args.join(' ')} exited with ${code}`), { output: out }));
    });
  });
}

export async function setup() {
  await run('bash', [join(root, 'scripts', 'setup.sh')]);
}

/**
 * Configures a CMake preset (native, wasm, asan) when its build folder is new or
 * CMakePresets.json changed since, then builds it (incrementally).
 */
export async function buildPreset(preset) {
  const env = preset === 'wasm' ? emEnv : process.env;
  const cache = join(root, 'build', preset, 'CMakeCache.txt');
  const stale =
    !existsSync(join(root, 'build', preset, 'build.ninja')) ||
    statSync(join(root, 'CMakePresets.json')).mtimeMs > statSync(cache).mtimeMs;
  if (stale) await run('cmake', ['--preset', preset], { env });
  await run('cmake', ['--build', '--preset', preset, '-j', '2'], { env });
}

/** Builds the wasm engine and the static web app into dist/. */
export async function buildAll() {
  await buildPreset('wasm');
  if (existsSync(join(root, 'web', 'index.html'))) {
    await run('npx', ['vite', 'build', '--logLevel', 'warn']);
  }
}
