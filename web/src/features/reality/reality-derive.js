// What the Reality check view derives for display: a figure's source in short, what else it
// published, the boundary parts ours could not match, the chart's rows and caption. Plain
// functions (the requests and gap sentences are in reality.js), tested in
// tests/web/derive-sentences.test.mjs.
import { METRICS, num } from '../../lib/format.js';
import { UNMATCHED_WORDS, boundaryFor, publishedValue } from './reality.js';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2025-06-10" → "10 Jun 2025". */
export const dateWords = (iso) => DATE.format(new Date(`${iso}T00:00:00Z`));

/** Who published a figure, in short ("Google", "Epoch AI, chips only"). */
export function shortSource(f) {
  const who = f.source.split(/[(,]| with /)[0].trim();
  return f.energy_boundary === 'accelerator' ? `${who}, chips only` : who;
}

/** What a figure published, in words: ["0.24 Wh", "0.26 mL of water", "0.03 g CO₂e"]. */
export const publishedList = (f) =>
  [
    f.energy_wh !== null && `${num(f.energy_wh)} Wh`,
    f.water_ml !== null && `${num(f.water_ml)} mL of water`,
    f.carbon_g !== null && `${num(f.carbon_g)} g CO₂e`,
  ].filter(Boolean);

/**
 * The parts of a figure's boundary ours could not match, in words (when recomputed like for
 * like; the market-based carbon only matters for carbon).
 */
export const unmatchedWords = (f, { like, marketFactor, metric }) =>
  like
    ? boundaryFor(f, marketFactor)
        .unmatched.filter((u) => u !== 'market' || metric === 'carbon')
        .map((u) => UNMATCHED_WORDS[u] ?? u)
    : [];

/** P5, mean, P95 of a row's metric as the dot plot's {lo, mean, hi}. */
const rangeOf = (row, metric) =>
  row && { lo: row[METRICS[metric].key].p5, mean: row[METRICS[metric].key].mean, hi: row[METRICS[metric].key].p95 };

/**
 * The dot plot's rows: ours first, then each figure that published this metric (its value as a
 * point, and ours on its boundary when like for like). `oursFor(f)` gives that row.
 */
export function chartRows({ ours, plotted, metric, like, oursFor }) {
  if (!ours) return [];
  return [
    { key: 'ours', label: 'Ours', ours: rangeOf(ours, metric) },
    ...plotted.map((f) => ({
      key: f.id,
      label: shortSource(f),
      point: publishedValue(f, metric),
      ours: like ? rangeOf(oursFor(f), metric) : undefined,
    })),
  ];
}

/** The chart's caption. */
export const chartCaption = ({ metric, model, prompt, like, count }) =>
  `${METRICS[metric].label} per query: our estimate for ${model}, ${prompt} prompt (the dot is the average, the line the likely range: 5th to 95th percentile)${
    like ? ", recomputed on each figure's boundary in its row" : ''
  }, and ${count} published figure${count === 1 ? '' : 's'} (diamonds), on a logarithmic axis.`;
