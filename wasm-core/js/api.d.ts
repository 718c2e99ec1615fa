// Generated from wasm-core/contract/ by scripts/contract.mjs: do not edit.
// Requests and results of every op of the engine API (docs/api.md).

/** Request */
export type AttributeRequest = {
  /** "attribute" */
  op: 'attribute';
  /** a provider-daily file (public/data/provider-daily/...) or the same shape with plain string columns and no levels */
  data: {
    model?: string;
    /** level names of the index-coded columns */
    levels?: {
      [key: string]: Array<string>;
    };
    /** column arrays of equal length: date, prompt, provider and the metric */
    columns: {
      date: Array<unknown>;
      prompt: Array<unknown>;
      provider: Array<unknown>;
      [key: string]: Array<unknown>;
    };
    [key: string]: unknown;
  };
  /** an output-speed column (tps_p5 .. tps_p95; default tps_p50) */
  metric?: string;
  /** hosts to keep */
  hosts?: Array<string>;
  /** prompts to keep */
  prompts?: Array<string>;
  /** first date (YYYY-MM-DD) */
  from?: string;
  /** last date (YYYY-MM-DD) */
  to?: string;
  /** compare hosts on the dates all of them were measured */
  common_dates?: boolean;
  /** drop repeated identical values */
  dedupe?: boolean;
  /** ANOVA/Tukey on the values or their logarithms */
  scale?: 'linear' | 'log';
  /** significance level */
  alpha?: number;
  /** how far a host's speed ratio may be from a hypothesis (log distance) */
  fit_tolerance?: number;
  /** the host whose hardware is known */
  reference: {
    /** host */
    host: string;
    /** its hardware */
    hardware: string;
  };
  /** hardware classes to test */
  hypotheses: Array<{
    /** hardware name */
    hardware: string;
    /** memory bandwidth, TB/s */
    memory_bandwidth_tb_s: number;
    /** label (not used) */
    gpu?: unknown;
    /** where the bandwidth comes from (not used) */
    source?: unknown;
  }>;
  /** energy per query under each hypothesis */
  footprint?: {
    dataset: FootprintDataset;
    /** the model in the dataset */
    model: string;
    hardware?: HardwareDataset;
    hosts?: HostsDataset;
    regions?: RegionsDataset;
    method?: Method;
  };
};

/** Host differences and hardware verdicts (docs/attribution.md) */
export type AttributeResult = {
  model: string;
  metric: string;
  hosts: Array<string>;
  prompts?: Array<string>;
  n?: number;
  anova?: Record<string, unknown>;
  tukey?: Record<string, unknown>;
  /** per host */
  verdicts: Array<{
    host: string;
    most_likely?: string;
    differs?: boolean;
    [key: string]: unknown;
  }>;
  conclusion: string;
  notes?: Notes;
  /** per hypothesis (with footprint) */
  energy?: Array<{
    hardware: string;
    error?: string;
    prompts?: Array<unknown>;
    [key: string]: unknown;
  }>;
  [key: string]: unknown;
};

/** A footprint dataset (the footprint dataset, public/data/schemas/footprint.schema.json; the engine checks its fields itself and names each bad one by JSON pointer) */
export type FootprintDataset = Record<string, unknown>;

/** The hardware dataset: GPU nodes and size classes (the hardware dataset, public/data/schemas/hardware.schema.json; the engine checks its fields itself and names each bad one by JSON pointer) */
export type HardwareDataset = Record<string, unknown>;

/** The hosts dataset: PUE, WUE and CIF per host (the hosts dataset, public/data/schemas/hosts.schema.json; the engine checks its fields itself and names each bad one by JSON pointer) */
export type HostsDataset = Record<string, unknown>;

/** The regions dataset: each provider's regions (the regions dataset, public/data/schemas/regions.schema.json; the engine checks its fields itself and names each bad one by JSON pointer) */
export type RegionsDataset = Record<string, unknown>;

/** The constants dataset: equivalences and the case study (the constants dataset, public/data/schemas/constants.schema.json; the engine checks its fields itself and names each bad one by JSON pointer) */
export type ConstantsDataset = Record<string, unknown>;

/** Which rows to compute (default: every model and prompt of the dataset) */
export type Select = {
  /** model names of the dataset, in the order wanted */
  models?: Array<string>;
  /** prompt sizes (e.g. short, medium, long) */
  prompts?: Array<string>;
};

/** How the per-query numbers are computed (docs/estimate.md) */
export type Method = {
  /** the paper's estimator (default: the dataset's) */
  estimator?: 'v6' | 'v4';
  /** v6 only: integrate over latency and speed by quadrature or by seeded Monte Carlo */
  sampling?: 'quadrature' | 'monte_carlo';
  /** Monte Carlo draws per row (rows x draws at most 20,000,000) */
  draws?: number;
  /** Monte Carlo seed */
  seed?: number;
  /** latency/speed correlation of the Gaussian copula */
  rho?: number;
  /** weight of the highest power (utilisation U_max) in the expected energy */
  w_max?: number;
};

/** Assumptions to replace, for every selected model (docs/estimate.md) */
export type Overrides = {
  /** a hardware id of the hardware dataset (needs "hardware") */
  hardware?: string;
  /** a size class of the hardware dataset (needs "hardware") */
  size_class?: string;
  /** GPUs serving the model */
  gpus?: number;
  /** batch size; utilisation is derived from it (needs "hardware") */
  batch_size?: number;
  /** GPU power of the node, kW */
  p_gpu_kw?: number;
  /** non-GPU power of the node, kW */
  p_nongpu_kw?: number;
  /** lowest GPU utilisation */
  u_gpu_min?: number;
  /** highest GPU utilisation (not below u_gpu_min) */
  u_gpu_max?: number;
  /** non-GPU utilisation */
  u_nongpu?: number;
  /** a host of the hosts dataset (needs "hosts") */
  host?: string;
  /** a preset of the hosts dataset, e.g. "v4" or "v6" (needs "hosts") */
  multipliers?: string;
  /** a region of the regions dataset (needs "regions") */
  region?: string;
  /** power usage effectiveness */
  pue?: number;
  /** on-site water use, L/kWh */
  wue_site_l_per_kwh?: number;
  /** off-site (electricity) water use, L/kWh */
  wue_source_l_per_kwh?: number;
  /** carbon intensity of electricity, kg CO2e/kWh */
  cif_kg_per_kwh?: number;
  /** output length, tokens */
  output_tokens?: number;
  /** time to first token, s: one number (the same at every percentile) or the five percentiles p5, p25, p50, p75, p95 */
  ttft_s?: number | Array<number>;
  /** output speed, tokens/s: one number (the same at every percentile) or the five percentiles p5, p25, p50, p75, p95 */
  tps?: number | Array<number>;
  /** what the energy counts (an extension beyond the paper): the accelerators, the IT equipment, or the facility with PUE */
  boundary?: 'accelerator' | 'it' | 'facility';
  /** which water counts (an extension beyond the paper) */
  water_scope?: 'site' | 'site_and_source';
  /** location-based carbon (the data) or market-based (the visitor gives market_cif_kg_per_kwh) */
  carbon_basis?: 'location' | 'market';
  /** market-based carbon factor, kg CO2e/kWh (required with carbon_basis "market") */
  market_cif_kg_per_kwh?: number;
};

/** The DEA model (defaults: the authors' cross-efficiency, CCR, input-oriented, aggressive M3 with self-appraisal) */
export type DeaModel = {
  /** DEA model */
  type?: 'envelopment' | 'multiplier' | 'super' | 'cross' | 'game';
  /** input (io) or output (oo) orientation; game needs io */
  orientation?: 'io' | 'oo';
  /** returns to scale; game needs crs */
  rts?: 'crs' | 'vrs' | 'nirs' | 'ndrs';
  /** cross-efficiency secondary goal */
  method?: 'arbitrary' | 'aggressive' | 'benevolent';
  /** cross-efficiency formulation */
  formulation?: 'M2' | 'M3';
  /** include the self-appraisal in cross-efficiency means */
  self_appraisal?: boolean;
  /** non-Archimedean epsilon */
  epsilon?: number;
  /** Lim and Zhu variable-returns cross-efficiency */
  lim_zhu?: boolean;
  /** include the cross-efficiency matrix in the result */
  return_matrix?: boolean;
};

/** One query of any shape (docs/workloads.md; an extension beyond the paper): latency and speed are interpolated between the model's measured input lengths */
export type Workload = {
  /** everything sent (with any document or history), tokens */
  input_tokens: number;
  /** the answer, tokens */
  output_tokens: number;
  /** hidden reasoning (thinking) tokens; output + reasoning at most 1,000,000 */
  reasoning_tokens?: number;
  /** beyond the measured lengths: the measured rule or a monotone one */
  rule?: 'measured' | 'monotone';
};

/** A conversation of several turns (docs/workloads.md; an extension beyond the paper): "turns" or "generate", not both */
export type Session = {
  /** the system prompt, tokens */
  system_tokens?: number;
  /** each turn resends the conversation so far */
  history?: boolean;
  /** share of the resent context served from a cache: a number or {value, low, high} */
  cached_share?:
    | number
    | {
        /** share */
        value: number;
        /** lowest (not above value) */
        low?: number;
        /** highest (not below value) */
        high?: number;
      };
  /** the turns (at most 1,000) */
  turns?: Array<{
    /** the turn's new input, tokens */
    input_tokens: number;
    /** the answer, tokens */
    output_tokens: number;
    /** hidden reasoning tokens */
    reasoning_tokens?: number;
  }>;
  /** n equal turns */
  generate?: {
    /** number of turns */
    turns: number;
    /** each turn's new input, tokens */
    input_tokens: number;
    /** each answer, tokens */
    output_tokens: number;
    /** hidden reasoning tokens per turn */
    reasoning_tokens?: number;
  };
  /** beyond the measured lengths */
  rule?: 'measured' | 'monotone';
};

/** A per-query amount with its spread */
export type Amount = {
  /** mean */
  mean: number;
  /** standard deviation (default 0) */
  sd?: number;
  /** low bound (default: the mean) */
  low?: number;
  /** high bound (default: the mean); not below low */
  high?: number;
};

/** Summary of an output over the latency/speed distribution */
export type Summary = {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
  /** at the lowest power (utilisation U_min) */
  low: number;
  /** at the highest power (utilisation U_max) */
  high: number;
  /** with a workload: low widened by the interpolation band */
  range_low?: number;
  /** with a workload: high widened by the interpolation band */
  range_high?: number;
};

/** A session's total over its turns, with the range */
export type SessionTotal = {
  mean: number;
  sd: number;
  low: number;
  high: number;
  range_low: number;
  range_high: number;
};

/** The paper's published figures for this row */
export type Reference = {
  energy_wh_mean: number;
  energy_wh_sd: number;
  water_ml_mean: number;
  water_ml_sd: number;
  carbon_g_mean: number;
  carbon_g_sd: number;
};

/** Error code */
export type ErrorCode =
  | 'parse_error'
  | 'missing_field'
  | 'wrong_type'
  | 'not_finite'
  | 'out_of_range'
  | 'unknown_field'
  | 'unknown_value'
  | 'invalid_value'
  | 'too_large'
  | 'unknown_op'
  | 'infeasible'
  | 'internal';

/** One problem, located by JSON pointer */
export type Issue = {
  code: ErrorCode;
  /** in words, naming the field */
  message: string;
  /** JSON pointer (RFC 6901) of the field; "" for the whole request */
  path: string;
};

/** The first problem; "issues" lists them all when there are several */
export type Error = {
  code: ErrorCode;
  /** in words, naming the field */
  message: string;
  /** JSON pointer (RFC 6901) of the field; "" for the whole request */
  path: string;
  /** every problem */
  issues?: Array<Issue>;
};

/** Notes in words (e.g. a dataset warning or what was kept fixed) */
export type Notes = Array<string>;

/** Request */
export type DeaRequest = {
  /** "dea" */
  op?: 'dea';
  /** decision-making unit names (unique) */
  dmus: Array<string>;
  /** one row per DMU: its inputs (less is better); 1 to 20 columns, the same in every row */
  inputs: Array<Array<number>>;
  /** one row per DMU: its outputs (more is better) */
  outputs: Array<Array<number>>;
  /** a name per input column (default x1, x2, ...) */
  input_names?: Array<string>;
  /** a name per output column (default y1, ...) */
  output_names?: Array<string>;
  model?: DeaModel;
};

/** DEA scores and the model's details (docs/ranking.md) */
export type DeaResult = {
  dmus: Array<string>;
  input_names?: Array<string>;
  output_names?: Array<string>;
  model?: Record<string, unknown>;
  /** efficiency score per DMU (null when the LP failed) */
  scores: Array<number | null>;
  ranks: Array<number>;
  status: Array<string>;
  warnings: Array<string>;
  [key: string]: unknown;
};

/** Request */
export type EstimateRequest = {
  /** "estimate" (may be left out: a request without "op" is an estimate) */
  op?: 'estimate';
  dataset: FootprintDataset;
  select?: Select;
  method?: Method;
  overrides?: Overrides;
  hardware?: HardwareDataset;
  hosts?: HostsDataset;
  regions?: RegionsDataset;
  /** one query of any shape instead of the dataset's prompt sizes (not with select.prompts or overrides.output_tokens) */
  workload?: Workload;
  /** a conversation instead of the dataset's prompt sizes (not with workload) */
  session?: Session;
};

/** Rows of per-query footprints */
export type EstimateResult = {
  /** The method used */
  method: {
    estimator: 'v6' | 'v4';
    /** "grid" for v4 */
    sampling: 'quadrature' | 'monte_carlo' | 'grid';
    w_max: number;
    rho?: number;
    draws?: number;
    seed?: number;
    [key: string]: unknown;
  };
  /** one per (model, prompt) */
  rows: Array<{
    model: string;
    company: string;
    host: string;
    prompt: string;
    /** output length used, tokens */
    output_tokens: number;
    /** Artificial Analysis intelligence index (null when unknown) */
    aa_intelligence_index: number | null;
    /** The assumptions used (after overrides) */
    assumptions: {
      hardware: string;
      size_class: string;
      host: string;
      p_gpu_kw: number;
      p_nongpu_kw: number;
      u_gpu_min: number;
      u_gpu_max: number;
      u_nongpu: number;
      pue: number;
      wue_site_l_per_kwh: number;
      wue_source_l_per_kwh: number;
      cif_kg_per_kwh: number;
      output_tokens: number;
      ttft_s: Array<number>;
      tps: Array<number>;
      /** names of the overridden assumptions */
      overridden: Array<string>;
      gpus?: number;
      batch_size?: number;
      region?: string;
      multipliers?: string;
    };
    /** energy per query (or session), Wh */
    energy_wh: Summary | SessionTotal;
    /** water, mL */
    water_ml: Summary | SessionTotal;
    /** carbon, g CO2e */
    carbon_g: Summary | SessionTotal;
    /** The intermediate values of the formula (show the work) */
    work?: {
      ttft_mean_s: number;
      inv_tps_mean_s_per_token?: number;
      time_mean_s: number;
      time_sd_s?: number;
      power_min_kw?: number;
      power_max_kw?: number;
      power_expected_kw?: number;
      w_max?: number;
      pue?: number;
      energy_min_wh: number;
      energy_max_wh: number;
      water_ml_per_wh: number;
      carbon_g_per_wh: number;
      /** which parts of the boundary were kept (overrides.boundary, water_scope, carbon_basis) */
      boundary?: Record<string, unknown>;
      [key: string]: unknown;
    };
    reference?: Reference;
    /** input length of the prompt size, tokens (when the dataset gives it) */
    input_tokens?: number;
    /** date of the measurement (latest dataset) */
    measured?: string;
    /** with a workload: its tokens and where its latency and speed were interpolated */
    workload?: Record<string, unknown>;
    /** with a session: every turn, the system prompt, history and cached share */
    session?: Record<string, unknown>;
  }>;
  notes: Notes;
};

/** Request */
export type ExportRequest = {
  /** "export" */
  op: 'export';
  dataset: FootprintDataset;
};

/** The CSV */
export type ExportResult = {
  csv: string;
  columns: Array<string>;
};

/** Request */
export type ImportRequest = {
  /** "import" */
  op: 'import';
  /** the file's text (at most the engine's size limit) */
  text: string;
  /** default: json when the text starts with { or [, else csv */
  format?: 'csv' | 'json';
  /** dataset title */
  title?: string;
  /** to fill in and check hardware */
  hardware?: HardwareDataset;
  /** to fill in and check hosts */
  hosts?: HostsDataset;
};

/** The dataset */
export type ImportResult = {
  format: 'csv' | 'json';
  dataset: FootprintDataset;
  counts: {
    models: number;
    prompts: number;
  };
};

/** Request: the estimate fields, then what to rank on */
export type RankRequest = {
  /** "rank" */
  op: 'rank';
  dataset: FootprintDataset;
  select?: Select;
  method?: Method;
  overrides?: Overrides;
  hardware?: HardwareDataset;
  hosts?: HostsDataset;
  regions?: RegionsDataset;
  /** one query of any shape instead of the dataset's prompt sizes (not with select.prompts or overrides.output_tokens) */
  workload?: Workload;
  /** a conversation instead of the dataset's prompt sizes (not with workload) */
  session?: Session;
  /** DEA inputs (less is better): energy_wh, pue, wue_site_l_per_kwh, wue_source_l_per_kwh, cif_kg_per_kwh (the default), any numeric model field or a column of "columns" */
  inputs?: Array<string>;
  /** DEA output (more is better; default aa_intelligence_index) */
  output?: string;
  /** user columns: {name: {model: value}} */
  columns?: {
    [key: string]: Record<string, unknown>;
  };
  /** decision-making units: models, or (model, prompt) pairs averaged per model */
  unit?: 'model' | 'model_prompt';
  model?: DeaModel;
};

/** Scores and ranks per model */
export type RankResult = {
  models: Array<string>;
  /** per model (null when none) */
  scores: Array<number | null>;
  ranks: Array<number>;
  unit: 'model' | 'model_prompt';
  inputs: Array<string>;
  output: string;
  /** models left out for a missing value */
  excluded: Array<{
    dmu: string;
    model: string;
    reason: string;
  }>;
  /** The method used */
  estimate_method: {
    estimator: 'v6' | 'v4';
    /** "grid" for v4 */
    sampling: 'quadrature' | 'monte_carlo' | 'grid';
    w_max: number;
    rho?: number;
    draws?: number;
    seed?: number;
    [key: string]: unknown;
  };
  /** DEA scores and the model's details (docs/ranking.md) */
  dea: {
    dmus: Array<string>;
    input_names?: Array<string>;
    output_names?: Array<string>;
    model?: Record<string, unknown>;
    /** efficiency score per DMU (null when the LP failed) */
    scores: Array<number | null>;
    ranks: Array<number>;
    status: Array<string>;
    warnings: Array<string>;
    /** the DEA table */
    data?: {
      inputs: Array<Array<number>>;
      outputs: Array<Array<number>>;
    };
    [key: string]: unknown;
  };
};

/** Request: the per-query values come from exactly one of per_query, estimate and preset (or only totals, for equivalences) */
export type ScaleRequest = {
  /** "scale" */
  op: 'scale';
  /** per-query values by prompt size */
  per_query?: {
    [key: string]: {
      energy_wh: Amount;
      water_ml?: Amount;
      carbon_g?: Amount;
    };
  };
  /** an estimate request for one model; its rows give the per-query values */
  estimate?: EstimateRequest;
  /** the paper's case study (needs constants and hosts) */
  preset?: 'gpt-4o-2025';
  /** share of each prompt size (adding up to 1); required with several sizes */
  mix?: {
    [key: string]: number;
  };
  /** a day of queries */
  day?: {
    /** queries a day */
    queries: number;
  };
  /** a year of queries */
  year?: {
    /** queries a year */
    queries?: number;
    /** queries a day */
    queries_per_day?: number;
    /** days (default 365) */
    days?: number;
  };
  /** totals to express as equivalences */
  totals?: {
    /** MWh */
    energy_mwh?: number;
    /** kL */
    water_kl?: number;
    /** t CO2e */
    carbon_t?: number;
  };
  /** for equivalences (and the preset) */
  constants?: ConstantsDataset;
  /** for the preset */
  hosts?: HostsDataset;
};

/** Scaled totals */
export type ScaleResult = {
  /** per prompt size */
  per_query?: Array<{
    prompt: string;
    share: number;
    energy_wh: Amount;
    water_ml?: Amount;
    carbon_g?: Amount;
    [key: string]: unknown;
  }>;
  /** per query, mixed by the shares */
  mixed?: {
    energy_wh?: Amount;
    water_ml?: Amount;
    carbon_g?: Amount;
    [key: string]: unknown;
  };
  /** a day (Wh, mL, g) */
  day?: {
    energy_wh?: Amount;
    water_ml?: Amount;
    carbon_g?: Amount;
    queries: number;
    equivalences: Array<{
      id: string;
      label: string;
      applies_to: 'energy' | 'water' | 'carbon';
      value: number;
      unit: string;
      source: string;
      /** how many of the thing the total equals */
      count: {
        mean: number;
        low: number;
        high: number;
      };
    }>;
    [key: string]: unknown;
  };
  /** a year (MWh, kL, t) */
  year?: {
    energy_mwh?: Amount;
    water_kl?: Amount;
    carbon_t?: Amount;
    queries: number;
    equivalences: Array<{
      id: string;
      label: string;
      applies_to: 'energy' | 'water' | 'carbon';
      value: number;
      unit: string;
      source: string;
      /** how many of the thing the total equals */
      count: {
        mean: number;
        low: number;
        high: number;
      };
    }>;
    [key: string]: unknown;
  };
  /** equivalences of the given totals */
  totals?: {
    equivalences: Array<{
      id: string;
      label: string;
      applies_to: 'energy' | 'water' | 'carbon';
      value: number;
      unit: string;
      source: string;
      /** how many of the thing the total equals */
      count: {
        mean: number;
        low: number;
        high: number;
      };
    }>;
  };
  /** the paper's own annual figures (preset) */
  published?: {
    [key: string]: {
      low: number;
      high: number;
    };
  };
  notes: Notes;
  [key: string]: unknown;
};

/** Request (as uncertainty, without scale) */
export type SensitivityRequest = {
  /** "sensitivity" */
  op: 'sensitivity';
  dataset: FootprintDataset;
  select?: Select;
  /** The v6 method */
  method?: {
    /** v6 only */
    estimator?: 'v6';
    /** latency/speed correlation */
    rho?: number;
    /** weight of the highest power */
    w_max?: number;
  };
  overrides?: Overrides;
  hardware?: HardwareDataset;
  hosts?: HostsDataset;
  regions?: RegionsDataset;
  /** one query of any shape instead of the dataset's prompt sizes (not with select.prompts or overrides.output_tokens) */
  workload?: Workload;
  /** "paper": every assumption fixed but latency/speed; "ranges": the documented default ranges */
  preset?: 'paper' | 'ranges';
  /** Which assumptions vary and how: see ranges below */
  uncertain?: UncertaintyRanges;
  /** Monte Carlo draws per row (rows x draws limited) */
  draws?: number;
  /** seed */
  seed?: number;
  /** histogram bins */
  bins?: number;
};

/** Indices per row */
export type SensitivityResult = {
  /** The method used */
  method: {
    estimator?: string;
    sampling?: string;
    preset: 'paper' | 'ranges';
    draws: number;
    seed: number;
    bins: number;
    rho?: number;
    w_max?: number;
    [key: string]: unknown;
  };
  /** one per (model, prompt) */
  rows: Array<{
    model: string;
    company: string;
    host: string;
    prompt: string;
    output_tokens: number;
    /** how each assumption varied */
    inputs: Array<{
      name: string;
      dist: string;
      default?: boolean;
      [key: string]: unknown;
    }>;
    reference?: Reference;
    /** Summary of the Monte Carlo draws */
    energy_wh: {
      mean: number;
      sd: number;
      min: number;
      max: number;
      p5: number;
      p25: number;
      p50: number;
      p75: number;
      p95: number;
      /** histogram of the draws */
      histogram: {
        lo: number;
        hi: number;
        counts: Array<number>;
      };
    };
    /** Summary of the Monte Carlo draws */
    water_ml: {
      mean: number;
      sd: number;
      min: number;
      max: number;
      p5: number;
      p25: number;
      p50: number;
      p75: number;
      p95: number;
      /** histogram of the draws */
      histogram: {
        lo: number;
        hi: number;
        counts: Array<number>;
      };
    };
    /** Summary of the Monte Carlo draws */
    carbon_g: {
      mean: number;
      sd: number;
      min: number;
      max: number;
      p5: number;
      p25: number;
      p50: number;
      p75: number;
      p95: number;
      /** histogram of the draws */
      histogram: {
        lo: number;
        hi: number;
        counts: Array<number>;
      };
    };
    sobol: {
      draws: number;
      evaluations: number;
      /** Sobol indices */
      energy_wh: {
        variance: number;
        /** per uncertain input */
        indices: Array<{
          input: string;
          first: number;
          total: number;
          first_se: number;
          total_se: number;
        }>;
      };
      /** Sobol indices */
      water_ml: {
        variance: number;
        /** per uncertain input */
        indices: Array<{
          input: string;
          first: number;
          total: number;
          first_se: number;
          total_se: number;
        }>;
      };
      /** Sobol indices */
      carbon_g: {
        variance: number;
        /** per uncertain input */
        indices: Array<{
          input: string;
          first: number;
          total: number;
          first_se: number;
          total_se: number;
        }>;
      };
    };
    tornado: {
      /** one-at-a-time swings, by decreasing swing */
      energy_wh: {
        base: number;
        bars: Array<{
          input: string;
          low: number;
          high: number;
          swing: number;
          low_at: string;
          high_at: string;
        }>;
      };
      /** one-at-a-time swings, by decreasing swing */
      water_ml: {
        base: number;
        bars: Array<{
          input: string;
          low: number;
          high: number;
          swing: number;
          low_at: string;
          high_at: string;
        }>;
      };
      /** one-at-a-time swings, by decreasing swing */
      carbon_g: {
        base: number;
        bars: Array<{
          input: string;
          low: number;
          high: number;
          swing: number;
          low_at: string;
          high_at: string;
        }>;
      };
    };
  }>;
  notes: Notes;
};

/** Request: "test" picks the test and its fields */
export type StatsRequest =
  | {
      /** "stats" */
      op: 'stats';
      test: 'anova1';
      /** observations */
      y: Array<number>;
      /** one group label per value (strings or integers) */
      a: Array<string | number>;
      /** name of the factor */
      a_name?: string;
    }
  | {
      /** "stats" */
      op: 'stats';
      test: 'anova2';
      /** observations */
      y: Array<number>;
      /** factor a, one label per value */
      a: Array<string | number>;
      /** factor b, one label per value */
      b: Array<string | number>;
      /** include the a x b interaction */
      interaction?: boolean;
      /** name of a */
      a_name?: string;
      /** name of b */
      b_name?: string;
    }
  | {
      /** "stats" */
      op: 'stats';
      test: 'tukey';
      /** observations */
      y: Array<number>;
      /** group label per value (at most 60 groups) */
      a: Array<string | number>;
      /** significance level */
      alpha?: number;
    }
  | {
      /** "stats" */
      op: 'stats';
      test: 'welch';
      /** observations */
      x: Array<number>;
      /** observations */
      y: Array<number>;
      /** significance level */
      alpha?: number;
    };

/** The test's result; "test" names it */
export type StatsResult =
  | {
      test: 'anova1' | 'anova2';
      n: number;
      ss_total?: number;
      /** ANOVA table */
      table: Array<{
        term: string;
        df: number;
        ss: number;
        ms: number;
        f: number | null;
        p: number | null;
        eta_sq?: number;
        partial_eta_sq?: number | null;
        omega_sq?: number | null;
        [key: string]: unknown;
      }>;
      groups?: Array<{
        name: string;
        n: number;
        mean: number;
        sd: number;
        median: number;
        min: number;
        max: number;
      }>;
      sum_of_squares?: string;
      interaction?: boolean;
      [key: string]: unknown;
    }
  | {
      test: 'tukey';
      alpha?: number;
      mse?: number;
      df_error?: number;
      q_crit?: number;
      groups: Array<{
        name: string;
        n: number;
        mean: number;
        sd: number;
        median: number;
        min: number;
        max: number;
      }>;
      pairs: Array<{
        group1?: string;
        group2?: string;
        diff: number;
        se?: number;
        q?: number;
        p_adj: number;
        lower?: number;
        upper?: number;
        reject: boolean;
        hedges_g?: number;
        [key: string]: unknown;
      }>;
      [key: string]: unknown;
    }
  | {
      test: 'welch';
      /** A group summary */
      x?: {
        name: string;
        n: number;
        mean: number;
        sd: number;
        median: number;
        min: number;
        max: number;
      };
      /** A group summary */
      y?: {
        name: string;
        n: number;
        mean: number;
        sd: number;
        median: number;
        min: number;
        max: number;
      };
      diff?: number;
      se?: number;
      t: number;
      df: number;
      p: number;
      alpha?: number;
      lower?: number;
      upper?: number;
      cohens_d?: number;
      hedges_g?: number;
      [key: string]: unknown;
    };

/** Request */
export type TrendRequest = {
  /** "trend" */
  op: 'trend';
  /** one model's daily file, or a list of them (each model once) */
  dataset: Record<string, unknown> | Array<Record<string, unknown>>;
  select?: Select;
  /** first day (YYYY-MM-DD) */
  from?: string;
  /** last day (YYYY-MM-DD; not before from) */
  to?: string;
  /** how each day is computed */
  method?: {
    /** as_published: each day's own method and multipliers; or one estimator for every day */
    estimator?: 'as_published' | 'v6' | 'v4';
    /** weight of the highest power */
    w_max?: number;
    /** latency/speed correlation */
    rho?: number;
  };
  overrides?: Overrides;
  hardware?: HardwareDataset;
  hosts?: HostsDataset;
  regions?: RegionsDataset;
};

/** Days and series */
export type TrendResult = {
  /** the method used */
  method: {
    estimator: 'as_published' | 'v6' | 'v4';
    w_max?: number;
    rho?: number;
    sampling?: string;
    [key: string]: unknown;
  };
  /** one per day, model and prompt size */
  rows: Array<{
    date: string;
    model: string;
    prompt: string;
    /** the method used that day (grid = v4, v6) */
    method: string;
    /** mean, SD and percentiles of the day */
    energy_wh: {
      mean: number;
      sd: number;
      p5: number;
      p50: number;
      p95: number;
    };
    /** mean, SD and percentiles of the day */
    water_ml: {
      mean: number;
      sd: number;
      p5: number;
      p50: number;
      p95: number;
    };
    /** mean, SD and percentiles of the day */
    carbon_g: {
      mean: number;
      sd: number;
      p5: number;
      p50: number;
      p95: number;
    };
    /** the authors' published values that day, or null */
    published: null | {
      [key: string]: number;
    };
    /** what is special about the day (repeated, after_gap, a method change, ...) */
    flags: Array<string>;
    [key: string]: unknown;
  }>;
  /** per model and prompt size */
  series: Array<{
    model: string;
    company?: string;
    prompt: string;
    /** input tokens, when known */
    input_tokens?: number | null;
    output_tokens?: number;
    from?: string | null;
    to?: string | null;
    days: number;
    /** monthly summaries */
    monthly: Array<Record<string, unknown>>;
    /** Theil-Sen slope with Sen's interval per metric */
    change: Record<string, unknown>;
    flags: Record<string, unknown>;
    [key: string]: unknown;
  }>;
  notes: Notes;
};

/** Request */
export type UncertaintyRequest = {
  /** "uncertainty" */
  op: 'uncertainty';
  dataset: FootprintDataset;
  select?: Select;
  /** The v6 method */
  method?: {
    /** v6 only */
    estimator?: 'v6';
    /** latency/speed correlation */
    rho?: number;
    /** weight of the highest power */
    w_max?: number;
  };
  overrides?: Overrides;
  hardware?: HardwareDataset;
  hosts?: HostsDataset;
  regions?: RegionsDataset;
  /** one query of any shape instead of the dataset's prompt sizes (not with select.prompts or overrides.output_tokens) */
  workload?: Workload;
  /** "paper": every assumption fixed but latency/speed; "ranges": the documented default ranges */
  preset?: 'paper' | 'ranges';
  /** Which assumptions vary and how: see ranges below */
  uncertain?: UncertaintyRanges;
  /** Monte Carlo draws per row (rows x draws limited) */
  draws?: number;
  /** seed */
  seed?: number;
  /** histogram bins */
  bins?: number;
  /** N queries */
  scale?: {
    /** queries */
    queries: number;
  };
};

/** Distributions per row */
export type UncertaintyResult = {
  /** The method used */
  method: {
    estimator?: string;
    sampling?: string;
    preset: 'paper' | 'ranges';
    draws: number;
    seed: number;
    bins: number;
    rho?: number;
    w_max?: number;
    [key: string]: unknown;
  };
  /** one per (model, prompt) */
  rows: Array<{
    model: string;
    company: string;
    host: string;
    prompt: string;
    output_tokens: number;
    /** how each assumption varied */
    inputs: Array<{
      name: string;
      dist: string;
      default?: boolean;
      [key: string]: unknown;
    }>;
    reference?: Reference;
    /** Summary of the Monte Carlo draws */
    energy_wh: {
      mean: number;
      sd: number;
      min: number;
      max: number;
      p5: number;
      p25: number;
      p50: number;
      p75: number;
      p95: number;
      /** histogram of the draws */
      histogram: {
        lo: number;
        hi: number;
        counts: Array<number>;
      };
    };
    /** Summary of the Monte Carlo draws */
    water_ml: {
      mean: number;
      sd: number;
      min: number;
      max: number;
      p5: number;
      p25: number;
      p50: number;
      p75: number;
      p95: number;
      /** histogram of the draws */
      histogram: {
        lo: number;
        hi: number;
        counts: Array<number>;
      };
    };
    /** Summary of the Monte Carlo draws */
    carbon_g: {
      mean: number;
      sd: number;
      min: number;
      max: number;
      p5: number;
      p25: number;
      p50: number;
      p75: number;
      p95: number;
      /** histogram of the draws */
      histogram: {
        lo: number;
        hi: number;
        counts: Array<number>;
      };
    };
    /** at the nominal assumptions */
    point: {
      energy_wh: number;
      water_ml: number;
      carbon_g: number;
    };
    /** for N queries */
    scaled: {
      queries: number;
      /** Summary of the Monte Carlo draws */
      energy_wh: {
        mean: number;
        sd: number;
        min: number;
        max: number;
        p5: number;
        p25: number;
        p50: number;
        p75: number;
        p95: number;
        /** histogram of the draws */
        histogram: {
          lo: number;
          hi: number;
          counts: Array<number>;
        };
      };
      /** Summary of the Monte Carlo draws */
      water_ml: {
        mean: number;
        sd: number;
        min: number;
        max: number;
        p5: number;
        p25: number;
        p50: number;
        p75: number;
        p95: number;
        /** histogram of the draws */
        histogram: {
          lo: number;
          hi: number;
          counts: Array<number>;
        };
      };
      /** Summary of the Monte Carlo draws */
      carbon_g: {
        mean: number;
        sd: number;
        min: number;
        max: number;
        p5: number;
        p25: number;
        p50: number;
        p75: number;
        p95: number;
        /** histogram of the draws */
        histogram: {
          lo: number;
          hi: number;
          counts: Array<number>;
        };
      };
      /** share of the variance shared by all N queries */
      shared_share: {
        energy_wh: number;
        water_ml: number;
        carbon_g: number;
      };
    };
  }>;
  notes: Notes;
};

/** Which assumptions vary and how (docs/uncertainty.md); the others stay at their nominal values (or default ranges with preset "ranges") */
export type UncertaintyRanges = {
  /** the latency/speed distribution: the v6 Gaussian copula, fixed at the percentiles, or the default */
  latency_speed?:
    | {
        dist: 'copula';
        /** correlation */
        rho?: number;
      }
    | {
        dist: 'fixed' | 'default';
      };
  /** a choice among the host's provider regions (WUE_source and CIF together; needs "regions") */
  region?:
    | {
        dist: 'fixed';
      }
    | {
        dist: 'choice' | 'default';
        /** a provider of the regions dataset (default: the host's) */
        provider?: string;
        /** a subset of the provider's regions (at least two) */
        regions?: Array<string>;
        /** one weight per region */
        weights?: Array<number>;
      };
  /** How w_max varies: a number (fixed) or a distribution */
  w_max?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      }
    | {
        dist: 'default';
      };
  /** How batch_size varies: a number (fixed) or a distribution */
  batch_size?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      }
    | {
        dist: 'default';
      };
  /** How gpus varies: a number (fixed) or a distribution */
  gpus?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      };
  /** How pue varies: a number (fixed) or a distribution */
  pue?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      }
    | {
        dist: 'default';
      };
  /** How wue_site_l_per_kwh varies: a number (fixed) or a distribution */
  wue_site_l_per_kwh?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      }
    | {
        dist: 'default';
      };
  /** How wue_source_l_per_kwh varies: a number (fixed) or a distribution */
  wue_source_l_per_kwh?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      };
  /** How cif_kg_per_kwh varies: a number (fixed) or a distribution */
  cif_kg_per_kwh?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      };
  /** How output_tokens varies: a number (fixed) or a distribution */
  output_tokens?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      };
  /** How p_gpu_kw varies: a number (fixed) or a distribution */
  p_gpu_kw?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      };
  /** How p_nongpu_kw varies: a number (fixed) or a distribution */
  p_nongpu_kw?:
    | number
    | {
        dist: 'fixed';
        /** the value (default: nominal) */
        value?: number;
      }
    | {
        dist: 'uniform';
        /** lowest */
        min: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'triangular';
        /** lowest */
        min: number;
        /** most likely (default: nominal, clamped) */
        mode?: number;
        /** highest (not below min) */
        max: number;
      }
    | {
        dist: 'choice';
        /** the values */
        options: Array<number>;
        /** relative weights, one per option */
        weights?: Array<number>;
      };
};

/** Request */
export type ValidateDatasetRequest = {
  /** "validate_dataset" */
  op: 'validate_dataset';
  /** the footprint dataset to check (any JSON value: what is wrong with it is the answer) */
  dataset: unknown;
  /** to check hardware and size-class names */
  hardware?: HardwareDataset;
  /** to check host names */
  hosts?: HostsDataset;
};

/** The verdict */
export type ValidateDatasetResult = {
  valid: boolean;
  counts: {
    models: number;
    prompts: number;
    with_reference: number;
  };
  /** every problem */
  issues: Array<Issue>;
  /** things the method corrects (e.g. unsorted percentiles) */
  warnings: Array<Issue>;
};

/** Request */
export type VersionRequest = {
  /** "version" */
  op: 'version';
};

/** What computed the numbers */
export type VersionResult = {
  /** engine version */
  engine: string;
  /** API version */
  api: 1;
  target: 'native' | 'wasm32';
  /** which build: "all" natively, "core" or "lab" in the browser */
  module: 'all' | 'core' | 'lab';
  ops: Array<string>;
  method: string;
};

/** Every op of the API. */
export type OpName =
  | 'version'
  | 'validate_dataset'
  | 'estimate'
  | 'scale'
  | 'dea'
  | 'rank'
  | 'uncertainty'
  | 'sensitivity'
  | 'stats'
  | 'attribute'
  | 'trend'
  | 'import'
  | 'export';

/** The request of each op. */
export interface Requests {
  version: VersionRequest;
  validate_dataset: ValidateDatasetRequest;
  estimate: EstimateRequest;
  scale: ScaleRequest;
  dea: DeaRequest;
  rank: RankRequest;
  uncertainty: UncertaintyRequest;
  sensitivity: SensitivityRequest;
  stats: StatsRequest;
  attribute: AttributeRequest;
  trend: TrendRequest;
  import: ImportRequest;
  export: ExportRequest;
}

/** The result of each op. */
export interface Results {
  version: VersionResult;
  validate_dataset: ValidateDatasetResult;
  estimate: EstimateResult;
  scale: ScaleResult;
  dea: DeaResult;
  rank: RankResult;
  uncertainty: UncertaintyResult;
  sensitivity: SensitivityResult;
  stats: StatsResult;
  attribute: AttributeResult;
  trend: TrendResult;
  import: ImportResult;
  export: ExportResult;
}

/** Any request (without "op" a request is an estimate). */
export type EngineRequest = Requests[OpName];

/** The envelope of every answer. */
export type EngineResponse<Op extends OpName = OpName> =
  { ok: true; op: Op; result: Results[Op] } | { ok: false; op: string | null; error: Error };
