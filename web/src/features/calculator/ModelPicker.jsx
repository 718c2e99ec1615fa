// Model choice: a filter box narrows a native <select> grouped by company (native controls
// keep keyboard and screen-reader behaviour for free).
import { useId, useState } from 'preact/hooks';

import { SelectField } from '../../components/fields.jsx';
import { modelOptions } from '../../lib/requests.js';

export function ModelPicker({ footprint, value, onChange, label = 'Model', name = 'model' }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const all = modelOptions(footprint);
  const f = filter.trim().toLowerCase();
  let options = f ? all.filter((o) => `${o.label} ${o.group}`.toLowerCase().includes(f)) : all;
  if (!options.some((o) => o.value === value)) options = [...all.filter((o) => o.value === value), ...options];
  return (
    <div class="model-picker">
      <div class="field">
        <label for={id}>Find a {label.toLowerCase()}</label>
        <input
          id={id}
          type="search"
          value={filter}
          placeholder="e.g. claude, llama, deepseek"
          onInput={(e) => setFilter(e.currentTarget.value)}
          aria-describedby={`${id}-count`}
        />
        <small id={`${id}-count`} class="hint" aria-live="polite">
          {f ? `${options.length} of ${all.length} models match` : `${all.length} models`}
        </small>
      </div>
      <SelectField label={label} name={name} value={value} options={options} onChange={onChange} />
    </div>
  );
}
