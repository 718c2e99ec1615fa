// Reality check: the estimate beside published per-query figures (docs/reality.md), and a
// one-click entry to it after the calculator's results.
import { REALITY_FIELDS } from './reality.js';

export default {
  id: 'reality',
  label: 'Reality check',
  group: 'everyday',
  order: 35,
  load: () => import('./Reality.jsx'),
  fields: REALITY_FIELDS,
  slots: { 'calculator.results': () => import('./Entry.jsx') },
};
