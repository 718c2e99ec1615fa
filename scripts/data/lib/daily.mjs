// Reads data/sources/daily-2025-09-10-2026-08-22.csv (every daily output of the authors'
// pipeline, one row per date x model x prompt size) into checked records, grouped by model.
// Shared by the "daily" dataset (per-model time series) and the "latest" dataset (the
// newest measurement of every model and prompt size).
import { check, num, str } from './csv.mjs';
import { HARDWARE, HOSTS, MODEL_NUMBERS, PERCENTILES, REFERENCE, SIZE_CLASSES } from './footprint.mjs';

export const DAILY_FILE = 'daily-2025-09-10-2026-08-22.csv';
export const DAILY_VERSION = '2026-08-22';

/**
 * Prompt sizes of the pipeline, in display order, with their token counts. Input tokens are
 * not a column of the file: they are Artificial Analysis's prompt lengths (data README).
 */
export const DAILY_PROMPTS = [
  { prompt: 'short', input_tokens: 100, output_tokens: 300 },
  { prompt: 'medium', input_tokens: 1000, output_tokens: 1000 },
  { prompt: 'long', input_tokens: 10000, output_tokens: 1500 },
  { prompt: 'extra_long', input_tokens: 100000, output_tokens: 2000 },
];
export const PROMPT_NAMES = DAILY_PROMPTS.map((p) => p.prompt);

/** The two method periods of the pipeline (data README): the v4 grid, then v6 Monte Carlo. */
export const METHODS = ['grid', 'v6'];
export const V6_FROM = '2025-10-26';

/**
 * The pipeline's inputs were not refreshed after this day: every later day (long to
 * 2026-08-22, medium and extra_long to 2026-07-07) repeats them (checked while reading).
 * The newest measurement of such a series is therefore dated on or before this day.
 */
export const FROZEN_AFTER = '2026-05-18';

/**
 * First day printed with the 2026 edition of the Artificial Analysis Intelligence Index
 * (GPT-5 (high): 68 on 2026-01-06, 44 on 2026-01-07); checked while reading.
 */
export const INDEX_2026_FROM = '2026-01-07';

export const INPUTS = [...PERCENTILES.map((p) => `ttft_p${p}_s`), ...PERCENTILES.map((p) => `tps_p${p}`)];
/** Model-level fields that describe one day's configuration (hardware and multipliers). */
export const CONFIG = ['api_id', 'company', 'host', 'hardware', 'size_class', ...MODEL_NUMBERS];

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A speed cell: six cells of the source carry a thousands separator ("1,126.3", in quotes);
 * the separator is dropped (the value is 1126.3). Anything else must be a plain number.
 */
function speed(row, col) {
  const text = row[col];
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number(text.replaceAll(',', ''));
  return num(row, col);
}

function record(row) {
  const date = str(row, 'date');
  check(/^\d{4}-\d{2}-\d{2}$/.test(date), row, `date "${date}" is not YYYY-MM-DD`);
  const method = str(row, 'method', METHODS);
  check(
    method === (date >= V6_FROM ? 'v6' : 'grid'),
    row,
    `method "${method}" on ${date}: the pipeline used grid before ${V6_FROM} and v6 from then`,
  );
  const prompt = str(row, 'prompt', PROMPT_NAMES);
  const size = DAILY_PROMPTS.find((p) => p.prompt === prompt);
  const out = num(row, 'output_tokens');
  check(out === size.output_tokens, row, `${prompt} has ${size.output_tokens} output tokens, not ${out}`);
  const config = {
    api_id: str(row, 'api_id'),
    company: str(row, 'company'),
    host: str(row, 'host', HOSTS),
    hardware: str(row, 'hardware', HARDWARE),
    size_class: str(row, 'size_class', SIZE_CLASSES),
  };
  for (const k of MODEL_NUMBERS) config[k] = num(row, k);
  const ttft = PERCENTILES.map((p) => num(row, `ttft_p${p}_s`));
  const tps = PERCENTILES.map((p) => speed(row, `tps_p${p}`));
  check(tps.every((v) => v > 0) && ttft.every((v) => v >= 0), row, 'latencies must be >= 0 and speeds > 0');
  const values = REFERENCE.map((k) => num(row, k, { nullable: true }));
  check(
    values.every((v) => v === null) || values.every((v) => v !== null),
    row,
    'the six computed columns are either all given or all blank',
  );
  return {
    date,
    method,
    model: str(row, 'model'),
    prompt,
    config,
    ttft_s: ttft,
    tps,
    aa_intelligence_index: num(row, 'aa_intelligence_index', { nullable: true }),
    reference: values[0] === null ? null : Object.fromEntries(REFERENCE.map((k, i) => [k, values[i]])),
    where: `${row.$file}:${row.$line}`,
  };
}

const cache = new WeakMap();

/**
 * Every row of the daily file, checked, grouped: Map model -> Map prompt -> records sorted
 * by date. Also: dates (sorted, distinct). Cached per sources object.
 */
export function readDaily(sources) {
  const table = sources.table(DAILY_FILE);
  if (cache.has(table)) return cache.get(table);
  const models = new Map();
  const dates = new Set();
  for (const row of table) {
    const r = record(row);
    dates.add(r.date);
    if (!models.has(r.model)) models.set(r.model, new Map());
    const byPrompt = models.get(r.model);
    if (!byPrompt.has(r.prompt)) byPrompt.set(r.prompt, []);
    byPrompt.get(r.prompt).push(r);
  }
  for (const [model, byPrompt] of models) {
    for (const [prompt, rows] of byPrompt) {
      rows.sort((a, b) => byCode(a.date, b.date));
      for (let i = 1; i < rows.length; i++) {
        if (rows[i].date === rows[i - 1].date)
          throw new Error(`${rows[i].where}: second ${prompt} row of "${model}" on ${rows[i].date}`);
      }
      checkFrozen(model, prompt, rows);
    }
  }
  checkIndexEdition(models);
  const out = { models, dates: [...dates].sort(byCode) };
  cache.set(table, out);
  return out;
}

const sameInputs = (a, b) => a.ttft_s.every((v, i) => v === b.ttft_s[i]) && a.tps.every((v, i) => v === b.tps[i]);

function checkFrozen(model, prompt, rows) {
  const base = rows.filter((r) => r.date <= FROZEN_AFTER).at(-1);
  for (const r of rows.filter((x) => x.date > FROZEN_AFTER)) {
    if (!base || !sameInputs(base, r))
      throw new Error(
        `${r.where}: "${model}" ${prompt} on ${r.date} differs from its last measurement up to ${FROZEN_AFTER}; the frozen period assumption no longer holds`,
      );
  }
}

function checkIndexEdition(models) {
  const rows = models.get('GPT-5 (high)')?.get('medium') ?? [];
  const before = rows.filter((r) => r.date < INDEX_2026_FROM).at(-1);
  const after = rows.find((r) => r.date >= INDEX_2026_FROM);
  if (!before || !after || !(before.aa_intelligence_index > 60 && after.aa_intelligence_index < 50))
    throw new Error(`${DAILY_FILE}: the Intelligence Index edition no longer changes on ${INDEX_2026_FROM}`);
}

/** The newest record of rows (sorted by date) whose inputs were measured, with its measured date. */
export function newest(prompt, rows) {
  const last = rows.at(-1);
  const measured = last.date > FROZEN_AFTER ? FROZEN_AFTER : last.date;
  const atMeasured = rows.filter((r) => r.date <= measured).at(-1);
  return { last, measured: atMeasured.date, record: atMeasured };
}
