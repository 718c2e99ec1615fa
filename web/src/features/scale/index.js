export default {
  id: 'scale',
  label: 'Scale',
  order: 50,
  load: () => import('./Scale.jsx'),
};
