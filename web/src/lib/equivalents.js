// Everyday equivalents of one query, from the bundled constants dataset (never hard-coded
// here): phone charges and Google searches for energy, teaspoons and bottles for water,
// distance driven for carbon. Each: {text, n, constant}; the text always carries its unit
// (lib/format.js equivalentText) and the UI cites the constant's source.
import { equivalentText } from './format.js';

/** The list of constants of a constants dataset, whatever its top-level key. */
export function constantList(constants) {
  if (!constants) return [];
  return ['equivalences', 'everyday', 'constants', 'items'].flatMap((k) =>
    Array.isArray(constants[k]) ? constants[k] : [],
  );
}

export const findConstant = (constants, pattern) => constantList(constants).find((c) => pattern.test(c.id ?? ''));

// [metric, id pattern, how the per-query amount becomes a count of the constant]
const EVERYDAY = [
  ['energy', /phone/, 'div'],
  ['energy', /google|search/, 'div'],
  ['energy', /led|bulb/, 'div'],
  ['water', /teaspoon/, 'div'],
  ['water', /bottle/, 'div'],
  ['carbon', /mile|driv/, 'miles'],
];

/**
 * @param {object} constants the constants dataset
 * @param {'energy'|'water'|'carbon'} metric
 * @param {number} amount per-query mean in Wh, mL or g
 */
export function everyday(constants, metric, amount) {
  const out = [];
  for (const [m, pattern, how] of EVERYDAY) {
    if (m !== metric || !Number.isFinite(amount)) continue;
    const c = findConstant(constants, pattern);
    if (!c || !(c.value > 0)) continue;
    const n = how === 'miles' ? milesDriven(c, amount) : amount / c.value;
    if (Number.isFinite(n)) out.push({ text: equivalentText(c, n), n, constant: c });
  }
  return out;
}

/** Miles a car drives for `grams` of CO2, from a g/mile or g/km constant. */
function milesDriven(c, grams) {
  const unit = (c.unit ?? '').toLowerCase();
  if (unit.includes('mile')) return grams / c.value;
  if (unit.includes('km')) return grams / c.value / 1.609344;
  return NaN;
}
