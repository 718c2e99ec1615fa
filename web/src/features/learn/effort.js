// Reasoning effort levels found by name in a footprint dataset: "GPT-5 (minimal)" …
// "GPT-5 (high)" form the family "GPT-5"; a model without a level ("o3-mini") joins the
// family of its levelled variants ("o3-mini (high)") as the provider's default. Pure
// functions, tested in tests/web/learn.test.mjs.

/** Effort levels, least thinking first. */
export const EFFORTS = ['minimal', 'low', 'default', 'medium', 'high', 'xhigh'];

const LEVEL = /^(.*?)\s*\((minimal|low|medium|high|xhigh)\)\s*(.*)$/i;

/** {base, effort} of a model name; effort is null for a name without a level. */
export function parseEffort(name) {
  const m = LEVEL.exec(name);
  if (!m) return { base: name.trim(), effort: null };
  return { base: `${m[1]} ${m[3]}`.trim(), effort: m[2].toLowerCase() };
}

/**
 * The effort families of a footprint dataset: [{base, members: [{model, effort, prompts}]}],
 * members ordered by effort, only families with two or more members that share a prompt size.
 */
export function effortFamilies(footprint) {
  const models = footprint?.models ?? [];
  const families = new Map();
  for (const m of models) {
    const { base, effort } = parseEffort(m.model);
    if (!effort) continue;
    if (!families.has(base)) families.set(base, []);
    families.get(base).push({ model: m.model, effort, prompts: m.prompts.map((p) => p.prompt) });
  }
  for (const m of models) {
    const { effort } = parseEffort(m.model);
    if (!effort && families.has(m.model))
      families.get(m.model).push({ model: m.model, effort: 'default', prompts: m.prompts.map((p) => p.prompt) });
  }
  return [...families]
    .map(([base, members]) => ({
      base,
      members: members.sort((a, b) => EFFORTS.indexOf(a.effort) - EFFORTS.indexOf(b.effort)),
    }))
    .filter((f) => f.members.length >= 2 && sharedPrompt(f))
    .sort((a, b) => b.members.length - a.members.length || a.base.localeCompare(b.base));
}

/**
 * The prompt size the members of a family are compared at: `wanted` if every member has it,
 * else the one most members have (ties: the paper's order). Null when no two share one.
 */
export function sharedPrompt(family, wanted) {
  const counts = new Map();
  for (const m of family.members) for (const p of m.prompts) counts.set(p, (counts.get(p) ?? 0) + 1);
  if (wanted && counts.get(wanted) === family.members.length) return wanted;
  const order = ['short', 'medium', 'long', 'extra_long'];
  const best = [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))[0];
  return best ? best[0] : null;
}

/** The family to show: `wanted` (a base name) if it exists, else the chosen model's, else the largest. */
export function chooseFamily(families, wanted, model) {
  return (
    families.find((f) => f.base === wanted) ??
    families.find((f) => f.members.some((m) => m.model === model)) ??
    families[0] ??
    null
  );
}
