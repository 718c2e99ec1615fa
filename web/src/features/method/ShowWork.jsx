// "Show the work": the equations of the method with this query's numbers substituted,
// step by step, as a teacher would walk a class through one estimate. The numbers are the
// engine's own intermediate results (result.rows[0].work), not recomputed here. A second
// model (?m2=) puts two estimates side by side, for a class comparing them.
import { EngineError } from '../../components/engine-error.jsx';
import { SpecField } from '../../components/fields.jsx';
import { DataTable } from '../../components/table.jsx';
import { ViewLink } from '../../components/view-link.jsx';
import { useEngine } from '../../engine/engine.js';
import { Term } from '../../glossary/Term.jsx';
import './work.css';
import { num4 } from '../../lib/format.js';
import { chosenModel, chosenPrompt, estimateRequest, modelOptions } from '../../lib/requests.js';
import { bindFields } from '../../state/bind.js';
import { coreFields } from '../../state/fields.js';
import feature from './index.js';

const PCT = ['P5', 'P25', 'P50', 'P75', 'P95'];

function Inputs({ prompt }) {
  if (!prompt) return null;
  const rows = PCT.map((p, i) => ({ p, ttft: prompt.ttft_s[i], tps: prompt.tps[i] }));
  return (
    <DataTable
      caption="Measured latency and output speed (Artificial Analysis percentiles)"
      columns={[
        { key: 'p', label: 'Percentile' },
        { key: 'ttft', label: 'Latency L (s)', numeric: true, render: (r) => num4(r.ttft) },
        { key: 'tps', label: 'Speed R (tokens/s)', numeric: true, render: (r) => num4(r.tps) },
      ]}
      rows={rows}
      rowKey={(r) => r.p}
    />
  );
}

/** Every step of one model's estimate (one column when two models are shown side by side). */
function WorkColumn({ state, data, model, headingLevel, testId }) {
  const fp = data.footprint;
  const promptName = chosenPrompt(state, fp, model);
  const info = fp.models.find((m) => m.model === model);
  const promptInfo = info?.prompts.find((p) => p.prompt === promptName);
  const request = model
    ? estimateRequest({ ...state, prompt: promptName }, data, { models: [model], prompts: [promptName] })
    : null;
  const { result, error } = useEngine(request);
  const row = result?.rows?.[0];
  const w = row?.work ?? {};
  const a = { ...info, ...(row?.assumptions ?? {}) };
  const O = row?.output_tokens ?? a.output_tokens ?? promptInfo?.output_tokens;
  const wMax = result?.method?.w_max ?? state.utilisationWeight ?? 0.5;
  const estimator = result?.method?.estimator ?? state.estimator;
  const eq = (s) => <code class="eq">{s}</code>;
  const H = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section class="work-column" aria-label={`The work for ${model}`} data-testid={testId}>
      <p class="work-head">
        <strong>{model}</strong>, {promptName} prompt ({num4(O)} output tokens)
        {row?.energy_wh && (
          <>
            : <strong>{num4(row.energy_wh.mean)} Wh</strong>
          </>
        )}
      </p>
      <EngineError error={error} what="show the work" />
      <ol class="steps">
        <li>
          <H>Latency and speed</H>
          <p>
            The <Term id="ttft">time to first token</Term> L and the <Term id="output-speed">output speed</Term> R vary
            from query to query; the dataset gives five <Term id="percentile">percentiles</Term> of each.{' '}
            {estimator === 'v4' ? (
              <>
                The v4 <Term id="estimator">estimator</Term> takes all 25 pairs of percentiles, each at both utilisation
                bounds (50 values).
              </>
            ) : (
              <>
                The v6 <Term id="estimator">estimator</Term> couples them with a{' '}
                <Term id="copula">Gaussian copula</Term> (<Term id="rho">correlation ρ</Term> ={' '}
                {num4(result?.method?.rho ?? -0.3)}) and interpolates between the percentiles.
              </>
            )}
          </p>
          <Inputs prompt={promptInfo} />
          {row && eq(`E[L] = ${num4(w.ttft_mean_s)} s      E[1/R] = ${num4(w.inv_tps_mean_s_per_token)} s per token`)}
        </li>
        <li>
          <H>Time of one query</H>
          {eq('T = L + O / R')}
          {row &&
            eq(
              `E[T] = ${num4(w.ttft_mean_s)} s + ${num4(O)} × ${num4(w.inv_tps_mean_s_per_token)} s = ${num4(w.time_mean_s)} s   (SD ${num4(w.time_sd_s)} s)`,
            )}
        </li>
        <li>
          <H>Power drawn for the query</H>
          <p>
            A <Term id="node">node</Term> of 8 <Term id="gpu">GPUs</Term> ({a.hardware}) draws P_GPU ={' '}
            {num4(a.p_gpu_kw)} kW and P_nonGPU = {num4(a.p_nongpu_kw)} kW at full power; one query of a{' '}
            <Term id="size-class">{a.size_class}</Term> model uses a fraction U of it (
            <Term id="utilisation">utilisation</Term>), between a low and a high bound.
          </p>
          {eq('P = P_GPU × U_GPU + P_nonGPU × U_nonGPU')}
          {row &&
            eq(
              `P_min = ${num4(a.p_gpu_kw)} × ${num4(a.u_gpu_min)} + ${num4(a.p_nongpu_kw)} × ${num4(a.u_nongpu)} = ${num4(w.power_min_kw)} kW\n` +
                `P_max = ${num4(a.p_gpu_kw)} × ${num4(a.u_gpu_max)} + ${num4(a.p_nongpu_kw)} × ${num4(a.u_nongpu)} = ${num4(w.power_max_kw)} kW`,
            )}
        </li>
        <li>
          <H>Energy</H>
          <p>
            Facility energy is IT energy times the data centre's power usage effectiveness (<Term id="pue">PUE</Term> ={' '}
            {num4(a.pue)}); w weighs the two bounds (<Term id="w-weight">weight w</Term>).
          </p>
          {eq('E_b = T / 3600 × P_b × PUE   (kWh; × 1000 for Wh)\nE = w × E_max + (1 − w) × E_min')}
          {row &&
            eq(
              `E_min = ${num4(w.time_mean_s)} / 3600 × ${num4(w.power_min_kw)} × ${num4(a.pue)} × 1000 = ${num4(w.energy_min_wh)} Wh\n` +
                `E_max = ${num4(w.time_mean_s)} / 3600 × ${num4(w.power_max_kw)} × ${num4(a.pue)} × 1000 = ${num4(w.energy_max_wh)} Wh\n` +
                `E = ${num4(wMax)} × ${num4(w.energy_max_wh)} + ${num4(1 - wMax)} × ${num4(w.energy_min_wh)} = ${num4(row.energy_wh.mean)} Wh   (SD ${num4(row.energy_wh.sd)} Wh)`,
            )}
        </li>
        <li>
          <H>Water</H>
          <p>
            <Term id="wue-site">On-site cooling water</Term> counts per kWh of IT energy (energy ÷ PUE); the{' '}
            <Term id="wue-source">water used to generate the electricity</Term> counts per kWh of facility energy.
          </p>
          {eq('W = E / PUE × WUE_site + E × WUE_source   (L/kWh = mL/Wh)')}
          {row &&
            eq(
              `factor = ${num4(a.wue_site_l_per_kwh)} / ${num4(a.pue)} + ${num4(a.wue_source_l_per_kwh)} = ${num4(w.water_ml_per_wh)} mL per Wh\n` +
                `W = ${num4(row.energy_wh.mean)} Wh × ${num4(w.water_ml_per_wh)} = ${num4(row.water_ml.mean)} mL`,
            )}
        </li>
        <li>
          <H>Carbon</H>
          <p>
            <Term id="scope2">Scope 2</Term> emissions: energy times the <Term id="cif">carbon intensity</Term> of the
            grid (kg per kWh equals g per Wh).
          </p>
          {eq('C = E × CIF')}
          {row &&
            eq(
              `C = ${num4(row.energy_wh.mean)} Wh × ${num4(w.carbon_g_per_wh ?? a.cif_kg_per_kwh)} g/Wh = ${num4(row.carbon_g.mean)} g CO₂e`,
            )}
        </li>
      </ol>
      {row?.reference && (
        <p class="muted">
          The authors' published value: {num4(row.reference.energy_wh_mean)} Wh (their Monte Carlo with 10,000 draws;
          this engine integrates the same model exactly, so small differences are their sampling noise).
        </p>
      )}
    </section>
  );
}

/** The second model's picker value for "none". */
const NONE = '';

export default function ShowWork({ state, setState, data }) {
  const fp = data.footprint;
  const model = chosenModel(state, fp);
  const second =
    fp.models.some((m) => m.model === state.secondModel) && state.secondModel !== model ? state.secondModel : NONE;
  const options = modelOptions(fp);
  const field = bindFields({ ...coreFields, ...feature.fields }, state, setState);
  return (
    <article class="show-work">
      <h1>Show the work</h1>
      <p class="lede">
        Every step of the estimate, with the numbers the engine used. Choose a second model to put the two side by side;
        change the prompt or the assumptions in the <ViewLink view="calc">calculator</ViewLink>.
      </p>
      <form class="controls work-pickers" onSubmit={(e) => e.preventDefault()} aria-label="Models">
        <SpecField {...field('model')} value={model} options={options} />
        <SpecField
          {...field('secondModel')}
          value={second}
          options={[{ value: NONE, label: 'No second model' }, ...options.filter((o) => o.value !== model)]}
        />
      </form>
      <div class={second ? 'work-pair' : ''}>
        <WorkColumn state={state} data={data} model={model} headingLevel={second ? 3 : 2} testId="work-a" />
        {second && <WorkColumn state={state} data={data} model={second} headingLevel={3} testId="work-b" />}
      </div>
    </article>
  );
}
