// The landing page is prerendered at build time (scripts/prerender.mjs): index.html already
// shows the default estimate. For a link without settings, the live app renders into a
// detached element and replaces the prerendered one once it shows its own numbers (or an
// error, or after a few seconds), so the numbers never blink away. Any other link renders
// straight into the page.
import { fetchPrecomputed } from './data/precomputed.js';

/** The element to render the app into, and `done()` to call after the first render. */
export function appRoot(doc = document, maxWaitMs = 5000) {
  const app = doc.getElementById('app');
  const pre = app?.querySelector('[data-prerendered]');
  const landing = /^\??(v=1)?$/.test(doc.location?.search ?? '');
  if (!pre || !landing) {
    if (app) app.textContent = '';
    return { root: app, done: () => {} };
  }
  // The calculator will show the same precomputed numbers: fetch them now.
  fetchPrecomputed(pre.dataset.prerendered, pre.dataset.prompt || 'short');
  const live = doc.createElement('div');
  live.id = 'app';
  let swapped = false;
  const swap = () => {
    if (swapped) return;
    swapped = true;
    observer.disconnect();
    clearTimeout(timer);
    const focused = app.contains(doc.activeElement);
    app.replaceWith(live);
    doc.documentElement.dataset.live = '1';
    if (focused) live.querySelector('main')?.focus({ preventScroll: true });
  };
  const ready = () =>
    [...live.querySelectorAll('.results[aria-busy="false"] [data-testid="energy-mean"]')].some((el) =>
      /\d/.test(el.textContent),
    ) || live.querySelector('[role="alert"]');
  const observer = new MutationObserver(() => ready() && swap());
  const timer = setTimeout(swap, maxWaitMs);
  return {
    root: live,
    done: () => {
      if (ready()) swap();
      else observer.observe(live, { subtree: true, childList: true, characterData: true, attributes: true });
    },
  };
}
