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
