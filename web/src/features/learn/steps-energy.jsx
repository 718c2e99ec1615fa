// The walkthrough's first steps: a question becomes tokens, time, power and energy.

import { EngineError } from '../../components/engine-error.jsx';
import { RadioGroup, SelectField } from '../../components/fields.jsx';
import { Term } from '../../glossary/Term.jsx';
import { findConstant } from '../../lib/equivalents.js';
import { INPUT_TOKENS, PROMPT_ORDER, PROMPT_WORDS } from './questions.js';
import { Amount, Figures, Knob, Slider, promptEntry, s2, sig4, useStepEstimate } from './step-parts.jsx';

export function Tokens(ctx) {
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

export function Time(ctx) {
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

export function Power(ctx) {
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

export function Energy(ctx) {
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
      <Knob field="pue" ctx={ctx} assumptions={a} />
      <EngineError error={error} what="compute this step" />
    </>
  );
}
