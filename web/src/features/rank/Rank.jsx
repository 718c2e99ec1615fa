// Rank: cross-efficiency DEA of the models (inputs: energy and the host's multipliers;
// output: the Artificial Analysis Intelligence Index), its settings, a chart of scores,
// a scatter of energy against intelligence, and an explanation of the chosen model's score.
import { BarChart, ScatterChart } from '../../components/charts.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { SpecField } from '../../components/fields.jsx';
import { Figure } from '../../components/figure.jsx';
import { DataTable } from '../../components/table.jsx';
import { useEngine } from '../../engine/engine.js';
import { Term } from '../../glossary/Term.jsx';
import { num, percent } from '../../lib/format.js';
import { bindFields } from '../../state/bind.js';
import { RANK_INPUTS, coreFields } from '../../state/fields.js';
import { RANK_INPUT_NAMES, inputWords, rankRequest, readRank } from './rank-request.js';
import {
  energyOf,
  excludedByReason,
  numericWeights,
  peersText,
  rankedRows,
  scatterPoints,
  scoreBars,
  virtualShares,
  weightsText,
} from './rank-derive.js';

/** The words of each input a ranking may count as a cost. */
const INPUT_LABELS = Object.fromEntries(RANK_INPUTS.map((k) => [k, RANK_INPUT_NAMES[k].label]));

function Settings({ state, setState }) {
  const field = bindFields(coreFields, state, setState);
  const term = (name, id) => <Term id={id}>{coreFields[name].label}</Term>;
  return (
    <form class="controls rank-settings" onSubmit={(e) => e.preventDefault()} aria-label="Ranking settings">
      <SpecField {...field('rankInputs')} labels={INPUT_LABELS}>
        <small class="hint">
          In a sentence each: <Term id="pue">overhead</Term>, <Term id="wue-site">cooling water</Term>,{' '}
          <Term id="wue-source">power-plant water</Term>, <Term id="cif">carbon intensity</Term>.
        </small>
        <small class="hint">
          What counts as the benefit: the model’s intelligence score from Artificial Analysis (more is better).
        </small>
      </SpecField>
      <div>
        <SpecField {...field('rankReturnsToScale')} label={term('rankReturnsToScale', 'returns-to-scale')} />
        <p class="hint" data-testid="rts-sentence">
          {state.rankReturnsToScale === 'crs'
            ? 'Constant returns to scale: a model that uses twice the resources must give twice the result to score the same, whatever its size.'
            : 'Variable returns to scale: a very small or very large model can be efficient for its size, even if its ratio of result to resources is lower.'}
        </p>
      </div>
      <div>
        <SpecField {...field('rankTies')} label={term('rankTies', 'aggressive')} />
        <p class="hint" data-testid="method-sentence">
          {
            {
              aggressive:
                'Aggressive: each model, among the weightings that suit it best, picks the one that makes the other models look worst.',
              benevolent:
                'Benevolent: each model, among the weightings that suit it best, picks the one that makes the other models look best.',
              arbitrary: 'Simple: each model keeps whichever of its best weightings the solver finds first.',
            }[state.rankTies]
          }
        </p>
      </div>
      <SpecField {...field('rankOrientation')} label={term('rankOrientation', 'orientation')} />
      <fieldset>
        <legend>
          <Term id="self-appraisal">Self-judgement</Term>
        </legend>
        <SpecField {...field('rankSelfJudgement')} />
      </fieldset>
    </form>
  );
}

function Explain({ row, all }) {
  if (!row) return <p class="muted">Choose a model in the table or the scatter to see why it ranks where it does.</p>;
  const inputWeights = numericWeights(row.weights?.inputs);
  const outputWeights = numericWeights(row.weights?.outputs);
  const peers = row.peers ?? [];
  return (
    <section aria-labelledby="explain-h" class="panel" data-testid="explain">
      <h2 id="explain-h">
        Why {row.model} ranks {row.rank ?? '–'} of {all.length}
      </h2>
      <p>
        Eco-efficiency score <strong>{num(row.score)}</strong>: the average of how efficient {row.model} looks under the
        weights every model picks for itself. Under its own best weights alone it scores {num(row.simple)}
        {row.efficient ? ', so no other model beats it (it is efficient)' : ''}.
      </p>
      {inputWeights.length > 0 && (
        <p>
          Its own weights (per unit of each cost): {weightsText(inputWeights)}; benefit {weightsText(outputWeights)}. A
          weight of 0 means the cost did not count in its favour.
        </p>
      )}
      {inputWeights.length > 0 && (
        <p>
          What its score rests on (share of its weighted costs, weight × value):{' '}
          {virtualShares(row)
            .map(([k, v]) => `${inputWords(k)} ${percent(v)}`)
            .join(', ')}
          .
        </p>
      )}
      {peers.length > 0 && <p>Efficient peers it is measured against: {peersText(peers)}.</p>}
      <h3>Its costs and benefit</h3>
      <ul>
        {Object.entries(row.inputs).map(([k, v]) => (
          <li key={k}>
            {inputWords(k)}: {num(v)}
          </li>
        ))}
        <li>intelligence index: {num(row.output)}</li>
      </ul>
    </section>
  );
}

export default function Rank({ state, setState, data }) {
  const { result, error, loading } = useEngine(rankRequest(state, data));
  const ranked = readRank(result);
  const rows = rankedRows(ranked);
  const selected = rows.find((r) => r.model === state.rankSelected);
  const caption = `Eco-efficiency score of ${rows.length} models (higher is better, 1 at most); efficient models are marked.`;
  const points = scatterPoints(rows, state.rankSelected);
  const columns = [
    {
      key: 'model',
      label: 'Model',
      render: (r) => (
        <button
          type="button"
          class="sort"
          onClick={() => setState({ rankSelected: r.model })}
          aria-pressed={r.model === state.rankSelected}
        >
          {r.model}
        </button>
      ),
    },
    { key: 'rank', label: 'Rank', numeric: true },
    { key: 'score', label: 'Eco-efficiency score', numeric: true, render: (r) => num(r.score) },
    { key: 'simple', label: 'Score under its own best weights', numeric: true, render: (r) => num(r.simple) },
    { key: 'energy', label: 'Energy per query (Wh)', numeric: true, render: (r) => num(energyOf(r)) },
    { key: 'output', label: 'Intelligence index', numeric: true, render: (r) => num(r.output) },
  ];
  const csv = {
    columns: [
      { key: 'model', label: 'model' },
      { key: 'rank', label: 'rank' },
      { key: 'score', label: 'cross_efficiency' },
      { key: 'simple', label: 'efficiency' },
      { label: 'energy_wh', value: energyOf },
      { key: 'output', label: 'aa_intelligence_index' },
    ],
    rows,
  };
  return (
    <article>
      <h1>Eco-efficiency ranking</h1>
      <p class="lede">
        Which models give the most capability for their footprint? Each model is scored by how much intelligence it
        delivers for the energy, water and carbon it costs, against the best of the others (
        <Term id="dea">data envelopment analysis</Term>). Every model may weigh its costs in the way that suits it best;
        its final score averages how it looks under every model’s weights (
        <Term id="cross-efficiency">cross-efficiency</Term>), as in the paper. 1 is the best possible score. Models
        without an <Term id="intelligence-index">intelligence score</Term> are left out.
      </p>
      <Settings state={state} setState={setState} />
      <EngineError error={error} what="rank models" />
      {loading && !rows.length && <p aria-busy="true">Computing…</p>}
      {rows.length > 0 && (
        <div class="two-col">
          <Figure
            name="rank-scores"
            caption={caption}
            chart={<BarChart rows={scoreBars(rows, state.rankSelected)} unit="Eco-efficiency score" label={caption} />}
            table={
              <DataTable
                caption="Eco-efficiency scores"
                columns={[
                  { key: 'model', label: 'Model' },
                  { key: 'score', label: 'Score', numeric: true, render: (r) => num(r.score) },
                ]}
                rows={rows}
                rowKey={(r) => r.model}
              />
            }
            csv={csv}
            json={{ dataset: data.meta.ref, request: rankRequest(state, data), result }}
          />
          <Figure
            name="rank-scatter"
            caption="Energy per query against intelligence index; filled circles are efficient models. Select a circle to explain its score."
            chart={
              <ScatterChart
                points={points}
                xLabel="Energy per query (Wh, log scale)"
                yLabel="Intelligence index"
                label="Scatter of energy per query against intelligence index"
                onSelect={(k) => setState({ rankSelected: k })}
              />
            }
            table={
              <DataTable
                caption="Energy and intelligence"
                columns={[
                  { key: 'label', label: 'Model' },
                  { key: 'x', label: 'Energy (Wh)', numeric: true, render: (p) => num(p.x) },
                  { key: 'y', label: 'Intelligence index', numeric: true, render: (p) => num(p.y) },
                  { key: 'marked', label: 'Efficient', render: (p) => (p.marked ? 'yes' : 'no') },
                ]}
                rows={points}
                rowKey={(p) => p.key}
              />
            }
          />
        </div>
      )}
      {rows.length > 0 && (
        <section aria-labelledby="ranking-h">
          <h2 id="ranking-h">Ranking</h2>
          <p class="muted">Select a model to see why it ranks where it does.</p>
          <DataTable
            caption={`${rows.length} models, best first`}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.model}
            highlight={state.rankSelected}
            className="rank-table"
          />
        </section>
      )}
      {rows.length > 0 && <Explain row={selected} all={rows} />}
      {excludedByReason(ranked?.excluded).map(([reason, models]) => (
        <p class="muted" key={reason}>
          Left out ({reason}): {models.join(', ')}.
        </p>
      ))}
    </article>
  );
}
