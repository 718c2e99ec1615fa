// Everyday equivalents of one query, from the bundled constants dataset (never hard-coded
// here): phone charges and Google searches for energy, teaspoons and bottles for water,
// metres driven for carbon. Each: {text, value, constant} so the UI can cite the source.
import { num } from '../../lib/format.js';

/** The list of constants of a constants dataset, whatever its top-level key. */
export function constantList(constants) {
  if (!constants) return [];
  return ['equivalences', 'everyday', 'constants', 'items'].flatMap((k) =>
    Array.isArray(constants[k]) ? constants[k] : [],
  );
}

export const findConstant = (constants, pattern) => constantList(constants).find((c) => pattern.test(c.id ?? ''));

// [metric, id pattern, how to turn the per-query amount into a phrase]
const EVERYDAY = [
  ['energy', /phone/, (x) => (x < 1 ? `${num(x * 100)} % of a phone charge` : `${num(x)} phone charges`), 'div'],
  ['energy', /google|search/, (x) => `${num(x)} Google searches`, 'div'],
  ['energy', /led|bulb/, (x) => `an LED bulb lit for ${num(x * 60)} minutes`, 'div-hours'],
  ['water', /teaspoon/, (x) => `${num(x)} teaspoons of water`, 'div'],
  ['water', /bottle/, (x) => (x < 1 ? `${num(x * 100)} % of a 500 mL bottle` : `${num(x)} bottles of 500 mL`), 'div'],
  ['carbon', /met(er|re)|mile|driv/, (x) => `driving a petrol car ${num(x)} metres`, 'metres'],
];

/**
 * @param {object} constants the constants dataset
 * @param {'energy'|'water'|'carbon'} metric
 * @param {number} amount per-query mean in Wh, mL or g
 */
export function everyday(constants, metric, amount) {
  const out = [];
  for (const [m, pattern, phrase, how] of EVERYDAY) {
    if (m !== metric || !Number.isFinite(amount)) continue;
    const c = findConstant(constants, pattern);
    if (!c || !(c.value > 0)) continue;
    let x;
    if (how === 'div') x = amount / c.value;
    else if (how === 'div-hours')
      x = amount / c.value; // constant in Wh per hour (W)
    else x = metresDriven(c, amount);
    if (Number.isFinite(x)) out.push({ text: phrase(x), constant: c });
  }
  return out;
}

/** Metres a car drives for `grams` of CO2, from a g/mile, g/km or g/m constant. */
function metresDriven(c, grams) {
  const unit = (c.unit ?? '').toLowerCase();
  if (unit.includes('mile')) return (grams / c.value) * 1609.344;
  if (unit.includes('km')) return (grams / c.value) * 1000;
  if (unit.includes('/m') || unit.includes('per m')) return grams / c.value;
  if (unit.includes('m per g') || unit.includes('m/g')) return grams * c.value;
  return NaN;
}
