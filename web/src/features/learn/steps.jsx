// The walkthrough's steps, from one prompt to Wh, mL and g CO2e. Each step shows the chosen
// model's numbers from the engine (an `estimate` request like the calculator's) and has one
// control that changes that step's request only (a "knob", kept while the lesson is open).
import { format } from 'd3-format';
import { useId } from 'preact/hooks';

import { EngineError } from '../../components/engine-error.jsx';
import { RadioGroup, SelectField } from '../../components/fields.jsx';
import { DataTable } from '../../components/table.jsx';
import { useEngine } from '../../engine/engine.js';
import { Term } from '../../glossary/Term.jsx';
import { estimateRequest } from '../../lib/requests.js';
import { views } from '../../views.js';
import { findConstant } from '../../lib/equivalents.js';
import { ViewLink } from '../../components/view-link.jsx';
import { chooseFamily, effortFamilies, sharedPrompt } from './effort.js';
import { INPUT_TOKENS, PROMPT_ORDER, PROMPT_WORDS, waterSplit } from './questions.js';

const sig2 = format(',.2r');
const f4 = format(',.4~r');
const sig4 = (x) => (Number.isFinite(x) ? f4(x) : '…');

/** Two significant figures for sentences ("0.41", "25", "1,200"). */
export const s2 = (x) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? format(',.0f')(x) : sig2(x)) : '–');

const SCALES = {
  Wh: [
    [1e6, 'MWh'],
    [1e3, 'kWh'],
    [1, 'Wh'],
  ],
  mL: [
    [1e6, 'm³'],
    [1e3, 'L'],
    [1, 'mL'],
  ],
  g: [
    [1e6, 't'],
    [1e3, 'kg'],
    [1, 'g'],
  ],
};

/** A number with its unit, scaled (Wh/kWh/MWh, mL/L/m³, g/kg/t), rounded for reading; the full value in `value`. */
export function Amount({ value, unit, fact, suffix = '' }) {
  if (!Number.isFinite(value)) return <span>–</span>;
  const [div, u] = (SCALES[unit] ?? [[1, unit]]).find(([d]) => Math.abs(value) >= d) ?? [1, unit];
  return (
    <data value={String(value)} data-fact={fact} title={`${sig4(value)} ${unit}`}>
      {s2(value / div)}
      {u ? (u === '×' || u === '%' ? u : ` ${u}`) : ''}
      {suffix}
    </data>
  );
}

/** The engine's estimate of the chosen model and prompt with the step's patch to the state. */
function useStepEstimate(ctx, patch = {}, select) {
  const { state, data, model, prompt } = ctx;
  const request = model
    ? estimateRequest({ ...state, prompt, ...patch }, data, select ?? { models: [model], prompts: [prompt] })
    : null;
  const { result, error, loading } = useEngine(request);
  return { row: result?.rows?.[0], rows: result?.rows ?? [], error, loading };
}

/** The big numbers of a step: [{label, node}]. */
function Figures({ items, busy }) {
  return (
    <dl class="learn-figures" aria-busy={busy ? 'true' : 'false'}>
      {items.map((it) => (
        <div key={it.label}>
          <dt>{it.label}</dt>
          <dd>{it.node}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A slider with its value in words and a way back to the dataset's value. */
function Slider({ label, value, def, min, max, step, unit, onChange, name }) {
  const id = useId();
  const v = value ?? def;
  return (
    <div class="learn-control">
      <label for={id}>{label}</label>
      <div class="slider-row">
        <input
          id={id}
          name={name}
          type="range"
          min={min}
          max={max}
          step={step}
          value={v}
          aria-valuetext={`${sig4(v)} ${unit}`}
          onInput={(e) => onChange(Number(e.currentTarget.value))}
        />
        <output for={id}>
          {sig4(v)} {unit}
        </output>
        {value !== null && value !== undefined && value !== def && (
          <button type="button" onClick={() => onChange(null)}>
            Back to {sig4(def)}
          </button>
        )}
      </div>
    </div>
  );
}

const promptEntry = (ctx) => ctx.info?.prompts.find((p) => p.prompt === ctx.prompt);

function Tokens(ctx) {
  const { row, error, loading } = useStepEstimate(ctx);
  const p = promptEntry(ctx);
  const inTokens = p?.input_tokens ?? INPUT_TOKENS[ctx.prompt];
  const available = (ctx.info?.prompts ?? [])
    .map((x) => x.prompt)
    .sort((a, b) => PROMPT_ORDER.indexOf(a) - PROMPT_ORDER.indexOf(b));
  return (
    <>
      <p>
        You type a <Term id="prompt">prompt</Term>. The <Term id="llm">model</Term> reads it as{' '}
        <Term id="token">tokens</Term> and writes its answer one token at a time. The measurements behind this lesson
        use fixed prompt sizes: pick one for {ctx.model}.
      </p>
      <RadioGroup
        legend="Prompt size"
        name="prompt"
        value={ctx.prompt}
        onChange={(v) => ctx.setState({ prompt: v })}
        options={available.map((x) => ({ value: x, label: PROMPT_WORDS[x] }))}
      />
      <Figures
        busy={loading}
        items={[
          { label: 'Tokens in', node: <Amount value={inTokens} unit="" fact="input_tokens" /> },
          {
            label: 'Tokens out',
            node: <Amount value={row?.output_tokens ?? p?.output_tokens} unit="" fact="output_tokens" />,
          },
          { label: 'Energy of one such query', node: <Amount value={row?.energy_wh.mean} unit="Wh" fact="energy" /> },
        ]}
      />
      <EngineError error={error} what="compute this step" />
    </>
  );
}

function Time(ctx) {
  const p = promptEntry(ctx);
  const def = p?.output_tokens ?? 300;
  const out = ctx.knob;
  const { row, error, loading } = useStepEstimate(ctx, out ? { outputTokens: out } : {});
  const w = row?.work ?? {};
  const O = row?.output_tokens ?? def;
  return (
    <>
      <p>
        First you wait: the <Term id="ttft">time to first token</Term> L. Then the model writes at its{' '}
        <Term id="output-speed">output speed</Term> R. One query lasts T = L + O / R, with O the{' '}
        <Term id="output-tokens">output tokens</Term>.
      </p>
      <Figures
        busy={loading}
        items={[
          { label: 'Wait for the first token', node: <Amount value={w.ttft_mean_s} unit="s" fact="ttft" /> },
          {
            label: `Writing ${s2(O)} tokens`,
            node: <Amount value={w.inv_tps_mean_s_per_token * O} unit="s" fact="writing" />,
          },
          { label: 'Time of one query, T', node: <Amount value={w.time_mean_s} unit="s" fact="time" /> },
        ]}
      />
      <Slider
        label="Length of the answer (output tokens)"
        name="learn-out"
        value={out}
        def={def}
        min={50}
        max={Math.max(4000, def * 2)}
        step={50}
        unit="tokens"
        onChange={ctx.setKnob}
      />
      {out && out !== def && (
        <p class="muted">
          Outside the paper’s measured lengths (an extension): the wait and the speed stay as measured for this prompt
          size; only the writing time changes.
        </p>
      )}
      <EngineError error={error} what="compute this step" />
    </>
  );
}

const BATCHES = [1, 2, 4, 8, 16, 32, 64];

function Power(ctx) {
  const batch = ctx.knob;
  const { row, error, loading } = useStepEstimate(ctx, batch ? { batchSize: batch } : {});
  const a = row?.assumptions ?? {};
  const w = row?.work ?? {};
  const gpus = a.gpus ?? ctx.data.hardware?.size_classes?.find((c) => c.id === a.size_class)?.gpus;
  return (
    <>
      <p>
        {ctx.model} is treated as a <Term id="size-class">{a.size_class ?? '…'}</Term> model on {gpus ?? 'some'} of the
        8 <Term id="gpu">GPUs</Term> of a {a.hardware ?? '…'} <Term id="node">node</Term>. The query is charged a share
        of the node’s power (<Term id="utilisation">utilisation</Term>), because the node answers a{' '}
        <Term id="batch">batch</Term> of queries at once.
      </p>
      <Figures
        busy={loading}
        items={[
          { label: 'Node at full power', node: <Amount value={(a.p_gpu_kw + a.p_nongpu_kw) * 1000} unit="W" /> },
          {
            label: 'Charged to your query',
            node: <Amount value={w.power_expected_kw * 1000} unit="W" fact="power" />,
          },
          {
            label: 'Low – high bound',
            node: (
              <>
                <Amount value={w.power_min_kw * 1000} unit="W" /> – <Amount value={w.power_max_kw * 1000} unit="W" />
              </>
            ),
          },
        ]}
      />
      <div class="learn-control">
        <SelectField
          label="Queries answered at once (batch size)"
          name="learn-batch"
          value={String(batch ?? 8)}
          options={BATCHES.map((b) => ({ value: String(b), label: b === 8 ? '8 (the paper)' : String(b) }))}
          onChange={(v) => ctx.setKnob(Number(v) === 8 ? null : Number(v))}
          hint="The paper assumes 8 and gives 4 and 16 in an appendix; below 4 and above 16 this tool keeps the end values (an extension, not the paper's)."
        />
      </div>
      <EngineError error={error} what="compute this step" />
    </>
  );
}

function Energy(ctx) {
  const pue = ctx.knob;
  const { row, error, loading } = useStepEstimate(ctx, pue ? { pue } : {});
  const a = row?.assumptions ?? {};
  const w = row?.work ?? {};
  const e = row?.energy_wh.mean;
  const phone = findConstant(ctx.data.constants, /phone/);
  const search = findConstant(ctx.data.constants, /google|search/);
  return (
    <>
      <p>
        Energy is time × power. The data centre adds cooling and power conversion on top: its <Term id="pue">PUE</Term>{' '}
        ({sig4(a.pue)}) multiplies the energy of the computers. E = T / 3600 × P × PUE, in{' '}
        <Term id="wh">watt-hours</Term>.
      </p>
      <Figures
        busy={loading}
        items={[
          {
            label: 'Time × power',
            node: (
              <>
                <Amount value={w.time_mean_s} unit="s" /> × <Amount value={w.power_expected_kw * 1000} unit="W" />
              </>
            ),
          },
          { label: 'Energy per query', node: <Amount value={row?.energy_wh.mean} unit="Wh" fact="energy" /> },
        ]}
      />
      {Number.isFinite(e) && phone?.value > 0 && search?.value > 0 && (
        <p title={phone.source}>
          That is about {e < phone.value ? `${s2((100 * e) / phone.value)} % of` : `${s2(e / phone.value)}`} a phone
          charge ({sig4(phone.value)} Wh) or {s2(e / search.value)} Google searches ({sig4(search.value)} Wh each), the
          comparisons the paper uses.
        </p>
      )}
      <Slider
        label="Overhead of the building (PUE)"
        name="learn-pue"
        value={pue}
        def={a.pue ?? 1.12}
        min={1}
        max={2}
        step={0.01}
        unit=""
        onChange={ctx.setKnob}
      />
      <EngineError error={error} what="compute this step" />
    </>
  );
}

function Water(ctx) {
  const wues = ctx.knob;
  const { row, error, loading } = useStepEstimate(ctx, wues !== null && wues !== undefined ? { wueSite: wues } : {});
  const a = row?.assumptions ?? {};
  const split = row ? waterSplit(row) : null;
  const share = split ? split.onsite / split.total : 0;
  return (
    <>
      <p>
        Water is consumed twice: the data centre evaporates some to cool its computers (
        <Term id="wue-site">on-site water</Term>, {sig4(a.wue_site_l_per_kwh)} L per kWh of computing), and the power
        plants evaporate some to make the electricity (<Term id="wue-source">power-plant water</Term>,{' '}
        {sig4(a.wue_source_l_per_kwh)} L per kWh drawn).
      </p>
      <Figures
        busy={loading}
        items={[
          { label: 'At the data centre', node: <Amount value={split?.onsite} unit="mL" fact="onsite" /> },
          { label: 'At the power plants', node: <Amount value={split?.plant} unit="mL" fact="plant" /> },
          { label: 'Water per query', node: <Amount value={row?.water_ml.mean} unit="mL" fact="water" /> },
        ]}
      />
      {split && (
        <div
          class="water-bar"
          role="img"
          aria-label={`${s2(share * 100)} % on site, ${s2(100 - share * 100)} % at power plants`}
        >
          <span class="onsite" style={{ width: `${share * 100}%` }} />
          <span class="plant" style={{ width: `${(1 - share) * 100}%` }} />
        </div>
      )}
      <Slider
        label="Cooling water at the data centre (L per kWh)"
        name="learn-wues"
        value={wues}
        def={a.wue_site_l_per_kwh ?? 0.3}
        min={0}
        max={5}
        step={0.05}
        unit="L/kWh"
        onChange={ctx.setKnob}
      />
      <EngineError error={error} what="compute this step" />
    </>
  );
}

function Carbon(ctx) {
  const cif = ctx.knob;
  const { row, error, loading } = useStepEstimate(ctx, cif !== null && cif !== undefined ? { cif } : {});
  const a = row?.assumptions ?? {};
  return (
    <>
      <p>
        Carbon is energy × the <Term id="cif">carbon intensity</Term> of the grid: {sig4(a.cif_kg_per_kwh)} kg of{' '}
        <Term id="co2e">CO₂e</Term> per kWh here, which is the same as g per Wh. Only the electricity counts (
        <Term id="scope2">Scope 2</Term>), not making the chips.
      </p>
      <Figures
        busy={loading}
        items={[
          { label: 'Energy per query', node: <Amount value={row?.energy_wh.mean} unit="Wh" /> },
          {
            label: 'Carbon per query',
            node: <Amount value={row?.carbon_g.mean} unit="g" fact="carbon" suffix=" CO₂e" />,
          },
        ]}
      />
      <Slider
        label="Carbon intensity of the grid (kg CO₂e per kWh)"
        name="learn-cif"
        value={cif}
        def={a.cif_kg_per_kwh ?? 0.34}
        min={0}
        max={1}
        step={0.01}
        unit="kg/kWh"
        onChange={ctx.setKnob}
      />
      <EngineError error={error} what="compute this step" />
    </>
  );
}

function Reasoning(ctx) {
  const families = effortFamilies(ctx.data.footprint);
  const fam = chooseFamily(families, ctx.knob, ctx.model);
  const p = fam ? sharedPrompt(fam, ctx.prompt) : null;
  const members = fam ? fam.members.filter((m) => m.prompts.includes(p)) : [];
  const select = members.length ? { models: members.map((m) => m.model), prompts: [p] } : undefined;
  const { rows, error, loading } = useStepEstimate(ctx, { prompt: p ?? ctx.prompt }, select);
  if (!fam)
    return (
      <p>
        This dataset has no model measured at several <Term id="effort">reasoning efforts</Term>. Choose another dataset
        in the calculator (the snapshot has GPT-5 from minimal to high effort).
      </p>
    );
  const modelRows = members.map((m) => ({
    ...m,
    ttft: ctx.data.footprint.models.find((x) => x.model === m.model)?.prompts.find((x) => x.prompt === p)?.ttft_s?.[2],
    row: rows.find((r) => r.model === m.model),
  }));
  const max = Math.max(...modelRows.map((r) => r.row?.energy_wh.mean ?? 0));
  const lo = modelRows[0];
  const hi = modelRows.at(-1);
  return (
    <>
      <p>
        <Term id="reasoning">Reasoning models</Term> think in hidden tokens before they answer. The answer has the same
        length ({s2(lo.row?.output_tokens)} tokens, {PROMPT_WORDS[p]} prompt), but the wait for the first token grows
        with the <Term id="effort">effort</Term>, and the GPUs work all that time.
      </p>
      <div class="learn-control">
        <SelectField
          label="Model family"
          name="learn-family"
          value={fam.base}
          options={families.map((f) => ({ value: f.base, label: `${f.base} (${f.members.length} levels)` }))}
          onChange={ctx.setKnob}
        />
      </div>
      <DataTable
        caption={`${fam.base} at each effort level, ${PROMPT_WORDS[p]} prompt`}
        className="effort-table"
        columns={[
          {
            key: 'effort',
            label: 'Effort',
            render: (r) => (r.effort === 'default' ? 'default (no level given)' : r.effort),
          },
          {
            key: 'ttft',
            label: 'Measured wait for the first token (median)',
            numeric: true,
            render: (r) => <Amount value={r.ttft} unit="s" fact={`ttft:${r.model}`} />,
          },
          {
            key: 'energy',
            label: 'Energy per query',
            render: (r) => (
              <span class="bar-cell">
                <span class="bar-fill" style={{ width: `${((r.row?.energy_wh.mean ?? 0) / (max || 1)) * 100}%` }} />
                <Amount value={r.row?.energy_wh.mean} unit="Wh" fact={`energy:${r.model}`} />
              </span>
            ),
          },
        ]}
        rows={modelRows}
        rowKey={(r) => r.model}
      />
      {lo.row && hi.row && (
        <p aria-busy={loading ? 'true' : 'false'}>
          {hi.model} waits {s2(hi.ttft)} s for its first token against {s2(lo.ttft)} s for {lo.model}, and uses{' '}
          <Amount value={hi.row.energy_wh.mean / lo.row.energy_wh.mean} unit="×" fact="effort-ratio" /> the energy.
        </p>
      )}
      <EngineError error={error} what="compute this step" />
    </>
  );
}

function Published(ctx) {
  const est = ctx.knob ?? 'v6';
  const { row, error, loading } = useStepEstimate(ctx, { estimator: est });
  const reality = views.some((v) => v.id === 'reality');
  return (
    <>
      <p>Other studies print other numbers for “one prompt”, for good reasons:</p>
      <ul class="learn-reasons">
        <li>they count different things (only the chips, or the whole building; training; making the hardware),</li>
        <li>they assume a different answer length, batch, hardware or grid,</li>
        <li>they measure a real server, or, like this paper, model one from public speed data,</li>
        <li>and models and data centres change from month to month.</li>
      </ul>
      <RadioGroup
        legend="Recipe (estimator) for the same data"
        name="learn-est"
        value={est}
        onChange={(v) => ctx.setKnob(v === 'v6' ? null : v)}
        options={[
          { value: 'v6', label: 'Paper v6 (2025-11)' },
          { value: 'v4', label: 'Paper v4 (2025-09)' },
        ]}
      />
      <Figures
        busy={loading}
        items={[
          { label: 'This estimate', node: <Amount value={row?.energy_wh.mean} unit="Wh" fact="energy" /> },
          {
            label: 'Low – high utilisation',
            node: (
              <>
                <Amount value={row?.energy_wh.low} unit="Wh" /> – <Amount value={row?.energy_wh.high} unit="Wh" />
              </>
            ),
          },
          ...(row?.reference?.energy_wh_mean
            ? [
                {
                  label: `The authors’ published value${ctx.data.footprint.paper_version ? ` (paper ${ctx.data.footprint.paper_version})` : ''}`,
                  node: <Amount value={row.reference.energy_wh_mean} unit="Wh" />,
                },
              ]
            : []),
        ]}
      />
      <p>
        Same data, a different <Term id="estimator">estimator</Term>: a different number.
        {reality && (
          <>
            {' '}
            <ViewLink view="reality">Compare published figures in the reality check</ViewLink>.
          </>
        )}
      </p>
      <EngineError error={error} what="compute this step" />
    </>
  );
}

/** The walkthrough, in order: {id, title, Component}. */
export const STEPS = [
  { id: 'tokens', title: 'From a question to tokens', Component: Tokens },
  { id: 'time', title: 'Time: waiting, then writing', Component: Time },
  { id: 'power', title: 'Power: a share of a GPU server', Component: Power },
  { id: 'energy', title: 'Energy: time × power × building', Component: Energy },
  { id: 'water', title: 'Where the water goes', Component: Water },
  { id: 'carbon', title: 'Carbon: it depends on the grid', Component: Carbon },
  { id: 'reasoning', title: 'Reasoning: thinking before answering', Component: Reasoning },
  { id: 'published', title: 'Why published figures differ', Component: Published },
];
