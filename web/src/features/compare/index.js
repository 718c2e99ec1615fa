export default {
  id: 'compare',
  label: 'Compare',
  order: 30,
  load: () => import('./Compare.jsx'),
};
