// Dataset "disclosures": per-query figures that companies and analysts have published, with
// what each counts (boundary, statistic, workload, method), for the Reality check view
// (docs/reality.md). Made from data/sources/disclosures.csv, copied unchanged. The build
// machine has no network: the rows and citations are kept as given; `checked` says how each
// number was compared with its source text offline.
import { check, num, str } from './lib/csv.mjs';
import { referenceSchema, str1 } from './lib/schema.mjs';

const FILE = 'disclosures.csv';
export const ENERGY_BOUNDARIES = ['accelerator', 'it', 'facility', 'facility_with_idle', 'lifecycle', 'unspecified'];
export const WATER_SCOPES = ['site', 'site_and_source', 'lifecycle', 'unspecified'];
export const CARBON_BASES = ['market', 'location'];
export const METHODS = ['measured', 'modelled', 'LCA', 'unspecified'];

// How each number was checked (no network on the build machine: stored copies of the pages
// in the team's offline reference archive, on 5 Dec 2026). Keyed by row id; every row needs one.
const CHECKED = {
  'google-gemini-2025':
    "0.24 Wh, 0.03 gCO2e and 0.26 mL found in the paper's abstract (arXiv 2508.15734, stored copy) and in press reports of it; the 1.09 fleet PUE was not found in the stored text.",
  'google-gemini-2025-minimal':
    "0.10 Wh for the narrower ('existing approach', accelerator-only) boundary found in a stored summary of the paper's boundary table; 0.12 mL and 0.02 gCO2e not found in stored text, kept as given.",
  'openai-altman-2025':
    'Quoted text found in stored reports of the post: "the average query uses about 0.34 watt-hours" and "about 0.000085 gallons of water" (0.000085 US gal = 0.32 mL).',
  'microsoft-2025-preprint':
    "0.34 Wh (IQR 0.18-0.67) for frontier-scale models over 200B parameters, and 4.32 Wh with 15x more tokens, found in the preprint's abstract (stored copy). The later journal version was not checked.",
  'mistral-large-2-lca-2025':
    '1.14 gCO2e, 45 mL and 0.16 mg Sb eq for a 400-token Le Chat response found in stored reports of the announcement; the announcement page itself was not available.',
  'epoch-gpt4o-2025':
    'About 0.3 Wh for a typical GPT-4o query found in the stored article; 2.5 Wh (10,000-token input) and 40 Wh (100,000) found in stored reports of it.',
  'couch-claude-code-2026':
    'About 41 Wh for a median Claude Code session and about 1,300 Wh for a working day found in stored copies of the post and reports of it.',
};

function build(sources) {
  const rows = sources.table(FILE);
  const seen = new Set();
  const figures = rows.map((row) => {
    const id = str(row, 'id');
    check(/^[a-z0-9][a-z0-9-]*$/.test(id), row, `id "${id}" must be lower-case letters, digits and dashes`);
    check(!seen.has(id), row, `id "${id}" appears twice`);
    seen.add(id);
    const published = str(row, 'published');
    check(/^\d{4}-\d{2}-\d{2}$/.test(published), row, `published "${published}" must be YYYY-MM-DD`);
    const url = str(row, 'primary_url');
    check(/^https:\/\/[^\s]+$/.test(url), row, `primary_url "${url}" must be an https link`);
    const opt = (col) => num(row, col, { nullable: true });
    const optStr = (col, allowed) => (row[col] === '' ? null : str(row, col, allowed));
    const f = {
      id,
      source: str(row, 'source'),
      published,
      subject: str(row, 'subject'),
      statistic: str(row, 'statistic'),
      workload: str(row, 'workload'),
      energy_wh: opt('energy_wh'),
      energy_wh_low: opt('energy_wh_low'),
      energy_wh_high: opt('energy_wh_high'),
      carbon_g: opt('carbon_g'),
      carbon_basis: optStr('carbon_basis', CARBON_BASES),
      water_ml: opt('water_ml'),
      water_scope: optStr('water_scope', WATER_SCOPES),
      energy_boundary: str(row, 'energy_boundary', ENERGY_BOUNDARIES),
      method: str(row, 'method', METHODS),
      primary_url: url,
      note: str(row, 'note'),
      checked: CHECKED[id],
    };
    check(f.checked, row, `no entry for "${id}" in CHECKED of scripts/data/disclosures.mjs`);
    check(
      f.energy_wh !== null || f.water_ml !== null || f.carbon_g !== null,
      row,
      'publishes no energy, water or carbon',
    );
    check((f.energy_wh_low === null) === (f.energy_wh_high === null), row, 'give both ends of the energy range');
    if (f.energy_wh_low !== null)
      check(
        f.energy_wh !== null && f.energy_wh_low <= f.energy_wh && f.energy_wh <= f.energy_wh_high,
        row,
        'energy_wh must lie within energy_wh_low .. energy_wh_high',
      );
    check((f.carbon_g === null) === (f.carbon_basis === null), row, 'carbon_g and carbon_basis go together');
    check((f.water_ml === null) === (f.water_scope === null), row, 'water_ml and water_scope go together');
    for (const k of ['energy_wh', 'energy_wh_low', 'energy_wh_high', 'carbon_g', 'water_ml'])
      check(f[k] === null || f[k] > 0, row, `${k} must be > 0`);
    return f;
  });
  return {
    kind: 'disclosures',
    id: 'disclosures',
    version: '2026-01-20',
    title: 'Published per-query figures',
    description:
      'Energy, water and carbon per query as published by companies and analysts (Google, OpenAI, Microsoft, ' +
      'Mistral AI, Epoch AI, Simon P. Couch), each with what it counts: energy boundary, water scope, carbon ' +
      'basis, statistic, workload and method.',
    notes: [
      'These figures count different things; they differ mostly by boundary, statistic and workload, not by physics.',
      'Empty values (null) mean "not published".',
      'The build machine has no network: the source links could not be opened. The rows and citations are kept as given in data/sources/disclosures.csv; each row says in "checked" how its numbers were compared with stored copies of the source text.',
    ],
    figures,
  };
}

const posOrNull = { type: ['number', 'null'], exclusiveMinimum: 0 };
const schema = referenceSchema('disclosures', 'llm-footprint published per-query figures', {
  figures: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      additionalProperties: false,
      required: [
        'id',
        'source',
        'published',
        'subject',
        'statistic',
        'workload',
        'energy_wh',
        'energy_wh_low',
        'energy_wh_high',
        'carbon_g',
        'carbon_basis',
        'water_ml',
        'water_scope',
        'energy_boundary',
        'method',
        'primary_url',
        'note',
        'checked',
      ],
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
        source: str1,
        published: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        subject: str1,
        statistic: str1,
        workload: str1,
        energy_wh: posOrNull,
        energy_wh_low: posOrNull,
        energy_wh_high: posOrNull,
        carbon_g: posOrNull,
        carbon_basis: { enum: [...CARBON_BASES, null] },
        water_ml: posOrNull,
        water_scope: { enum: [...WATER_SCOPES, null] },
        energy_boundary: { enum: ENERGY_BOUNDARIES },
        method: { enum: METHODS },
        primary_url: { type: 'string', pattern: '^https://\\S+$' },
        note: str1,
        checked: str1,
      },
    },
  },
});

export default {
  id: 'disclosures',
  kind: 'disclosures',
  title: 'Published per-query figures',
  description:
    'Per-query energy, water and carbon figures published by companies and analysts, with their boundary, statistic, workload and method, for the Reality check.',
  schema,
  versions: [
    {
      version: '2026-01-20',
      source:
        'Seven publications, one per row, each cited with its link: Google (Elsner et al., arXiv 2508.15734), Sam Altman (blog), Microsoft (Oviedo et al., arXiv 2509.20241), Mistral AI with Carbone 4 and ADEME, Epoch AI (Josh You), Simon P. Couch (blog); transcribed in data/sources/disclosures.csv',
      paper_version: null,
      retrieved: null,
      licence:
        'Facts and numbers published by the cited sources (copyright their authors), quoted with their source for citation; this JSON packaging is part of llm-footprint (MIT).',
      inputs: [FILE],
      build,
      rows: (d) => d.figures.length,
    },
  ],
};
