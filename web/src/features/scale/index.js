export default {
  id: 'scale',
  label: 'Scale',
  order: 50,
  group: 'research',
  load: () => import('./Scale.jsx'),
};
