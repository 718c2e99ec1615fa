// What a visitor typed in a number field: a number, empty (use the default) or an error
// message that names the field. Pure, tested in tests/web/.

/**
 * Checks a typed number. Returns {value} (null for empty) or {error}.
 * @param {string} text
 * @param {{min?: number, max?: number, int?: boolean, label: string}} limits
 */
export function parseNumberInput(text, { min = -Infinity, max = Infinity, int = false, label }) {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return { value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t))
    return { error: `${label}: "${text.slice(0, 20)}" is not a number` };
  const x = Number(t);
  if (!Number.isFinite(x)) return { error: `${label} must be a finite number` };
  if (int && !Number.isInteger(x)) return { error: `${label} must be a whole number` };
  if (x < min) return { error: `${label} must be at least ${min}` };
  if (x > max) return { error: `${label} must be at most ${max}` };
  return { value: x };
}
