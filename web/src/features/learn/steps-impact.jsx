// The walkthrough's later steps: water, carbon, reasoning effort and published figures.

import { EngineError } from '../../components/engine-error.jsx';
import { RadioGroup, SelectField } from '../../components/fields.jsx';
import { DataTable } from '../../components/table.jsx';
import { Term } from '../../glossary/Term.jsx';
import { views } from '../../views.js';
import { ViewLink } from '../../components/view-link.jsx';
import { chooseFamily, effortFamilies, sharedPrompt } from './effort.js';
import { PROMPT_WORDS, waterSplit } from './questions.js';
import { Amount, Figures, Knob, s2, sig4, useStepEstimate } from './step-parts.jsx';

export function Water(ctx) {
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
      <Knob field="wueSite" ctx={ctx} assumptions={a} />
      <EngineError error={error} what="compute this step" />
    </>
  );
}

export function Carbon(ctx) {
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
      <Knob field="cif" ctx={ctx} assumptions={a} />
      <EngineError error={error} what="compute this step" />
    </>
  );
}

export function Reasoning(ctx) {
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

export function Published(ctx) {
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
