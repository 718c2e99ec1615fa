/**
 * The prompt sizes: the paper's three, and the extra-long size of the daily data (from
 * 13 Apr 2026). A dataset may have its own sizes (prompt entries carry their tokens):
 * promptInfo() labels those from their input_tokens and output_tokens.
 */
export const PROMPTS = [
  { value: 'short', label: 'Short', detail: '100 tokens in, 300 out' },
  { value: 'medium', label: 'Medium', detail: '1,000 in, 1,000 out' },
  { value: 'long', label: 'Long', detail: '10,000 in, 1,500 out' },
  { value: 'extra_long', label: 'Extra long', detail: '100,000 in, 2,000 out' },
];

const tokens = (n) => Number(n).toLocaleString('en-GB');

/** Label and detail of a dataset's prompt entry ({prompt, input_tokens?, output_tokens}). */
export function promptInfo(entry) {
  const known = PROMPTS.find((p) => p.value === entry.prompt);
  if (known) return known;
  const name = entry.prompt.replaceAll('_', ' ');
  const input = entry.input_tokens ? `${tokens(entry.input_tokens)} in, ` : '';
  return {
    value: entry.prompt,
    label: name.charAt(0).toUpperCase() + name.slice(1),
    detail: `${input}${tokens(entry.output_tokens)} out`,
  };
}
