// "Trends": a year of the authors' daily data (dataset "daily", op "trend"): one or several
// models over time, monthly summaries and the change over the period.
import { choice } from '../../state/url-state.js';

const date = { kind: 'string', max: 10, pattern: /^(\d{4}-\d{2}-\d{2})?$/, def: '' };

export default {
  id: 'trends',
  label: 'Trends',
  group: 'research',
  order: 65,
  load: () => import('./Trends.jsx'),
  fields: {
    // model file names of the daily index, comma separated (up to three)
    trendModels: {
      url: 'tm',
      kind: 'string',
      max: 200,
      pattern: /^[a-z0-9-]+(,[a-z0-9-]+){0,2}$|^$/,
      def: 'gpt-5-high',
    },
    trendPrompt: {
      url: 'tp',
      kind: 'enum',
      values: ['short', 'medium', 'long', 'extra_long'],
      def: 'long',
      label: 'Prompt size',
    },
    trendMetric: choice(
      { energy: 'Energy (Wh)', water: 'Water (mL)', carbon: 'Carbon (g CO₂e)' },
      { url: 'tmetric', label: 'Show' },
    ),
    trendEstimator: choice(
      {
        as_published: "Each day's own method, as the authors published it",
        v6: 'The v6 method for every day (days compare)',
        v4: 'The v4 grid for every day',
      },
      { url: 'test', label: 'Method' },
    ),
    trendFrom: { ...date, url: 'tfrom', label: 'From' },
    trendTo: { ...date, url: 'tto', label: 'To' },
  },
};
