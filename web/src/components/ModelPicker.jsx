// Model choice: a native <select> grouped by company, and a filter box that narrows it
// (native controls keep keyboard and screen-reader behaviour for free). The count under
// the filter is the true number of matches; the current choice stays selectable (in its
// own group) even when it does not match.
import { useId, useState } from 'preact/hooks';

import { SelectField } from './fields.jsx';
import { modelOptions } from '../lib/requests.js';

export function ModelPicker({ footprint, value, onChange, label = 'Model', name = 'model', hint }) {
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
      <SelectField label={label} name={name} value={value} options={options} onChange={onChange} hint={hint} />
      <div class="field find">
        <label for={id}>Find a {label.toLowerCase()}</label>
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
