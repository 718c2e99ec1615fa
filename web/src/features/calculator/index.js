export default {
  id: 'calc',
  label: 'Calculator',
  order: 10,
  group: 'everyday',
  load: () => import('./Calculator.jsx'),
};
