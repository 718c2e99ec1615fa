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
export function RadioGroup({ legend, value, options, onChange, name }) {
  return (
    <fieldset class="radio-group">
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
    </fieldset>
  );
}
