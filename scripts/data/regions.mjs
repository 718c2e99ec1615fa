// Dataset "regions": per-region water (source WUE) and carbon (CIF) multipliers of the
// Azure (27 regions) and AWS (10 regions) data centres the authors averaged to get the v6
// host values, with each provider's company-wide PUE and on-site WUE (the files have no
// per-region values for those) and the averaging rule. The stated means are the values
// the authors' averaging gives (data/sources/README.md); tests recompute them.
import { num, str } from './lib/csv.mjs';
import { LICENCE_REPO, PAPER_V6, REPO_AT } from './lib/provenance.mjs';
import { referenceSchema, str1 } from './lib/schema.mjs';

const region = (row, weighted) => ({
  region: str(row, 'region'),
  wue_source_l_per_kwh: num(row, 'wue_source_l_per_kwh'),
  cif_kg_per_kwh: num(row, 'cif_kg_per_kwh'),
  ...(weighted ? { weight: num(row, 'weight') } : {}),
});

function build(sources) {
  const azure = sources.table('regions-azure.csv').map((r) => region(r, false));
  const aws = sources.table('regions-aws.csv').map((r) => region(r, true));
  for (const [name, list] of [
    ['Azure', azure],
    ['AWS', aws],
  ]) {
    const seen = new Set();
    for (const r of list) {
      if (seen.has(r.region)) throw new Error(`regions-${name.toLowerCase()}.csv: region "${r.region}" appears twice`);
      seen.add(r.region);
      if (r.weight !== undefined && !(r.weight > 0))
        throw new Error(`regions-aws.csv: weight of "${r.region}" must be > 0`);
    }
  }
  return {
    kind: 'regions',
    id: 'regions',
    version: '2026-02-19',
    title: 'Azure and AWS regions',
    description:
      'Water use of electricity generation (WUE_source, L/kWh) and carbon intensity (CIF, kg CO2e/kWh) of 27 Azure ' +
      'and 10 AWS regions, from which the authors derived the v6 host values; lets a user pick the region where a ' +
      'query runs. PUE and on-site WUE are company-wide values.',
    notes: [
      'Per-region PUE and on-site WUE are not given; the company values apply (Azure PUE 1.12, WUE_site 0.30 L/kWh; AWS PUE 1.14, WUE_site 0.18 L/kWh).',
      "The source files do not give the origin of each region's value, and were published (19 Feb 2026) after paper v6.",
      "Azure: plain mean over the regions. AWS: weighted mean with the authors' weights (6 for N. Virginia, 4 for Oregon, 3 elsewhere; the meaning of the weights is not documented).",
      'US regions carry their grid operator in parentheses.',
    ],
    providers: [
      {
        provider: 'Azure',
        hosts: ['Azure'],
        pue: 1.12,
        wue_site_l_per_kwh: 0.3,
        averaging: 'mean',
        stated_mean: { wue_source_l_per_kwh: 4.3513, cif_kg_per_kwh: 0.3413 },
        coded: { wue_source_l_per_kwh: 4.35, cif_kg_per_kwh: 0.34 },
        printed: { wue_source_l_per_kwh: 4.35, cif_kg_per_kwh: 0.35 },
        source: `"Microsoft Env Multipliers.csv" (uploaded 19 Feb 2026; its own "Average" row dropped), ${REPO_AT}`,
        regions: azure,
      },
      {
        provider: 'AWS',
        hosts: ['AWS', 'Anthropic'],
        pue: 1.14,
        wue_site_l_per_kwh: 0.18,
        averaging: 'weighted_mean',
        stated_mean: { wue_source_l_per_kwh: 5.117, cif_kg_per_kwh: 0.2876 },
        coded: { wue_source_l_per_kwh: 5.12, cif_kg_per_kwh: 0.3 },
        printed: { wue_source_l_per_kwh: 5.11, cif_kg_per_kwh: 0.287 },
        source: `"AWS Env Multipliers.csv" (uploaded 19 Feb 2026; weighted products and summary row dropped), ${REPO_AT}`,
        regions: aws,
      },
    ],
  };
}

const nonneg = { type: 'number', minimum: 0 };
const pair = {
  type: 'object',
  additionalProperties: false,
  required: ['wue_source_l_per_kwh', 'cif_kg_per_kwh'],
  properties: { wue_source_l_per_kwh: nonneg, cif_kg_per_kwh: nonneg },
};
const schema = referenceSchema('regions', 'llm-footprint per-region water and carbon multipliers', {
  providers: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      additionalProperties: false,
      required: [
        'provider',
        'hosts',
        'pue',
        'wue_site_l_per_kwh',
        'averaging',
        'stated_mean',
        'coded',
        'printed',
        'source',
        'regions',
      ],
      properties: {
        provider: str1,
        hosts: { type: 'array', items: str1, minItems: 1 },
        pue: { type: 'number', minimum: 1 },
        wue_site_l_per_kwh: nonneg,
        averaging: { enum: ['mean', 'weighted_mean'] },
        stated_mean: pair,
        coded: pair,
        printed: pair,
        source: str1,
        regions: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['region', 'wue_source_l_per_kwh', 'cif_kg_per_kwh'],
            properties: {
              region: str1,
              wue_source_l_per_kwh: nonneg,
              cif_kg_per_kwh: nonneg,
              weight: { type: 'number', exclusiveMinimum: 0 },
            },
          },
        },
      },
      if: { properties: { averaging: { const: 'weighted_mean' } } },
      then: {
        properties: {
          regions: {
            type: 'array',
            items: { type: 'object', required: ['weight'], properties: { weight: { type: 'number' } } },
          },
        },
      },
    },
  },
});

export default {
  id: 'regions',
  kind: 'regions',
  title: 'Azure and AWS regions',
  description:
    'Per-region WUE_source and CIF for 27 Azure and 10 AWS regions, with company PUE and WUE_site and the averaging rule behind the v6 host values.',
  schema,
  versions: [
    {
      version: '2026-02-19',
      source: `Microsoft and AWS environmental multiplier files of the authors (${REPO_AT}), used for the ${PAPER_V6} host values`,
      paper_version: 'v6',
      retrieved: '2026-08-22',
      licence: LICENCE_REPO,
      inputs: ['regions-azure.csv', 'regions-aws.csv'],
      build,
      rows: (d) => d.providers.reduce((n, p) => n + p.regions.length, 0),
    },
  ],
};
