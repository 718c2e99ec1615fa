// Integrity of the app's own datasets (docs/security.md). public/data/manifest.json lists
// every data file with the SHA-256 of its bytes; the page, the engine's worker and the
// service worker all check a file against it (Web Crypto) before using it, so a file
// changed on the host, in a cache or on the way shows an error naming it instead of
// silently different numbers. Works in pages, workers and Node (globalThis.crypto).

/** "a/b.json" for "public/data/a/b.json", "./data/a/b.json", "data/a/b.json" or "a/b.json". */
export const dataFileOf = (file) => String(file).replace(/^(\.\/)?(public\/)?(data\/)?/, '');

/** Map of data file (relative to data/) -> SHA-256 hex, for every version and part. */
export function manifestHashes(manifest) {
  const out = new Map();
  for (const d of manifest?.datasets ?? [])
    for (const v of d.versions ?? []) {
      if (v.file && v.sha256) out.set(dataFileOf(v.file), String(v.sha256).toLowerCase());
      for (const p of v.parts ?? [])
        if (p.file && p.sha256) out.set(dataFileOf(p.file), String(p.sha256).toLowerCase());
    }
  return out;
}

/** SHA-256 of bytes (ArrayBuffer or view) as lowercase hex. */
export async function sha256Hex(bytes) {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Thrown when a data file's bytes are not the ones the manifest lists. */
export class IntegrityError extends Error {}

/**
 * Checks `bytes` of data file `file` against `expected` (hex) and parses them as JSON.
 * A mismatch is an IntegrityError in words naming the file.
 */
export async function verifiedJson(bytes, file, expected) {
  const got = await sha256Hex(bytes);
  if (got !== expected)
    throw new IntegrityError(
      `the file data/${file} is not the one this version of the app lists (its checksum differs), so its numbers are not shown; reload the page, and if it persists the site is serving a changed file`,
    );
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Fetches data file `file` from `url` and returns its JSON once verified against `expected`. */
export async function fetchVerified(url, file, expected, fetchImpl = globalThis.fetch) {
  const r = await fetchImpl(url);
  if (!r.ok) throw new Error(`could not load data/${file} (HTTP ${r.status})`);
  return verifiedJson(await r.arrayBuffer(), file, expected);
}
