// The app state <-> URL query string, versioned. Pure functions (no DOM), tested under
// Node in tests/web/. Every field has a kind, limits and a default; a value that is
// missing takes the default silently, a value that is malformed takes the default and
// adds a notice naming the parameter, so a damaged link still opens a working page.
//
// Versions: `v=1` is the current format. A link without `v` is read as version 1 (the
// first format had no version number). A link with a higher `v` than this build knows
// was made by a newer version: its fields are read where they still make sense, with a
// notice. Migrations from older versions go in MIGRATIONS (version -> params -> params).

export const URL_VERSION = 1;

/**
 * A field: its kind, limits and default, and how a control shows it (components/fields.jsx
 * SpecField): `label`, `unit`, `help` (a sentence under the control) and, for an enum or a
 * list, `labels` (value -> words, in the order shown). The state holds a field under its
 * descriptive name (the key of the field set, e.g. `compareWith`); the link writes it under
 * `url` (e.g. `cb`), the same name when `url` is absent. Links keep their short keys.
 *
 * @typedef {{url?: string, label?: string, unit?: string, help?: string, labels?: Record<string, string>}} FieldText
 * @typedef {FieldText & ({kind: 'enum', values: string[], def: string}
 *   | {kind: 'number', min: number, max: number, int?: boolean, def: number|null}
 *   | {kind: 'string', max?: number, pattern?: RegExp, def: string}
 *   | {kind: 'list', values: string[], def: string[]}
 *   | {kind: 'bool', def: boolean})} FieldSpec
 */

/** The key a field has in links: its `url`, else its name. */
export const urlKey = (name, spec) => spec.url ?? name;

/** The state name of each link key of a field set (link key -> name). */
export function namesByUrlKey(fields) {
  return new Map(Object.entries(fields).map(([name, spec]) => [urlKey(name, spec), name]));
}

/**
 * An enum field from its options in the order shown ({value: words}; values are words, never
 * whole numbers, so the object keeps their order): the values a link may hold and the words
 * of each come from the same table. The default is the first option unless `def` says otherwise.
 */
export function choice(labels, extra = {}) {
  const values = Object.keys(labels);
  return { kind: 'enum', values, labels, def: values[0], ...extra };
}

/** Upgrades old query parameters, one version at a time: {fromVersion: (URLSearchParams) => void}. */
export const MIGRATIONS = {};

const numberText = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Reads one raw parameter; returns {value} or {error}. */
export function readField(spec, raw) {
  switch (spec.kind) {
    case 'enum':
      return spec.values.includes(raw) ? { value: raw } : { error: `expected one of ${spec.values.join(', ')}` };
    case 'bool':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { error: 'expected 1 or 0' };
    case 'number': {
      if (!numberText.test(raw.trim())) return { error: 'not a number' };
      const x = Number(raw);
      if (!Number.isFinite(x)) return { error: 'not a finite number' };
      if (spec.int && !Number.isInteger(x)) return { error: 'expected a whole number' };
      if (x < spec.min || x > spec.max) return { error: `must be between ${spec.min} and ${spec.max}` };
      return { value: x };
    }
    case 'string':
      if (raw.length > (spec.max ?? 200)) return { error: 'too long' };
      if (spec.pattern && !spec.pattern.test(raw)) return { error: 'not a valid value' };
      return { value: raw };
    case 'list': {
      const items = raw === '' ? [] : raw.split(',');
      const bad = items.find((x) => !spec.values.includes(x));
      if (bad !== undefined) return { error: `"${bad}" is not one of ${spec.values.join(', ')}` };
      return { value: [...new Set(items)] };
    }
    default:
      return { error: 'unknown field kind' };
  }
}

function writeField(spec, value) {
  if (spec.kind === 'list') return value.join(',');
  if (spec.kind === 'bool') return value ? '1' : '0';
  return String(value);
}

const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The default state of a field set. */
export function defaults(fields) {
  return Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, structuredClone(s.def)]));
}

/** At most this many notices name a parameter of the link; one more counts the rest. */
export const MAX_NOTICES = 10;
/** Parameters of a link beyond this many are not read (and counted in that last notice). */
export const MAX_PARAMS = 200;

/**
 * Decodes a query string ("?v=1&..." or URLSearchParams) into {state, notices}.
 * Never throws: anything unusable becomes the default plus a notice.
 */
export function decode(search, fields, { migrations = MIGRATIONS, version = URL_VERSION } = {}) {
  const notices = [];
  const state = defaults(fields);
  let params;
  let dropped = 0;
  try {
    // Read at most MAX_PARAMS parameters (a real link has a few dozen): parsing a crafted
    // link with 100,000 of them would freeze the page for seconds.
    let text = search;
    if (typeof search === 'string') {
      const parts = search.replace(/^\?/, '').split('&');
      dropped = Math.max(0, parts.length - MAX_PARAMS);
      if (dropped) text = parts.slice(0, MAX_PARAMS).join('&');
    }
    params = new URLSearchParams(text);
  } catch {
    return { state, notices: ['The link could not be read; showing the defaults.'] };
  }
  let v = 1;
  if (params.has('v')) {
    const raw = params.get('v');
    if (/^\d{1,4}$/.test(raw)) v = Number(raw);
    else notices.push(`The link's version "${raw.slice(0, 20)}" is not a number; reading it as version ${version}.`);
  }
  if (v > version)
    notices.push(`This link was made by a newer version (v${v}) of llm-footprint; some settings may not apply.`);
  for (let from = v; from < version; from++) migrations[from]?.(params);
  // A crafted link may hold thousands of parameters: name a few, count the rest.
  let skipped = dropped;
  const note = (text) => (notices.length < MAX_NOTICES ? notices.push(text) : skipped++);
  let read = 0;
  const names = namesByUrlKey(fields);
  for (const [key, raw] of params) {
    if (key === 'v') continue;
    if (++read > MAX_PARAMS) {
      skipped++;
      continue;
    }
    const name = names.get(key);
    const spec = name === undefined ? undefined : fields[name];
    if (!spec) {
      note(`Ignored unknown setting "${key.slice(0, 30)}" in the link.`);
      continue;
    }
    const { value, error } = readField(spec, raw);
    if (error) note(`Setting "${key}" in the link was invalid (${error}); using the default.`);
    else state[name] = value;
  }
  if (skipped) notices.push(`${skipped} more settings in the link were unknown or invalid and were ignored.`);
  return { state, notices };
}

/** Encodes a state into a query string "v=1&..." listing only the fields that differ from their default (under their link keys). */
export function encode(state, fields, { version = URL_VERSION } = {}) {
  const params = new URLSearchParams();
  params.set('v', String(version));
  for (const [name, spec] of Object.entries(fields)) {
    const value = state[name];
    if (value === undefined || value === null || sameValue(value, spec.def)) continue;
    params.set(urlKey(name, spec), writeField(spec, value));
  }
  return params.toString();
}
