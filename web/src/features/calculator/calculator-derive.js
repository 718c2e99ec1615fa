// What the Calculator view derives from the engine's row: the lead sentence, the summary read
// out to screen readers, the range bar's positions, the effort levels' bars and hint, the
// notes about the chosen model. Plain functions, tested in tests/web/derive-sentences.test.mjs.
import { effortLevels } from '../../lib/effort.js';
import { everyday } from '../../lib/equivalents.js';
import { quantity, range } from '../../lib/units.js';

/** "0.3 and 0.57 Wh": a range in one unit, for a sentence. */
export const between = (lo, hi, metric) => range(lo, hi, metric).replace(' – ', ' and ');

/** The lead sentence: "One short question to GPT-5 (medium) uses about 14 Wh ...". */
export function leadSentence(row, model, promptText, constants) {
  if (!row) return '';
  const e = row.energy_wh;
  const eq = everyday(constants, 'energy', e.mean)[0];
  return (
    `One ${promptText} to ${model} uses about ${quantity(e.mean, 'energy')} of electricity, ` +
    `likely between ${between(e.p5, e.p95, 'energy')}` +
    (eq ? `: about ${eq.text}.` : '.')
  );
}

/** A one-sentence summary read out by screen readers when the numbers change. */
export function summarySentence(row, model, prompt) {
  if (!row) return '';
  return `${model}, ${prompt} prompt: ${quantity(row.energy_wh.mean, 'energy')} of energy, ${quantity(row.water_ml.mean, 'water')} of water, ${quantity(row.carbon_g.mean, 'carbon')} per query.`;
}

/** The range bar's label in words. */
export const rangeBarLabel = (stats) =>
  `Energy per question: likely between ${between(stats.p5, stats.p95, 'energy')}, about ${quantity(stats.mean, 'energy')} on average`;

/**
 * Positions on the range bar (a scale from 0 to P95 × 1.1) as CSS percentages of P5, the mean
 * and P95, or null when the statistics cannot be drawn.
 */
export function rangeBarPositions(stats) {
  if (!stats || !Number.isFinite(stats.p5) || !Number.isFinite(stats.p95) || !(stats.p95 > 0)) return null;
  const max = stats.p95 * 1.1;
  const at = (x) => `${Math.max(0, Math.min(100, (x / max) * 100))}%`;
  return { p5: at(stats.p5), mean: at(stats.mean), p95: at(stats.p95) };
}

/** The effort levels of `model` measured at `prompt` ([] or one level: nothing to compare). */
export const effortLevelsAt = (footprint, model, prompt) =>
  effortLevels(footprint, model).filter((l) => l.entry.prompts.some((p) => p.prompt === prompt));

/** Each level's bar (width as a CSS percentage, the largest 60 %) and energy; row undefined until computed. */
export function effortBars(levels, rows) {
  const max = Math.max(...rows.map((r) => r.energy_wh.mean), 0);
  return levels.map((l) => {
    const r = rows.find((x) => x.model === l.model);
    return {
      ...l,
      row: r,
      width: r && max ? `${(r.energy_wh.mean / max) * 60}%` : 0,
      text: r ? quantity(r.energy_wh.mean, 'energy') : '…',
    };
  });
}

/** "Effort medium, one of 4 levels (compared below)" for a reasoning model with levels. */
export function effortHint(footprint, model) {
  const levels = effortLevels(footprint, model);
  const own = levels.find((l) => l.model === model);
  return own ? `Effort ${own.level}, one of ${levels.length} levels (compared below)` : undefined;
}

/** The dataset's notes about this model ("<model>: ..."). */
export const modelNotes = (notes, model) => notes.filter((n) => n.startsWith(`${model}:`));
