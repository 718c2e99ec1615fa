// "Import data": the visitor's own measurements (CSV or JSON) become a dataset for the
// calculator, compare and ranking views; validated by the engine's "import" op.
export default {
  id: 'import',
  label: 'Import data',
  order: 80,
  group: 'research',
  load: () => import('./Import.jsx'),
  fields: {
    // A small imported file travels in the link (URL-safe base64 of its CSV) so it can be shared.
    importedCsv: { url: 'imp', kind: 'string', max: 6000, pattern: /^[A-Za-z0-9_-]*$/, def: '' },
  },
};
