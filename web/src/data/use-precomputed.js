// Hook of the app's views (calculator, compare): the precomputed rows of a dataset version
// and prompt size (precomputed.js). Apart from precomputed.js so that the embed, which
// shares that module with the app (the embed-shared chunk), does not load it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { checkPrecomputed, fetchPrecomputed, PINNED, precomputedUrl, settled } from './precomputed.js';

/**
 * Hook: the checked precomputed rows of `meta` and `prompt`; undefined while loading, null
 * when absent. `prefetch` (other prompt sizes) are fetched too, so switching is immediate.
 */
export function usePrecomputed(meta, prompt, prefetch = []) {
  const ref = meta?.ref;
  const url = ref && prompt && PINNED.test(ref) ? precomputedUrl(ref, prompt) : '';
  const [, setTick] = useState(0);
  // `prefetch` is a hint taken when the file changes (callers build a new list each render,
  // and a new list alone, e.g. another model's sizes, fetches nothing): read from a ref.
  const hint = useRef(prefetch);
  hint.current = prefetch;
  useEffect(() => {
    if (!url) return undefined;
    let live = true;
    for (const p of hint.current) if (p !== prompt) fetchPrecomputed(ref, p);
    if (!settled.has(url)) fetchPrecomputed(ref, prompt).then(() => live && setTick((t) => t + 1));
    return () => {
      live = false;
    };
  }, [url, ref, prompt]);
  const done = !url || settled.has(url);
  return useMemo(() => (done ? checkPrecomputed(settled.get(url), meta) : undefined), [url, done, meta]);
}
