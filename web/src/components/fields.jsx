// Labelled form fields. A number field keeps what the visitor typed: an invalid entry
// shows an error right next to it (aria-invalid + aria-describedby) and is not applied,
// so every other input and the last valid result stay as they were.
import { useEffect, useId, useRef, useState } from 'preact/hooks';

import { num } from '../lib/format.js';
import { parseNumberInput } from '../lib/number-input.js';
import { fromControl, specControl, toControl, toggleItem } from './spec-control.js';

export { parseNumberInput };

/** No value checked yet (NumberField): its first effect checks the initial one too. */
const NOT_SEEN = Symbol('not seen');

/** The words of a label that may hold elements (e.g. a glossary <Term>), for messages. */
export const labelText = (n) =>
  typeof n === 'string' || typeof n === 'number'
    ? String(n)
    : Array.isArray(n)
      ? n.map(labelText).join('')
      : n?.props
        ? labelText(n.props.children)
        : '';

/** The attributes a select or an input shares: id, name, value, change handler and its hint. */
const controlProps = ({ id, name, value, onChange, hint }) => ({
  id,
  name,
  value,
  onChange: (e) => onChange(e.currentTarget.value),
  'aria-describedby': hint ? `${id}-hint` : undefined,
});

/** The sentence under a control (its aria-describedby target `${id}-hint`), when there is one. */
function Hint({ id, text }) {
  return text ? (
    <small id={`${id}-hint`} class="hint">
      {text}
    </small>
  ) : null;
}

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
  // Only a new `value` is such a change: typing (`text`) or new bounds alone reset nothing.
  const seen = useRef(NOT_SEEN);
  useEffect(() => {
    if (Object.is(seen.current, value)) return;
    seen.current = value;
    const current = parseNumberInput(text, { min, max, int, label: words });
    if (current.error || current.value !== value) {
      setText(value === null || value === undefined ? '' : String(value));
      setError('');
    }
  }, [value, text, min, max, int, words]);
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
      <Hint id={id} text={hint} />
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
      <select {...controlProps({ id, name, value, onChange, hint })}>
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
      <Hint id={id} text={hint} />
    </div>
  );
}

/**
 * A fieldset of radio buttons or checkboxes with a legend and an optional hint:
 * `checked(value)` says which are on, `onPick(value, on)` reports a change.
 */
function ChoiceGroup({ type, legend, name, options, checked, onPick, hint, className, children }) {
  const id = useId();
  return (
    <fieldset class={className} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} class="radio">
          <input
            type={type}
            name={name}
            value={o.value}
            checked={checked(o.value)}
            onChange={(e) => onPick(o.value, e.currentTarget.checked)}
          />{' '}
          {o.label}
        </label>
      ))}
      <Hint id={id} text={hint} />
      {children}
    </fieldset>
  );
}

/** A group of radio buttons (keyboard: arrows move within the group). */
export function RadioGroup({ legend, value, options, onChange, name, hint }) {
  return (
    <ChoiceGroup
      type="radio"
      className="radio-group"
      {...{ legend, name, options, hint }}
      checked={(v) => value === v}
      onPick={(v) => onChange(v)}
    />
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
      <Hint id={id} text={hint} />
    </div>
  );
}

/** Checkboxes for a list field (the options' order is kept; the last `minItems` stay ticked). */
export function CheckGroup({ label, value, options, onChange, minItems, ...rest }) {
  const pick = (item, on) => {
    const next = toggleItem(options, value, item, on, minItems);
    if (next) onChange(next);
  };
  return (
    <ChoiceGroup
      type="checkbox"
      legend={label}
      options={options}
      checked={(v) => value.includes(v)}
      onPick={pick}
      {...rest}
    />
  );
}

/** A labelled date input (YYYY-MM-DD), limited to the dates the data have. */
export function DateField({ label, value, min, max, onChange, name, hint }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input type="date" min={min} max={max} {...controlProps({ id, name, value, onChange, hint })} />
      <Hint id={id} text={hint} />
    </div>
  );
}

/**
 * The one control of a URL field (state/url-state.js FieldSpec): its label, unit, help,
 * bounds and options all come from the spec (components/spec-control.js), so no view
 * restates them; the control's `name` is the field's link key. Views may give words that
 * depend on the data (`label`, `hint`, `labels` of some options, `placeholder`), the subset
 * of `values` to offer, the `options` of a string field (e.g. the dataset's models) and
 * `min`/`max` of a date.
 *
 * @param {{spec: import('../state/url-state.js').FieldSpec, value: any, onChange: (v: any) => void,
 *   name?: string, as?: 'radio'|'select'|'date', label?: any, hint?: any, unit?: string,
 *   placeholder?: any, values?: string[], labels?: Record<string, string>,
 *   options?: Array<{value: string, label: string, group?: string}>, min?: string, max?: string, required?: boolean}} props
 */
export function SpecField(props) {
  const { spec, value, onChange } = props;
  const c = specControl(spec, props);
  const pick = (v) => onChange(fromControl(spec, v));
  const shown = toControl(spec, value);
  switch (c.control) {
    case 'number':
      return (
        <NumberField
          {...c}
          value={value}
          placeholder={props.placeholder}
          required={props.required}
          onChange={onChange}
        />
      );
    case 'check':
      return <CheckField {...c} checked={Boolean(value)} onChange={onChange} />;
    case 'checks':
      return (
        <CheckGroup {...c} value={value ?? []} onChange={onChange}>
          {props.children}
        </CheckGroup>
      );
    case 'date':
      return <DateField {...c} value={shown} min={props.min} max={props.max} onChange={onChange} />;
    case 'select':
      return <SelectField {...c} value={shown} onChange={pick} />;
    default:
      return <RadioGroup {...c} legend={c.label} value={shown} onChange={pick} />;
  }
}
