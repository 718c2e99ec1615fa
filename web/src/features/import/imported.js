// The dataset a visitor imported: kept in this tab only (sessionStorage), never sent
// anywhere. The app's dataset loader (data/use-data.js) uses it when ?ds=imported.
const KEY = 'llmfp-imported-dataset';
let memory = null;

/** The imported footprint dataset, or null. */
export function importedDataset() {
  if (memory) return memory;
  try {
    const text = globalThis.sessionStorage?.getItem(KEY);
    memory = text ? JSON.parse(text) : null;
  } catch {
    memory = null;
  }
  return memory;
}

/** Stores a footprint dataset (from the engine's import op) for this tab. */
export function setImportedDataset(dataset) {
  memory = dataset;
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(dataset));
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

/**
 * The imported dataset for ?ds=imported: from this tab, or else from the link's `imp`
 * parameter (the file itself, checked again by the engine). `run` sends an engine request;
 * `refs` are {hardware, hosts} request references used to fill empty cells.
 */
export async function loadImportedDataset(run, refs) {
  const own = importedDataset();
  if (own) return own;
  const imp = new URLSearchParams(globalThis.location?.search ?? '').get('imp');
  if (!imp) return null;
  let text;
  try {
    text = decodeCsv(imp);
  } catch {
    return null;
  }
  const env = await run({ op: 'import', text, ...refs });
  if (!env.ok) return null;
  setImportedDataset(env.result.dataset);
  return env.result.dataset;
}
