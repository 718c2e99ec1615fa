// The embed's engine path, loaded only when the precomputed numbers do not apply (the link
// overrides an assumption, or the build has no precomputed file for this dataset and prompt):
// the full datasets, the engine worker and its wasm, as in the calculator.
import { EngineError } from '../components/engine-error.jsx';
import { useDatasets } from '../data/use-data.js';
import { useEngine } from '../engine/engine.js';
import { estimateRequest } from '../lib/requests.js';
import { embedModels } from './embed-state.js';

export default function Live({ state: asked, render }) {
  const data = useDatasets(asked.dataset);
  const fp = data.value?.footprint;
  // A prompt size this dataset does not have: its first one (as the calculator does).
  const has = (p) => fp?.models.some((m) => m.prompts.some((x) => x.prompt === p));
  const state =
    !fp || has(asked.prompt) ? asked : { ...asked, prompt: fp.models[0]?.prompts[0]?.prompt ?? asked.prompt };
  const names = fp?.models.filter((m) => m.prompts.some((p) => p.prompt === state.prompt)).map((m) => m.model);
  const pick = names ? embedModels(state, names) : null;
  const request =
    pick?.models.length > 0
      ? estimateRequest(state, data.value, { models: pick.models, prompts: [state.prompt] })
      : null;
  const { result, error, loading } = useEngine(request);
  if (data.error)
    return (
      <p class="error-box" role="alert">
        The data could not be loaded: {String(data.error.message ?? data.error)}.
      </p>
    );
  const byName = new Map((result?.rows ?? []).map((r) => [r.model, r]));
  const rows = pick ? pick.models.map((m) => byName.get(m)).filter(Boolean) : [];
  return (
    <>
      <EngineError error={error} />
      {rows.length > 0 ? render(rows, loading, state.prompt, pick) : !error && <p aria-busy="true">Computing…</p>}
    </>
  );
}
