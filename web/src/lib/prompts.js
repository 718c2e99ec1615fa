// Prompt sizes. The paper measures three (short, medium, long); the latest dataset may add
// extra_long (100,000 tokens in, 2,000 out). Which sizes exist is data: each dataset and
// model lists its own, and every view offers only those.

/** Known sizes in order, with the paper's token counts (a prompt entry's own counts win). */
export const PROMPTS = [
  {
    value: 'short',
    label: 'Short',
    detail: '100 tokens in, 300 out',
    kind: 'a short question',
    input: 100,
    output: 300,
  },
  {
    value: 'medium',
    label: 'Medium',
    detail: '1,000 in, 1,000 out',
    kind: 'a question with a page of context',
    input: 1000,
    output: 1000,
  },
  { value: 'long', label: 'Long', detail: '10,000 in, 1,500 out', kind: 'a long document', input: 10000, output: 1500 },
  {
    value: 'extra_long',
    label: 'Extra long',
    detail: '100,000 in, 2,000 out',
    kind: 'a whole report or a short book',
    input: 100000,
    output: 2000,
  },
];

export const PROMPT_ORDER = PROMPTS.map((p) => p.value);

// One formatter for every count (toLocaleString builds a new one per call: ~0.2 ms each,
// a dozen per calculator render), made on first use (lib/format.js says why).
let grouped = null;
const groupedCount = (n) => (grouped ??= new Intl.NumberFormat('en-US')).format(n);

// About 0.75 English words per token (OpenAI's rule of thumb).
const WORDS_PER_TOKEN = 0.75;
const words = (tokens) => {
  const w = tokens * WORDS_PER_TOKEN;
  const r = w >= 1000 ? Math.round(w / 100) * 100 : w >= 100 ? Math.round(w / 10) * 10 : Math.round(w / 5) * 5;
  return groupedCount(r);
};

/** A prompt entry's token counts: its own input_tokens/output_tokens, else the paper's. */
export function tokensOf(name, entry) {
  const known = PROMPTS.find((p) => p.value === name);
  return { input: entry?.input_tokens ?? known?.input, output: entry?.output_tokens ?? known?.output };
}

/** "Long: a long document, about 7,500 words in and 1,100 words out" (tokens in the title). */
export function describePrompt(name, entry) {
  const known = PROMPTS.find((p) => p.value === name);
  const { input, output } = tokensOf(name, entry);
  const label = known?.label ?? name.replace(/_/g, ' ');
  const what = known ? `${known.kind}, ` : '';
  if (!Number.isFinite(input) || !Number.isFinite(output)) return { label, text: `${label}` };
  return {
    label,
    text: `${label}: ${what}about ${words(input)} words in, ${words(output)} words out`,
    tokens: `${groupedCount(input)} tokens in, ${groupedCount(output)} out`,
  };
}

/** The prompt sizes a model has in a dataset (or the whole dataset's, without a model), in order. */
export function promptsOf(footprint, model) {
  const models = model ? (footprint?.models ?? []).filter((m) => m.model === model) : (footprint?.models ?? []);
  const have = new Set(models.flatMap((m) => (m.prompts ?? []).map((p) => p.prompt)));
  const ordered = PROMPT_ORDER.filter((p) => have.has(p));
  return [...ordered, ...[...have].filter((p) => !PROMPT_ORDER.includes(p)).sort()];
}

/** The available size nearest to `wanted` (ties go to the smaller one); '' when none exists. */
export function nearestPrompt(wanted, available) {
  if (!available.length) return '';
  if (available.includes(wanted)) return wanted;
  const at = PROMPT_ORDER.indexOf(wanted);
  if (at < 0) return available[0];
  let best = available[0];
  let dist = Infinity;
  for (const p of available) {
    const i = PROMPT_ORDER.indexOf(p);
    const d = i < 0 ? 99 : Math.abs(i - at);
    if (d < dist) {
      best = p;
      dist = d;
    }
  }
  return best;
}

const tokenCount = (n) => Number(n).toLocaleString('en-GB');

/**
 * Label and detail of a dataset's prompt entry ({prompt, input_tokens?, output_tokens}):
 * a known size as in PROMPTS, a dataset's own size labelled from its token counts.
 */
export function promptInfo(entry) {
  const known = PROMPTS.find((p) => p.value === entry.prompt);
  if (known) return known;
  const name = entry.prompt.replaceAll('_', ' ');
  const input = entry.input_tokens ? `${tokenCount(entry.input_tokens)} in, ` : '';
  return {
    value: entry.prompt,
    label: name.charAt(0).toUpperCase() + name.slice(1),
    detail: `${input}${tokenCount(entry.output_tokens)} out`,
  };
}
