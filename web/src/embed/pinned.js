// The embeds' hash-pinned precomputed files (scripts/prerender.mjs writes the table into the
// build: {"id@version": {prompt: sha256}}): the one file an estimate embed with the default
// assumptions needs for its first number, asked for and checked by the embed page (main.jsx,
// Embed.jsx), checked by its first paint in the host page (host/poster.jsx; embed.js asks
// for it by name, from the table's hash prefixes).
import { PINNED } from 'virtual:llmfp-precomputed';

import { fetchPinned, pinnedAsset, pinnedHash } from '../data/precomputed.js';

export { PINNED };

/** The pinned slim file's numbers (hash-checked), or null; a promise, or null without a pin. */
export const fetchPinnedFile = (ref, prompt) => {
  const sha = pinnedHash(PINNED, ref, prompt);
  return sha ? fetchPinned(ref, prompt, sha) : null;
};

/** One pinned file of the build (the hosting check asks for its headers), or null without any. */
export function anyPinnedFile() {
  const ref = Object.keys(PINNED)[0];
  const prompt = ref && Object.keys(PINNED[ref])[0];
  return prompt ? pinnedAsset(ref, prompt, PINNED[ref][prompt]) : null;
}
