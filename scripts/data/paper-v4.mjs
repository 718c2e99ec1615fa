// Dataset "paper-v4": results published in paper v4 (29 Sep 2025), as printed: Table 4
// (energy per query, mean and SD, by model and prompt) and Figure 6 (cross-efficiency DEA
// ranking with the Intelligence Index used as output). The inputs behind v4 are not
// public, so these numbers can be compared with, not reproduced.
import { check, num, str } from './lib/csv.mjs';
import { PROMPTS } from './lib/footprint.mjs';
import { LICENCE_PAPER, PAPER_V4 } from './lib/provenance.mjs';

const FILE = 'paper-v4-published.csv';
const HOSTS = ['Azure', 'AWS', 'DeepSeek'];
const TABLE = 'v4 Table 4';
const FIGURE = 'v4 Figure 6';

const empty = (row, cols) =>
  cols.forEach((c) => check(row[c] === '', row, `column "${c}" must be empty in a "${row.source}" row`));

function build(sources) {
  const table4 = [];
  const figure6 = [];
  for (const row of sources.table(FILE)) {
    const source = str(row, 'source', [TABLE, FIGURE]);
    if (source === TABLE) {
      empty(row, ['dea_rank', 'aa_intelligence_index', 'dea_cross_efficiency']);
      table4.push({
        model: str(row, 'model'),
        host: str(row, 'host', HOSTS),
        prompt: str(row, 'prompt', PROMPTS),
        output_tokens: num(row, 'output_tokens'),
        energy_wh_mean: num(row, 'energy_wh_mean'),
        energy_wh_sd: num(row, 'energy_wh_sd'),
      });
    } else {
      empty(row, ['prompt', 'output_tokens', 'energy_wh_mean', 'energy_wh_sd']);
      figure6.push({
        dea_rank: num(row, 'dea_rank'),
        model: str(row, 'model'),
        host: str(row, 'host', HOSTS),
        aa_intelligence_index: num(row, 'aa_intelligence_index'),
        dea_cross_efficiency: num(row, 'dea_cross_efficiency'),
      });
    }
  }
  const keys = new Set();
  for (const r of table4) {
    const k = `${r.model}|${r.prompt}`;
    if (keys.has(k)) throw new Error(`${FILE}: two Table 4 rows for ${r.model}, ${r.prompt}`);
    keys.add(k);
  }
  figure6.sort((a, b) => a.dea_rank - b.dea_rank);
  figure6.forEach((r, i) => {
    if (r.dea_rank !== i + 1)
      throw new Error(`${FILE}: Figure 6 ranks must be 1..${figure6.length}, found ${r.dea_rank} at position ${i + 1}`);
  });
  return {
    kind: 'paper-v4',
    id: 'paper-v4',
    version: '2025-09-29',
    title: 'Paper v4 published results',
    description:
      'Results printed in "How Hungry is AI?" v4 (29 Sep 2025): Table 4, energy per query (mean and SD, Wh) for ' +
      '28 models x 3 prompts, and Figure 6, the cross-efficiency DEA ranking of 27 models with the Artificial ' +
      'Analysis Intelligence Index (2025) used as output. v4 used the quantile-grid estimator and the v4 host multipliers.',
    paper_version: 'v4',
    estimator: 'v4',
    host_preset: 'v4',
    notes: [
      'The inputs behind v4 (Artificial Analysis data of April-May 2025) are not public: these numbers can be checked for order of magnitude, not reproduced.',
      'Table 4 prints "—" for the long prompt of GPT-4, LLaMA-3-8B and LLaMA-3-70B; those cells have no row.',
      'Claude-3.5 Sonnet and Claude-3.5 Haiku are missing from v4 Table 4 but appear in Figure 6.',
      'Figure 6 labels were rewritten in the Table 4 spelling (e.g. "Llama-3.1-8B" -> "LLaMA-3.1-8B"). "Claude-3.7 Sonnet ET" is the extended-thinking mode.',
      'The v4 text quotes other DEA scores (e.g. Claude-3.7 Sonnet 0.886); they are not included. The DEA scores could not be reproduced from published data.',
      'v4 multipliers: Azure WUE_source 3.142 L/kWh, CIF 0.3528; AWS 3.142, 0.385; DeepSeek 6.016, 0.6 (see the hosts dataset, preset v4).',
    ],
    table4,
    figure6,
  };
}

const s = { type: 'string', minLength: 1 };
const nonneg = { type: 'number', minimum: 0 };
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'llm-footprint published results of paper v4',
  type: 'object',
  additionalProperties: false,
  required: [
    'kind',
    'id',
    'version',
    'title',
    'description',
    'paper_version',
    'estimator',
    'host_preset',
    'notes',
    'table4',
    'figure6',
  ],
  properties: {
    kind: { const: 'paper-v4' },
    id: s,
    version: s,
    title: s,
    description: s,
    paper_version: { const: 'v4' },
    estimator: { const: 'v4' },
    host_preset: { const: 'v4' },
    notes: { type: 'array', items: s },
    table4: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['model', 'host', 'prompt', 'output_tokens', 'energy_wh_mean', 'energy_wh_sd'],
        properties: {
          model: s,
          host: { enum: HOSTS },
          prompt: { enum: PROMPTS },
          output_tokens: { type: 'integer', minimum: 1 },
          energy_wh_mean: nonneg,
          energy_wh_sd: nonneg,
        },
      },
    },
    figure6: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['dea_rank', 'model', 'host', 'aa_intelligence_index', 'dea_cross_efficiency'],
        properties: {
          dea_rank: { type: 'integer', minimum: 1 },
          model: s,
          host: { enum: HOSTS },
          aa_intelligence_index: nonneg,
          dea_cross_efficiency: { type: 'number', minimum: 0, maximum: 1 },
        },
      },
    },
  },
};

export default {
  id: 'paper-v4',
  kind: 'paper-v4',
  title: 'Paper v4 published results',
  description: 'Energy per query of v4 Table 4 and the DEA ranking of v4 Figure 6, as printed.',
  schema,
  versions: [
    {
      version: '2025-09-29',
      source: `${PAPER_V4}, Table 4 and Figure 6`,
      paper_version: 'v4',
      retrieved: null,
      licence: LICENCE_PAPER,
      inputs: [FILE],
      build,
      rows: (d) => d.table4.length + d.figure6.length,
    },
  ],
};
