// The bundled datasets: public/data/manifest.json lists them (see docs/datasets.md).
// URLs are relative to the page, so the app works from any folder of a static host.

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

// ---- Labels for visitors (dataset picking; independent of the fetch layer above) ----

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-08-22" -> "22 Aug 2026"; anything else unchanged. */
export function readableDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : (iso ?? '');
}

const isDate = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v ?? '');

/** A dataset choice in words: "Latest measurements (as of 22 Aug 2026)", "Paper v6: ...". */
export function datasetLabel(entry, version) {
  const v = version?.version;
  if (entry.id === 'latest') return `Latest measurements${isDate(v) ? ` (as of ${readableDate(v)})` : ''}`;
  if (entry.id === 'snapshot')
    return `Authors' dashboard, ${isDate(v) ? readableDate(v) : v}${v >= '2026-07-18' ? ' (long prompts only)' : ''}`;
  if (entry.id === 'imported') return entry.title ?? 'Your imported measurements';
  return entry.versions?.length > 1 ? `${entry.title}: ${isDate(v) ? readableDate(v) : v}` : entry.title;
}

/**
 * The footprint datasets as picker options, current data first, then the paper's, then
 * older snapshots: [{value: "id@version", label}].
 */
export function datasetOptions(manifest) {
  const rank = (d) => (d.id === 'latest' ? 0 : d.default ? 1 : /^paper/.test(d.id) ? 2 : 3);
  return (manifest?.datasets ?? [])
    .filter((d) => d.kind === 'footprint')
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((d) =>
      [...(d.versions ?? [])]
        .sort((a, b) => String(b.version).localeCompare(String(a.version)))
        .map((v) => ({ value: `${d.id}@${v.version}`, label: datasetLabel(d, v) })),
    );
}

/** The date the chosen data stand for: the dataset's as_of, else its version when that is a date. */
export function asOfDate(footprint, meta) {
  if (isDate(footprint?.as_of)) return footprint.as_of;
  const v = meta?.version?.version ?? footprint?.version;
  return isDate(v) ? v : '';
}

/** The newest measurement date of a model (its prompt entries' `measured`), or ''. */
export function measuredOf(footprint, model, prompt) {
  const m = footprint?.models?.find((x) => x.model === model);
  const dates = (m?.prompts ?? [])
    .filter((p) => !prompt || p.prompt === prompt)
    .map((p) => p.measured)
    .filter(isDate)
    .sort();
  return dates.length ? dates[dates.length - 1] : '';
}

const FIELD_WORDS = {
  aa_intelligence_index: 'the Intelligence Index',
  dashboard_model: 'the dashboard name',
  wue_site_l_per_kwh: 'on-site water use',
  wue_source_l_per_kwh: 'water use of electricity generation',
  cif_kg_per_kwh: 'carbon intensity',
  energy_wh_mean: 'mean energy',
  output_tokens: 'output tokens',
  input_tokens: 'input tokens',
};

/**
 * A dataset note rewritten for readers: field names become words, bracketed field paths go,
 * and notes that only explain the file's columns are dropped (null).
 */
export function readerNote(note) {
  let n = String(note ?? '');
  if (/\bmodel and dashboard_model\b|\bschema\b|\bcolumn\b/.test(n)) return null;
  n = n.replace(/\s*\((?:given as|see|in|field)\s+[^)]*(?:\[\]|_)[^)]*\)/g, '');
  for (const [k, w] of Object.entries(FIELD_WORDS)) n = n.replaceAll(k, w);
  n = n.replace(/\bthis file gives\b/g, 'these data give').replace(/\bthis file\b/g, 'these data');
  n = n
    .replace(/\b[a-z]+(?:\[\])?(?:\.[a-z_]+)+\b/g, '')
    .replace(/\b([a-z]+)(?:_[a-z0-9]+)+\b/g, (m) => m.replace(/_/g, ' '));
  n = n.replace(/\s{2,}/g, ' ').replace(/\s+([,.;:])/g, '$1');
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** The notes of a dataset for readers (see readerNote), without duplicates. */
export const readerNotes = (notes) => [...new Set((notes ?? []).map(readerNote).filter(Boolean))];
