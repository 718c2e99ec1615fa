// Dataset "latest": the app's default footprint dataset, built from the daily outputs of
// the authors' pipeline (data/sources/daily-2025-09-10-2026-08-22.csv). For every model
// and prompt size it holds the newest day with a measurement: that day's inputs (latency
// and speed percentiles, hardware, utilisation, host multipliers), the day as `measured`,
// and the authors' published results of that day as `reference` where they published them
// (with `reference_method`: grid before 2025-10-26, v6 after). Same schema and reader as
// paper-v6 and snapshot, so every op and view works with it.
//
// Inputs were frozen after 2026-05-18 (every later day repeats them), so a prompt's
// measured date is the day the values were actually scraped, not the last output.
import { DAILY_FILE, DAILY_PROMPTS, INDEX_2026_FROM, FROZEN_AFTER, V6_FROM } from './lib/daily.mjs';
import { CONFIG, newest, readDaily } from './lib/daily.mjs';
import { footprintDataset, footprintSchema } from './lib/footprint.mjs';
import { LICENCE_REPO, PAPER_V6, REPO_AT, REPO_RETRIEVED } from './lib/provenance.mjs';

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const title = 'Latest measurements (newest day of every model)';
const description =
  "The newest measurement of every model and prompt size in the authors' daily pipeline data: Artificial " +
  'Analysis latency and output-speed percentiles of that day, the hardware and host multipliers the pipeline ' +
  "used that day, the date of the measurement, and the authors' published results for that day where given.";

function build(sources) {
  const { models, dates } = readDaily(sources);
  const asOf = dates.at(-1);
  const out = [];
  for (const name of [...models.keys()].sort(byCode)) {
    const byPrompt = models.get(name);
    const chosen = DAILY_PROMPTS.filter((p) => byPrompt.has(p.prompt)).map((p) => ({
      size: p,
      ...newest(p.prompt, byPrompt.get(p.prompt)),
    }));
    // Model-level fields come from the most recent measurement; the other prompt sizes'
    // days must have used the same configuration (checked).
    const top = [...chosen].sort((a, b) => byCode(a.measured, b.measured)).at(-1);
    for (const c of chosen) {
      for (const k of CONFIG) {
        if (c.record.config[k] !== top.record.config[k])
          throw new Error(
            `${c.record.where}: "${name}" ${c.size.prompt} (${c.measured}) has ${k} ${c.record.config[k]}, but ${top.size.prompt} (${top.measured}) has ${top.record.config[k]}`,
          );
      }
    }
    const cfg = top.record.config;
    // Only the 2026 edition of the Intelligence Index is kept (the dataset declares one edition).
    const index = top.record.date >= INDEX_2026_FROM ? top.record.aa_intelligence_index : null;
    out.push({
      model: name,
      dashboard_model: name,
      api_id: cfg.api_id,
      company: cfg.company,
      host: cfg.host,
      hardware: cfg.hardware,
      size_class: cfg.size_class,
      aa_intelligence_index: index,
      p_gpu_kw: cfg.p_gpu_kw,
      p_nongpu_kw: cfg.p_nongpu_kw,
      u_gpu_min: cfg.u_gpu_min,
      u_gpu_max: cfg.u_gpu_max,
      u_nongpu: cfg.u_nongpu,
      pue: cfg.pue,
      wue_site_l_per_kwh: cfg.wue_site_l_per_kwh,
      wue_source_l_per_kwh: cfg.wue_source_l_per_kwh,
      cif_kg_per_kwh: cfg.cif_kg_per_kwh,
      prompts: chosen.map((c) => ({
        prompt: c.size.prompt,
        input_tokens: c.size.input_tokens,
        output_tokens: c.size.output_tokens,
        measured: c.measured,
        ttft_s: c.record.ttft_s,
        tps: c.record.tps,
        ...(c.record.reference ? { reference: c.record.reference, reference_method: c.record.method } : {}),
      })),
    });
  }
  for (const must of ['GPT-5 (high)', 'Claude 4.5 Sonnet'])
    if (!out.some((m) => m.model === must)) throw new Error(`${DAILY_FILE}: no "${must}" for the latest dataset`);
  const stale = out.filter((m) => m.prompts.every((p) => p.measured < V6_FROM)).length;
  return footprintDataset(
    {
      id: 'latest',
      version: asOf,
      title,
      description,
      as_of: asOf,
      paper_version: 'v6',
      estimator: 'v6',
      intelligence_index_edition: '2026',
      notes: [
        `Built from the authors' daily pipeline outputs (10 Sep 2025 - ${asOf}): for each model and prompt size, the newest day with a measurement, given per prompt as "measured".`,
        `Inputs were not refreshed after ${FROZEN_AFTER}: later daily outputs (long to 2026-08-22, medium and extra_long to 2026-07-07) repeat them, so those prompts are dated ${FROZEN_AFTER} (or the model's last day before it).`,
        'Prompt sizes: short (100 input / 300 output tokens), medium (1,000 / 1,000), long (10,000 / 1,500) and, from 13 Apr 2026, extra_long (100,000 / 2,000); short was not measured after 12 Apr 2026.',
        `Hardware and host multipliers are those the pipeline used on the measured day: v6 multipliers from ${V6_FROM}, v4 multipliers (Azure WUE_source 3.142, CIF 0.3528; AWS CIF 0.385) before. ${stale} models were last measured before ${V6_FROM}.`,
        "reference holds the authors' published results of the measured day (reference_method grid = v4 quantile grid, v6 = v6 Monte Carlo, N = 10,000); it is absent where that day's outputs are blank in the source (2025-10-25 and March 2026).",
        `aa_intelligence_index is the 2026 edition of the Artificial Analysis Intelligence Index (printed from ${INDEX_2026_FROM}); it is null for models last seen before then or not scored.`,
        "The xAI and Google hosts and TPU V6e hardware are used only by the authors' dashboard, not by the paper. OpenAI-API measurements are attributed to Azure; Anthropic uses the AWS multipliers.",
      ],
    },
    out,
  );
}

export default {
  id: 'latest',
  kind: 'footprint',
  title,
  description,
  default: true,
  schema: footprintSchema,
  versions: [
    {
      version: '2026-08-22',
      source: `the newest day per model and prompt size in every daily output (output/artificialanalysis_environmental_YYYY-MM-DD.csv) of the pipeline behind ${PAPER_V6}; ${REPO_AT}`,
      paper_version: 'v6',
      retrieved: REPO_RETRIEVED,
      licence: LICENCE_REPO,
      inputs: [DAILY_FILE],
      build,
      rows: (data) => data.models.reduce((n, m) => n + m.prompts.length, 0),
    },
  ],
};
