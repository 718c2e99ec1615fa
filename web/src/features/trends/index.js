// "Trends": a year of the authors' daily data (dataset "daily", op "trend"): one or several
// models over time, monthly summaries and the change over the period.
const date = { kind: 'string', max: 10, pattern: /^(\d{4}-\d{2}-\d{2})?$/, def: '' };

export default {
  id: 'trends',
  label: 'Trends',
  group: 'research',
  order: 65,
  load: () => import('./Trends.jsx'),
  fields: {
    // model file names of the daily index, comma separated (up to three)
    tm: { kind: 'string', max: 200, pattern: /^[a-z0-9-]+(,[a-z0-9-]+){0,2}$|^$/, def: 'gpt-5-high' },
    tp: { kind: 'enum', values: ['short', 'medium', 'long', 'extra_long'], def: 'long' },
    tmetric: { kind: 'enum', values: ['energy', 'water', 'carbon'], def: 'energy' },
    test: { kind: 'enum', values: ['as_published', 'v6', 'v4'], def: 'as_published' },
    tfrom: date,
    tto: date,
  },
};
