// What the My use view derives for display from a period of use: the everyday equivalents
// of its totals. Plain functions (the request and the year of use are in myuse.js), tested
// in tests/web/derive-sentences.test.mjs.
import { constantOf, yearOf } from './myuse.js';

/** The equivalents shown, each [constant id, which total (base unit), words]. */
const PERIOD_EQUIVALENTS = [
  ['hot_shower', (y) => y.energy_kwh.mean * 1000, 'hot showers (the energy to heat the water)'],
  ['kettle_boil', (y) => y.energy_kwh.mean * 1000, 'litres boiled in a kettle'],
  ['phone_charge', (y) => y.energy_kwh.mean * 1000, 'phone charges'],
  ['hot_shower_water', (y) => y.water_l.mean, 'showers’ worth of water'],
  ['car_km', (y) => y.carbon_kg.mean * 1000, 'km driven by a petrol car'],
];

/**
 * The period's totals as everyday equivalents: [{c: constant, count, text}] for the constants
 * the dataset has (count = total / the constant's value, in the constant's unit).
 */
export function periodEquivalents(row, perDay, days, constants) {
  const y = yearOf(row, perDay, days);
  return PERIOD_EQUIVALENTS.map(([id, total, text]) => ({ c: constantOf(constants, id), total: total(y), text }))
    .filter((x) => x.c)
    .map(({ c, total, text }) => ({ c, count: total / c.value, text }));
}
