// The view registry. Every folder web/src/features/<name>/ with an index.js is a feature;
// its default export plugs it in without editing any other file:
//
//   export default {
//     id: 'uncertainty',              // URL ?view=<id> (omit for a feature without its own view)
//     label: 'Uncertainty',           // navigation text
//     order: 60,                      // position in the navigation (core views: 10..50)
//     load: () => import('./View.jsx'),  // lazy: a module whose default export is the view component
//     fields: { ... },                // extra URL fields (see state/url-state.js FieldSpec)
//     slots: { 'calculator.results': () => import('./Panel.jsx') },  // components shown inside other views
//   };
//
// A view component gets {state, setState, data} props (data = useDatasets() of the chosen dataset).
// Slots: 'calculator.results' (after the results; props: state, setState, data, request, result) and
// 'calculator.assumptions' (inside the assumptions panel; same props).
const modules = import.meta.glob('./features/*/index.js', { eager: true });

export const features = Object.entries(modules)
  .map(([path, m]) => ({ folder: path.split('/')[2], ...(m.default ?? {}) }))
  .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));

export const views = features.filter((f) => f.id && f.load);

export const featureFields = Object.assign({}, ...features.map((f) => f.fields ?? {}));

/** The lazy loaders registered for a slot name, in feature order. */
export const slotLoaders = (name) =>
  features.filter((f) => f.slots?.[name]).map((f) => ({ id: f.folder, load: f.slots[name] }));
