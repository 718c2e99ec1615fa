// The views' derivations (web/src/features/*/*-derive.js): what Compare, Rank and Scale make of engine results and data, run under Node on
// small hand-made inputs. Every expected value is worked out by hand from those inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as compare from '../../web/src/features/compare/compare-derive.js';
import * as rank from '../../web/src/features/rank/rank-derive.js';
import * as scale from '../../web/src/features/scale/scale-derive.js';
import { constants, row } from './derive-helpers.mjs';

// ---- Compare -------------------------------------------------------------------------------
const fp = {
  models: [
    { model: 'a', prompts: [{ prompt: 'short' }, { prompt: 'long' }] },
    { model: 'b', prompts: [{ prompt: 'long' }] },
    { model: 'c', prompts: [{ prompt: 'short' }] },
  ],
};

test('compare: reasoning models are told apart by name', () => {
  for (const n of ['o3', 'o4-mini (high)', 'DeepSeek-R1', 'Claude 3.7 Sonnet (thinking)', 'GPT-5 (medium)'])
    assert.equal(compare.isReasoning(n), true, n);
  for (const n of ['GPT-4o', 'LLaMA-3.3 70B', 'Claude 3.7 Sonnet', undefined])
    assert.equal(compare.isReasoning(n), false, n);
});

test('compare: the chosen subset keeps known models; scope and missing follow the prompt size', () => {
  assert.deepEqual(compare.chosenSubset('a|zz|c', fp), ['a', 'c']);
  assert.deepEqual(compare.chosenSubset('', fp), []);
  assert.deepEqual(compare.modelsInScope(fp, [], 'short'), { models: ['a', 'c'], missing: ['b'] });
  // one chosen model is not a subset: every model stays in scope
  assert.deepEqual(compare.modelsInScope(fp, ['a'], 'long'), { models: ['a', 'b'], missing: ['c'] });
  assert.deepEqual(compare.modelsInScope(fp, ['a', 'b'], 'short'), { models: ['a'], missing: ['b'] });
});

test('compare: model A is the chosen model when charted, model B another one', () => {
  const options = ['a', 'b', 'c'].map((value) => ({ value, label: value }));
  const models = ['a', 'b', 'c'];
  assert.deepEqual(compare.pairOf(models, options, 'b', 'c'), { a: 'b', b: 'c' });
  assert.deepEqual(compare.pairOf(models, options, 'zz', 'c'), { a: 'a', b: 'c' });
  assert.deepEqual(compare.pairOf(models, options, 'b', 'b'), { a: 'b', b: 'a' });
  assert.deepEqual(compare.pairOf(models, options, 'b', 'gone'), { a: 'b', b: 'a' });
  assert.deepEqual(compare.pairOf([], [], 'b', ''), { a: '', b: '' });
});

test('compare: rows sort by value, name or company, ties by name, without touching the input', () => {
  const rows = [row('b', 'Y', 2), row('a', 'Y', 2), row('c', 'X', 1)];
  const names = (rs) => rs.map((r) => r.model).join('');
  assert.equal(names(compare.sortRows(rows, 'energy', 'value', false)), 'cab');
  assert.equal(names(compare.sortRows(rows, 'energy', 'value', true)), 'abc');
  assert.equal(names(compare.sortRows(rows, 'energy', 'name', true)), 'cba');
  assert.equal(names(compare.sortRows(rows, 'energy', 'company', false)), 'cab');
  assert.equal(names(rows), 'bac');
});

test('compare: dots share the unit of the largest mean; the line is P5-P95 or mean ± SD', () => {
  const rows = [row('a', 'X', 500), row('b', 'Y', 2000)];
  const { dots, unit } = compare.dotsOf(rows, 'energy', { band: 'p5p95', chosen: 'b', colour: (r) => r.company });
  assert.equal(unit, 'kWh');
  assert.deepEqual(
    dots.map((d) => [d.key, d.value, d.lo, d.hi, d.highlight, d.colour]),
    [
      ['a', 0.5, 0.25, 1, false, 'X'],
      ['b', 2, 1, 4, true, 'Y'],
    ],
  );
  const sd = compare.dotsOf(rows, 'energy', { band: 'sd', chosen: '', colour: () => '' }).dots;
  assert.deepEqual([sd[0].lo, sd[0].hi], [0.45, 0.55]);
  assert.equal(compare.colourKeyOf('reasoning')({ model: 'o3', company: 'OpenAI' }), 'Reasoning model');
  assert.equal(compare.colourKeyOf('company')({ model: 'o3', company: '' }), 'Other');
});

test('compare: the ratio sentence, both ways, and the caption', () => {
  const a = row('A', 'X', 3);
  const b = row('B', 'Y', 1);
  assert.equal(compare.ratioSentence(a, b, 'A', 'B', 'energy'), 'A uses 3× the energy of B.');
  assert.equal(
    compare.ratioSentence(b, row('C', 'Y', 4), 'B', 'C', 'energy'),
    'B uses 0.25× the energy of C (C uses 4× as much).',
  );
  assert.match(compare.ratioSentence(a, undefined, 'A', 'Z', 'water'), /no measurement/);
  assert.equal(compare.ratioSentence(undefined, undefined, '', '', 'water'), '');
  assert.equal(
    compare.captionOf({ metric: 'water', count: 2, promptLabel: 'Short', band: 'sd', chosen: 'A', chosenShown: true }),
    'Water per question of 2 models, short prompt: dot at the mean, line over one standard deviation either side; A in bold.',
  );
  const r = row('A', 'X', 3);
  const csv = Object.fromEntries(compare.CSV_COLUMNS.map((c) => [c.label, c.value ? c.value(r) : r[c.key]]));
  assert.equal(compare.CSV_COLUMNS.length, 3 + 3 * 5);
  assert.equal(csv.energy_wh_p95, 6);
  assert.equal(csv.carbon_g_mean, 1);
});

// ---- Rank ----------------------------------------------------------------------------------
const ranked = {
  rows: [
    { model: 'm2', rank: 2, score: 0.8, efficient: false, inputs: { energy_wh: 2 }, output: 50 },
    { model: 'm1', rank: 1, score: 0.95, efficient: true, inputs: { energy_wh: 1 }, output: 60 },
    { model: 'm3', rank: 2, score: 0.9, efficient: false, inputs: { energy_wh: Number.NaN }, output: 40 },
  ],
};

test('rank: best first (rank, then the higher score); points only where both axes are numbers', () => {
  const rows = rank.rankedRows(ranked);
  assert.deepEqual(
    rows.map((r) => r.model),
    ['m1', 'm3', 'm2'],
  );
  assert.deepEqual(rank.rankedRows(null), []);
  const points = rank.scatterPoints(rows, 'm2');
  assert.deepEqual(
    points.map((p) => [p.key, p.x, p.y, p.marked, p.selected]),
    [
      ['m1', 1, 60, true, false],
      ['m2', 2, 50, false, true],
    ],
  );
  assert.deepEqual(rank.scoreBars(rows, 'm1')[0], { key: 'm1', label: 'm1', value: 0.95, highlight: true });
});

test('rank: what a score rests on is each weighted cost over their sum, largest first', () => {
  const r = { weights: { inputs: { energy_wh: 1, pue: 3 } }, inputs: { energy_wh: 1, pue: 1 } };
  assert.deepEqual(rank.virtualShares(r), [
    ['pue', 0.75],
    ['energy_wh', 0.25],
  ]);
  assert.deepEqual(rank.virtualShares({ weights: { inputs: { pue: 0 } }, inputs: { pue: 1 } }), []);
  assert.deepEqual(rank.numericWeights({ a: 1, b: null }), [['a', 1]]);
  assert.equal(rank.weightsText([['energy_wh', 0.5]]), 'energy per query 0.5');
  assert.equal(rank.peersText([{ model: 'A', lambda: 0.25 }, { model: 'B' }]), 'A (weight 0.25), B');
});

test('rank: models left out are grouped by their reason, in words', () => {
  assert.deepEqual(
    rank.excludedByReason([
      { model: 'x', reason: 'no aa_intelligence_index' },
      { model: 'y' },
      { model: 'z', reason: 'no aa_intelligence_index' },
    ]),
    [
      ['no intelligence index', ['x', 'z']],
      ['no value', ['y']],
    ],
  );
});

// ---- Scale ---------------------------------------------------------------------------------
test('scale: table cells share the unit of the high bound; the paper difference is in per cent', () => {
  assert.deepEqual(scale.scaledCells({ low: 0.5, mean: 1, high: 2, sd: 0.1 }, 'energy', 1e6), {
    low: '0.5 MWh',
    mean: '1 MWh',
    high: '2 MWh',
    sd: '0.1 MWh',
  });
  assert.deepEqual(scale.scaledCells(null, 'water'), { low: '–', mean: '–', high: '–', sd: '–' });
  const rows = scale.cellRows(scale.DAY_UNITS, { water_ml: { low: 800, mean: 1000, high: 1500 } });
  assert.equal(rows[1].cells.mean, '1 L');
  assert.equal(rows[0].cells.mean, '–');
  assert.equal(scale.percentOff(110, 100), '10 %');
  assert.equal(scale.percentOff(90, 100), '\u221210 %'); // d3-format's minus sign
  assert.equal(scale.percentOff(undefined, 100), '–');
  const paper = scale.paperRows({ paper: { energy_mwh: { low: 1, high: 2 } } }, { energy_mwh: { low: 3 } });
  assert.deepEqual([paper[0].paper, paper[0].ours], [{ low: 1, high: 2 }, { low: 3 }]);
});

test('scale: equivalents too small to picture are left out; a range when low and high differ', () => {
  const items = scale.equivalenceItems(
    [
      { id: 'household', low: 36281, high: 36906, source: 'EIA' },
      { id: 'olympic_pool', mean: 5e-9 },
      { id: 'household', mean: 2, value: 10, unit: 'MWh' },
    ],
    constants,
  );
  assert.equal(items.length, 2);
  assert.match(items[0].text, /^the electricity of 36,000 – 37,000 U\.S\. households for a year \(\d+ MWh each\)$/);
  assert.equal(items[0].source, 'EIA');
  assert.equal(items[1].text, 'the electricity of 2 U.S. households for a year (10 MWh each)');
  assert.deepEqual(scale.constantOf(null, 'x'), { id: 'x' });
});

test('scale: the lead sentence puts each total in a unit that fits', () => {
  const totals = { energy_mwh: { mean: 4310 }, water_kl: { mean: 19.9 }, carbon_t: { mean: 1.47 } };
  assert.equal(
    scale.leadSentence({ isPreset: false, perDay: 20, model: 'M', days: 365, totals }),
    '20 questions a day to M for 365 days use about 4.3 GWh of electricity, 20 m³ of water and 1.5 t CO₂e.',
  );
  assert.match(
    scale.leadSentence({ isPreset: true, queries: 7.72e11, totals }),
    /^772 billion GPT-4o queries in 2025 use/,
  );
});
