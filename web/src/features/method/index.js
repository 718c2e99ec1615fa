export default {
  id: 'work',
  label: 'Show the work',
  group: 'research',
  order: 20,
  load: () => import('./ShowWork.jsx'),
  fields: {
    // a second model shown side by side (empty = none)
    secondModel: { url: 'm2', kind: 'string', max: 160, def: '', label: 'Side by side with' },
  },
};
