// "Predict, then reveal": questions for a class whose answers come from the engine's numbers
// for the chosen dataset. Each question names the rows it needs (an estimate selection);
// `reveal(rows)` reads the answer from the engine's rows. Pure functions, tested in
// tests/web/learn.test.mjs; the e2e test checks the revealed numbers against the engine.
import { format } from 'd3-format';

import { effortFamilies, sharedPrompt } from './effort.js';

const sig2 = format(',.2~r');

export const PROMPT_ORDER = ['short', 'medium', 'long', 'extra_long'];
export const PROMPT_WORDS = { short: 'short', medium: 'medium', long: 'long', extra_long: 'extra-long' };
/** Input tokens of each prompt size when the dataset does not say (the paper's configurations). */
export const INPUT_TOKENS = { short: 100, medium: 1000, long: 10000, extra_long: 100000 };

const byOrder = (a, b) => PROMPT_ORDER.indexOf(a) - PROMPT_ORDER.indexOf(b);
const promptsOf = (m) => m.prompts.map((p) => p.prompt).sort(byOrder);
const median = (arr) => arr?.[Math.floor((arr.length ?? 0) / 2)];
const p50Ttft = (m, prompt) => median(m.prompts.find((p) => p.prompt === prompt)?.ttft_s);

/** The row of the engine's estimate for (model, prompt). */
export const rowOf = (rows, model, prompt) => (rows ?? []).find((r) => r.model === model && r.prompt === prompt);

// Models a class will recognise; the first one in the dataset is used, else a fallback by data.
const THINKERS = ['o3', 'o1', 'o3-mini (high)', 'GPT-5 (high)', 'o4-mini (high)', 'DeepSeek-R1 (DS)'];
const LIGHT = ['GPT-4.1 nano', 'GPT-4o mini', 'GPT-5 nano (minimal)', 'GPT-4.1 mini', 'GPT-5 mini (minimal)'];

function pick(models, names, fallback, not) {
  const named = names.map((n) => models.find((m) => m.model === n)).find((m) => m && m !== not);
  if (named) return named;
  const rest = models.filter((m) => m !== not);
  return rest.length ? rest.reduce(fallback) : null;
}

/** Which of a and b is bigger, "same" within 10 %. */
const compare = (a, b) => (a > b * 1.1 ? 'a' : b > a * 1.1 ? 'b' : 'same');

/** The bin of x among [[upper, value], …, [Infinity, value]]. */
const bin = (x, bins) => bins.find(([upper]) => x < upper)[1];

/**
 * The questions for a footprint dataset, a chosen model and prompt, and two constants of the
 * constants dataset (a phone charge in Wh, a household's electricity in kWh per year). Each: {id, text, options: [{value, label}], select: {models, prompts},
 * reveal(rows) -> {answer, facts: [{key, label, value, unit}], because} | null}.
 */
export function buildQuestions(footprint, { model, prompt }, { phoneChargeWh, householdKwh } = {}) {
  const models = footprint?.models ?? [];
  const out = [];

  // 1. A short question to a reasoning model or a long one to a small model?
  const slowest = (a, b) => ((p50Ttft(a, promptsOf(a)[0]) ?? 0) >= (p50Ttft(b, promptsOf(b)[0]) ?? 0) ? a : b);
  const fastest = (a, b) => ((p50Ttft(a, promptsOf(a).at(-1)) ?? 0) <= (p50Ttft(b, promptsOf(b).at(-1)) ?? 0) ? a : b);
  const A = pick(models, THINKERS, slowest);
  const B = pick(models, LIGHT, fastest, A);
  if (A && B) {
    const pa = promptsOf(A)[0];
    const pb = promptsOf(B).at(-1);
    out.push({
      id: 'pair',
      text: `Which uses more energy: a ${PROMPT_WORDS[pa]} question to ${A.model} or a ${PROMPT_WORDS[pb]} one to ${B.model}?`,
      options: [
        { value: 'a', label: `The ${PROMPT_WORDS[pa]} question to ${A.model}` },
        { value: 'b', label: `The ${PROMPT_WORDS[pb]} question to ${B.model}` },
        { value: 'same', label: 'About the same (within 10 %)' },
      ],
      select: { models: [A.model, B.model], prompts: [...new Set([pa, pb])] },
      reveal(rows) {
        const ra = rowOf(rows, A.model, pa);
        const rb = rowOf(rows, B.model, pb);
        if (!ra || !rb) return null;
        const ea = ra.energy_wh.mean;
        const eb = rb.energy_wh.mean;
        return {
          answer: compare(ea, eb),
          facts: [
            { key: 'a', label: `${A.model}, ${PROMPT_WORDS[pa]} prompt`, value: ea, unit: 'Wh' },
            { key: 'b', label: `${B.model}, ${PROMPT_WORDS[pb]} prompt`, value: eb, unit: 'Wh' },
            { key: 'ratio', label: 'Ratio', value: Math.max(ea, eb) / Math.min(ea, eb), unit: '×' },
          ],
          because: `${A.model} waits ${sig2(ra.work?.ttft_mean_s)} s on average before its first token, ${B.model} ${sig2(rb.work?.ttft_mean_s)} s: the time the GPUs work for you matters more than the length of your question.`,
        };
      },
    });
  }

  // 2. Where does the water go?
  if (model && prompt) {
    out.push({
      id: 'water',
      text: `Of the water one ${PROMPT_WORDS[prompt]} query to ${model} uses, how much evaporates at the data centre itself (the rest at power plants)?`,
      options: [
        { value: 'lt25', label: 'Less than a quarter' },
        { value: '25to50', label: 'Between a quarter and a half' },
        { value: 'gt50', label: 'More than half' },
      ],
      select: { models: [model], prompts: [prompt] },
      reveal(rows) {
        const r = rowOf(rows, model, prompt);
        if (!r) return null;
        const { onsite, plant, total } = waterSplit(r);
        const share = onsite / total;
        return {
          answer: bin(share, [
            [0.25, 'lt25'],
            [0.5, '25to50'],
            [Infinity, 'gt50'],
          ]),
          facts: [
            { key: 'onsite', label: 'At the data centre (cooling)', value: onsite, unit: 'mL' },
            { key: 'plant', label: 'At the power plants', value: plant, unit: 'mL' },
            { key: 'total', label: 'Total', value: total, unit: 'mL' },
            { key: 'share', label: 'Share at the data centre', value: share * 100, unit: '%' },
          ],
          because:
            'Power plants evaporate water to make the electricity; the data centre’s own cooling is counted on top. Where the grid relies on thermal power plants, their water dominates.',
        };
      },
    });
  }

  // 3. Thinking harder: lowest against highest effort of one model.
  const fam = effortFamilies(footprint)[0];
  const fp = fam && sharedPrompt(fam, prompt);
  const members = fam ? fam.members.filter((m) => m.prompts.includes(fp)) : [];
  if (members.length >= 2) {
    const lo = members[0];
    const hi = members.at(-1);
    out.push({
      id: 'effort',
      text: `${hi.model} against ${lo.model}, both answering a ${PROMPT_WORDS[fp]} prompt with the same number of output tokens: how many times the energy per query?`,
      options: [
        { value: 'lt2', label: 'Less than 2×' },
        { value: '2to5', label: '2× to 5×' },
        { value: '5to10', label: '5× to 10×' },
        { value: 'gt10', label: 'More than 10×' },
      ],
      select: { models: [lo.model, hi.model], prompts: [fp] },
      reveal(rows) {
        const rl = rowOf(rows, lo.model, fp);
        const rh = rowOf(rows, hi.model, fp);
        if (!rl || !rh) return null;
        const ratio = rh.energy_wh.mean / rl.energy_wh.mean;
        return {
          answer: bin(ratio, [
            [2, 'lt2'],
            [5, '2to5'],
            [10, '5to10'],
            [Infinity, 'gt10'],
          ]),
          facts: [
            { key: 'lo', label: lo.model, value: rl.energy_wh.mean, unit: 'Wh' },
            { key: 'hi', label: hi.model, value: rh.energy_wh.mean, unit: 'Wh' },
            { key: 'lo_ttft', label: `${lo.model}: mean time to first token`, value: rl.work?.ttft_mean_s, unit: 's' },
            { key: 'hi_ttft', label: `${hi.model}: mean time to first token`, value: rh.work?.ttft_mean_s, unit: 's' },
            { key: 'ratio', label: 'Ratio', value: ratio, unit: '×' },
          ],
          because:
            'The visible answer has the same length; the difference is the hidden thinking before it, which shows up as a longer wait for the first token while the GPUs work.',
        };
      },
    });
  }

  // 4. A year of use.
  if (model && prompt) {
    out.push({
      id: 'year',
      text: `You send ${model} 20 ${PROMPT_WORDS[prompt]} prompts a day for a year. About how much electricity is that?`,
      options: [
        { value: 'lt1', label: 'Less than 1 kWh' },
        { value: '1to10', label: '1 to 10 kWh' },
        { value: '10to100', label: '10 to 100 kWh' },
        { value: 'gt100', label: 'More than 100 kWh' },
      ],
      select: { models: [model], prompts: [prompt] },
      reveal(rows) {
        const r = rowOf(rows, model, prompt);
        if (!r) return null;
        const kwh = (r.energy_wh.mean * 20 * 365) / 1000;
        const facts = [
          { key: 'per_query', label: 'One query', value: r.energy_wh.mean, unit: 'Wh' },
          { key: 'year', label: '20 a day for 365 days', value: kwh, unit: 'kWh' },
        ];
        if (phoneChargeWh > 0)
          facts.push({
            key: 'phones',
            label: `Phone charges (${sig2(phoneChargeWh)} Wh each, the paper’s figure)`,
            value: (kwh * 1000) / phoneChargeWh,
            unit: '',
          });
        return {
          answer: bin(kwh, [
            [1, 'lt1'],
            [10, '1to10'],
            [100, '10to100'],
            [Infinity, 'gt100'],
          ]),
          facts,
          because:
            householdKwh > 0
              ? `Small per query, but 7,300 queries a year add up; for scale, a U.S. household uses about ${format(',.0f')(householdKwh)} kWh of electricity a year (the paper’s figure).`
              : 'Small per query, but 7,300 queries a year add up.',
        };
      },
    });
  }
  return out;
}

/** On-site and power-plant water of an estimate row (mL): E / PUE × WUE_site and the rest. */
export function waterSplit(row) {
  const a = row.assumptions ?? {};
  const total = row.water_ml.mean;
  const onsite = (row.energy_wh.mean / a.pue) * a.wue_site_l_per_kwh;
  return { onsite, plant: total - onsite, total };
}
