// How a view shows an engine error: in words, with a way forward (Retry, and what to
// change), never the engine's field names or JSON pointers; the engine's own message is
// kept behind "Technical details" for a bug report.
import { notImplemented } from '../engine/engine.js';

/** The engine's message without JSON pointers, quoted op names and field names. */
export function plainMessage(message = '') {
  return String(message)
    .replace(/\s*\(at \/[^)]*\)/g, '')
    .replace(/\s*\(web\/src[^)]*\)/g, '')
    .replace(/\bop "([a-z_]+)"/g, 'this calculation')
    .replace(/\s*\bat \/[\w/.-]+/g, '')
    .replace(/\b([a-z]+)(?:_[a-z0-9]+)+\b/g, (m) => m.replace(/_(l|kg|kw|kwh|wh|ml|g|s)\b/g, '').replace(/_/g, ' '))
    .replace(/\[\]/g, '')
    .trim();
}

/** A sentence for the visitor: what went wrong, in words. */
export function errorSentence(error) {
  if (!error) return '';
  if (error.code === 'engine') return 'The calculation engine stopped before it could answer. It restarts by itself.';
  if (error.code === 'unknown_op') return 'This calculation is not available in this version of the page.';
  if (
    /prompt/.test(error.message ?? '') &&
    /no per-query|no measurement|not in the dataset|missing/i.test(error.message)
  )
    return 'This model has no measurement for that prompt size in the chosen data. Pick another prompt size or another dataset.';
  const text = plainMessage(error.message);
  return text
    ? `This could not be computed with these settings: ${text.replace(/\.$/, '')}.`
    : 'This could not be computed with these settings.';
}

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
