// Every setting a visitor can change, as URL fields (see url-state.js). Features that
// plug in later add their own fields through their index.js (`fields` export), so this
// list only holds the core views' settings. Keep keys short: they are in every link.
const name = { kind: 'string', max: 160, def: '' };
const num = (min, max, extra = {}) => ({ kind: 'number', min, max, def: null, ...extra });

export const RANK_INPUTS = ['energy', 'pue', 'wue_site', 'wue_source', 'cif'];

/** @type {Record<string, import('./url-state.js').FieldSpec>} */
export const coreFields = {
  view: { kind: 'string', max: 32, pattern: /^[a-z][a-z0-9-]*$/, def: 'calc' },
  // dataset "id@version"; empty = the manifest's default
  ds: { kind: 'string', max: 80, pattern: /^[a-z0-9][a-z0-9-]*(@[A-Za-z0-9.-]+)?$/, def: '' },
  model: name,
  prompt: { kind: 'enum', values: ['short', 'medium', 'long', 'extra_long'], def: 'short' },
  out: num(1, 100000, { int: true }),
  // assumptions (empty = the dataset's value)
  hw: name,
  size: { kind: 'enum', values: ['', 'Nano', 'Micro', 'Small', 'Medium', 'Large'], def: '' },
  gpus: num(1, 64, { int: true }),
  batch: num(1, 1024, { int: true }),
  host: name,
  region: name,
  mult: { kind: 'enum', values: ['', 'v6', 'v4'], def: '' },
  pue: num(1, 3),
  wues: num(0, 20),
  wuesrc: num(0, 50),
  cif: num(0, 2),
  est: { kind: 'enum', values: ['v6', 'v4'], def: 'v6' },
  rho: num(-0.99, 0.99),
  w: num(0, 1),
  // compare
  cscale: { kind: 'enum', values: ['lin', 'log'], def: 'lin' },
  cerr: { kind: 'enum', values: ['p5p95', 'sd'], def: 'p5p95' },
  cmetric: { kind: 'enum', values: ['energy', 'water', 'carbon'], def: 'energy' },
  csort: { kind: 'enum', values: ['value', 'name', 'company'], def: 'value' },
  cdesc: { kind: 'bool', def: false },
  cb: name,
  // rank
  rin: { kind: 'list', values: RANK_INPUTS, def: RANK_INPUTS },
  rorient: { kind: 'enum', values: ['io', 'oo'], def: 'io' },
  rrts: { kind: 'enum', values: ['crs', 'vrs'], def: 'crs' },
  rmethod: { kind: 'enum', values: ['aggressive', 'benevolent', 'arbitrary'], def: 'aggressive' },
  rself: { kind: 'bool', def: true },
  rsel: name,
  // scale
  spreset: { kind: 'enum', values: ['', 'gpt4o'], def: '' },
  sq: num(1, 1e13),
  sper: { kind: 'enum', values: ['day', 'year'], def: 'day' },
  sshort: num(0, 100),
  smedium: num(0, 100),
  slong: num(0, 100),
  sxlong: num(0, 100),
  sdays: num(1, 3660, { int: true }),
};
