// The dataset a visitor imported: kept in this tab only (sessionStorage), never sent
// anywhere. The app's dataset loader (data/use-data.js) uses it when ?ds=imported.
const KEY = 'llmfp-imported-dataset';
let memory = null;

/**
 * `value` without any "$data" key at any depth: a visitor's dataset (a file, a link, this
 * tab's storage) can never carry a reference the engine's worker would fetch.
 */
export function withoutDataRefs(value) {
  if (Array.isArray(value)) return value.map(withoutDataRefs);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== '$data')
      .map(([k, v]) => [k, withoutDataRefs(v)]),
  );
}

/** The imported footprint dataset, or null. */
export function importedDataset() {
  if (memory) return memory;
  try {
    const text = globalThis.sessionStorage?.getItem(KEY);
    memory = text ? withoutDataRefs(JSON.parse(text)) : null;
  } catch {
    memory = null;
  }
  return memory;
}

/** Stores a footprint dataset (from the engine's import op) for this tab. */
export function setImportedDataset(dataset) {
  memory = withoutDataRefs(dataset);
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(memory));
  } catch {
    // Storage full or disabled: the dataset still lives in memory until the tab closes.
  }
}

/** CSV text <-> URL-safe base64 (UTF-8), for sharing a small imported file in the link. */
export function encodeCsv(csv) {
  const bytes = new TextEncoder().encode(csv);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCsv(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Links carry a file of at most this many URL characters (longer files stay in the tab only). */
export const MAX_LINK_CHARS = 6000;

/** The file of the link's `imp` last imported in this tab, and its dataset. */
let fromLink = { imp: null, dataset: null };

/**
 * The imported dataset for ?ds=imported. A link's `imp` parameter (the file itself,
 * checked again by the engine) comes first: the visitor opened that link, so a dataset
 * imported earlier in this tab must not silently replace it. Without `imp`, the dataset
 * imported in this tab. `run` sends an engine request; `refs` are {hardware, hosts}
 * request references used to fill empty cells. A damaged `imp` is an error in words
 * (shown where the data would be), never a quiet fallback to other data.
 */
export async function loadImportedDataset(run, refs) {
  const imp = new URLSearchParams(globalThis.location?.search ?? '').get('imp');
  if (!imp) {
    const own = importedDataset();
    if (own) return own;
    throw new Error(
      'there is no imported data here: it was imported in another tab, or the file was too large to travel in the link; open "Import" to load the file',
    );
  }
  if (fromLink.imp === imp) return fromLink.dataset;
  let text;
  try {
    text = decodeCsv(imp);
  } catch {
    throw new Error(
      'the imported data in this link is damaged (it was cut or changed); ask for the link again, or import the file yourself',
    );
  }
  const env = await run({ op: 'import', text, ...refs });
  if (!env.ok)
    throw new Error(
      `the imported data in this link could not be read (${env.error?.message ?? 'unknown problem'}); ask for the link again, or import the file yourself`,
    );
  setImportedDataset(env.result.dataset);
  fromLink = { imp, dataset: memory };
  return memory;
}
