// Small hand-made inputs shared by the derivation tests (derive-*.test.mjs).
import { readFileSync } from 'node:fs';

export const constants = JSON.parse(readFileSync(new URL('../../public/data/constants/v6.1.json', import.meta.url)));
export const stat = (mean, sd, p5, p95) => ({ mean, sd, p5, p50: mean, p95 });
export const row = (model, company, wh) => ({
  model,
  company,
  prompt: 'short',
  energy_wh: stat(wh, wh / 10, wh / 2, wh * 2),
  water_ml: stat(wh * 4, 0, wh * 2, wh * 8),
  carbon_g: stat(wh / 3, 0, wh / 6, wh),
});
