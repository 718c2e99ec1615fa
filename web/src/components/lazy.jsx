// Renders the default export of a lazily imported module (views, slot panels); modules are
// loaded once and kept.
import { useEffect, useState } from 'preact/hooks';

const loaded = new Map();

export function Lazy({ load, id, fallback = null, ...props }) {
  const [Component, setComponent] = useState(() => loaded.get(id) ?? null);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (loaded.has(id)) return setComponent(() => loaded.get(id));
    let live = true;
    setComponent(null);
    load().then(
      (m) => {
        loaded.set(id, m.default);
        if (live) setComponent(() => m.default);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
    // `id` names the module: callers pass a new `load` arrow on every render for the same id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (error)
    return (
      <div class="error-box" role="alert">
        <p>
          This part of the page could not be loaded (the connection may have dropped).{' '}
          <button type="button" onClick={() => location.reload()}>
            Reload
          </button>
        </p>
        <details>
          <summary>Technical details (for a bug report)</summary>
          <p>
            <code>{String(error.message ?? error)}</code>
          </p>
        </details>
      </div>
    );
  return Component ? <Component {...props} /> : fallback;
}

/** Every component registered for a slot (see views.js). */
export function Slot({ loaders, ...props }) {
  return loaders.map((l) => <Lazy key={l.id} id={`slot:${l.id}`} load={l.load} {...props} />);
}
