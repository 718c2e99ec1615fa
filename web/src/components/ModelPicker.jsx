// Model choice: a native <select> grouped by company, and a filter box that narrows it
// (native controls keep keyboard and screen-reader behaviour for free). The count under
// the filter is the true number of matches; the current choice stays selectable (in its
// own group) even when it does not match.
import { useId, useState } from 'preact/hooks';

import { SpecField } from './fields.jsx';
import { modelOptions } from '../lib/requests.js';

/**
 * `spec` is the URL field the choice is kept in (state/fields.js `model` by default: a
 * string field whose options are the dataset's models); `label` and `name` replace its words.
 */
export function ModelPicker({ footprint, value, onChange, spec, label, name = 'model', hint }) {
  const field = { kind: 'string', url: name, label: 'Model', ...spec, ...(label ? { label } : {}) };
  const id = useId();
  const [filter, setFilter] = useState('');
  const all = modelOptions(footprint);
  const f = filter.trim().toLowerCase();
  const matches = f ? all.filter((o) => `${o.label} ${o.group}`.toLowerCase().includes(f)) : all;
  const options = matches.some((o) => o.value === value)
    ? matches
    : [...all.filter((o) => o.value === value).map((o) => ({ ...o, group: 'Current choice' })), ...matches];
  const countText = !f
    ? `${all.length} models`
    : matches.length
      ? `${matches.length} of ${all.length} models match`
      : `No model matches “${filter.trim()}” in this data`;
  return (
    <div class="model-picker">
      <SpecField spec={field} value={value} options={options} onChange={onChange} hint={hint} />
      <div class="field find">
        <label for={id}>Find a {String(field.label).toLowerCase()}</label>
        <input
          id={id}
          type="search"
          value={filter}
          placeholder="e.g. claude"
          onInput={(e) => setFilter(e.currentTarget.value)}
          aria-describedby={`${id}-count`}
        />
        <small id={`${id}-count`} class="hint" aria-live="polite">
          {countText}
        </small>
      </div>
    </div>
  );
}
