// Dataset "daily": every daily output of the authors' pipeline (data/sources/
// daily-2025-09-10-2026-08-22.csv), for the trend op and the Trends view.
//
// Written as an index (daily/<version>.json: dates, method periods, prompt sizes, events,
// and per model the prompt sizes and date ranges it has) plus one compact columnar file
// per model (daily/<version>/<model-slug>.json), fetched only when a model is shown.
// A model file holds `configs` (the distinct hardware and multiplier settings the pipeline
// used for it, each stored once) and per prompt size one column per field: `date`,
// `method` ("grid" or "v6"), `config` (index into configs), `ttft_s` and `tps` (five
// percentiles per day), `aa_intelligence_index`, and the authors' six computed results
// (null on the days whose outputs are blank in the source). Numbers exactly as in the CSV.
import { DAILY_FILE, DAILY_PROMPTS, DAILY_VERSION, INDEX_2026_FROM, FROZEN_AFTER, V6_FROM } from './lib/daily.mjs';
import { CONFIG, readDaily } from './lib/daily.mjs';
import { HARDWARE, HOSTS, MODEL_NUMBERS, PERCENTILES, REFERENCE, SIZE_CLASSES } from './lib/footprint.mjs';
import { LICENCE_REPO, PAPER_V6, REPO_AT, REPO_RETRIEVED } from './lib/provenance.mjs';

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export const slug = (model) =>
  model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const title = "Daily outputs of the authors' pipeline (10 Sep 2025 - 22 Aug 2026)";
const description =
  "Every daily output of the authors' pipeline: per day, model and prompt size, the Artificial Analysis latency " +
  "and output-speed percentiles, the hardware and host multipliers that day, and the authors' computed energy, " +
  'water and carbon. An index plus one file per model, loaded when a model is shown.';

/** Events the Trends view annotates and the trend op flags (all checked against the data). */
const EVENTS = [
  {
    date: V6_FROM,
    kind: 'method',
    text: "The authors' pipeline switches from the v4 quantile grid (v4 multipliers) to the v6 Monte Carlo (v6 multipliers).",
  },
  {
    date: INDEX_2026_FROM,
    kind: 'index',
    text: 'The Artificial Analysis Intelligence Index changes edition (new scale).',
  },
  {
    date: '2026-04-13',
    kind: 'prompts',
    text: 'The extra-long prompt (100,000 tokens in, 2,000 out) is added and the short prompt is no longer measured.',
  },
  {
    date: '2026-05-19',
    kind: 'frozen',
    text: `The measurements are no longer refreshed: every later day repeats those of ${FROZEN_AFTER} (long to 22 Aug 2026, medium and extra-long to 7 Jul 2026).`,
  },
];

const notes = [
  `method: "grid" up to ${'2025-10-25'} (v4 quantile grid: 25 percentile pairs x {U_min, U_max}, population SD, v4 multipliers), "v6" from ${V6_FROM} (Gaussian copula rho = -0.3, N = 10,000, w = 0.5, sample SD, v6 multipliers).`,
  'Outputs are blank on purpose for 2025-10-25 and every day of March 2026: only the inputs are given there.',
  `Inputs after ${FROZEN_AFTER} repeat the ${FROZEN_AFTER} measurements (long to 2026-08-22, medium and extra_long to 2026-07-07; the pipeline's input files were not refreshed).`,
  `aa_intelligence_index changes edition on ${INDEX_2026_FROM}: values before and after are on different scales.`,
  'Gemini 2.5 Pro appears under two names, "(AI_Studio)" up to 2025-09-23 and "(AI Studio)" from 2025-09-24, as in the source; they are kept apart.',
  'Six speed cells of the source carry a thousands separator ("1,126.3"); it was dropped.',
  'Days are missing where the pipeline did not run, and some days have fewer models (scrape gaps).',
  'Input tokens are Artificial Analysis prompt lengths (short 100, medium 1,000, long 10,000, extra_long 100,000); they are not a column of the source.',
];

function modelPart(model, name, byPrompt) {
  const configs = [];
  const keyOf = (c) => JSON.stringify(CONFIG.map((k) => c[k]));
  const configIndex = new Map();
  const all = [...byPrompt.values()].flat().sort((a, b) => byCode(a.date, b.date));
  for (const r of all) {
    const key = keyOf(r.config);
    if (!configIndex.has(key)) {
      configIndex.set(key, configs.length);
      configs.push({ ...r.config });
    }
  }
  const prompts = DAILY_PROMPTS.filter((p) => byPrompt.has(p.prompt)).map((p) => {
    const rows = byPrompt.get(p.prompt);
    return {
      prompt: p.prompt,
      input_tokens: p.input_tokens,
      output_tokens: p.output_tokens,
      days: rows.length,
      date: rows.map((r) => r.date),
      method: rows.map((r) => r.method),
      config: rows.map((r) => configIndex.get(keyOf(r.config))),
      aa_intelligence_index: rows.map((r) => r.aa_intelligence_index),
      ttft_s: rows.map((r) => r.ttft_s),
      tps: rows.map((r) => r.tps),
      ...Object.fromEntries(REFERENCE.map((k) => [k, rows.map((r) => (r.reference ? r.reference[k] : null))])),
    };
  });
  return {
    kind: 'daily',
    id: 'daily',
    version: DAILY_VERSION,
    part: 'model',
    model,
    slug: name,
    percentiles: PERCENTILES,
    configs,
    prompts,
  };
}

/**
 * File name of every model: its slug, with "-2", "-3" ... added in name order where two
 * names share one (e.g. "Gemini 2.5 Pro (AI Studio)" and the early spelling "(AI_Studio)").
 */
function fileNames(names) {
  const out = new Map();
  const used = new Set();
  for (const m of names) {
    let s = slug(m);
    for (let k = 2; used.has(s); k++) s = `${slug(m)}-${k}`;
    used.add(s);
    out.set(m, s);
  }
  return out;
}

function parts(sources) {
  const { models } = readDaily(sources);
  const names = [...models.keys()].sort(byCode);
  const files = fileNames(names);
  return names.map((m) => ({ name: files.get(m), data: modelPart(m, files.get(m), models.get(m)) }));
}

function build(sources) {
  const { models, dates } = readDaily(sources);
  const names = [...models.keys()].sort(byCode);
  const files = fileNames(names);
  const rangeOf = (rows) => ({ from: rows[0].date, to: rows.at(-1).date, days: rows.length });
  const promptRows = (p) => [...models.values()].flatMap((m) => m.get(p) ?? []).sort((a, b) => byCode(a.date, b.date));
  for (const e of EVENTS)
    if (!dates.includes(e.date)) throw new Error(`${DAILY_FILE}: no day ${e.date} for event ${e.kind}`);
  return {
    kind: 'daily',
    id: 'daily',
    version: DAILY_VERSION,
    part: 'index',
    title,
    description,
    as_of: dates.at(-1),
    from: dates[0],
    to: dates.at(-1),
    dates,
    periods: [
      { method: 'grid', from: dates[0], to: dates.filter((d) => d < V6_FROM).at(-1) },
      { method: 'v6', from: dates.find((d) => d >= V6_FROM), to: dates.at(-1) },
    ],
    prompts: DAILY_PROMPTS.filter((p) => promptRows(p.prompt).length).map((p) => {
      const rows = promptRows(p.prompt);
      return { ...p, from: rows[0].date, to: rows.at(-1).date };
    }),
    events: EVENTS,
    notes,
    models: names.map((m) => {
      const byPrompt = models.get(m);
      const last = [...byPrompt.values()]
        .flat()
        .sort((a, b) => byCode(a.date, b.date))
        .at(-1);
      return {
        model: m,
        name: files.get(m),
        company: last.config.company,
        host: last.config.host,
        prompts: Object.fromEntries(
          DAILY_PROMPTS.filter((p) => byPrompt.has(p.prompt)).map((p) => [p.prompt, rangeOf(byPrompt.get(p.prompt))]),
        ),
      };
    }),
  };
}

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const nonneg = { type: 'number', minimum: 0 };
const nullableNonneg = { type: ['number', 'null'], minimum: 0 };
const five = (item) => ({ type: 'array', items: item, minItems: 5, maxItems: 5 });
const promptName = { type: 'string', pattern: '^[a-z][a-z0-9_]*$' };
const range = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'days'],
  properties: { from: date, to: date, days: { type: 'integer', minimum: 1 } },
};

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: "llm-footprint daily outputs of the authors' pipeline: index, or one model's days",
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id', 'version', 'part'],
  properties: {
    kind: { const: 'daily' },
    id: { type: 'string', minLength: 1 },
    version: { type: 'string', minLength: 1 },
    part: { enum: ['index', 'model'] },
    title: { type: 'string' },
    description: { type: 'string' },
    as_of: date,
    from: date,
    to: date,
    dates: { type: 'array', items: date },
    periods: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['method', 'from', 'to'],
        properties: { method: { enum: ['grid', 'v6'] }, from: date, to: date },
      },
    },
    prompts: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['prompt', 'input_tokens', 'output_tokens'],
        properties: {
          prompt: promptName,
          input_tokens: { type: 'integer', minimum: 1 },
          output_tokens: { type: 'integer', minimum: 1 },
          from: date,
          to: date,
          days: { type: 'integer', minimum: 1 },
          date: { type: 'array', items: date },
          method: { type: 'array', items: { enum: ['grid', 'v6'] } },
          config: { type: 'array', items: { type: 'integer', minimum: 0 } },
          aa_intelligence_index: { type: 'array', items: nullableNonneg },
          ttft_s: { type: 'array', items: five(nonneg) },
          tps: { type: 'array', items: five({ type: 'number', exclusiveMinimum: 0 }) },
          ...Object.fromEntries(REFERENCE.map((k) => [k, { type: 'array', items: nullableNonneg }])),
        },
      },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['date', 'kind', 'text'],
        properties: {
          date,
          kind: { enum: ['method', 'index', 'prompts', 'frozen'] },
          prompt: promptName,
          text: { type: 'string' },
        },
      },
    },
    notes: { type: 'array', items: { type: 'string' } },
    models: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['model', 'name', 'company', 'host', 'prompts'],
        properties: {
          model: { type: 'string', minLength: 1 },
          name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          company: { type: 'string' },
          host: { enum: HOSTS },
          prompts: { type: 'object', additionalProperties: range },
        },
      },
    },
    model: { type: 'string', minLength: 1 },
    slug: { type: 'string' },
    percentiles: { const: PERCENTILES },
    configs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: CONFIG,
        properties: {
          api_id: { type: 'string' },
          company: { type: 'string' },
          host: { enum: HOSTS },
          hardware: { enum: HARDWARE },
          size_class: { enum: SIZE_CLASSES },
          ...Object.fromEntries(MODEL_NUMBERS.map((k) => [k, nonneg])),
        },
      },
    },
  },
};

export default {
  id: 'daily',
  kind: 'daily',
  title,
  description,
  schema,
  versions: [
    {
      version: DAILY_VERSION,
      source: `every daily output (output/artificialanalysis_environmental_YYYY-MM-DD.csv, 314 files) of the pipeline behind ${PAPER_V6}; ${REPO_AT}`,
      paper_version: 'v6',
      retrieved: REPO_RETRIEVED,
      licence: LICENCE_REPO,
      inputs: [DAILY_FILE],
      compact: true,
      build,
      parts,
      rows: (data) =>
        data.part === 'index'
          ? data.models.reduce((n, m) => n + Object.values(m.prompts).reduce((s, p) => s + p.days, 0), 0)
          : data.prompts.reduce((n, p) => n + p.days, 0),
    },
  ],
};
