export default {
  id: 'rank',
  label: 'Rank',
  order: 40,
  load: () => import('./Rank.jsx'),
};
