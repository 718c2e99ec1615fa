export default {
  id: 'calc',
  label: 'Calculator',
  order: 10,
  load: () => import('./Calculator.jsx'),
};
