// Work that can wait until the new numbers are on screen: panels below the answer, the
// navigation's links, the embed bar. After a change (e.g. a prompt-size click) the page first
// renders and paints the answer, then these parts catch up in the next task (about one
// frame later), so a recompute does not wait for them (docs/web-app.md, "Recompute").
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

/**
 * Runs `fn` once after the next paint (a task queued from the next animation frame; in a
 * hidden tab, where frames stop, after 100 ms at the latest). Returns a function that cancels it.
 */
export function afterPaint(fn) {
  let done = false;
  let inner = 0;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, 100);
  const frame =
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (inner = setTimeout(run, 0))) : 0;
  return () => {
    done = true;
    clearTimeout(fallback);
    clearTimeout(inner);
    if (frame) cancelAnimationFrame(frame);
  };
}

/**
 * `value` as it was at the last paint: on the first render `value` itself, after a change the
 * previous value until the page has painted, then the new one (one more render of the caller).
 * `value` must keep its identity while its content is unchanged (a useMemo result, the state).
 */
export function useAfterPaint(value) {
  const [shown, setShown] = useState(() => value);
  // A layout effect: scheduled as the change is committed, so the update comes right after
  // this frame's paint (an effect would itself wait for that paint, and the update a frame more).
  useLayoutEffect(() => {
    if (shown === value) return undefined;
    return afterPaint(() => setShown(() => value));
  }, [shown, value]);
  return shown;
}

/**
 * Renders `render(value)` with the value of the last paint (useAfterPaint), and renders it
 * again only when that value changes: a deferred part of the page that a re-render of its
 * parent does not touch.
 */
export function AfterPaint({ value, render }) {
  const shown = useAfterPaint(value);
  const fn = useRef(render);
  fn.current = render;
  return useMemo(() => fn.current(shown), [shown]);
}
