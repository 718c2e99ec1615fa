// Dataset "constants": the equivalence constants the paper uses to make annual totals
// tangible, a few everyday equivalents for one query, and the GPT-4o case study
// (docs/METHOD.md section 3). Each constant carries its unit and source so no number lives in code.
import { LICENCE_PAPER, PAPER, PAPER_V4 } from './lib/provenance.mjs';
import { referenceSchema, str1 as str } from './lib/schema.mjs';

const CASE = `${PAPER} (v4 and v6), GPT-4o case study`;
const c = (id, label, value, unit, applies_to, source, note = null) => ({
  id,
  label,
  value,
  unit,
  applies_to,
  source,
  note,
});

const equivalences = [
  c(
    'household',
    'U.S. household electricity use for a year',
    10.791,
    'MWh/year',
    'energy',
    CASE,
    'U.S. average residential electricity use, 10,791 kWh per year (U.S. EIA, 2022).',
  ),
  c('hospital', 'U.S. inpatient hospital electricity use for a year', 7631, 'MWh/year', 'energy', CASE),
  c('university', 'U.S. university electricity use for a year', 1202, 'MWh/year', 'energy', CASE),
  c('google_search', 'Google search', 0.3, 'Wh', 'energy', CASE, 'Energy of one Google search (about 0.3 Wh).'),
  c('phone_charge', 'smartphone full charge', 5, 'Wh', 'energy', CASE, 'About 5 Wh per full charge.'),
  c(
    'drinking_water_person_year',
    "one person's drinking water for a year",
    1095,
    'L/year',
    'water',
    CASE,
    '3 L per day x 365 days.',
  ),
  c('olympic_pool', 'Olympic swimming pool', 2500, 'kL', 'water', CASE),
  c(
    'gasoline_car_year',
    'gasoline car driven for a year',
    4.6,
    't CO2/year',
    'carbon',
    CASE,
    'Typical U.S. passenger vehicle, 4.6 t CO2 per year (U.S. EPA).',
  ),
  c('forest_acre_year', 'acre of forest, CO2 absorbed in a year', 1, 't CO2/acre/year', 'carbon', CASE),
  c(
    'chicago_area',
    'forest the size of Chicago',
    150000,
    'acre',
    'carbon',
    CASE,
    'Chicago is about 150,000 acres; with 1 t CO2 per acre per year.',
  ),
];

const everyday = [
  c(
    'teaspoon',
    'teaspoon of water',
    4.92892159375,
    'mL',
    'water',
    'U.S. customary teaspoon (1/6 U.S. fluid ounce), NIST Handbook 44, Appendix C',
    'Often rounded to 4.93 mL.',
  ),
  c('water_bottle', 'small bottle of water', 500, 'mL', 'water', 'a 500 mL bottle (definition)'),
  c(
    'led_bulb_hour',
    'LED bulb lit for an hour',
    10,
    'Wh',
    'energy',
    'a 10 W LED bulb (about a 60 W incandescent equivalent) for one hour: 10 W x 1 h',
    'Assumed wattage; LED bulbs sold as 60 W equivalents draw about 8-10 W.',
  ),
  c(
    'car_mile',
    'distance driven by an average gasoline car',
    400,
    'g CO2/mile',
    'carbon',
    'U.S. EPA, "Greenhouse Gas Emissions from a Typical Passenger Vehicle": about 400 g CO2 per mile',
    '1 mile = 1609.344 m, so about 0.2485 g CO2 per metre.',
  ),
  c(
    'car_km',
    'one kilometre driven by an average gasoline car',
    400 / 1.609344,
    'g CO2/km',
    'carbon',
    'U.S. EPA, "Greenhouse Gas Emissions from a Typical Passenger Vehicle": about 400 g CO2 per mile, divided by 1.609344 km per mile',
    'About 249 g CO2 per km; tailpipe CO2 only.',
  ),
  c(
    'hot_shower',
    'hot shower (energy to heat its water)',
    (65.1 * 4.186 * 25) / 3.6,
    'Wh',
    'energy',
    'an average U.S. shower of 17.2 gallons (65.1 L) over 8.2 minutes (Mayer et al., Residential End Uses of Water, AWWA Research Foundation 1999, as used by U.S. EPA WaterSense), heated by 25 degrees C at 4.186 kJ per kg per degree C',
    'About 1.9 kWh: the heat that goes into the water only; a water heater needs somewhat more (its losses).',
  ),
  c(
    'hot_shower_water',
    'hot shower (its water)',
    65.1,
    'L',
    'water',
    'an average U.S. shower of 17.2 gallons (65.1 L) over 8.2 minutes (Mayer et al., Residential End Uses of Water, AWWA Research Foundation 1999, as used by U.S. EPA WaterSense)',
    null,
  ),
  c(
    'kettle_boil',
    'boiling a litre of water in a kettle',
    (1 * 4.186 * 80) / 3.6,
    'Wh',
    'energy',
    'physics: 1 kg of water heated from 20 to 100 degrees C at a specific heat of 4.186 kJ per kg per degree C (334.9 kJ)',
    'About 93 Wh: the heat that goes into the water only; a kettle needs somewhat more (its losses).',
  ),
];

const caseStudy = {
  id: 'gpt-4o-2025',
  model: 'GPT-4o',
  host: 'Azure',
  host_preset: 'v4',
  queries_per_day_dec_2024: 700e6,
  monthly_growth_to_may_2025: 0.2,
  queries_2025: 772e9,
  prompt_mix: { short: 0.8, medium: 0.2 },
  energy_wh_per_query_v4: { short: 0.421, medium: 1.214 },
  power_ratio_min_over_mean: 0.914,
  power_ratio_max_over_mean: 1.086,
  annual_energy_mwh: { low: 391509, high: 463269 },
  annual_water_kl: { low: 1334991, high: 1579680 },
  annual_carbon_t: { low: 138125, high: 163441 },
  session_queries: 8,
  notes: [
    'Traffic: 700 million queries per day in December 2024, growing 20 % per month to May 2025 and more slowly afterwards; the monthly schedule after May is not published, only the total of about 772 billion queries in 2025.',
    'Low and high bounds use the minimum and maximum utilisation (power ratios P_min / Pbar = 0.914 and P_max / Pbar = 1.086 of the Large class) and the v4 Azure multipliers.',
    "Recomputing with the published per-query values (short 0.421 Wh, medium 1.214 Wh, 80 % / 20 %) and 772 billion queries gives about 409,000-486,000 MWh, about 5 % above the paper's 391,509-463,269 MWh: the gap comes from the unpublished traffic schedule.",
    'A daily session of 8 queries: mean x 8, SD x sqrt(8) (0.421 Wh x 8 = 3.37 Wh).',
  ],
  source: `${PAPER_V4}, GPT-4o case study (also in v6)`,
};

/** Everyday constants added on 5 Dec 2026 (My use): version v6.1; v6 stays as published. */
const ADDED_2026_12 = ['hot_shower', 'hot_shower_water', 'kettle_boil', 'car_km'];

const data = {
  kind: 'constants',
  id: 'constants',
  version: 'v6',
  title: 'Equivalences and the GPT-4o case study',
  description:
    'Constants that turn energy, water and carbon into familiar quantities: those the paper uses for annual ' +
    "totals, a few everyday equivalents for a single query, and the inputs and published results of the paper's " +
    'GPT-4o 2025 case study.',
  notes: [
    'A quantity divided by a constant with unit "X/year" counts how many of that thing a year of it equals (e.g. annual MWh / 10.791 = households).',
    'The transatlantic-flight equivalent is left out: its constant differs between paper versions (about 60 t CO2 in v4, about 504 t in v6) and its basis is not stated.',
  ],
  equivalences,
  everyday,
  case_study: caseStudy,
};

const positive = { type: 'number', exclusiveMinimum: 0 };
const constant = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'value', 'unit', 'applies_to', 'source', 'note'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9_]+$' },
    label: str,
    value: positive,
    unit: {
      enum: [
        'MWh/year',
        'Wh',
        'L/year',
        'kL',
        'mL',
        't CO2/year',
        't CO2/acre/year',
        'acre',
        'g CO2/mile',
        'g CO2/km',
        'L',
      ],
    },
    applies_to: { enum: ['energy', 'water', 'carbon'] },
    source: str,
    note: { type: ['string', 'null'] },
  },
};
const range = {
  type: 'object',
  additionalProperties: false,
  required: ['low', 'high'],
  properties: { low: positive, high: positive },
};
const schema = referenceSchema('constants', 'llm-footprint equivalence constants and case study', {
  equivalences: { type: 'array', items: constant },
  everyday: { type: 'array', items: constant },
  case_study: {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(caseStudy),
    properties: {
      id: str,
      model: str,
      host: str,
      host_preset: str,
      queries_per_day_dec_2024: positive,
      monthly_growth_to_may_2025: positive,
      queries_2025: positive,
      prompt_mix: { type: 'object', additionalProperties: { type: 'number', minimum: 0, maximum: 1 } },
      energy_wh_per_query_v4: { type: 'object', additionalProperties: positive },
      power_ratio_min_over_mean: positive,
      power_ratio_max_over_mean: positive,
      annual_energy_mwh: range,
      annual_water_kl: range,
      annual_carbon_t: range,
      session_queries: { type: 'integer', minimum: 1 },
      notes: { type: 'array', items: str },
      source: str,
    },
  },
});

export default {
  id: 'constants',
  kind: 'constants',
  title: data.title,
  description: data.description,
  schema,
  versions: [
    {
      // Published (the stability promise): the constants as of paper v6, without the
      // everyday equivalents that My use added later.
      version: 'v6',
      source: `${CASE}; everyday equivalents from NIST Handbook 44 and U.S. EPA as noted per constant`,
      paper_version: 'v6',
      retrieved: null,
      licence: LICENCE_PAPER,
      inputs: [],
      build: () => {
        const d = structuredClone(data);
        d.everyday = d.everyday.filter((c) => !ADDED_2026_12.includes(c.id));
        return d;
      },
      rows: (d) => d.equivalences.length + d.everyday.length,
    },
    {
      version: 'v6.1',
      source: `${CASE}; everyday equivalents from NIST Handbook 44, U.S. EPA, Mayer et al. (1999) and physics as noted per constant`,
      paper_version: 'v6',
      retrieved: null,
      licence: LICENCE_PAPER,
      inputs: [],
      build: () => ({ ...structuredClone(data), version: 'v6.1' }),
      rows: (d) => d.equivalences.length + d.everyday.length,
    },
  ],
};
