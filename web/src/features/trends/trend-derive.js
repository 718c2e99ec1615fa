// What the Trends view (and its embed) derives from the engine's `trend` result: dates in
// words, the summary and note sentences, the chart's series, the monthly rows and the CSV
// columns. Plain functions, tested in tests/web/derive-sentences.test.mjs.
import { format } from 'd3-format';

import { num } from '../../lib/format.js';
import { dayOf, rowsOf } from './trend-request.js';

const sig2 = format('.2~r');
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-09-10" → "10 September 2025". */
export const longDate = (d) => `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** "2025-09" → "Sep 2025". */
export const monthName = (m) => `${MONTHS[Number(m.slice(5, 7)) - 1].slice(0, 3)} ${m.slice(0, 4)}`;

export const METHOD_WORDS = { grid: 'v4 grid', v6: 'v6', v4: 'v4 grid' };
const EVENT_WORDS = {
  method: 'method change',
  prompts: 'prompt sizes change',
  frozen: 'inputs frozen',
  index: 'index edition',
};
const FLAG_WORDS = {
  repeated: 'same inputs as the day before',
  after_gap: 'after missing days',
  method_change: 'method changes',
  config_change: 'multipliers change',
  unpublished: 'no published value',
};

/** A daily row's flags in words. */
export const flagsText = (flags) => flags.map((f) => FLAG_WORDS[f] ?? f).join('; ');

/** The link value of the models after choosing `v` in slot `i` (empty removes it; no repeats). */
export function nextModels(names, i, v) {
  const next = [...names];
  if (v) next[i] = v;
  else next.splice(i, 1);
  return [...new Set(next.filter(Boolean))].join(',');
}

/**
 * One sentence per model (after its name): the last day's value (and the published one), and
 * the change over the period with its 95 % interval. [{model, text}]
 */
export function summaryLines(result, metric, prompt) {
  const unit = metric.unit;
  return result.series.map((s) => {
    if (!s.days) return { model: s.model, text: `has no ${prompt} prompt in this period.`, empty: true };
    const last = rowsOf(result, s.model).at(-1);
    const c = s.change?.[metric.key];
    const published = last.published
      ? ` (the authors published ${sig2(last.published[`${metric.key}_mean`])} ${unit})`
      : '';
    const change = c
      ? `Over ${num(s.change.days_spanned)} days the typical day moved by ${c.over_period >= 0 ? '+' : ''}${sig2(c.over_period)} ${unit} (95 % interval ${sig2(c.over_period_low)} to ${sig2(c.over_period_high)} ${unit}).`
      : 'A single day: no change to report.';
    return {
      model: s.model,
      text: `: about ${sig2(last[metric.key].mean)} ${unit} per prompt on ${longDate(last.date)}${published}. ${change}`,
    };
  });
}

/** The notes about each series: frozen periods, gaps, method changes, unpublished days. */
export function seriesNotes(result) {
  const items = [];
  for (const s of result.series) {
    const f = s.flags;
    for (const z of f.frozen)
      items.push(
        `${s.model}: from ${longDate(z.from)} to ${longDate(z.to)} every day repeats the measurements of ${longDate(z.measured)} (${z.days} days).`,
      );
    if (f.gaps.length)
      items.push(
        `${s.model}: ${f.gaps.length} gaps, ${f.gaps.reduce((n, g) => n + g.missing_days, 0)} days without a measurement in all.`,
      );
    for (const m of f.method_changes)
      items.push(
        `${s.model}: the authors' method changes on ${longDate(m.date)} (${METHOD_WORDS[m.from]} to ${METHOD_WORDS[m.to]}).`,
      );
    if (f.unpublished)
      items.push(`${s.model}: ${f.unpublished} days have no published value (the authors left them blank).`);
  }
  return items;
}

/** The chart's series (mean, band, published), frozen periods and events of a trend result. */
export function chartOf(result, index, metric) {
  const series = (result?.series ?? [])
    .filter((s) => s.days)
    .map((s) => ({
      key: s.model,
      label: s.model,
      points: rowsOf(result, s.model).map((r) => ({
        day: dayOf(r.date),
        date: r.date,
        mean: r[metric.key].mean,
        p5: r[metric.key].p5,
        p95: r[metric.key].p95,
        published: r.published ? r.published[`${metric.key}_mean`] : null,
      })),
    }));
  const frozen = (result?.series ?? []).flatMap((s) =>
    s.flags.frozen.filter((z) => z.days >= 28).map((z) => ({ from: dayOf(z.from), to: dayOf(z.to) })),
  );
  const events = (index?.events ?? [])
    .filter((e) => e.kind !== 'index')
    .map((e) => ({ day: dayOf(e.date), label: EVENT_WORDS[e.kind] ?? e.kind }));
  return { series, frozen, events };
}

/** The monthly summaries of every series, one row each. */
export const monthlyRows = (result) =>
  (result?.series ?? []).flatMap((s) => s.monthly.map((m) => ({ model: s.model, ...m, key: `${s.model}|${m.from}` })));

/** "Sep 2025", with the days and method when the month is split or on the v4 grid. */
export const monthLabel = (m) =>
  `${monthName(m.month)}${m.from.slice(8) !== '01' || m.method === 'grid' ? ` (${m.from.slice(8)}–${m.to.slice(8)}, ${METHOD_WORDS[m.method]})` : ''}`;

/** The CSV export of the daily rows: every statistic of the three metrics and the published mean. */
export const CSV_COLUMNS = [
  { label: 'date', value: (r) => r.date },
  { label: 'model', value: (r) => r.model },
  { label: 'prompt', value: (r) => r.prompt },
  { label: 'method', value: (r) => r.method },
  ...['energy_wh', 'water_ml', 'carbon_g'].flatMap((k) => [
    ...['mean', 'sd', 'p5', 'p50', 'p95'].map((s) => ({ label: `${k}_${s}`, value: (r) => r[k][s] })),
    { label: `${k}_published_mean`, value: (r) => r.published?.[`${k}_mean`] ?? null },
  ]),
  { label: 'flags', value: (r) => r.flags.join(' ') },
];
