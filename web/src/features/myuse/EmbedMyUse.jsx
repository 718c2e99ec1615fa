// My use in an embed (embed.html?view=myuse&...): the headline for the chosen model.
import { EngineError } from '../../components/engine-error.jsx';
import { useEngine } from '../../engine/engine.js';
import { chosenModel } from '../../lib/requests.js';
import { Headline } from './Headline.jsx';
import { myUseRequest, perDayOf, presetOf } from './myuse.js';

export function EmbedMyUse({ state, data }) {
  const model = chosenModel(state, data.footprint);
  const preset = presetOf(state);
  const request = model ? myUseRequest(state, data, [model]) : null;
  const { result, error, loading } = useEngine(request);
  const row = result?.rows?.[0];
  return (
    <>
      <h1 class="embed-title">
        <span data-testid="model">{model}</span>: {preset.label.toLowerCase()}
      </h1>
      <EngineError error={error} />
      {loading && !row && <p aria-busy="true">Computing…</p>}
      {row && (
        <div aria-busy={loading ? 'true' : 'false'} class="embed-result" data-testid="result">
          <Headline row={row} preset={preset} perDay={perDayOf(state, preset)} days={state.myUseDays ?? 365} />
          <p class="muted">An extension beyond the paper: any prompt length and sessions (see the full view).</p>
        </div>
      )}
    </>
  );
}
