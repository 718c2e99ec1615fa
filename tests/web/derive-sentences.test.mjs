// The views' derivations (web/src/features/*/*-derive.js): what Trends, the Calculator, the Reality check and My use make of engine results and data, run under Node on
// small hand-made inputs. Every expected value is worked out by hand from those inputs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as calc from '../../web/src/features/calculator/calculator-derive.js';
import * as myuse from '../../web/src/features/myuse/myuse-derive.js';
import * as reality from '../../web/src/features/reality/reality-derive.js';
import * as trends from '../../web/src/features/trends/trend-derive.js';
import { constants, row } from './derive-helpers.mjs';

// ---- Trends --------------------------------------------------------------------------------
const series = (model, extra = {}) => ({
  model,
  days: 2,
  flags: { frozen: [], gaps: [], method_changes: [], unpublished: 0 },
  monthly: [],
  ...extra,
});
const day = (model, date, mean, published) => ({
  model,
  date,
  energy_wh: { mean, p5: mean / 2, p95: mean * 2 },
  published: published === undefined ? null : { energy_wh_mean: published },
});

test('trends: dates in words and the models chosen in the link', () => {
  assert.equal(trends.longDate('2025-09-10'), '10 September 2025');
  assert.equal(trends.monthName('2026-02'), 'Feb 2026');
  assert.equal(trends.nextModels(['a', 'b'], 1, ''), 'a');
  assert.equal(trends.nextModels(['a', 'b'], 0, 'c'), 'c,b');
  assert.equal(trends.nextModels(['a'], 1, 'a'), 'a');
  assert.equal(trends.flagsText(['repeated', 'odd']), 'same inputs as the day before; odd');
});

test('trends: one summary sentence per model, with the change and its interval', () => {
  const result = {
    series: [
      series('A', {
        change: { days_spanned: 30, energy_wh: { over_period: 0.5, over_period_low: 0.1, over_period_high: 0.9 } },
      }),
      series('B', { days: 0 }),
    ],
    rows: [day('A', '2025-09-10', 1), day('A', '2025-10-10', 1.5, 1.2)],
  };
  const metric = { key: 'energy_wh', unit: 'Wh' };
  assert.deepEqual(trends.summaryLines(result, metric, 'long'), [
    {
      model: 'A',
      text: ': about 1.5 Wh per prompt on 10 October 2025 (the authors published 1.2 Wh). Over 30 days the typical day moved by +0.5 Wh (95 % interval 0.1 to 0.9 Wh).',
    },
    { model: 'B', text: 'has no long prompt in this period.', empty: true },
  ]);
});

test('trends: notes count gaps and days, and the chart keeps frozen periods of 28 days or more', () => {
  const flags = {
    frozen: [
      { from: '1970-01-02', to: '1970-02-05', measured: '1970-01-01', days: 35 },
      { from: '1970-03-01', to: '1970-03-03', measured: '1970-02-28', days: 3 },
    ],
    gaps: [{ missing_days: 2 }, { missing_days: 5 }],
    method_changes: [{ date: '1970-01-10', from: 'grid', to: 'v6' }],
    unpublished: 4,
  };
  const result = {
    series: [series('A', { flags })],
    rows: [day('A', '1970-01-02', 1), day('A', '1970-01-03', 2, 2.5)],
  };
  const notes = trends.seriesNotes(result);
  assert.equal(notes.length, 5);
  assert.equal(notes[2], 'A: 2 gaps, 7 days without a measurement in all.');
  assert.equal(notes[3], "A: the authors' method changes on 10 January 1970 (v4 grid to v6).");
  const chart = trends.chartOf(
    result,
    {
      events: [
        { date: '1970-01-11', kind: 'method' },
        { date: '1970-01-12', kind: 'index' },
      ],
    },
    {
      key: 'energy_wh',
    },
  );
  assert.deepEqual(chart.frozen, [{ from: 1, to: 35 }]);
  assert.deepEqual(chart.events, [{ day: 10, label: 'method change' }]);
  assert.deepEqual(
    chart.series[0].points.map((p) => [p.day, p.mean, p.p5, p.p95, p.published]),
    [
      [1, 1, 0.5, 2, null],
      [2, 2, 1, 4, 2.5],
    ],
  );
});

test('trends: monthly rows and labels name split months and the v4 grid', () => {
  const result = {
    series: [
      series('A', {
        monthly: [
          { month: '2025-09', from: '2025-09-10', to: '2025-09-30', method: 'v6' },
          { month: '2025-10', from: '2025-10-01', to: '2025-10-31', method: 'v6' },
          { month: '2025-11', from: '2025-11-01', to: '2025-11-30', method: 'grid' },
        ],
      }),
    ],
  };
  const rows = trends.monthlyRows(result);
  assert.deepEqual(
    rows.map((m) => [m.key, trends.monthLabel(m)]),
    [
      ['A|2025-09-10', 'Sep 2025 (10–30, v6)'],
      ['A|2025-10-01', 'Oct 2025'],
      ['A|2025-11-01', 'Nov 2025 (01–30, v4 grid)'],
    ],
  );
  assert.equal(trends.CSV_COLUMNS.length, 4 + 3 * 6 + 1);
});

// ---- Calculator ----------------------------------------------------------------------------
test('calculator: the lead sentence and the summary in sentences, ranges in one unit', () => {
  assert.equal(calc.between(0.3, 0.57, 'energy'), '0.3 and 0.57 Wh');
  assert.equal(calc.between(800, 1200, 'energy'), '0.8 and 1.2 kWh');
  const r = row('M', 'X', 14);
  const lead = calc.leadSentence(r, 'M', 'short question', constants);
  assert.match(
    lead,
    /^One short question to M uses about 14 Wh of electricity, likely between 7 and 28 Wh: about .+\.$/,
  );
  assert.equal(calc.leadSentence(null, 'M', 'x', constants), '');
  assert.equal(
    calc.summarySentence(r, 'M', 'short'),
    'M, short prompt: 14 Wh of energy, 56 mL of water, 4.7 g CO₂e per query.',
  );
  assert.equal(
    calc.rangeBarLabel(r.energy_wh),
    'Energy per question: likely between 7 and 28 Wh, about 14 Wh on average',
  );
});

test('calculator: the range bar runs from 0 to 1.1 × P95', () => {
  const at = calc.rangeBarPositions({ p5: 1, mean: 2, p95: 10 });
  assert.ok(Math.abs(parseFloat(at.p95) - 100 / 1.1) < 1e-9);
  assert.ok(Math.abs(parseFloat(at.p5) - 10 / 1.1) < 1e-9);
  assert.ok(Math.abs(parseFloat(at.mean) - 20 / 1.1) < 1e-9);
  assert.equal(calc.rangeBarPositions({ p5: 0, mean: 0, p95: 0 }), null);
  assert.equal(calc.rangeBarPositions(null), null);
});

test('calculator: effort bars scale to the largest (60 %), levels measured at the prompt size', () => {
  const levels = [
    { model: 'x (low)', level: 'low' },
    { model: 'x (high)', level: 'high' },
    { model: 'x (mid)', level: 'mid' },
  ];
  const bars = calc.effortBars(levels, [row('x (low)', 'X', 1), row('x (high)', 'X', 4)]);
  assert.deepEqual(
    bars.map((b) => [b.level, b.width, b.text]),
    [
      ['low', '15%', '1 Wh'],
      ['high', '60%', '4 Wh'],
      ['mid', 0, '…'],
    ],
  );
  const footprint = {
    models: [
      { model: 'GPT-5 (low)', prompts: [{ prompt: 'short' }] },
      { model: 'GPT-5 (high)', prompts: [{ prompt: 'long' }] },
      { model: 'GPT-5 (medium)', prompts: [{ prompt: 'short' }] },
    ],
  };
  assert.deepEqual(
    calc
      .effortLevelsAt(footprint, 'GPT-5 (low)', 'short')
      .map((l) => l.model)
      .sort(),
    ['GPT-5 (low)', 'GPT-5 (medium)'],
  );
  assert.equal(calc.effortHint(footprint, 'GPT-5 (high)'), 'Effort high, one of 3 levels (compared below)');
  assert.equal(calc.effortHint(footprint, 'GPT-4o'), undefined);
  assert.deepEqual(calc.modelNotes(['M: one', 'N: two', 'M:three', 'about M'], 'M'), ['M: one', 'M:three']);
});

// ---- Reality check -------------------------------------------------------------------------
const figure = {
  id: 'g',
  source: 'Google (Elsner et al., 2025)',
  energy_boundary: 'facility_with_idle',
  carbon_basis: 'market',
  energy_wh: 0.24,
  energy_wh_low: null,
  energy_wh_high: null,
  water_ml: 0.26,
  carbon_g: null,
};

test('reality: who published, what they published, in words', () => {
  assert.equal(reality.shortSource(figure), 'Google');
  assert.equal(reality.shortSource({ ...figure, energy_boundary: 'accelerator' }), 'Google, chips only');
  assert.equal(reality.shortSource({ source: 'Epoch AI with others' }), 'Epoch AI');
  assert.deepEqual(reality.publishedList(figure), ['0.24 Wh', '0.26 mL of water']);
  assert.equal(reality.dateWords('2025-08-21'), '21 Aug 2025');
});

test('reality: the unmatched parts of a boundary (market carbon only for carbon)', () => {
  assert.deepEqual(reality.unmatchedWords(figure, { like: false, metric: 'carbon' }), []);
  assert.deepEqual(reality.unmatchedWords(figure, { like: true, marketFactor: null, metric: 'energy' }), [
    'idle reserve machines',
  ]);
  assert.deepEqual(reality.unmatchedWords(figure, { like: true, marketFactor: null, metric: 'carbon' }), [
    'idle reserve machines',
    'market-based carbon (enter your factor above)',
  ]);
});

test('reality: the chart has ours first, then each published figure of the metric', () => {
  const ours = row('M', 'X', 0.4);
  const mine = row('M', 'X', 0.3);
  assert.deepEqual(reality.chartRows({ ours: undefined, plotted: [figure], metric: 'energy' }), []);
  const rows = reality.chartRows({ ours, plotted: [figure], metric: 'energy', like: true, oursFor: () => mine });
  assert.deepEqual(rows, [
    { key: 'ours', label: 'Ours', ours: { lo: 0.2, mean: 0.4, hi: 0.8 } },
    {
      key: 'g',
      label: 'Google',
      point: { value: 0.24, low: null, high: null },
      ours: { lo: 0.15, mean: 0.3, hi: 0.6 },
    },
  ]);
  assert.equal(
    reality.chartCaption({ metric: 'energy', model: 'M', prompt: 'short', like: false, count: 1 }),
    'Energy per query: our estimate for M, short prompt (the dot is the average, the line the likely range: 5th to 95th percentile), and 1 published figure (diamonds), on a logarithmic axis.',
  );
  assert.match(
    reality.chartCaption({ metric: 'water', model: 'M', prompt: 'long', like: true, count: 6 }),
    /^Water per query: .*recomputed on each figure's boundary in its row, and 6 published figures \(diamonds\)/,
  );
});

// ---- My use --------------------------------------------------------------------------------
test('my use: a period of use in everyday equivalents, total over each constant', () => {
  const s = (mean) => ({ mean, sd: 0, low: mean, high: mean, range_low: mean, range_high: mean });
  const r = { model: 'M', energy_wh: s(0.5), water_ml: s(2), carbon_g: s(0.2) };
  const fake = {
    everyday: [
      { id: 'phone_charge', value: 20, unit: 'Wh', source: 'S' },
      { id: 'hot_shower_water', value: 50, unit: 'L', source: 'S' },
      { id: 'car_km', value: 150, unit: 'g', source: 'S' },
    ],
  };
  // 20 uses a day for 365 days: 3,650 Wh, 14.6 L of water, 1,460 g CO₂e
  const items = myuse.periodEquivalents(r, 20, 365, fake);
  assert.deepEqual(
    items.map((x) => [x.c.id, Math.round(x.count * 1e6) / 1e6]),
    [
      ['phone_charge', 182.5],
      ['hot_shower_water', 0.292],
      ['car_km', 9.733333],
    ],
  );
  assert.equal(items[0].text, 'phone charges');
  assert.ok(myuse.periodEquivalents(r, 1, 1, constants).length >= 1, 'the bundled constants have some of them');
});
