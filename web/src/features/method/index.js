export default {
  id: 'work',
  label: 'Show the work',
  order: 20,
  load: () => import('./ShowWork.jsx'),
};
