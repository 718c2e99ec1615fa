// Engine errors in words for visitors (pure; tested under Node in tests/web).

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
