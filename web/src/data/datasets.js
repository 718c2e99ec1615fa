// The bundled datasets: public/data/manifest.json lists them (see docs/datasets.md).
// URLs are relative to the page, so the app works from any folder of a static host.

// The fetch layer (manifest, verified files, findDataset) is in load.js.
export { dataUrl, findDataset, loadDataFile, loadManifest } from './load.js';

// ---- Labels for visitors (dataset picking) ----

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
  // Every render of the calculator asks: the list is made once per manifest (sorting with
  // localeCompare was a tenth of a recompute's main-thread time).
  if (manifest && typeof manifest === 'object') {
    if (!optionsCache.has(manifest)) optionsCache.set(manifest, makeDatasetOptions(manifest));
    return optionsCache.get(manifest);
  }
  return makeDatasetOptions(manifest);
}
const optionsCache = new WeakMap();

function makeDatasetOptions(manifest) {
  const rank = (d) => (d.id === 'latest' ? 0 : d.default ? 1 : /^paper/.test(d.id) ? 2 : 3);
  return (manifest?.datasets ?? [])
    .filter((d) => d.kind === 'footprint')
    .sort((a, b) => rank(a) - rank(b))
    .flatMap((d) =>
      [...(d.versions ?? [])]
        .sort((a, b) => (String(a.version) < String(b.version) ? 1 : String(a.version) > String(b.version) ? -1 : 0))
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

/** readerNote() of each note text once (the views ask on every render). */
const noteCache = new Map();
const cachedNote = (note) => {
  const key = String(note ?? '');
  if (!noteCache.has(key)) noteCache.set(key, readerNote(key));
  return noteCache.get(key);
};

/** The notes of a dataset for readers (see readerNote), without duplicates. */
export const readerNotes = (notes) => [...new Set((notes ?? []).map(cachedNote).filter(Boolean))];
