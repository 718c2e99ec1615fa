// "Learn": a lesson in the browser. A guided walkthrough (8 steps from one prompt to Wh, mL
// and g CO2e, with the chosen model's live numbers and one control per step), then
// "predict, then reveal" questions whose answers come from the engine. One screen at a
// time (Previous / Next, a list of steps), all on one page for a printed worksheet, and a
// presenter mode for a projector: large type, no site navigation, arrow keys move.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { EngineError } from '../../components/engine-error.jsx';
import { RadioGroup, SelectField } from '../../components/fields.jsx';
import { useEngine } from '../../engine/engine.js';
import { GlossaryLink } from '../../glossary/Term.jsx';
import { chosenModel, chosenPrompt, estimateRequest, modelOptions } from '../../lib/requests.js';
import { findConstant } from '../../lib/equivalents.js';
import './learn.css';
import { buildQuestions } from './questions.js';
import { Amount, STEPS } from './steps.jsx';

function Question({ q, ctx, entry, setEntry }) {
  const { result, error, loading } = useEngine(estimateRequest(ctx.state, ctx.data, q.select));
  const answer = result ? q.reveal(result.rows) : null;
  const guess = entry?.guess ?? '';
  const revealed = Boolean(entry?.revealed);
  const label = (v) => q.options.find((o) => o.value === v)?.label;
  return (
    <>
      <p class="learn-question">{q.text}</p>
      <RadioGroup
        legend="Your prediction"
        name={`predict-${q.id}`}
        value={guess}
        onChange={(v) => setEntry({ ...entry, guess: v })}
        options={q.options}
      />
      <p class="learn-actions">
        <button
          type="button"
          class="primary"
          aria-expanded={revealed ? 'true' : 'false'}
          aria-controls={`reveal-${q.id}`}
          onClick={() => setEntry({ ...entry, revealed: !revealed })}
        >
          {revealed ? 'Hide the answer' : 'Reveal the answer'}
        </button>
      </p>
      <div id={`reveal-${q.id}`} class="reveal" aria-live="polite" data-testid={`reveal-${q.id}`}>
        {revealed && loading && !answer && <p aria-busy="true">Computing…</p>}
        {revealed && answer && (
          <>
            <p class="reveal-answer" data-answer={answer.answer}>
              <strong>Answer: {label(answer.answer)}.</strong>{' '}
              {guess && (guess === answer.answer ? 'Your prediction was right.' : `You predicted: ${label(guess)}.`)}
            </p>
            <dl class="learn-figures small">
              {answer.facts.map((f) => (
                <div key={f.key}>
                  <dt>{f.label}</dt>
                  <dd>
                    <Amount value={f.value} unit={f.unit} fact={f.key} />
                  </dd>
                </div>
              ))}
            </dl>
            <p>{answer.because}</p>
          </>
        )}
      </div>
      <EngineError error={error} what="answer this question" />
    </>
  );
}

/** True when a key press belongs to a form control (arrows move a slider, space ticks a box). */
const ownsKeys = (el) => el?.closest?.('input, select, textarea, [contenteditable="true"]');

export default function Learn({ state, setState, data }) {
  const fp = data.footprint;
  const model = chosenModel(state, fp);
  const prompt = chosenPrompt(state, fp, model);
  const info = fp.models.find((m) => m.model === model);
  const phoneChargeWh = findConstant(data.constants, /phone/)?.value;
  const household = findConstant(data.constants, /household/);
  // MWh/year in the paper's constants; kWh a year here.
  const householdKwh = household ? household.value * (/^MWh/.test(household.unit ?? '') ? 1000 : 1) : 0;
  const questions = useMemo(
    () => buildQuestions(fp, { model, prompt }, { phoneChargeWh, householdKwh }),
    [fp, model, prompt, phoneChargeWh, householdKwh],
  );
  const screens = [
    ...STEPS.map((s) => ({ ...s, kind: 'step' })),
    ...questions.map((q, i) => ({
      id: `q-${q.id}`,
      title: `Predict, then reveal: question ${i + 1}`,
      kind: 'question',
      q,
    })),
  ];
  const n = screens.length;
  const index = Math.min(Math.max((state.learnStep ?? 1) - 1, 0), n - 1);
  const presenting = Boolean(state.learnPresenter);
  const [knobs, setKnobs] = useState({});
  const [entries, setEntries] = useState({});
  const [all, setAll] = useState(false);
  const headingRef = useRef(null);
  const moved = useRef(false);

  const go = (i) => {
    const next = Math.min(Math.max(i, 0), n - 1);
    if (next === index) return;
    moved.current = true;
    setState({ learnStep: next + 1 }, { replace: true });
  };
  const setPresenting = (on) => {
    moved.current = true;
    setState({ learnPresenter: on });
  };

  useEffect(() => {
    document.documentElement.classList.toggle('presenting', presenting);
    return () => document.documentElement.classList.remove('presenting');
  }, [presenting]);

  // The new step's heading takes the focus, so a screen reader reads it and Tab continues from it.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    headingRef.current?.focus();
  }, [index, presenting]);

  useEffect(() => {
    if (!presenting) return undefined;
    const onKey = (e) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      const onButton = e.target?.closest?.('button, a, summary');
      if (['ArrowRight', 'PageDown'].includes(e.key) || (e.key === ' ' && !onButton)) go(index + 1);
      else if (['ArrowLeft', 'PageUp'].includes(e.key)) go(index - 1);
      else if (e.key === 'Home') go(0);
      else if (e.key === 'End') go(n - 1);
      else if (e.key === 'Escape') setPresenting(false);
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const ctxFor = (s) => ({
    state,
    setState,
    data,
    model,
    prompt,
    info,
    knob: knobs[s.id] ?? null,
    setKnob: (v) => setKnobs((k) => ({ ...k, [s.id]: v })),
  });

  const renderScreen = (s, i, withRef) => {
    const headingId = `learn-h-${s.id}`;
    const entryKey = s.q ? `${s.q.id}:${s.q.text}` : '';
    return (
      <section key={s.id} class="learn-screen" aria-labelledby={headingId} data-step={s.id}>
        <p class="learn-count">
          {s.kind === 'step'
            ? `Step ${i + 1} of ${STEPS.length}`
            : `Question ${i + 1 - STEPS.length} of ${n - STEPS.length}`}
        </p>
        <h2 id={headingId} tabIndex={-1} ref={withRef ? headingRef : undefined}>
          {s.title}
        </h2>
        {s.kind === 'step' ? (
          <s.Component {...ctxFor(s)} />
        ) : (
          <Question
            q={s.q}
            ctx={ctxFor(s)}
            entry={entries[entryKey]}
            setEntry={(e) => setEntries((x) => ({ ...x, [entryKey]: e }))}
          />
        )}
      </section>
    );
  };

  const showAll = all && !presenting;
  return (
    <article class={`learn${presenting ? ' presenting' : ''}`}>
      {!presenting && (
        <>
          <h1>Learn: what one prompt costs, step by step</h1>
          <p class="lede">
            A lesson in {STEPS.length} steps and {questions.length} questions, with the numbers of the model you choose,
            computed live in your browser. For a class: the presenter mode shows one step per screen in large type
            (arrow keys move, Escape leaves). Words you do not know are underlined; the{' '}
            <GlossaryLink id="llm">glossary</GlossaryLink> lists them all.
          </p>
        </>
      )}
      <div class="learn-bar" role="group" aria-label="Lesson settings">
        <SelectField
          label="Model"
          name="model"
          value={model}
          options={modelOptions(fp)}
          onChange={(v) => setState({ model: v })}
        />
        <button
          type="button"
          aria-pressed={presenting ? 'true' : 'false'}
          onClick={() => setPresenting(!presenting)}
          class="presenter-toggle"
        >
          {presenting ? 'Leave presenter mode' : 'Presenter mode'}
        </button>
        {!presenting && (
          <label class="radio">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> All steps on one
            page (to print a worksheet)
          </label>
        )}
      </div>
      {!presenting && !showAll && (
        <nav class="learn-toc" aria-label="Lesson steps">
          <ol>
            {screens.map((s, i) => (
              <li key={s.id} class={s.kind}>
                <button
                  type="button"
                  aria-current={i === index ? 'step' : undefined}
                  onClick={() => go(i)}
                  data-goto={s.id}
                >
                  <span class="toc-num" aria-hidden="true">
                    {s.kind === 'step' ? i + 1 : `Q${i + 1 - STEPS.length}`}
                  </span>
                  <span class="toc-title">
                    {s.kind === 'step' ? `${i + 1}. ${s.title}` : `Question ${i + 1 - STEPS.length}`}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {showAll ? screens.map((s, i) => renderScreen(s, i, false)) : renderScreen(screens[index], index, true)}
      {!showAll && (
        <div class="learn-nav" role="group" aria-label="Move through the lesson">
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0} data-nav="prev">
            ← Previous
          </button>
          <span class="learn-pos" aria-hidden="true">
            {index + 1} / {n}
          </span>
          <button type="button" onClick={() => go(index + 1)} disabled={index === n - 1} data-nav="next">
            Next →
          </button>
        </div>
      )}
    </article>
  );
}
