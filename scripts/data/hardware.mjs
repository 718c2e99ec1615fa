// Dataset "hardware": node hardware classes, size classes with their coded utilisation
// tables, and the parameters of the paper's utilisation derivation U = G * D / (N * B).
// Source: docs/METHOD.md section 1, i.e. the paper (v4/v6 section on hardware and the
// batch-size appendix) and the authors' code, which holds the coded values used to
// produce every published number. TPU V6e is used only by the authors' dashboard.
import { LICENCE_PAPER, PAPER_V6, REPO_AT, REPO_RETRIEVED } from './lib/provenance.mjs';
import { referenceSchema, str1 as str } from './lib/schema.mjs';

const CODE = `authors' code (${REPO_AT}); the values in every row of snapshot-2025-10-26.csv`;
const PAPER_HW = `${PAPER_V6}, hardware classes (node of 8 GPUs)`;

const hardware = [
  {
    id: 'DGX H200/H100',
    label: 'NVIDIA DGX H100/H200',
    family: 'H100',
    p_gpu_kw: 5.6,
    p_nongpu_kw: 4.6,
    gpus_per_node: 8,
    used_for: 'OpenAI (new models), Anthropic, Meta on AWS, DeepSeek on Azure, xAI (dashboard)',
    paper: true,
    source: PAPER_HW,
  },
  {
    id: 'DGX H800',
    label: 'NVIDIA DGX H800',
    family: 'H100',
    p_gpu_kw: 5.6,
    p_nongpu_kw: 4.6,
    gpus_per_node: 8,
    used_for: 'DeepSeek on its own servers (China)',
    paper: true,
    source: PAPER_HW,
  },
  {
    id: 'DGX A100',
    label: 'NVIDIA DGX A100',
    family: 'A100',
    p_gpu_kw: 3.2,
    p_nongpu_kw: 3.3,
    gpus_per_node: 8,
    used_for: 'GPT-4o mini, GPT-4 Turbo, GPT-4 (attributed by statistical inference)',
    paper: true,
    source: PAPER_HW,
  },
  {
    id: 'TPU V6e',
    label: 'Google TPU v6e',
    family: 'TPU',
    p_gpu_kw: 1.2,
    p_nongpu_kw: 0.96,
    gpus_per_node: 8,
    used_for: 'Google models (dashboard only, not in the paper)',
    paper: false,
    source: `${CODE}; data/sources/README.md (TPU V6e 1.2 / 0.96 kW); gpus_per_node assumed 8 like the DGX nodes (not stated by the authors)`,
  },
];

const u = (u_gpu_min, u_gpu_max, u_nongpu) => ({ u_gpu_min, u_gpu_max, u_nongpu });
const sizeClasses = [
  {
    id: 'Nano',
    params_b_min: null,
    params_b_max: 7,
    gpus: 1,
    utilisation: { H100: u(0.0055, 0.01, 0.0087), A100: null, TPU: null },
  },
  {
    id: 'Micro',
    params_b_min: 7,
    params_b_max: 20,
    gpus: 1,
    utilisation: { H100: u(0.0075, 0.0125, 0.0087), A100: null, TPU: null },
  },
  {
    id: 'Small',
    params_b_min: 20,
    params_b_max: 40,
    gpus: 2,
    utilisation: { H100: u(0.017, 0.025, 0.016), A100: null, TPU: null },
  },
  {
    id: 'Medium',
    params_b_min: 40,
    params_b_max: 70,
    gpus: 4,
    utilisation: { H100: u(0.03, 0.045, 0.03125), A100: u(0.0625, 0.07, 0.0312), TPU: null },
  },
  {
    id: 'Large',
    params_b_min: 70,
    params_b_max: null,
    gpus: 8,
    utilisation: { H100: u(0.055, 0.075, 0.0625), A100: u(0.125, 0.15, 0.0625), TPU: u(0.1, 0.1125, 0.1) },
  },
];

const data = {
  kind: 'hardware',
  id: 'hardware',
  version: 'v6',
  title: 'Hardware and size classes',
  description:
    'Node power of each hardware class (kW per node of 8 accelerators), the size classes by parameter count with ' +
    'the number of GPUs serving one model, and the per-query utilisation bounds the authors coded for each ' +
    "hardware family (already divided by GPUs per node and batch size); plus the parameters of the paper's " +
    'derivation U = G * D / (N * B) and its batch-size appendix values.',
  notes: [
    'Utilisation values are those the authors coded (use them to reproduce published results). The derivation U = G * D / (N * B) gives slightly different values for some classes (e.g. U_nonGPU = G * 0.5 / 64 = 0.0078125 for 1 GPU, coded 0.0087; A100 Medium U_nonGPU coded 0.0312, not 0.03125).',
    'Size class bounds are in billions of parameters: Nano < 7B, Micro 7-20B, Small 20-40B, Medium 40-70B, Large > 70B (a null bound is open).',
    "The H100 family covers DGX H100/H200 and DGX H800 (same node power and utilisation). The A100 family has coded values for Medium and Large only. TPU V6e (Large only) is used by the authors' dashboard for Google models and does not appear in the paper.",
    'A user who changes batch size or GPU count should get the derived value; the paper preset keeps the coded table.',
  ],
  hardware,
  families: ['H100', 'A100', 'TPU'],
  size_classes: sizeClasses.map((c) => ({
    ...c,
    source: `${PAPER_V6}, size classes; utilisation values as coded in the ${CODE}`,
  })),
  derivation: {
    formula: 'U = G * D / (N * B)',
    gpus_per_node: 8,
    batch_size: 8,
    d_nongpu: 0.5,
    source: `${PAPER_V6}, utilisation derivation (G GPUs of the size class, D the fraction of their peak power drawn, N GPUs per node, B concurrent queries per batch, D_nonGPU the non-GPU power fraction)`,
  },
  batch_size_appendix: [
    {
      batch_size: 4,
      size_class: 'Large',
      family: 'H100',
      u_gpu_min: 0.1,
      u_gpu_max: 0.135,
      u_nongpu: 0.125,
      source: `${PAPER_V6}, batch-size appendix (Large, H100)`,
    },
    {
      batch_size: 16,
      size_class: 'Large',
      family: 'H100',
      u_gpu_min: 0.035,
      u_gpu_max: 0.045,
      u_nongpu: 0.03125,
      source: `${PAPER_V6}, batch-size appendix (Large, H100)`,
    },
  ],
};

const nonneg = { type: 'number', minimum: 0 };
const fraction = { type: 'number', minimum: 0, maximum: 1 };
const bound = { type: ['number', 'null'], exclusiveMinimum: 0 };
const util = {
  type: 'object',
  additionalProperties: false,
  required: ['u_gpu_min', 'u_gpu_max', 'u_nongpu'],
  properties: { u_gpu_min: fraction, u_gpu_max: fraction, u_nongpu: fraction },
};

const schema = referenceSchema('hardware', 'llm-footprint hardware classes, size classes and utilisation tables', {
  hardware: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'label', 'family', 'p_gpu_kw', 'p_nongpu_kw', 'gpus_per_node', 'used_for', 'paper', 'source'],
      properties: {
        id: str,
        label: str,
        family: { enum: ['H100', 'A100', 'TPU'] },
        p_gpu_kw: { type: 'number', exclusiveMinimum: 0 },
        p_nongpu_kw: nonneg,
        gpus_per_node: { type: 'integer', minimum: 1 },
        used_for: str,
        paper: { type: 'boolean' },
        source: str,
      },
    },
  },
  families: { type: 'array', items: { enum: ['H100', 'A100', 'TPU'] } },
  size_classes: {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'params_b_min', 'params_b_max', 'gpus', 'utilisation', 'source'],
      properties: {
        id: { enum: ['Nano', 'Micro', 'Small', 'Medium', 'Large'] },
        params_b_min: bound,
        params_b_max: bound,
        gpus: { type: 'integer', minimum: 1, maximum: 8 },
        utilisation: {
          type: 'object',
          additionalProperties: false,
          required: ['H100', 'A100', 'TPU'],
          properties: {
            H100: { oneOf: [util, { type: 'null' }] },
            A100: { oneOf: [util, { type: 'null' }] },
            TPU: { oneOf: [util, { type: 'null' }] },
          },
        },
        source: str,
      },
    },
  },
  derivation: {
    type: 'object',
    additionalProperties: false,
    required: ['formula', 'gpus_per_node', 'batch_size', 'd_nongpu', 'source'],
    properties: {
      formula: str,
      gpus_per_node: { type: 'integer', minimum: 1 },
      batch_size: { type: 'integer', minimum: 1 },
      d_nongpu: fraction,
      source: str,
    },
  },
  batch_size_appendix: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['batch_size', 'size_class', 'family', 'u_gpu_min', 'u_gpu_max', 'u_nongpu', 'source'],
      properties: {
        batch_size: { type: 'integer', minimum: 1 },
        size_class: str,
        family: str,
        u_gpu_min: fraction,
        u_gpu_max: fraction,
        u_nongpu: fraction,
        source: str,
      },
    },
  },
});

export default {
  id: 'hardware',
  kind: 'hardware',
  title: data.title,
  description: data.description,
  schema,
  versions: [
    {
      version: 'v6',
      source: `${PAPER_V6} (hardware, size classes, batch-size appendix) and the ${CODE}`,
      paper_version: 'v6',
      retrieved: REPO_RETRIEVED,
      licence: LICENCE_PAPER,
      inputs: [],
      build: () => structuredClone(data),
      rows: (d) => d.hardware.length + d.size_classes.length,
    },
  ],
};
