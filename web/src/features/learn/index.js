// "Learn": a guided walkthrough from one prompt to Wh, mL and g CO2e with the chosen model's
// numbers, predict-then-reveal questions and a presenter mode (docs/web-app.md, Learn).
export default {
  id: 'learn',
  label: 'Learn',
  group: 'everyday',
  order: 85,
  load: () => import('./Learn.jsx'),
  fields: {
    // the screen shown (1-based: the steps, then the questions)
    learnStep: { url: 'lstep', kind: 'number', min: 1, max: 30, int: true, def: 1 },
    // presenter mode (projector): large type, one step per screen, no site navigation
    learnPresenter: { url: 'lpres', kind: 'bool', def: false },
  },
};
