// "Import data": the visitor's own measurements (CSV or JSON) become a dataset for the
// calculator, compare and ranking views; validated by the engine's "import" op.
export default {
  id: 'import',
  label: 'Import data',
  order: 80,
  load: () => import('./Import.jsx'),
};
