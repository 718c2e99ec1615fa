// How a view shows an engine error: in words, with a way forward (Retry, and what to
// change), never the engine's field names or JSON pointers; the engine's own message is
// kept behind "Technical details" for a bug report.
import { notImplemented } from '../engine/engine.js';
import { errorSentence } from './error-words.js';

export { errorSentence, plainMessage } from './error-words.js';

export function EngineError({ error, what = 'estimate', onRetry }) {
  if (!error) return null;
  if (notImplemented(error)) {
    return (
      <p class="notice" role="status">
        This version of the page cannot {what} yet. The rest of the page works.
      </p>
    );
  }
  return (
    <div class="error-box" role="alert" data-testid="engine-error">
      <p>{errorSentence(error)}</p>
      <p>
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )}{' '}
        <a href="?">Start over with the defaults</a>
      </p>
      <details>
        <summary>Technical details (for a bug report)</summary>
        <p>
          <code>{`${error.code ?? ''}: ${error.message ?? ''}${error.path ? ` at ${error.path}` : ''}`}</code>
        </p>
      </details>
    </div>
  );
}
