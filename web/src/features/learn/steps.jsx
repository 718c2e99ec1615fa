// The walkthrough's steps, from one prompt to Wh, mL and g CO2e. Each step shows the chosen
// model's numbers from the engine (an `estimate` request like the calculator's) and has one
// control that changes that step's request only (a "knob", kept while the lesson is open).
// The steps are in steps-energy.jsx and steps-impact.jsx, their shared pieces in step-parts.jsx.
import { Energy, Power, Time, Tokens } from './steps-energy.jsx';
import { Carbon, Published, Reasoning, Water } from './steps-impact.jsx';

export { Amount } from './step-parts.jsx';

/** The walkthrough, in order: {id, title, Component}. */
export const STEPS = [
  { id: 'tokens', title: 'From a question to tokens', Component: Tokens },
  { id: 'time', title: 'Time: waiting, then writing', Component: Time },
  { id: 'power', title: 'Power: a share of a GPU server', Component: Power },
  { id: 'energy', title: 'Energy: time × power × building', Component: Energy },
  { id: 'water', title: 'Where the water goes', Component: Water },
  { id: 'carbon', title: 'Carbon: it depends on the grid', Component: Carbon },
  { id: 'reasoning', title: 'Reasoning: thinking before answering', Component: Reasoning },
  { id: 'published', title: 'Why published figures differ', Component: Published },
];
