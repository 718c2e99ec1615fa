// The bundled datasets' files: public/data/manifest.json lists them (see docs/datasets.md).
// URLs are relative to the page, so the app works from any folder of a static host. The
// fetch layer alone (the embed page needs nothing else of datasets.js, which re-exports it).

// Every file but the manifest is checked against the manifest's SHA-256 before use
// (data/integrity.js): a changed file is an error naming it, never other numbers.
import { dataFileOf, fetchVerified, manifestHashes } from './integrity.js';

const cache = new Map();

/** Absolute URL of a file under public/data/. */
export const dataUrl = (file) => new URL(`data/${file}`, document.baseURI).href;

function memo(key, fn) {
  if (!cache.has(key)) {
    const p = fn();
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return cache.get(key);
}

export const loadManifest = () =>
  memo('manifest.json', () =>
    fetch(dataUrl('manifest.json')).then((r) => {
      if (!r.ok) throw new Error(`could not load data/manifest.json (HTTP ${r.status})`);
      return r.json();
    }),
  );

function getJson(name) {
  const file = dataFileOf(name);
  return memo(file, async () => {
    const expected = manifestHashes(await loadManifest()).get(file);
    if (!expected) throw new Error(`data/${file} is not listed in data/manifest.json`);
    return fetchVerified(dataUrl(file), file, expected);
  });
}

/**
 * Finds a dataset entry and version in the manifest.
 * @param {object} manifest
 * @param {string} kind e.g. 'footprint', 'constants', 'hosts'
 * @param {string} [ref] "id@version" or "id"; empty = the default (or first) of that kind
 * @returns {{entry: object, version: object, file: string, ref: string} | null}
 */
export function findDataset(manifest, kind, ref = '') {
  const all = (manifest?.datasets ?? []).filter((d) => d.kind === kind);
  const [id, wanted] = ref.split('@');
  const entry = (id && all.find((d) => d.id === id)) || all.find((d) => d.default) || all[0];
  if (!entry) return null;
  const versions = entry.versions ?? [];
  const version =
    (wanted && id === entry.id && versions.find((v) => v.version === wanted)) ||
    versions.find((v) => v.version === entry.latest) ||
    versions[versions.length - 1];
  if (!version) return null;
  const file = version.file.replace(/^(\.\/)?(public\/)?(data\/)?/, '');
  return { entry, version, file, ref: `${entry.id}@${version.version}` };
}

/** Loads a dataset file (cached). */
export const loadDataFile = (file) => getJson(file);
