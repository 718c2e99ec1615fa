// Dataset "paper-v6": the 30 models of paper v6 (Table 4) with the inputs and the authors'
// computed results of the 2025-10-26 snapshot, under the names the paper prints.
// Source: data/sources/paper-v6-models-2025-10-26.csv (87 rows). That file has no
// `company` column: it is joined from snapshot-2025-10-26.csv by the dashboard model name,
// and the api_id must agree.
import { check, str } from './lib/csv.mjs';
import { buildModels, footprintDataset, footprintSchema } from './lib/footprint.mjs';
import { LICENCE_REPO, PAPER_V6, REPO_AT, REPO_RETRIEVED } from './lib/provenance.mjs';

const FILE = 'paper-v6-models-2025-10-26.csv';
const SNAPSHOT = 'snapshot-2025-10-26.csv';
const SIZES = { Short: 'short', Medium: 'medium', Long: 'long' };

const title = 'Paper v6: 30 models (26 Oct 2025)';
const description =
  'The 30 models of "How Hungry is AI?" v6 (Table 4) with the inputs behind the paper: ' +
  'Artificial Analysis latency (time to first token) and output-speed percentiles scraped on ' +
  '26 Oct 2025, node power, utilisation bounds, host PUE, WUE and carbon intensity as coded by the ' +
  "authors, and the authors' computed per-query energy, water and carbon (v6 Monte Carlo, " +
  "rho = -0.3, N = 10,000, w = 0.5). Model names are the paper's.";

const notes = [
  "GPT-4o (Mar '25): this file gives 0.413 Wh (short) and 1.301 Wh (medium), but the printed v6 Table 4 has 0.423 and 1.215 (given as prompts[].printed.energy_wh_mean); every other cell of the printed table agrees with this data.",
  'The long prompt of GPT-4, LLaMA-3-8B and LLaMA-3-70B has no measurement (87 prompt rows = 30 models x 3 prompts - 3).',
  "Reference results are the authors' v6 Monte Carlo with NumPy default_rng(seed=0); a deterministic quadrature of the same model gives means within 0.35 % and SDs within 0.85 % of them (sampling noise).",
  "DeepSeek-R1 latencies (DeepSeek and Azure hosts) already include the authors' reasoning-time adjustment (rt x {0.1, 0.5, 1, 1.5, 1.9} added to P5..P95): do not apply it again. Claude 3.7 Sonnet rows are unadjusted.",
  "Water and carbon use the multipliers in the authors' code (Azure CIF 0.34; AWS WUE_source 5.12, CIF 0.30); the v6 paper prints Azure CIF 0.35 and AWS 5.11 / 0.287.",
  'OpenAI-API measurements are attributed to Azure. Anthropic uses the AWS multipliers.',
  'aa_intelligence_index is the Artificial Analysis Intelligence Index of Oct 2025 (null where not scored); it is on a different scale from the 2026 edition.',
];

// Cells of the printed v6 Table 4 that differ from the data (data/sources/README.md);
// every other printed cell equals the file's value rounded.
const PRINTED = [
  { model: "GPT-4o (Mar '25)", prompt: 'short', energy_wh_mean: 0.423 },
  { model: "GPT-4o (Mar '25)", prompt: 'medium', energy_wh_mean: 1.215 },
];

function build(sources) {
  const companies = new Map();
  for (const row of sources.table(SNAPSHOT))
    companies.set(row.model, { company: str(row, 'company'), api_id: row.api_id });
  const companyOf = (row) => {
    const hit = companies.get(str(row, 'dashboard_model'));
    check(hit, row, `dashboard_model "${row.dashboard_model}" is not in ${SNAPSHOT}, so its company is unknown`);
    check(hit.api_id === row.api_id, row, `api_id "${row.api_id}" differs from ${SNAPSHOT} ("${hit.api_id}")`);
    return hit.company;
  };
  const models = buildModels(
    sources.table(FILE),
    {
      model: 'paper_model',
      dashboard_model: 'dashboard_model',
      company: companyOf,
      size_class: 'class',
      prompt: (row) => SIZES[str(row, 'size', Object.keys(SIZES))],
      aa_intelligence_index: 'aa_intelligence_index_oct2025',
    },
    { withReference: true },
  );
  for (const { model, prompt, energy_wh_mean } of PRINTED) {
    const p = models.find((m) => m.model === model)?.prompts.find((x) => x.prompt === prompt);
    if (!p) throw new Error(`${FILE}: no ${prompt} row for "${model}" to attach its printed value to`);
    if (p.reference.energy_wh_mean.toFixed(3) === energy_wh_mean.toFixed(3)) {
      throw new Error(
        `${FILE}: "${model}" ${prompt} now agrees with the printed ${energy_wh_mean} Wh; drop it from PRINTED`,
      );
    }
    p.printed = { energy_wh_mean };
  }
  return footprintDataset(
    {
      id: 'paper-v6',
      version: '2025-10-26',
      title,
      description,
      paper_version: 'v6',
      estimator: 'v6',
      intelligence_index_edition: '2025-10',
      notes,
    },
    models,
  );
}

export default {
  id: 'paper-v6',
  kind: 'footprint',
  title,
  description,
  default: false,
  schema: footprintSchema,
  versions: [
    {
      version: '2025-10-26',
      source: `${PAPER_V6}, Table 4 models; inputs and results from the authors' snapshot DataSnapshotOct26.csv (${REPO_AT})`,
      paper_version: 'v6',
      retrieved: REPO_RETRIEVED,
      licence: LICENCE_REPO,
      inputs: [FILE, SNAPSHOT],
      build,
      rows: (data) => data.models.reduce((n, m) => n + m.prompts.length, 0),
    },
  ],
};
