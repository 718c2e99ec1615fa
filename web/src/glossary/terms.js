// The glossary: one source for every term a visitor meets. Each term has a one-sentence plain
// definition (`short`, shown inline by <Term>) and a longer note (`long`, on the glossary
// page). `see` lists related term ids. Views link a term with <Term id="pue">PUE</Term>;
// tests/web/glossary.test.mjs checks that every id used in the code is defined here.

/** @typedef {{id: string, term: string, short: string, long: string, see?: string[], group: string}} GlossaryTerm */

/** The groups of the glossary page, in order. */
export const GROUPS = [
  { id: 'query', label: 'One query' },
  { id: 'hardware', label: 'Hardware and power' },
  { id: 'site', label: 'Data centre and grid' },
  { id: 'stats', label: 'Spread and statistics' },
  { id: 'rank', label: 'Ranking models' },
];

/** @type {GlossaryTerm[]} */
export const TERMS = [
  // one query
  {
    id: 'llm',
    group: 'query',
    term: 'Large language model (LLM)',
    short: 'A computer program trained on huge amounts of text that writes an answer one token at a time.',
    long: 'ChatGPT, Claude, Gemini, Llama and DeepSeek are large language models. Running one to answer a question is called inference; training it happened once, earlier, and is not counted here.',
    see: ['inference', 'token'],
  },
  {
    id: 'prompt',
    group: 'query',
    term: 'Prompt',
    short: 'The question or instruction you send to the model, together with anything pasted into it.',
    long: 'The paper measures three prompt sizes: short (about 100 tokens in, 300 out), medium (1,000 in, 1,000 out) and long (10,000 in, 1,500 out). Newer data also has an extra-long size (100,000 in, 2,000 out). A longer prompt mostly makes the model wait longer before it starts answering.',
    see: ['token', 'output-tokens'],
  },
  {
    id: 'token',
    group: 'query',
    term: 'Token',
    short: 'A piece of text the model reads or writes, about three quarters of an English word.',
    long: 'Models count text in tokens rather than words or letters: "footprint" may be one token, "unbelievable" two or three. 1,000 tokens are roughly 750 English words.',
    see: ['prompt', 'output-tokens'],
  },
  {
    id: 'output-tokens',
    group: 'query',
    term: 'Output tokens',
    short: 'How many tokens the model writes in its answer.',
    long: 'The answer is written one token after another, so a longer answer takes longer and uses more energy. The paper fixes the answer length per prompt size (300, 1,000 or 1,500 tokens); the calculator lets you choose another length.',
    see: ['token', 'output-speed'],
  },
  {
    id: 'inference',
    group: 'query',
    term: 'Inference',
    short: 'Running a trained model to answer one request, as opposed to training it.',
    long: 'This tool estimates the footprint of inference only: the electricity, water and carbon of answering your prompt. Training the model and building the hardware have footprints too; they are outside the paper’s scope.',
    see: ['embodied'],
  },
  {
    id: 'ttft',
    group: 'query',
    term: 'Time to first token',
    short: 'How long you wait, in seconds, before the first word of the answer appears.',
    long: 'Also called latency (L in the equations). It includes queueing, reading the prompt and, for reasoning models, the hidden thinking before the answer starts. Artificial Analysis measures it several times a day for each model.',
    see: ['reasoning', 'output-speed', 'percentile'],
  },
  {
    id: 'output-speed',
    group: 'query',
    term: 'Output speed',
    short: 'How many tokens per second the model writes once it has started answering.',
    long: 'R in the equations. The time of one query is T = L + O / R: the wait for the first token plus the output tokens divided by the speed.',
    see: ['ttft', 'output-tokens'],
  },
  {
    id: 'reasoning',
    group: 'query',
    term: 'Reasoning model',
    short: 'A model that writes hidden “thinking” tokens before its answer, so it waits longer and uses more energy.',
    long: 'Models such as o3, GPT-5 or DeepSeek-R1 work through a problem step by step before answering. Those thinking tokens are not shown, but the GPUs produce them: in the measurements they appear as a much longer time to first token. Many models offer effort levels (minimal, low, medium, high): more effort, more thinking.',
    see: ['effort', 'ttft'],
  },
  {
    id: 'effort',
    group: 'query',
    term: 'Reasoning effort',
    short: 'A setting (minimal, low, medium, high) that tells a reasoning model how much to think before answering.',
    long: 'The same model at a higher effort writes more hidden thinking tokens. In the data the effort appears in the model’s name, e.g. “GPT-5 (minimal)” and “GPT-5 (high)”, or “o3-mini” and “o3-mini (high)”.',
    see: ['reasoning'],
  },
  {
    id: 'wh',
    group: 'query',
    term: 'Watt-hour (Wh)',
    short: 'A unit of energy: one watt of power used for one hour.',
    long: 'A phone charge is about 5 Wh; a Google search about 0.3 Wh (both as quoted by the paper). 1,000 Wh = 1 kWh, the unit on an electricity bill.',
    see: ['pue'],
  },
  {
    id: 'co2e',
    group: 'query',
    term: 'CO₂e',
    short:
      'Carbon dioxide equivalent: greenhouse gases counted as the amount of CO₂ that would warm the planet as much.',
    long: 'Carbon in this tool is grams of CO₂e from generating the electricity a query uses (Scope 2). It does not include making the chips or building the data centre.',
    see: ['cif', 'scope2'],
  },
  // hardware and power
  {
    id: 'gpu',
    group: 'hardware',
    term: 'GPU',
    short: 'Graphics processing unit: the chip that does the model’s arithmetic, drawing several hundred watts.',
    long: 'Data centres run language models on accelerator chips such as NVIDIA’s H100, H200 or A100. Each model runs on 1 to 8 of them, depending on its size.',
    see: ['node', 'size-class'],
  },
  {
    id: 'node',
    group: 'hardware',
    term: 'Node',
    short: 'One server with 8 GPUs plus its processors, memory, fans and network.',
    long: 'The paper uses the power of an NVIDIA DGX node: 5.6 kW for the 8 H100 GPUs and 4.6 kW for everything else (P_GPU and P_nonGPU). A query uses only a share of that power: see utilisation.',
    see: ['gpu', 'utilisation'],
  },
  {
    id: 'size-class',
    group: 'hardware',
    term: 'Size class',
    short: 'How big a model is (Nano to Large), which decides how many GPUs serve it.',
    long: 'The paper sorts models by parameter count: Nano (under 7 billion, 1 GPU), Micro (7–20 B, 1), Small (20–40 B, 2), Medium (40–70 B, 4), Large (over 70 B, 8). Most providers do not publish sizes, so the class is an estimate.',
    see: ['gpu', 'utilisation'],
  },
  {
    id: 'utilisation',
    group: 'hardware',
    term: 'Utilisation',
    short: 'The share of a node’s full power that one query is charged for.',
    long: 'U in the equations. A model on 8 GPUs answering 8 queries at once (the batch) charges each query about one eighth of the GPUs’ power, times how hard the GPUs work (40–60 % of peak). The paper gives a low and a high bound; the estimate sits in between.',
    see: ['batch', 'w-weight', 'node'],
  },
  {
    id: 'batch',
    group: 'hardware',
    term: 'Batch size',
    short: 'How many queries a GPU server answers at the same time, sharing its power.',
    long: 'The paper assumes 8. A bigger batch spreads the power over more queries, so each uses less energy (but waits a little longer). Its appendix gives the utilisation at batch 4 and 16.',
    see: ['utilisation'],
  },
  {
    id: 'w-weight',
    group: 'hardware',
    term: 'Weight w of the high bound',
    short: 'How far between the low and the high utilisation bound the estimate sits (0.5 = halfway).',
    long: 'E = w × E_max + (1 − w) × E_min. The paper uses w = 0.5: without knowing the real load it takes the middle of the range.',
    see: ['utilisation'],
  },
  // data centre and grid
  {
    id: 'pue',
    group: 'site',
    term: 'PUE',
    short: 'Power usage effectiveness: all the electricity a data centre uses divided by what its computers use.',
    long: 'A PUE of 1.12 means that for every 1 kWh the servers use, the building uses 0.12 kWh more for cooling, lighting and power conversion. 1.0 would be perfect. The paper uses the providers’ published values (Azure 1.12, AWS 1.14, DeepSeek in China 1.27).',
    see: ['wh', 'wue-site'],
  },
  {
    id: 'wue-site',
    group: 'site',
    term: 'On-site water (WUE site)',
    short: 'Litres of water the data centre itself evaporates for cooling, per kWh its computers use.',
    long: 'Water usage effectiveness at the site. Cooling towers evaporate water to carry heat away; this water is consumed (it does not come back to the river). It is counted on the computers’ energy, i.e. the energy divided by PUE.',
    see: ['wue-source', 'pue'],
  },
  {
    id: 'wue-source',
    group: 'site',
    term: 'Power-plant water (WUE source)',
    short: 'Litres of water consumed at the power plants to generate each kWh the data centre draws.',
    long: 'Also called off-site water. Thermal and hydro power plants lose water by evaporation; the amount per kWh depends on the local mix of power plants. For most data centres it is several times the on-site water.',
    see: ['wue-site', 'cif'],
  },
  {
    id: 'cif',
    group: 'site',
    term: 'Carbon intensity (CIF)',
    short:
      'Carbon intensity factor: grams of CO₂e emitted to generate each watt-hour (kilograms per kWh) of electricity.',
    long: 'It depends on the grid: coal-heavy grids emit more than 0.6 kg per kWh, hydro- or nuclear-heavy ones under 0.1. The paper uses the providers’ regional averages (Azure 0.34, AWS 0.30, China 0.60).',
    see: ['co2e', 'scope2', 'region'],
  },
  {
    id: 'scope2',
    group: 'site',
    term: 'Scope 2',
    short:
      'Emissions from generating the electricity a company buys, as opposed to its own fuel (Scope 1) or its supply chain (Scope 3).',
    long: 'The paper counts Scope 2 only: the carbon of the electricity used to answer the query. Making the chips and building the data centre (Scope 3, embodied) are left out.',
    see: ['cif', 'embodied'],
  },
  {
    id: 'embodied',
    group: 'site',
    term: 'Embodied footprint',
    short: 'The energy, water and carbon of making the hardware and buildings, before any query runs.',
    long: 'Not included by the paper or this tool: it has no per-query data for it. Including it would raise every number.',
    see: ['scope2', 'inference'],
  },
  {
    id: 'host',
    group: 'site',
    term: 'Host',
    short: 'The cloud or company whose data centres run the model (e.g. Azure, AWS, DeepSeek).',
    long: 'The host decides the PUE, the water and the carbon intensity, which are averaged over its regions. The same model served by two hosts can have a different footprint.',
    see: ['region', 'pue'],
  },
  {
    id: 'region',
    group: 'site',
    term: 'Region',
    short: 'One data-centre location of a cloud, with its own grid and climate.',
    long: 'Choosing a region in the calculator replaces the provider’s average water and carbon intensity by that region’s values.',
    see: ['host', 'cif'],
  },
  // statistics
  {
    id: 'percentile',
    group: 'stats',
    term: 'Percentile',
    short: 'The value below which a given share of measurements falls: P50 is the middle, P95 is exceeded by only 5 %.',
    long: 'The measurements give, for each model, the 5th, 25th, 50th, 75th and 95th percentiles of time to first token and output speed. P5–P95 on the calculator is the range that holds 90 % of queries.',
    see: ['sd', 'ttft'],
  },
  {
    id: 'sd',
    group: 'stats',
    term: 'Standard deviation (SD)',
    short: 'A typical distance of single queries from the average: how much they vary.',
    long: 'The ± after a value. Queries differ because the wait and the speed change from moment to moment; the SD summarises that spread.',
    see: ['percentile'],
  },
  {
    id: 'mean',
    group: 'stats',
    term: 'Mean',
    short: 'The average over many queries.',
    long: 'The big number on the calculator is the mean energy, water or carbon of one query with the measured spread of waits and speeds.',
    see: ['sd'],
  },
  {
    id: 'copula',
    group: 'stats',
    term: 'Gaussian copula',
    short: 'A way to draw random pairs of wait and speed that tend to move together, each with its measured spread.',
    long: 'Paper v6 draws 10,000 (time to first token, output speed) pairs: each value follows its five measured percentiles, and the two are linked with correlation ρ = −0.3 (a slow start tends to come with a slower answer). This tool computes the same result exactly instead of by random draws.',
    see: ['rho', 'monte-carlo', 'estimator'],
  },
  {
    id: 'rho',
    group: 'stats',
    term: 'Correlation ρ',
    short: 'How strongly the wait and the speed move together, from −1 to 1 (the paper uses −0.3).',
    long: 'ρ only changes the spread (SD, P5–P95), not the mean.',
    see: ['copula'],
  },
  {
    id: 'monte-carlo',
    group: 'stats',
    term: 'Monte Carlo',
    short: 'Estimating a result by repeating a random draw many times and averaging.',
    long: 'The paper’s v6 method uses 10,000 draws. Results then vary slightly from run to run; the default here integrates the same model without random draws.',
    see: ['copula'],
  },
  {
    id: 'estimator',
    group: 'stats',
    term: 'Estimator (v4, v6)',
    short:
      'The recipe that turns the measured percentiles into one average: v6 (the newer paper) or v4 (the older one).',
    long: 'v4 averages all 25 pairs of wait and speed percentiles at both utilisation bounds; v6 uses a Gaussian copula. They give somewhat different numbers from the same data.',
    see: ['copula', 'percentile'],
  },
  // ranking
  {
    id: 'dea',
    group: 'rank',
    term: 'DEA',
    short:
      'Data envelopment analysis: scores each model by how much capability it gives for what it uses, against the best others.',
    long: 'Each model picks the weights for its inputs (energy, PUE, water, carbon intensity) and its output (intelligence score) that make it look best; a model that no other beats under its own best weights scores 1 and is called efficient.',
    see: ['cross-efficiency', 'intelligence-index'],
  },
  {
    id: 'cross-efficiency',
    group: 'rank',
    term: 'Cross-efficiency',
    short: 'A model’s average score when judged by every model’s weights, not only its own favourite ones.',
    long: 'Self-chosen weights let many models score a perfect 1. Cross-efficiency averages how each model looks through the eyes of all the others, which separates them, as the paper does.',
    see: ['dea', 'aggressive'],
  },
  {
    id: 'aggressive',
    group: 'rank',
    term: 'Aggressive (and benevolent) weights',
    short:
      'Aggressive: among its best weights, each model picks those that make the others look worst; benevolent: best.',
    long: 'Best weights are often not unique; a tie-break picks one set. The paper uses the aggressive tie-break (Doyle and Green). Simple uses whichever best weights the solver finds.',
    see: ['cross-efficiency'],
  },
  {
    id: 'returns-to-scale',
    group: 'rank',
    term: 'Returns to scale',
    short:
      'Constant: using twice the resources should give twice the result, at any size; variable: small and large models are compared with their own kind.',
    long: 'Constant returns (CCR, the paper’s choice) compare every model on the same ratio of output to inputs. Variable returns (BCC) let a very small or very large model be efficient for its size.',
    see: ['dea'],
  },
  {
    id: 'orientation',
    group: 'rank',
    term: 'Orientation',
    short:
      'Whether efficiency asks “how much less could it use for the same result?” (input) or “how much more could it give with the same use?” (output).',
    long: 'With constant returns both give the same scores; with variable returns they can differ.',
    see: ['dea', 'returns-to-scale'],
  },
  {
    id: 'self-appraisal',
    group: 'rank',
    term: 'Self-appraisal',
    short: 'Whether a model’s score under its own weights counts in its average.',
    long: 'The paper includes it. Leaving it out judges each model only through the others’ eyes.',
    see: ['cross-efficiency'],
  },
  {
    id: 'intelligence-index',
    group: 'rank',
    term: 'Intelligence index',
    short: 'Artificial Analysis’s score of how capable a model is, averaged over several tests.',
    long: 'The ranking uses it as the useful output of a model. Models without a score are left out of the ranking.',
    see: ['dea'],
  },
  {
    id: 'efficient',
    group: 'rank',
    term: 'Efficient (frontier)',
    short: 'A model no other model beats when it chooses its own best weights: it scores 1.',
    long: 'The efficient models form the frontier that all others are measured against; their scores can still be below 1 in cross-efficiency.',
    see: ['dea', 'cross-efficiency'],
  },
];

const byId = new Map(TERMS.map((t) => [t.id, t]));

/** The term with this id, or undefined. */
export const getTerm = (id) => byId.get(id);
