// Builds datasets of kind "footprint" (the engine's input) from snapshot-style rows:
// one entry per model, model-level fields checked constant across its prompt rows,
// one entry per prompt with the five latency and speed percentiles and, where the
// source has them, the authors' computed results under `reference`.
import { check, num, str } from './csv.mjs';

export const PERCENTILES = [5, 25, 50, 75, 95];
export const PROMPTS = ['short', 'medium', 'long'];
/** Input tokens of the standard prompt sizes (Artificial Analysis prompt lengths). */
export const INPUT_TOKENS = { short: 100, medium: 1000, long: 10000, extra_long: 100000 };
/** Display order of prompt sizes (others sort after these, by name). */
export const PROMPT_ORDER = ['short', 'medium', 'long', 'extra_long'];
export const HOSTS = ['Azure', 'AWS', 'Anthropic', 'DeepSeek', 'xAI', 'Google'];
export const HARDWARE = ['DGX H200/H100', 'DGX H800', 'DGX A100', 'TPU V6e'];
export const SIZE_CLASSES = ['Nano', 'Micro', 'Small', 'Medium', 'Large'];

/** Model-level numeric fields, in output order, as named in the snapshot CSVs. */
export const MODEL_NUMBERS = [
  'p_gpu_kw',
  'p_nongpu_kw',
  'u_gpu_min',
  'u_gpu_max',
  'u_nongpu',
  'pue',
  'wue_site_l_per_kwh',
  'wue_source_l_per_kwh',
  'cif_kg_per_kwh',
];
export const REFERENCE = [
  'energy_wh_mean',
  'energy_wh_sd',
  'water_ml_mean',
  'water_ml_sd',
  'carbon_g_mean',
  'carbon_g_sd',
];

/**
 * rows: parsed CSV rows. cols maps our names to the file's columns:
 * { model, dashboard_model, api_id, company(row) -> string, host, hardware, size_class,
 *   prompt(row) -> 'short'|'medium'|'long', aa_intelligence_index }.
 * withReference: whether the six computed columns must be present.
 */
export function buildModels(rows, cols, { withReference }) {
  const models = [];
  const byName = new Map();
  for (const row of rows) {
    const name = str(row, cols.model);
    const model = {
      model: name,
      dashboard_model: str(row, cols.dashboard_model),
      api_id: str(row, 'api_id'),
      company: cols.company(row),
      host: str(row, 'host', HOSTS),
      hardware: str(row, 'hardware', HARDWARE),
      size_class: str(row, cols.size_class, SIZE_CLASSES),
      aa_intelligence_index: num(row, cols.aa_intelligence_index, { nullable: true }),
    };
    for (const k of MODEL_NUMBERS) model[k] = num(row, k);
    const prompt = promptOf(row, cols);
    const known = byName.get(name);
    if (known) {
      for (const [k, v] of Object.entries(model)) {
        check(
          known[k] === v,
          row,
          `model "${name}": ${k} is ${JSON.stringify(v)} here but ${JSON.stringify(known[k])} on an earlier row; model-level fields must agree across prompts`,
        );
      }
      check(
        !known.prompts.some((p) => p.prompt === prompt.prompt),
        row,
        `model "${name}": second "${prompt.prompt}" row`,
      );
      known.prompts.push(prompt);
    } else {
      model.prompts = [prompt];
      byName.set(name, model);
      models.push(model);
    }
    if (withReference) prompt.reference = Object.fromEntries(REFERENCE.map((k) => [k, num(row, k)]));
  }
  for (const m of models) m.prompts.sort((a, b) => PROMPTS.indexOf(a.prompt) - PROMPTS.indexOf(b.prompt));
  return models;
}

function promptOf(row, cols) {
  const prompt = cols.prompt(row);
  const ttft = PERCENTILES.map((p) => num(row, `ttft_p${p}_s`));
  const tps = PERCENTILES.map((p) => num(row, `tps_p${p}`));
  check(
    tps.every((v) => v > 0),
    row,
    'output speed percentiles must be > 0',
  );
  check(
    ttft.every((v) => v >= 0),
    row,
    'latency percentiles must be >= 0',
  );
  // No input_tokens here: the published paper-v6 and snapshot files must keep their content
  // (tests/fixtures/embed/published-datasets.json); readers take INPUT_TOKENS for these sizes.
  return { prompt, output_tokens: num(row, 'output_tokens'), ttft_s: ttft, tps };
}

/** Header fields of a footprint dataset, in output order. */
export function footprintDataset(head, models) {
  return {
    kind: 'footprint',
    id: head.id,
    version: head.version,
    title: head.title,
    description: head.description,
    ...(head.as_of ? { as_of: head.as_of } : {}),
    paper_version: head.paper_version,
    estimator: head.estimator,
    intelligence_index_edition: head.intelligence_index_edition,
    percentiles: PERCENTILES,
    notes: head.notes,
    models,
  };
}

const nonneg = { type: 'number', minimum: 0 };
const positive = { type: 'number', exclusiveMinimum: 0 };
const fraction = { type: 'number', minimum: 0, maximum: 1 };
const five = (item) => ({ type: 'array', items: item, minItems: 5, maxItems: 5 });

export const footprintSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'llm-footprint per-model inputs (and reference results) for the per-query footprint',
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
    'intelligence_index_edition',
    'percentiles',
    'notes',
    'models',
  ],
  properties: {
    kind: { const: 'footprint' },
    id: { type: 'string', minLength: 1 },
    version: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    description: { type: 'string' },
    as_of: {
      description: 'date of the newest data in the dataset (datasets built from daily data)',
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    },
    paper_version: { type: ['string', 'null'] },
    estimator: { enum: ['v6', 'v4'] },
    intelligence_index_edition: { enum: ['2025-10', '2026'] },
    percentiles: { const: PERCENTILES },
    notes: { type: 'array', items: { type: 'string' } },
    models: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: [
          'model',
          'dashboard_model',
          'api_id',
          'company',
          'host',
          'hardware',
          'size_class',
          'aa_intelligence_index',
          ...MODEL_NUMBERS,
          'prompts',
        ],
        properties: {
          model: { type: 'string', minLength: 1 },
          dashboard_model: { type: 'string', minLength: 1 },
          api_id: { type: 'string', minLength: 1 },
          company: { type: 'string', minLength: 1 },
          host: { enum: HOSTS },
          hardware: { enum: HARDWARE },
          size_class: { enum: SIZE_CLASSES },
          aa_intelligence_index: { type: ['number', 'null'], minimum: 0 },
          p_gpu_kw: positive,
          p_nongpu_kw: nonneg,
          u_gpu_min: fraction,
          u_gpu_max: fraction,
          u_nongpu: fraction,
          pue: { type: 'number', minimum: 1 },
          wue_site_l_per_kwh: nonneg,
          wue_source_l_per_kwh: nonneg,
          cif_kg_per_kwh: nonneg,
          prompts: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['prompt', 'output_tokens', 'ttft_s', 'tps'],
              properties: {
                prompt: {
                  description: "prompt size: short, medium, long, extra_long or a dataset's own size name",
                  type: 'string',
                  pattern: '^[a-z][a-z0-9_]*$',
                },
                input_tokens: { type: 'integer', minimum: 1 },
                output_tokens: { type: 'integer', minimum: 1 },
                measured: {
                  description: 'date of this measurement (datasets built from daily data)',
                  type: 'string',
                  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
                },
                reference_method: {
                  description:
                    "the authors' method behind reference on the measured day: grid (v4 quantile grid, before 2025-10-26) or v6",
                  enum: ['grid', 'v6'],
                },
                ttft_s: five(nonneg),
                tps: five(positive),
                reference: {
                  type: 'object',
                  additionalProperties: false,
                  required: REFERENCE,
                  properties: Object.fromEntries(REFERENCE.map((k) => [k, nonneg])),
                },
                printed: {
                  description: 'values printed in the paper where they differ from reference (the data)',
                  type: 'object',
                  additionalProperties: false,
                  minProperties: 1,
                  properties: Object.fromEntries(REFERENCE.map((k) => [k, nonneg])),
                },
              },
            },
          },
        },
      },
    },
  },
};
