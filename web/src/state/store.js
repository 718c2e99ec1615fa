// The app state lives in the URL: this store decodes it on load and on back/forward, and
// writes it back on every change (pushState for a choice, replaceState while typing), so
// any view can be shared or bookmarked and reopens with the same numbers.
import { useEffect, useState } from 'preact/hooks';

import { decode, encode } from './url-state.js';

let fields = {};
let state = {};
let notices = [];
const listeners = new Set();

function emit() {
  for (const fn of listeners) fn(state);
}

/** Sets the known fields (core + features) and reads the current URL. */
export function initStore(allFields) {
  fields = allFields;
  const decoded = decode(location.search, fields);
  state = decoded.state;
  notices = decoded.notices;
  // Rewrite a damaged link into its clean form, without adding a history entry.
  if (notices.length) history.replaceState(null, '', `?${encode(state, fields)}${location.hash}`);
  addEventListener('popstate', () => {
    state = decode(location.search, fields).state;
    emit();
  });
}

export const getState = () => state;
export const getFields = () => fields;
export const takeNotices = () => {
  const out = notices;
  notices = [];
  return out;
};

/**
 * Updates some fields. `replace: true` (typing in a field) edits the current history entry;
 * otherwise a new entry is pushed so Back returns to the previous choice. `render: false`
 * updates the state and the URL but renders nothing yet: the caller calls showState() when
 * the page should show it (the calculator waits a few ms for an engine answer, to render the
 * change and its numbers at once).
 */
export function setState(patch, { replace = false, render = true } = {}) {
  const next = { ...state, ...patch };
  const query = `?${encode(next, fields)}`;
  state = next;
  if (query !== location.search) {
    if (replace) history.replaceState(null, '', query);
    else history.pushState(null, '', query);
  }
  if (render) emit();
}

/** Renders the current state (after setState(patch, {render: false})). */
export const showState = () => emit();

/** The whole state; re-renders on every change. */
export function useAppState() {
  const [s, set] = useState(state);
  useEffect(() => {
    listeners.add(set);
    set(state);
    return () => listeners.delete(set);
  }, []);
  return s;
}
