// "Share my estimate": a PNG card of the calculator's current estimate, drawn in the browser
// (web/src/embed/ShareImage.jsx). No view of its own; a panel after the calculator's results.
export default {
  order: 95,
  slots: { 'calculator.results': () => import('../../embed/ShareImage.jsx') },
};
