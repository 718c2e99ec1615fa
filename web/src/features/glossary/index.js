// The glossary page: every term of web/src/glossary/terms.js, grouped, with a filter.
// Terms elsewhere link here (<Term> → "More in the glossary", ?view=glossary#term-<id>).
export default {
  id: 'glossary',
  label: 'Glossary',
  group: 'everyday',
  order: 96,
  load: () => import('./Glossary.jsx'),
};
