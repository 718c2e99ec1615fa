// Dataset "provider-daily": Artificial Analysis's daily latency and output-speed
// percentiles of models served by several API providers (data/sources/provider-daily.csv),
// for the paper's statistical inference of hardware (op "attribute").
//
// Written as an index (provider-daily/<version>.json: models, providers, date ranges, the
// caveats, the hardware hypotheses) plus one compact columnar file per model
// (provider-daily/<version>/<model-slug>.json), fetched only when a model is analysed.
// Columnar: strings are stored once in `levels` and referenced by index in `columns`;
// numbers exactly as in the CSV (Number(cell)); empty cells are null. Rows are sorted by
// date, prompt (short, medium, long), provider, api_id.
import { num, str } from './lib/csv.mjs';
import { LICENCE_REPO, PAPER_V6, REPO_AT } from './lib/provenance.mjs';

const VERSION = '2026-08-22';
const FILE = 'provider-daily.csv';
const PROMPTS = ['short', 'medium', 'long'];
const KEYS = ['date', 'prompt', 'provider', 'api_id'];
const METRICS = [
  ['ttft_p5_s', 's', 'time to first chunk, 5th percentile'],
  ['ttft_p25_s', 's', 'time to first chunk, 25th percentile'],
  ['ttft_p50_s', 's', 'time to first chunk, median'],
  ['ttft_p75_s', 's', 'time to first chunk, 75th percentile'],
  ['ttft_p95_s', 's', 'time to first chunk, 95th percentile'],
  ['first_answer_token_s', 's', 'first answer token (includes thinking time for reasoning models)'],
  ['tps_p5', 'tokens/s', 'output speed, 5th percentile'],
  ['tps_p25', 'tokens/s', 'output speed, 25th percentile'],
  ['tps_p50', 'tokens/s', 'output speed, median'],
  ['tps_p75', 'tokens/s', 'output speed, 75th percentile'],
  ['tps_p95', 'tokens/s', 'output speed, 95th percentile'],
];
const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export const slug = (model) =>
  model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

// Hardware hypotheses for attribution. Token generation of large models is limited by
// memory bandwidth, so per-stream speed on one node class relative to another is taken
// as the ratio of their GPUs' memory bandwidths (NVIDIA datasheets, SXM parts).
const HYPOTHESES = [
  {
    hardware: 'DGX A100',
    gpu: 'A100 SXM4 80GB',
    memory_bandwidth_tb_s: 2.039,
    source: 'NVIDIA A100 Tensor Core GPU datasheet (80GB SXM: 2,039 GB/s)',
  },
  {
    hardware: 'DGX H200/H100',
    gpu: 'H100 SXM5 80GB',
    memory_bandwidth_tb_s: 3.35,
    source:
      'NVIDIA H100 Tensor Core GPU datasheet (SXM: 3.35 TB/s); the paper groups H100 and H200 (4.8 TB/s) in one class, the H100 value is used',
  },
  {
    hardware: 'DGX H800',
    gpu: 'H800 SXM5 80GB',
    memory_bandwidth_tb_s: 3.35,
    source: 'NVIDIA H800 SXM5 (same HBM3 memory system as the H100 SXM5: 3.35 TB/s)',
  },
];

const NOTES = [
  'Daily values are rolling aggregates published by Artificial Analysis, not single-day samples: consecutive days are strongly autocorrelated (from Nov 2025 to Jan 2026 about 70 % of long-prompt rows repeat the previous day exactly). Treat ANOVA and Tukey p-values as descriptive.',
  'Providers before 2025-10-20 were inferred from model name and API ID (the source had no provider cell); only unambiguous matches were kept. For GPT-4o mini the mapping is certain (gpt-4o-mini-2024-07-18 is OpenAI, gpt-4o-mini is Azure).',
  'The short prompt exists only up to 2026-03-01, medium ends on 2026-07-07; from 2026-07-18 only the long page was scraped.',
  'Source artefacts were kept: some Microsoft Azure rows show implausible speeds (GPT-4o mini short: median up to 4,776 tok/s on 2025-09-09 .. 2025-10-04), and OpenAI GPT-4o mini long-prompt speed dips in Feb-Apr 2026.',
  'FriendliAI lists two endpoints of Llama 3.3 70B from 2025-08-16 to 2025-11-02: group by provider and api_id, or pick one.',
  'Claude models listed twice under one name carry " (Reasoning)" or " (Non-reasoning)"; AA changed how it measures the reasoning rows around March 2026.',
];

function readRows(sources) {
  return sources.table(FILE).map((row) => ({
    date: str(row, 'date'),
    prompt: str(row, 'prompt', PROMPTS),
    model: str(row, 'model'),
    provider: str(row, 'provider'),
    api_id: str(row, 'api_id'),
    values: METRICS.map(([col]) => num(row, col, { nullable: true })),
    where: `${row.$file}:${row.$line}`,
  }));
}

function modelPart(model, rows) {
  rows.sort(
    (a, b) =>
      byCode(a.date, b.date) ||
      PROMPTS.indexOf(a.prompt) - PROMPTS.indexOf(b.prompt) ||
      byCode(a.provider, b.provider) ||
      byCode(a.api_id, b.api_id),
  );
  const levels = {};
  const columns = {};
  for (const key of KEYS) {
    levels[key] =
      key === 'prompt'
        ? PROMPTS.filter((p) => rows.some((r) => r.prompt === p))
        : [...new Set(rows.map((r) => r[key]))].sort(byCode);
    const pos = new Map(levels[key].map((v, i) => [v, i]));
    columns[key] = rows.map((r) => pos.get(r[key]));
  }
  METRICS.forEach(([col], i) => {
    columns[col] = rows.map((r) => r.values[i]);
  });
  const seen = new Set();
  for (const r of rows) {
    const k = `${r.date}|${r.prompt}|${r.provider}|${r.api_id}`;
    if (seen.has(k)) throw new Error(`${r.where}: duplicate key ${k} for ${model}`);
    seen.add(k);
  }
  return {
    kind: 'provider-daily',
    id: 'provider-daily',
    version: VERSION,
    part: 'model',
    model,
    slug: slug(model),
    rows: rows.length,
    levels,
    columns,
  };
}

const cache = new WeakMap();
function buildAll(sources) {
  if (cache.has(sources)) return cache.get(sources);
  const byModel = new Map();
  for (const r of readRows(sources)) {
    if (!byModel.has(r.model)) byModel.set(r.model, []);
    byModel.get(r.model).push(r);
  }
  const parts = [...byModel.keys()].sort(byCode).map((m) => ({ name: slug(m), data: modelPart(m, byModel.get(m)) }));
  const slugs = parts.map((p) => p.name);
  const dup = slugs.find((s, i) => slugs.indexOf(s) !== i);
  if (dup) throw new Error(`${FILE}: two models share the file name "${dup}"`);
  const index = {
    kind: 'provider-daily',
    id: 'provider-daily',
    version: VERSION,
    part: 'index',
    title: 'Daily measurements of models served by several providers',
    description:
      'Artificial Analysis daily latency (time to first chunk) and output-speed percentiles for 23 models served by ' +
      'several API providers, 2025-08-02 .. 2026-08-22, as scraped by the paper authors; one file per model. Used ' +
      'to test whether hosts differ (two-way ANOVA host x prompt, Tukey HSD) and which hardware class a host most ' +
      'likely uses.',
    notes: NOTES,
    prompts: [
      { prompt: 'short', input_tokens: 100, output_tokens: 300 },
      { prompt: 'medium', input_tokens: 1000, output_tokens: 1000 },
      { prompt: 'long', input_tokens: 10000, output_tokens: 1500 },
    ],
    metrics: METRICS.map(([column, unit, meaning]) => ({ column, unit, meaning })),
    hardware_hypotheses: HYPOTHESES,
    reference_hardware: [
      {
        provider: 'Microsoft Azure',
        hardware: 'DGX H200/H100',
        applies_to: 'OpenAI models served by Azure',
        source: `${PAPER_V6}: OpenAI's newer models and Azure deployments run on DGX H100/H200`,
      },
    ],
    models: parts.map(({ name, data }) => ({
      model: data.model,
      slug: name,
      file: `provider-daily/${VERSION}/${name}.json`,
      rows: data.rows,
      providers: data.levels.provider,
      prompts: data.levels.prompt,
      first_date: data.levels.date[0],
      last_date: data.levels.date.at(-1),
    })),
  };
  const out = { index, parts };
  cache.set(sources, out);
  return out;
}

const str1 = { type: 'string', minLength: 1 };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const idx = { type: 'array', items: { type: 'integer', minimum: 0 } };
const nums = { type: 'array', items: { type: ['number', 'null'], minimum: 0 } };
const common = {
  kind: { const: 'provider-daily' },
  id: { const: 'provider-daily' },
  version: str1,
};
const indexSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'kind',
    'id',
    'version',
    'part',
    'title',
    'description',
    'notes',
    'prompts',
    'metrics',
    'hardware_hypotheses',
    'reference_hardware',
    'models',
  ],
  properties: {
    ...common,
    part: { const: 'index' },
    title: str1,
    description: str1,
    notes: { type: 'array', items: str1 },
    prompts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['prompt', 'input_tokens', 'output_tokens'],
        properties: {
          prompt: { enum: PROMPTS },
          input_tokens: { type: 'integer' },
          output_tokens: { type: 'integer' },
        },
      },
    },
    metrics: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['column', 'unit', 'meaning'],
        properties: { column: str1, unit: str1, meaning: str1 },
      },
    },
    hardware_hypotheses: {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['hardware', 'gpu', 'memory_bandwidth_tb_s', 'source'],
        properties: {
          hardware: str1,
          gpu: str1,
          memory_bandwidth_tb_s: { type: 'number', exclusiveMinimum: 0 },
          source: str1,
        },
      },
    },
    reference_hardware: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['provider', 'hardware', 'applies_to', 'source'],
        properties: { provider: str1, hardware: str1, applies_to: str1, source: str1 },
      },
    },
    models: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['model', 'slug', 'file', 'rows', 'providers', 'prompts', 'first_date', 'last_date'],
        properties: {
          model: str1,
          slug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          file: str1,
          rows: { type: 'integer', minimum: 1 },
          providers: { type: 'array', minItems: 2, items: str1 },
          prompts: { type: 'array', items: { enum: PROMPTS } },
          first_date: date,
          last_date: date,
        },
      },
    },
  },
};
const partSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'version', 'part', 'model', 'slug', 'rows', 'levels', 'columns'],
  properties: {
    ...common,
    part: { const: 'model' },
    model: str1,
    slug: str1,
    rows: { type: 'integer', minimum: 1 },
    levels: {
      type: 'object',
      additionalProperties: false,
      required: KEYS,
      properties: {
        date: { type: 'array', items: date },
        prompt: { type: 'array', items: { enum: PROMPTS } },
        provider: { type: 'array', items: str1 },
        api_id: { type: 'array', items: str1 },
      },
    },
    columns: {
      type: 'object',
      additionalProperties: false,
      required: [...KEYS, ...METRICS.map(([c]) => c)],
      properties: {
        ...Object.fromEntries(KEYS.map((k) => [k, idx])),
        ...Object.fromEntries(METRICS.map(([c]) => [c, nums])),
      },
    },
  },
};

export const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'llm-footprint provider-daily dataset (index or one model)',
  oneOf: [indexSchema, partSchema],
};

export default {
  id: 'provider-daily',
  kind: 'provider-daily',
  title: 'Daily measurements of models served by several providers',
  description:
    'Artificial Analysis daily latency and output-speed percentiles of 23 models on several API providers (index plus one columnar file per model), for hardware attribution.',
  schema,
  versions: [
    {
      version: VERSION,
      source: `Artificial Analysis provider leaderboards as scraped daily by the authors of ${PAPER_V6}; ${REPO_AT}`,
      paper_version: 'v6',
      retrieved: '2026-08-22',
      licence: LICENCE_REPO,
      inputs: [FILE],
      compact: true,
      build: (sources) => buildAll(sources).index,
      parts: (sources) => buildAll(sources).parts,
      rows: (d) => (d.part === 'index' ? d.models.reduce((n, m) => n + m.rows, 0) : d.rows),
    },
  ],
};
