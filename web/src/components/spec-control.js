// From a URL field's spec (state/url-state.js FieldSpec) to its control: which control,
// and the label, hint, unit, bounds and options it shows. Pure (no DOM), so the mapping
// is tested under Node (tests/web/fields.test.mjs); components/fields.jsx SpecField
// renders it. Bounds and options always come from the spec: a view cannot restate them.

/**
 * The options of an enum (or a bool with `labels`) field: its values in the spec's order,
 * or only `values`, in that order, when given (e.g. the prompt sizes a dataset has), with
 * the spec's words, which `labels` may replace for some values (e.g. "As in the dataset
 * (dataset: Medium)"). A value the spec does not allow is never offered.
 */
export function specOptions(spec, { values, labels = {} } = {}) {
  const all = spec.kind === 'bool' ? ['false', 'true'] : (spec.values ?? []);
  const shown = values ? values.map(String).filter((v) => all.includes(v)) : all;
  return shown.map((v) => ({ value: v, label: labels[v] ?? spec.labels?.[v] ?? v }));
}

/** The radio options of a number field: `values` within its bounds (whole when it says so), with `labels`. */
function numberOptions(spec, { values = [], labels = {} }) {
  const ok = (x) => Number.isFinite(x) && x >= spec.min && x <= spec.max && (!spec.int || Number.isInteger(x));
  return [...new Set(values.map(Number))].filter(ok).map((x) => ({ value: String(x), label: labels[x] ?? String(x) }));
}

/**
 * The control of a field: {control: 'number'|'check'|'date'|'select'|'radio', name, label,
 * hint, ...}. `props` may give `label`, `hint`, `unit` (words that depend on the data),
 * `name` (when the spec has no link key), `as` ('select' for an enum, 'date' for a string),
 * `options` (a string field's choices), `values`/`labels` (an enum's subset and words).
 * A number's min, max and whole-number rule are the spec's, whatever `props` say.
 */
export function specControl(spec, props = {}) {
  const base = {
    name: spec.url ?? props.name,
    label: props.label ?? spec.label,
    hint: props.hint ?? spec.help,
  };
  switch (spec.kind) {
    case 'number':
      // A few typical values as radios (e.g. a day, a month, a year), within the spec's bounds.
      if (props.as === 'radio') return { control: 'radio', ...base, options: numberOptions(spec, props) };
      return {
        control: 'number',
        ...base,
        unit: props.unit ?? spec.unit,
        min: spec.min,
        max: spec.max,
        int: Boolean(spec.int),
      };
    case 'string':
      return props.as === 'date'
        ? { control: 'date', ...base }
        : { control: 'select', ...base, options: props.options ?? [] };
    case 'bool':
      if (!spec.labels) return { control: 'check', ...base };
      return { control: 'radio', ...base, options: specOptions(spec, props) };
    case 'enum':
      return { control: props.as === 'select' ? 'select' : 'radio', ...base, options: specOptions(spec, props) };
    case 'list':
      return { control: 'checks', ...base, options: specOptions(spec, props), minItems: spec.minItems ?? 0 };
    default:
      throw new Error(`No control for a field of kind "${spec.kind}"`);
  }
}

/**
 * A list after ticking (`on`) or unticking one item: the items in the options' order, or
 * null when unticking would leave fewer than `minItems`.
 */
export function toggleItem(options, list, item, on, minItems = 0) {
  const next = options.map((o) => o.value).filter((x) => (x === item ? on : list.includes(x)));
  return next.length >= minItems ? next : null;
}

/** A field's value as its control holds it (a bool with labels is a radio of "true"/"false"). */
export const toControl = (spec, value) =>
  spec.kind === 'bool' ? String(Boolean(value)) : spec.kind === 'number' ? String(value ?? '') : (value ?? '');

/** A control's value as the field holds it. */
export const fromControl = (spec, v) =>
  spec.kind === 'bool' ? v === 'true' || v === true : spec.kind === 'number' && typeof v === 'string' ? Number(v) : v;
