// Reasoning effort: variants such as "GPT-5 (minimal)" ... "GPT-5 (high)" are one model
// run at different effort levels. Grouped here so the calculator can show them side by side.

const LEVELS = ['minimal', 'low', 'medium', 'high'];
const EFFORT = /^(.*\S)\s*\((minimal|low|medium|high)\)(\s.*)?$/;

export const EFFORT_NOTE =
  'Reasoning models can be asked to think for longer before they answer: a higher effort level means more thinking, a longer wait and more energy. Here every level writes an answer of the same length, so the difference is the thinking time.';

/** "GPT-5 (medium)" -> {base: "GPT-5", level: "medium"}; null for a model without a level. */
export function effortOf(name) {
  const m = EFFORT.exec(name ?? '');
  return m ? { base: `${m[1]}${m[3] ?? ''}`, level: m[2] } : null;
}

/**
 * The effort levels of `model`'s family in a footprint dataset, lowest first:
 * [{model, level, entry}]; empty when the model has no levels or is the only one.
 */
export function effortLevels(footprint, model) {
  const own = effortOf(model);
  const models = footprint?.models ?? [];
  const base = own?.base ?? model;
  const family = models
    .map((entry) => ({ entry, e: effortOf(entry.model) }))
    .filter(({ e }) => e && e.base === base)
    .map(({ entry, e }) => ({ model: entry.model, level: e.level, entry }))
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  if (family.length < 2 && !(family.length === 1 && models.some((m) => m.model === base))) return [];
  const plainModel = models.find((m) => m.model === base);
  if (plainModel) family.unshift({ model: base, level: 'default', entry: plainModel });
  return family.length > 1 ? family : [];
}
