// Dataset "snapshot": the authors' dashboard snapshots, as two versions of one id.
//   2025-10-26: the complete snapshot behind paper v6 (66 models, 194 prompt rows, with
//               the authors' computed results as `reference`).
//   2026-08-22: the inputs of the newest daily output (52 models, long prompt only, no
//               results, Intelligence Index 2026 edition).
import { str } from './lib/csv.mjs';
import { PROMPTS, buildModels, footprintDataset, footprintSchema } from './lib/footprint.mjs';
import { LICENCE_REPO, PAPER_V6, REPO_AT, REPO_RETRIEVED } from './lib/provenance.mjs';

const cols = {
  model: 'model',
  dashboard_model: 'model',
  company: (r) => str(r, 'company'),
  size_class: 'size_class',
  prompt: (r) => str(r, 'prompt', PROMPTS),
  aa_intelligence_index: 'aa_intelligence_index',
};

const common = [
  "The xAI and Google hosts and TPU V6e hardware are used only by the authors' dashboard, not by the paper. OpenAI-API measurements are attributed to Azure; Anthropic uses the AWS multipliers.",
  "Water and carbon use the multipliers in the authors' code (Azure CIF 0.34; AWS WUE_source 5.12, CIF 0.30); the v6 paper prints Azure CIF 0.35 and AWS 5.11 / 0.287.",
  "model and dashboard_model are both the authors' (Artificial Analysis) model name, with a host suffix for DeepSeek and Mistral.",
];

const V2025 = {
  version: '2025-10-26',
  file: 'snapshot-2025-10-26.csv',
  title: 'Dashboard snapshot, 26 Oct 2025 (66 models)',
  description:
    "The authors' complete dashboard snapshot of 26 Oct 2025, which holds the inputs and results behind paper v6: " +
    '66 models with their Artificial Analysis latency and output-speed percentiles, hardware, utilisation and host ' +
    "multipliers, and the authors' computed per-query energy, water and carbon (v6 Monte Carlo).",
  edition: '2025-10',
  reference: true,
  notes: [
    '194 prompt rows: 66 models x 3 prompts, less the long rows of GPT-3.5 Turbo, GPT-4, Llama 3 70B and Llama 3 8B.',
    'Reference results: v6 Monte Carlo, Gaussian copula rho = -0.3, N = 10,000, NumPy default_rng(seed=0), w_max = 0.5, sample SD (ddof = 1). A deterministic quadrature gives means within 0.35 % and SDs within 0.85 % of them.',
    'DeepSeek R1 latencies (DeepSeek and Azure hosts) already include the reasoning-time adjustment: do not apply it again. Claude 3.7 Sonnet, Claude 4 Opus, Claude 4 Sonnet and Grok 3 mini Reasoning rows are unadjusted although Artificial Analysis reports a later first-answer time for them.',
    'aa_intelligence_index is the Artificial Analysis Intelligence Index as of Oct 2025 (null for models no longer scored).',
    ...common,
  ],
  source: `the authors' snapshot "HHAI Snapshot Data/DataSnapshotOct26.csv" (byte-identical to output/artificialanalysis_environmental_2025-10-26.csv), ${REPO_AT}`,
};

const V2026 = {
  version: '2026-08-22',
  file: 'snapshot-2026-08-22-inputs.csv',
  title: 'Dashboard snapshot, 22 Aug 2026 (52 models, long prompt, inputs only)',
  description:
    "The inputs of the newest daily output of the authors' pipeline (22 Aug 2026): 52 models, long prompt " +
    '(10,000 input / 1,500 output tokens) only, no computed results. Same pipeline and equations as the 2025-10-26 ' +
    'snapshot; the Intelligence Index is the 2026 edition, on a different scale.',
  edition: '2026',
  reference: false,
  notes: [
    "Long prompts only: since 18 Jul 2026 the authors' pipeline processes only the long leaderboard.",
    'The measurements are older than the file date: the pipeline input was last refreshed on 18 May 2026 and every daily output until 22 Aug 2026 repeats those latency and speed values (the Artificial Analysis long leaderboard as scraped on 18 May 2026).',
    'aa_intelligence_index is the 2026 edition of the index, on a different scale from Oct 2025 (GPT-5 (high) scores 45 here and 68 in Oct 2025): do not mix the two editions.',
    'Kimi K2 Thinking and DeepSeek R1 (Azure) latencies include the reasoning-time adjustment; the Grok 3 mini Reasoning rows are unadjusted.',
    'No rows for models hosted by DeepSeek. New since Oct 2025: Kimi K2 Thinking (Moonshot, AWS), Claude 4.1 Opus, Claude 4.5 Haiku, Claude 4.5 Sonnet.',
    'No reference results: the source file contains none on purpose.',
    ...common,
  ],
  source: `output/artificialanalysis_environmental_2026-08-22.csv (computed columns removed), ${REPO_AT}`,
};

const version = (v) => ({
  version: v.version,
  source: v.source,
  paper_version: 'v6',
  retrieved: REPO_RETRIEVED,
  licence: LICENCE_REPO,
  inputs: [v.file],
  build: (sources) =>
    footprintDataset(
      {
        id: 'snapshot',
        version: v.version,
        title: v.title,
        description: v.description,
        paper_version: 'v6',
        estimator: 'v6',
        intelligence_index_edition: v.edition,
        notes: v.notes,
      },
      buildModels(sources.table(v.file), cols, { withReference: v.reference }),
    ),
  rows: (data) => data.models.reduce((n, m) => n + m.prompts.length, 0),
});

export default {
  id: 'snapshot',
  kind: 'footprint',
  title: "Authors' dashboard snapshots",
  description:
    `Complete snapshots of the authors' dashboard data (${PAPER_V6} method): 2025-10-26 (66 models, all prompts, ` +
    'with reference results) and 2026-08-22 (52 models, long prompt, inputs only, 2026 index edition).',
  schema: footprintSchema,
  versions: [version(V2025), version(V2026)],
};
