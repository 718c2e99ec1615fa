// "Embed this": a modal <dialog> (native focus trap, Escape closes, focus returns to the
// button) that configures an embed: 1 to 8 models, the format (card, chart, table, badge),
// what to show, the theme, the size and the pinned data version; with a live preview, the
// two snippets and copy buttons, and a check of what the hosting must provide.
import { useEffect, useRef, useState } from 'preact/hooks';

import { SelectField, SpecField } from '../components/fields.jsx';
import { PROMPTS } from '../lib/prompts.js';
import { chosenModel, modelOptions } from '../lib/requests.js';
import { coreFields } from '../state/fields.js';
import { getFields } from '../state/store.js';
import { checkHosting } from './hosting.js';
import { anyPinnedFile } from './pinned.js';
import { importedNote } from './imported-note.js';
import {
  EMBED_ONLY_FIELDS,
  MAX_MODELS,
  MODEL_SEPARATOR,
  embedFormat,
  embedState,
  embedUrl,
  snippets,
} from './links.js';
import { HEIGHT_MESSAGE, THEME_MESSAGE } from './resize-child.js';

/** The embed's own settings: their values from the embed's URL fields, their words here. */
const EMBED_SPECS = {
  fmt: {
    ...EMBED_ONLY_FIELDS.fmt,
    label: 'Format',
    labels: {
      card: 'Card: a headline and an everyday equivalent',
      chart: 'Comparison chart',
      table: 'Table',
      badge: 'One-line badge (first model)',
    },
  },
  theme: {
    ...EMBED_ONLY_FIELDS.theme,
    label: 'Theme',
    labels: {
      light: 'Light',
      dark: 'Dark',
      page: 'Follow the page (transparent; needs embed.js)',
      auto: 'Follow the reader’s system setting',
    },
  },
  esize: { ...EMBED_ONLY_FIELDS.esize, label: 'Text size', labels: { s: 'Small', m: 'Medium', l: 'Large' } },
};
/** The dialog's choices, in order: the configuration key, its field, and what a view adds (options shown, words). */
const CHOICES = [
  { key: 'fmt', spec: EMBED_SPECS.fmt, values: ['card', 'chart', 'table', 'badge'] },
  { key: 'compareMetric', spec: coreFields.compareMetric, label: 'Headline and chart show' },
  {
    key: 'prompt',
    spec: coreFields.prompt,
    labels: Object.fromEntries(PROMPTS.map((p) => [p.value, `${p.label} (${p.detail})`])),
  },
  { key: 'theme', spec: EMBED_SPECS.theme, values: ['light', 'dark', 'page', 'auto'] },
  { key: 'esize', spec: EMBED_SPECS.esize, values: ['s', 'm', 'l'] },
];

export function Snippet({ id, label, hint, text }) {
  const [copied, setCopied] = useState('');
  const ref = useRef(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      ref.current.select();
      setCopied('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        id={id}
        ref={ref}
        readOnly
        rows={Math.max(4, text.split('\n').length + 1)}
        aria-describedby={`${id}-hint`}
        value={text}
      />
      <button type="button" onClick={copy} data-testid={`${id}-copy`}>
        Copy the {label.toLowerCase()}
      </button>{' '}
      <span role="status">{copied}</span>
    </div>
  );
}

/** The hosting requirements, checked against this site's own answers. */
function Hosting({ base }) {
  const [checks, setChecks] = useState(null);
  useEffect(() => {
    let live = true;
    checkHosting(base, anyPinnedFile()).then((c) => live && setChecks(c));
    return () => {
      live = false;
    };
  }, [base]);
  const bad = checks?.filter((c) => c.ok === false) ?? [];
  return (
    <section aria-labelledby="embed-hosting" data-testid="embed-hosting">
      <h3 id="embed-hosting">What the hosting must provide</h3>
      {!checks ? (
        <p aria-busy="true">Checking this site…</p>
      ) : (
        <>
          <p role={bad.length ? 'alert' : 'status'}>
            {bad.length
              ? `This site is not ready for embeds on other sites: ${bad.length} problem${bad.length > 1 ? 's' : ''} below.`
              : 'This site serves what embeds on other sites need.'}
          </p>
          <ul class="embed-checks">
            {checks.map((c) => (
              <li key={c.id} data-ok={String(c.ok)} data-testid={`check-${c.id}`}>
                <strong>
                  {c.ok === true ? '✓ ' : c.ok === false ? '✗ ' : '? '}
                  {c.title}
                </strong>
                : {c.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The models of the embed: an ordered list of pickers (1 to 8), each removable. */
function Models({ models, options, onChange }) {
  const set = (i, v) => onChange(models.map((m, j) => (j === i ? v : m)));
  const unused = options.find((o) => !models.includes(o.value))?.value;
  return (
    <fieldset class="embed-models">
      <legend>Models (1 to {MAX_MODELS}, in this order)</legend>
      {models.map((m, i) => (
        <div class="embed-model-row" key={i}>
          <SelectField label={`Model ${i + 1}`} value={m} options={options} onChange={(v) => set(i, v)} />
          {models.length > 1 && (
            <button type="button" onClick={() => onChange(models.filter((_, j) => j !== i))}>
              Remove model {i + 1}
            </button>
          )}
        </div>
      ))}
      {models.length < MAX_MODELS && unused && (
        <button type="button" onClick={() => onChange([...models, unused])} data-testid="embed-add-model">
          Add a model
        </button>
      )}
    </fieldset>
  );
}

/** The initial configuration from the app state: its model(s), view, prompt and metric. */
function initial(state, data) {
  const model = chosenModel(state, data.footprint);
  const models = [model];
  if (state.view === 'compare' && state.compareWith && state.compareWith !== model) models.push(state.compareWith);
  return {
    models,
    fmt: embedFormat({ view: models.length > 1 ? 'compare' : 'calc' }),
    compareMetric: state.compareMetric || 'energy',
    prompt: state.prompt || 'short',
    theme: 'auto',
    esize: 'm',
    dataset: data.meta.ref,
  };
}

/** The embed state of a configuration (two models as model + compare-with, more as `models`). */
export function configState(state, c) {
  const base = embedState(state, { ref: c.dataset });
  const [first, ...rest] = c.models;
  return {
    ...base,
    view: c.models.length > 1 ? 'compare' : 'calc',
    model: first,
    compareWith: c.models.length === 2 ? rest[0] : '',
    models: c.models.length > 2 ? c.models.join(MODEL_SEPARATOR) : '',
    prompt: c.prompt,
    compareMetric: c.compareMetric,
    fmt: c.fmt,
    theme: c.theme,
    esize: c.esize,
  };
}

export default function EmbedDialog({ state, data, onClose }) {
  const ref = useRef(null);
  const opener = useRef(typeof document !== 'undefined' ? document.activeElement : null);
  // Opened once; the close listener is the current `onClose` (the parent passes a new one
  // on each of its renders), so it follows it without opening the dialog again.
  useEffect(() => ref.current.showModal(), []);
  useEffect(() => {
    const dialog = ref.current;
    const closed = () => {
      onClose();
      opener.current?.focus?.();
    };
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, [onClose]);
  const [config, setConfig] = useState(() => initial(state, data));
  const change = (part) => setConfig((c) => ({ ...c, ...part }));
  // The preview reports its height like any embed; only its own frame is listened to.
  const preview = useRef(null);
  const [height, setHeight] = useState(360);
  useEffect(() => {
    const onMessage = (event) => {
      const d = event.data;
      if (event.source !== preview.current?.contentWindow || event.origin !== location.origin) return;
      if (d?.type === HEIGHT_MESSAGE && d.id === 'preview' && Number.isFinite(d.height))
        setHeight(Math.min(2000, Math.max(40, Math.ceil(d.height))));
    };
    addEventListener('message', onMessage);
    return () => removeEventListener('message', onMessage);
  }, []);
  const fields = getFields();
  const pinned = configState(state, config);
  const base = new URL('./', document.baseURI).href;
  const s = snippets(base, pinned, fields);
  const imported = importedNote(state);
  const versions = [
    ...(imported ? [{ value: 'imported', label: imported.option }] : []),
    ...data.footprintDatasets.flatMap((d) =>
      d.versions.map((v) => ({ value: `${d.id}@${v.version}`, label: `${d.title ?? d.id}: version ${v.version}` })),
    ),
  ];
  const importedChosen = imported && config.dataset === 'imported';
  const what = config.models.length > 1 ? 'comparison' : 'estimate';
  return (
    <dialog ref={ref} class="embed-dialog" aria-labelledby="embed-dialog-title" data-testid="embed-dialog">
      <div class="dialog-head">
        <h2 id="embed-dialog-title">Embed this {state.view === 'compare' ? 'comparison' : 'estimate'}</h2>
        <button type="button" onClick={() => ref.current.close()}>
          Close
        </button>
      </div>
      <p>
        Choose what your readers see, then paste one of the snippets into your page.{' '}
        {importedChosen
          ? 'The embed shows your imported data, not a published dataset.'
          : 'The data version is pinned, so the embed keeps these numbers after newer data are published.'}{' '}
        It makes no request to anyone but this site, sets no cookie and stores nothing about your readers; with the
        default assumptions it loads about as much as a small image.
      </p>
      <form class="embed-config" onSubmit={(e) => e.preventDefault()} aria-label="Embed settings">
        <Models
          models={config.models}
          options={modelOptions(data.footprint)}
          onChange={(models) => change({ models })}
        />
        {CHOICES.map(({ key, spec, ...words }) => (
          <SpecField
            key={key}
            spec={{ ...spec, url: `embed-${key}` }}
            {...words}
            value={config[key]}
            onChange={(v) => change({ [key]: v })}
          />
        ))}
        <SelectField
          label={importedChosen ? 'Data' : 'Data version (pinned)'}
          name="embed-ds"
          value={config.dataset}
          options={versions}
          onChange={(dataset) => change({ dataset })}
          hint={
            importedChosen
              ? imported.problem
                ? undefined
                : imported.text
              : 'The embed always shows this version; readers are told when newer data exist.'
          }
        />
        {importedChosen && imported.problem && (
          <p class="error" role="alert" data-testid="embed-imported-too-large">
            {imported.text}
          </p>
        )}
      </form>
      <h3>Preview</h3>
      <p class="hint">
        The {what} as your readers will see it{config.theme === 'page' ? ' (here on this page’s background)' : ''}.
      </p>
      <iframe
        ref={preview}
        src={embedUrl(base, pinned, fields, 'preview')}
        title={`Preview: ${s.title}`}
        height={height}
        data-testid="embed-preview"
        onLoad={(e) =>
          e.currentTarget.contentWindow?.postMessage(
            { type: THEME_MESSAGE, scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light' },
            location.origin,
          )
        }
      />
      <Snippet
        id="embed-iframe"
        label="Iframe snippet"
        hint="Works everywhere iframes are allowed; the script only resizes the frame to its content."
        text={s.iframe}
      />
      <Snippet
        id="embed-element"
        label="Custom element snippet"
        hint="The <llm-footprint> tag shows the numbers in your page at once, then the same iframe takes their place; without JavaScript the link inside it remains."
        text={s.element}
      />
      <Hosting base={base} />
    </dialog>
  );
}
