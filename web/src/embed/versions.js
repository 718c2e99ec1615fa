// Pinned dataset versions: what a link asked for ("id@version") against what the manifest
// has. A pinned version that exists is always used (datasets are never removed or changed
// in place); the page says when a newer version of the same dataset exists, and says so
// plainly if the asked-for version is not in this build (then the latest is shown).

/**
 * @param {string} ref the link's `ds` ("id@version", "id" or "")
 * @param {{entry: object, version: object, ref: string}} meta findDataset() of what is shown
 * @returns {{newer: string|null, missing: string|null, latestRef: string|null}}
 */
export function versionStatus(ref, meta) {
  const [id, wanted] = String(ref ?? '').split('@');
  const latest = meta?.entry?.latest ?? meta?.entry?.versions?.at(-1)?.version;
  const shown = meta?.version?.version;
  const latestRef = latest ? `${meta.entry.id}@${latest}` : null;
  let missing = null;
  if (id && meta?.entry?.id !== id) missing = ref;
  else if (wanted && shown !== wanted) missing = ref;
  const newer = !missing && latest && shown && latest !== shown && newerThan(meta.entry, latest, shown) ? latest : null;
  return { newer, missing, latestRef };
}

/** True when version `a` comes after `b` in the manifest's list (listed oldest first). */
function newerThan(entry, a, b) {
  const names = (entry.versions ?? []).map((v) => v.version);
  return names.indexOf(a) > names.indexOf(b);
}
