// Byte-stable JSON text: objects one key per line (indent 1, keys in construction order),
// arrays of numbers (and short lists of strings) on one line, so a dataset diffs by row
// and stays small.
// Numbers and strings are written by JSON.stringify, i.e. exactly round-trippable.
export function formatJson(value, indent = ' ', depth = 0) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const pad = indent.repeat(depth + 1);
  const end = indent.repeat(depth);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const scalars = value.every((v) => v === null || typeof v !== 'object');
    // Numbers (percentiles, ranges) always inline; strings only while the line stays short.
    if (scalars && (value.every((v) => typeof v !== 'string') || inline.length <= 100)) return inline;
    return `[\n${value.map((v) => pad + formatJson(v, indent, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${formatJson(v, indent, depth + 1)}`).join(',\n')}\n${end}}`;
}
