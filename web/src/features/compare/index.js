export default {
  id: 'compare',
  label: 'Compare',
  order: 30,
  group: 'everyday',
  load: () => import('./Compare.jsx'),
};
