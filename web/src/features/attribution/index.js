// "Infer hardware": the paper's statistical inference of hardware (op "attribute") on the
// bundled daily measurements of models served by several hosts.
import { choice } from '../../state/url-state.js';

export default {
  id: 'hardware',
  label: 'Infer hardware',
  order: 70,
  group: 'research',
  load: () => import('./Attribution.jsx'),
  fields: {
    attributionModel: {
      url: 'amodel',
      kind: 'string',
      max: 80,
      pattern: /^[a-z0-9-]*$/,
      def: 'gpt-4o-mini',
      label: 'Model',
    },
    attributionReference: { url: 'aref', kind: 'string', max: 80, def: '', label: 'Reference host' },
    attributionHardware: { url: 'ahw', kind: 'string', max: 80, def: '', label: "Reference host's hardware" },
    attributionScale: choice(
      { linear: 'Speeds (as the paper)', log: 'Log speeds (damps spikes)' },
      { url: 'ascale', label: 'Test scale' },
    ),
    attributionDedupe: {
      url: 'adedupe',
      kind: 'bool',
      def: false,
      label: 'Repeated days',
      labels: { false: 'Keep', true: 'Drop days that repeat the previous value' },
    },
  },
};
