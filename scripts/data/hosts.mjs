// Dataset "hosts": the host multiplier presets (PUE, on-site WUE, source WUE, carbon
// intensity) of paper v6 and paper v4. Source: docs/METHOD.md section 2, i.e. the paper's host
// table and, where the authors' code differs from the printed text, the coded value (the
// one that reproduces the published results), with the printed value as a note.
import { LICENCE_PAPER, PAPER_V4, PAPER_V6, REPO_AT, REPO_RETRIEVED } from './lib/provenance.mjs';
import { referenceSchema, str1 as str } from './lib/schema.mjs';

const CODE = `the authors' code (${REPO_AT}), as used in snapshot-2025-10-26.csv`;
const host = (id, label, pue, wue_site_l_per_kwh, wue_source_l_per_kwh, cif_kg_per_kwh, extra) => ({
  host: id,
  label,
  pue,
  wue_site_l_per_kwh,
  wue_source_l_per_kwh,
  cif_kg_per_kwh,
  same_as: null,
  dashboard_only: false,
  printed: null,
  notes: [],
  ...extra,
});

const v6 = [
  host('Azure', 'Microsoft Azure (OpenAI, DeepSeek on Azure)', 1.12, 0.3, 4.35, 0.34, {
    printed: { cif_kg_per_kwh: 0.35 },
    notes: [
      'WUE_source and CIF are plain means over 27 Azure regions (4.3513 L/kWh, 0.3413 kg/kWh; see the regions dataset). The code uses CIF 0.34, the v6 paper prints 0.35.',
    ],
    source: `${PAPER_V6}, host table; coded values from ${CODE}`,
  }),
  host('AWS', 'Amazon Web Services (Meta models via Bedrock)', 1.14, 0.18, 5.12, 0.3, {
    printed: { wue_source_l_per_kwh: 5.11, cif_kg_per_kwh: 0.287 },
    notes: [
      'The weighted means over 10 AWS regions are 5.117 L/kWh and 0.2876 kg/kWh (see the regions dataset): the v6 paper prints 5.11 and 0.287, the code uses 5.12 and 0.30.',
    ],
    source: `${PAPER_V6}, host table; coded values from ${CODE}`,
  }),
  host('Anthropic', 'Anthropic (uses the AWS multipliers)', 1.14, 0.18, 5.12, 0.3, {
    same_as: 'AWS',
    printed: { wue_source_l_per_kwh: 5.11, cif_kg_per_kwh: 0.287 },
    notes: ['Claude models are served on AWS infrastructure; the authors apply the AWS multipliers.'],
    source: `${PAPER_V6}, host table; coded values from ${CODE}`,
  }),
  host('DeepSeek', 'DeepSeek (own servers, China)', 1.27, 1.2, 6.016, 0.6, {
    notes: ['Same values in v4 and v6.'],
    source: `${PAPER_V6}, host table`,
  }),
  host('xAI', 'xAI (dashboard only)', 1.5, 0.36, 3.142, 0.385, {
    dashboard_only: true,
    notes: ["Not in the paper: the multipliers the authors' dashboard applies to xAI rows of the snapshot."],
    source: CODE,
  }),
  host('Google', 'Google (dashboard only)', 1.09, 0.3, 1.1, 0.231, {
    dashboard_only: true,
    notes: [
      "Not in the paper: the multipliers the authors' dashboard applies to Google rows (TPU V6e) of the snapshot.",
    ],
    source: CODE,
  }),
];

const v4 = [
  host('Azure', 'Microsoft Azure (OpenAI, DeepSeek on Azure)', 1.12, 0.3, 3.142, 0.3528, {
    source: `${PAPER_V4}, host table`,
  }),
  host('AWS', 'Amazon Web Services (Meta models via Bedrock)', 1.14, 0.18, 3.142, 0.385, {
    source: `${PAPER_V4}, host table`,
  }),
  host('Anthropic', 'Anthropic (uses the AWS multipliers)', 1.14, 0.18, 3.142, 0.385, {
    same_as: 'AWS',
    source: `${PAPER_V4}, host table`,
  }),
  host('DeepSeek', 'DeepSeek (own servers, China)', 1.27, 1.2, 6.016, 0.6, { source: `${PAPER_V4}, host table` }),
];

const data = {
  kind: 'hosts',
  id: 'hosts',
  version: 'v6',
  title: 'Host multiplier presets (paper v6 and v4)',
  description:
    'Per-host power usage effectiveness (PUE), on-site water use per kWh of IT energy (WUE_site), water use of ' +
    'electricity generation per kWh of facility energy (WUE_source) and carbon intensity of electricity (CIF), ' +
    'as two presets: "v6" (the default, values as coded by the authors) and "v4" (the values behind paper v4).',
  notes: [
    'Water, L = (E / PUE) * WUE_site + E * WUE_source; carbon, kg CO2e = E * CIF (E in kWh of facility energy). Scope: water consumption (cooling and electricity generation), Scope 2 carbon only.',
    'Where the paper\'s printed value differs from the authors\' code, the coded value is used (it reproduces the published results) and the printed one is given under "printed".',
    "xAI and Google are used only by the authors' dashboard (snapshot rows), not by the paper.",
  ],
  default_preset: 'v6',
  presets: [
    { id: 'v6', label: 'Paper v6 (coded values)', paper_version: 'v6', hosts: v6 },
    { id: 'v4', label: 'Paper v4', paper_version: 'v4', hosts: v4 },
  ],
};

const nonneg = { type: 'number', minimum: 0 };
const factors = { wue_site_l_per_kwh: nonneg, wue_source_l_per_kwh: nonneg, cif_kg_per_kwh: nonneg };
const schema = referenceSchema('hosts', 'llm-footprint host multiplier presets', {
  default_preset: str,
  presets: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'label', 'paper_version', 'hosts'],
      properties: {
        id: str,
        label: str,
        paper_version: { type: ['string', 'null'] },
        hosts: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            required: [
              'host',
              'label',
              'pue',
              'wue_site_l_per_kwh',
              'wue_source_l_per_kwh',
              'cif_kg_per_kwh',
              'same_as',
              'dashboard_only',
              'printed',
              'notes',
              'source',
            ],
            properties: {
              host: str,
              label: str,
              pue: { type: 'number', minimum: 1 },
              ...factors,
              same_as: { type: ['string', 'null'] },
              dashboard_only: { type: 'boolean' },
              printed: {
                oneOf: [
                  { type: 'null' },
                  {
                    type: 'object',
                    additionalProperties: false,
                    minProperties: 1,
                    properties: { pue: { type: 'number', minimum: 1 }, ...factors },
                  },
                ],
              },
              notes: { type: 'array', items: str },
              source: str,
            },
          },
        },
      },
    },
  },
});

export default {
  id: 'hosts',
  kind: 'hosts',
  title: data.title,
  description: data.description,
  schema,
  versions: [
    {
      version: 'v6',
      source: `${PAPER_V6} and ${PAPER_V4}, host tables; coded values and dashboard-only hosts from ${CODE}`,
      paper_version: 'v6',
      retrieved: REPO_RETRIEVED,
      licence: LICENCE_PAPER,
      inputs: [],
      build: () => structuredClone(data),
      rows: (d) => d.presets.reduce((n, p) => n + p.hosts.length, 0),
    },
  ],
};
