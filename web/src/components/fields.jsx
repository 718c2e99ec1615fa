// Labelled form fields. A number field keeps what the visitor typed: an invalid entry
// shows an error right next to it (aria-invalid + aria-describedby) and is not applied,
// so every other input and the last valid result stay as they were.
import { useEffect, useId, useState } from 'preact/hooks';

import { num } from '../lib/format.js';
import { parseNumberInput } from '../lib/number-input.js';

export { parseNumberInput };

/** The words of a label that may hold elements (e.g. a glossary <Term>), for messages. */
export const labelText = (n) =>
  typeof n === 'string' || typeof n === 'number'
    ? String(n)
    : Array.isArray(n)
      ? n.map(labelText).join('')
      : n?.props
        ? labelText(n.props.children)
        : '';

/**
 * @param {{label: string, value: number|null, placeholder?: number|null, onChange: (v: number|null) => void,
 *   min?: number, max?: number, int?: boolean, unit?: string, hint?: string, name?: string}} props
 */
export function NumberField({ label, value, placeholder, onChange, min, max, int, unit, hint, name, required }) {
  const id = useId();
  const [text, setText] = useState(value === null || value === undefined ? '' : String(value));
  const [error, setError] = useState('');
  const words = labelText(label);
  // Follow outside changes (back/forward, reset) unless the visitor is mid-edit with an error.
  useEffect(() => {
    const current = parseNumberInput(text, { min, max, int, label: words });
    if (current.error || current.value !== value) {
      setText(value === null || value === undefined ? '' : String(value));
      setError('');
    }
  }, [value]);
  const onInput = (e) => {
    const t = e.currentTarget.value;
    setText(t);
    const r = parseNumberInput(t, { min, max, int, label: words });
    if (r.error) return setError(r.error);
    if (r.value === null && required) return setError(`${words} is required`);
    setError('');
    if (r.value !== value) onChange(r.value);
  };
  const describedBy = [error && `${id}-err`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>
        {label}
        {unit && <span class="unit"> ({unit})</span>}
      </label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autocomplete="off"
        value={text}
        placeholder={placeholder === null || placeholder === undefined ? '' : num(placeholder)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={onInput}
      />
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <span id={`${id}-err`} class="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * @param {{label: string, value: string, options: Array<{value: string, label: string, group?: string}>,
 *   onChange: (v: string) => void, hint?: string, name?: string}} props
 */
export function SelectField({ label, value, options, onChange, hint, name }) {
  const id = useId();
  const groups = [];
  for (const o of options) {
    const g = groups.find((x) => x.name === (o.group ?? ''));
    if (g) g.options.push(o);
    else groups.push({ name: o.group ?? '', options: [o] });
  }
  const render = (o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {groups.map((g) =>
          g.name ? (
            <optgroup key={g.name} label={g.name}>
              {g.options.map(render)}
            </optgroup>
          ) : (
            g.options.map(render)
          ),
        )}
      </select>
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** A group of radio buttons (keyboard: arrows move within the group). */
export function RadioGroup({ legend, value, options, onChange, name, hint }) {
  const id = useId();
  return (
    <fieldset class="radio-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} class="radio">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </fieldset>
  );
}

/** A labelled checkbox (its label says what "on" means). */
export function CheckField({ label, checked, onChange, name, hint }) {
  const id = useId();
  return (
    <div class="field check">
      <label class="radio">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        {label}
      </label>
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** A labelled date input (YYYY-MM-DD), limited to the dates the data have. */
export function DateField({ label, value, min, max, onChange, name, hint }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="date"
        value={value}
        min={min}
        max={max}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/**
 * The options of an enum (or a bool with `labels`) field: its values in the spec's order
 * (or only `values`, in that order, when given: e.g. the prompt sizes a dataset has) with the spec's words,
 * which `labels` may replace for some values (e.g. "As in the dataset (dataset: H100)").
 * A value the spec does not allow is never offered.
 */
export function specOptions(spec, { values, labels = {} } = {}) {
  const all = spec.kind === 'bool' ? ['false', 'true'] : (spec.values ?? []);
  const shown = values ? values.map(String).filter((v) => all.includes(v)) : all;
  return shown.map((v) => ({ value: v, label: labels[v] ?? spec.labels?.[v] ?? v }));
}

/**
 * The one control of a URL field (state/url-state.js FieldSpec): its label, unit, help,
 * bounds and options all come from the spec, so no view restates them. The control's
 * `name` is the field's link key. Views may give words that depend on the data (`label`,
 * `hint`, `labels` of some options, `placeholder`), the subset of `values` to offer, the
 * `options` of a string field (e.g. the models of the dataset) and `min`/`max` of a date.
 *
 * @param {{spec: import('../state/url-state.js').FieldSpec, value: any, onChange: (v: any) => void,
 *   name?: string, as?: 'radio'|'select'|'check'|'date', label?: any, hint?: any, unit?: string,
 *   placeholder?: any, values?: string[], labels?: Record<string, string>,
 *   options?: Array<{value: string, label: string, group?: string}>, min?: string, max?: string, required?: boolean}} props
 */
export function SpecField(props) {
  const { spec, value, onChange, as } = props;
  const name = spec.url ?? props.name;
  const label = props.label ?? spec.label;
  const hint = props.hint ?? spec.help;
  if (spec.kind === 'number')
    return (
      <NumberField
        label={label}
        unit={props.unit ?? spec.unit}
        name={name}
        value={value}
        placeholder={props.placeholder}
        min={spec.min}
        max={spec.max}
        int={spec.int}
        hint={hint}
        required={props.required}
        onChange={onChange}
      />
    );
  if (spec.kind === 'bool' && !spec.labels)
    return <CheckField label={label} name={name} checked={Boolean(value)} hint={hint} onChange={onChange} />;
  if (spec.kind === 'string' && as === 'date')
    return (
      <DateField
        label={label}
        name={name}
        value={value}
        min={props.min}
        max={props.max}
        hint={hint}
        onChange={onChange}
      />
    );
  if (spec.kind === 'string')
    return (
      <SelectField
        label={label}
        name={name}
        value={value}
        options={props.options ?? []}
        hint={hint}
        onChange={onChange}
      />
    );
  const options = specOptions(spec, props);
  const bool = spec.kind === 'bool';
  const pick = (v) => onChange(bool ? v === 'true' : v);
  const current = bool ? String(Boolean(value)) : (value ?? '');
  if (as === 'select')
    return <SelectField label={label} name={name} value={current} options={options} hint={hint} onChange={pick} />;
  return <RadioGroup legend={label} name={name} value={current} options={options} hint={hint} onChange={pick} />;
}
