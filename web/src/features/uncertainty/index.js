// "How sure is this?": uncertainty of the calculator's result and what drives it (ops
// "uncertainty" and "sensitivity"), shown inside the calculator after the results.
import { UNCERTAINTY_FIELDS } from './request.js';

export default {
  fields: UNCERTAINTY_FIELDS,
  slots: { 'calculator.results': () => import('./Panel.jsx') },
};
