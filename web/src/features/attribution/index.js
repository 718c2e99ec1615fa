// "Infer hardware": the paper's statistical inference of hardware (op "attribute") on the
// bundled daily measurements of models served by several hosts.
export default {
  id: 'hardware',
  label: 'Infer hardware',
  order: 70,
  group: 'research',
  load: () => import('./Attribution.jsx'),
  fields: {
    amodel: { kind: 'string', max: 80, pattern: /^[a-z0-9-]*$/, def: 'gpt-4o-mini' },
    aref: { kind: 'string', max: 80, def: '' },
    ahw: { kind: 'string', max: 80, def: '' },
    ascale: { kind: 'enum', values: ['linear', 'log'], def: 'linear' },
    adedupe: { kind: 'bool', def: false },
  },
};
