/** The paper's three prompt configurations. */
export const PROMPTS = [
  { value: 'short', label: 'Short', detail: '100 tokens in, 300 out' },
  { value: 'medium', label: 'Medium', detail: '1,000 in, 1,000 out' },
  { value: 'long', label: 'Long', detail: '10,000 in, 1,500 out' },
];
