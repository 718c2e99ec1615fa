// A link to another view that keeps every other setting (a real href, so it can be
// opened in a new tab or copied).
import { encode } from '../state/url-state.js';
import { getFields, getState, setState } from '../state/store.js';

export function ViewLink({ view, patch = {}, children }) {
  const next = { ...getState(), ...patch, view };
  return (
    <a
      href={`?${encode(next, getFields())}`}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        setState({ ...patch, view });
      }}
    >
      {children}
    </a>
  );
}
