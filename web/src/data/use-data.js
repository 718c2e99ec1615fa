// Hooks that load the manifest and the datasets the current view needs.
import { useCallback, useEffect, useState } from 'preact/hooks';

import { engine } from '../engine/engine.js';
import { loadImportedDataset } from './imported.js';
import { dataUrl, findDataset, loadDataFile, loadManifest } from './datasets.js';

/** Hook: {value, error, loading} of the promise `load()` returns; loads again when `load` changes. */
function usePromise(load) {
  const [state, set] = useState({ value: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    set((s) => ({ ...s, loading: true }));
    load().then(
      (value) => live && set({ value, error: null, loading: false }),
      (error) => live && set({ value: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}

/**
 * The footprint dataset chosen by `ref` plus the helper datasets (hardware, hosts,
 * regions, constants). Returns {loading, error, footprint, meta, refs, helpers} where refs
 * are {$data: url} objects for engine requests (the worker fetches them itself).
 */
export function useDatasets(ref) {
  const load = useCallback(async () => {
    const manifest = await loadManifest();
    // ?ds=imported: the visitor's own dataset (features/import), held in this tab only.
    const helperRef = (kind) => {
      const h = findDataset(manifest, kind);
      return h ? { [kind]: { $data: dataUrl(h.file) } } : {};
    };
    const own =
      ref === 'imported'
        ? await loadImportedDataset((req) => engine.request(req), { ...helperRef('hardware'), ...helperRef('hosts') })
        : null;
    const fp = own
      ? {
          entry: { id: 'imported', kind: 'footprint', latest: '1', title: own.title ?? 'Imported measurements' },
          version: { version: own.version ?? '1' },
          file: null,
          ref: 'imported',
        }
      : findDataset(manifest, 'footprint', ref);
    if (!fp) throw new Error('no footprint dataset is listed in data/manifest.json');
    const helperKinds = ['hardware', 'hosts', 'regions', 'constants'];
    const helpers = Object.fromEntries(helperKinds.map((k) => [k, findDataset(manifest, k)]));
    const [footprint, ...loaded] = await Promise.all([
      own ?? loadDataFile(fp.file),
      ...helperKinds.map((k) => (helpers[k] ? loadDataFile(helpers[k].file).catch(() => null) : null)),
    ]);
    const refs = { dataset: own ?? { $data: dataUrl(fp.file) } };
    helperKinds.forEach((k) => {
      if (helpers[k]) refs[k] = { $data: dataUrl(helpers[k].file) };
    });
    return {
      manifest,
      meta: fp,
      footprint,
      refs,
      hardware: loaded[0],
      hosts: loaded[1],
      regions: loaded[2],
      constants: loaded[3],
      footprintDatasets: manifest.datasets.filter((d) => d.kind === 'footprint'),
    };
  }, [ref]);
  return usePromise(load);
}
