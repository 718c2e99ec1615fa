// Types of the llm-footprint library (wasm-core/js/index.mjs). Request and result shapes
// are those of the JSON API (docs/api.md); the commonly used ones are spelled out here.

/** Every op's request and result, generated from the API contract (wasm-core/contract/, docs/api.md). */
export type { OpName, Requests, Results } from './api.js';

/** The engine's error codes (docs/api.md), as the contract lists them. */
import type { ErrorCode } from './api.js';
export type { ErrorCode };

export interface EngineError {
  code: ErrorCode;
  message: string;
  /** JSON pointer of the bad field ('' for the whole request). */
  path: string;
  issues?: EngineError[];
}

export type Envelope<R = unknown> =
  { ok: true; op: string; result: R } | { ok: false; op?: string; error: EngineError };

/** Thrown by call() and estimate() when the engine refuses a request. */
export class FootprintError extends Error implements EngineError {
  code: ErrorCode;
  path: string;
  issues?: EngineError[];
}

/** A request of the JSON API: `op` plus that op's fields (docs/api.md). */
export interface EngineRequest {
  op: string;
  [field: string]: unknown;
}

/** Mean, SD, percentiles and the means at the two utilisation bounds of one quantity. */
export interface Summary {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
  low: number;
  high: number;
}

export interface EstimateRow {
  model: string;
  prompt: string;
  energy_wh: Summary;
  water_ml: Summary;
  carbon_g: Summary;
  assumptions: Record<string, unknown>;
  work: Record<string, number>;
  [field: string]: unknown;
}

export interface EstimateResult {
  rows: EstimateRow[];
  method: Record<string, unknown>;
  notes: string[];
  [field: string]: unknown;
}

export interface EstimateOptions {
  /** Model name as in the dataset (e.g. "GPT-4.1"). */
  model: string;
  /** Prompt size ("short", "medium", "long", ...); all of the model's sizes when absent. */
  prompt?: string;
  /** A bundled dataset id ("default", "paper-v6", ...) or a dataset object. */
  dataset?: string | object;
  version?: string;
  /** estimate overrides (docs/estimate.md), e.g. {pue: 1.2} or {host: "AWS"}. */
  overrides?: Record<string, unknown>;
  /** estimator settings, e.g. {estimator: "v4"}. */
  method?: Record<string, unknown>;
}

export interface Footprint {
  /** The engine version, e.g. "0.1.0". */
  version(): string;
  /** Sends a request; resolves with the envelope (bad input is an envelope, not an exception). */
  request<R = unknown>(req: EngineRequest): Promise<Envelope<R>>;
  /** Sends a request; resolves with its result or rejects with a FootprintError. */
  call<R = unknown>(req: EngineRequest): Promise<R>;
  /** The bundled datasets' manifest (public/data/manifest.json). */
  manifest(): Promise<{ schema_version: number; datasets: Array<Record<string, any>> }>;
  /** A bundled dataset by id and version, checked against the manifest's sha256. */
  dataset(id?: string, version?: string): Promise<any>;
  /** One model's per-query energy, water and carbon. */
  estimate(options: EstimateOptions): Promise<EstimateResult>;
}

export interface CreateOptions {
  /** Folder of engine.mjs/.wasm and engine-lab.mjs/.wasm (default: the package's). */
  wasmUrl?: string | URL;
  /** Folder of manifest.json and the datasets (default: the package's). */
  dataUrl?: string | URL;
}

export function createFootprint(options?: CreateOptions): Promise<Footprint>;
