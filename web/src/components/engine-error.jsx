// How a view shows an engine error: a stub op is a calm notice, anything else an alert
// with the engine's message and the JSON pointer of the field.
import { notImplemented } from '../engine/engine.js';

export function EngineError({ error, what = 'estimate' }) {
  if (!error) return null;
  if (notImplemented(error)) {
    return (
      <p class="notice" role="status">
        This build's engine cannot {what} yet (the operation is still being written). The rest of the page works.
      </p>
    );
  }
  return (
    <p class="error-box" role="alert">
      The engine could not compute this: {error.message}
      {error.path ? ` (at ${error.path})` : ''}
    </p>
  );
}
