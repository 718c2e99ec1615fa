// My use: a prompt or a session, per day and over a year, several models side by side
// (docs/workloads.md; an extension beyond the paper).
import { MYUSE_FIELDS } from './myuse.js';

export default {
  id: 'myuse',
  label: 'My use',
  group: 'everyday',
  order: 15,
  load: () => import('./MyUse.jsx'),
  fields: MYUSE_FIELDS,
};
