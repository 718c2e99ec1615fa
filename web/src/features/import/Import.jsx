// Import data: paste or choose a CSV/JSON file of one's own measurements; the engine
// checks every row and column ("import" op) and lists each problem in plain words; a valid
// file becomes the dataset of the other views (?ds=imported), kept in this tab only.
import { useState } from 'preact/hooks';

import { DataTable } from '../../components/table.jsx';
import { engine } from '../../engine/engine.js';
import exampleUrl from './measurements-example.csv?url';
import templateUrl from './measurements-template.csv?url';
import { encodeCsv, MAX_LINK_CHARS, setImportedDataset } from '../../data/imported.js';

const MAX_BYTES = 32 * 1024 * 1024;

/** Where a problem is, in words: "/rows/3/pue" -> "row 4, column pue"; anything else "the file". */
export function whereWords(path = '') {
  const m = /^\/rows\/(\d+)(?:\/([^/]+))?/.exec(path);
  if (m) return `row ${Number(m[1]) + 1}${m[2] ? `, column ${m[2]}` : ''}`;
  return 'the file';
}

function Issues({ error }) {
  const list = error.issues ?? [error];
  const cols = [
    { key: 'where', label: 'Where', render: (i) => whereWords(i.path) },
    { key: 'message', label: 'Problem' },
  ];
  return (
    <section aria-labelledby="issues-h" role="alert">
      <h2 id="issues-h">{list.length === 1 ? 'One problem' : `${list.length} problems`} in the file</h2>
      <DataTable caption="Problems found" columns={cols} rows={list} rowKey={(i) => `${i.path}|${i.message}`} />
    </section>
  );
}

export default function Import({ setState, data }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState(null);
  const check = async (content) => {
    if (content.length > MAX_BYTES) {
      setOutcome({
        error: { path: '/text', message: `the file is ${Math.round(content.length / 1048576)} MB; the limit is 32 MB` },
      });
      return;
    }
    setBusy(true);
    const request = { op: 'import', text: content, title: 'Imported measurements' };
    if (data?.refs?.hardware) request.hardware = data.refs.hardware;
    if (data?.refs?.hosts) request.hosts = data.refs.hosts;
    try {
      const env = await engine.request(request);
      setOutcome(env.ok ? { result: env.result } : { error: env.error });
    } catch (err) {
      setOutcome({ error: { path: '', message: err.message } });
    }
    setBusy(false);
  };
  const onFile = async (e) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setOutcome({
        error: { path: '/text', message: `the file is ${Math.round(file.size / 1048576)} MB; the limit is 32 MB` },
      });
      return;
    }
    const content = await file.text();
    setText(content.length < 200000 ? content : '');
    check(content);
  };
  const loadExample = async () => {
    const content = await (await fetch(exampleUrl)).text();
    setText(content);
    check(content);
  };
  // Downloads a dataset as the import CSV (engine "export" op), so it can be edited and re-imported.
  const download = async (dataset, name) => {
    const env = await engine.request({ op: 'export', dataset });
    if (!env.ok) {
      setOutcome({ error: env.error });
      return;
    }
    const url = URL.createObjectURL(new Blob([env.result.csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const use = async () => {
    setImportedDataset(outcome.result.dataset);
    const env = await engine.request({ op: 'export', dataset: outcome.result.dataset });
    const imp = env.ok ? encodeCsv(env.result.csv) : '';
    setState({
      dataset: 'imported',
      view: 'compare',
      model: outcome.result.dataset.models[0].model,
      importedCsv: imp.length <= MAX_LINK_CHARS ? imp : '',
    });
  };
  const models = outcome?.result?.dataset.models ?? [];
  const cols = [
    { key: 'model', label: 'Model' },
    { key: 'host', label: 'Host' },
    { key: 'hardware', label: 'Hardware' },
    { key: 'size_class', label: 'Size class' },
    { key: 'prompts', label: 'Prompts', render: (m) => m.prompts.map((p) => p.prompt).join(', ') },
    { key: 'aa', label: 'Capability score', render: (m) => m.aa_intelligence_index ?? '–' },
  ];
  return (
    <article>
      <h1>Import your own measurements</h1>
      <p class="lede">
        Estimate, compare and rank your own deployments: one row per model and prompt size with latency and speed
        percentiles (or one row per measured sample), the hardware, the size class and the host. Empty power,
        utilisation and multiplier cells are filled from the paper's tables. The file is read in your browser and never
        leaves it.
      </p>
      <p>
        <a href={exampleUrl} download="llm-footprint-example.csv">
          Download the example file
        </a>{' '}
        ·{' '}
        <a href={templateUrl} download="llm-footprint-template.csv">
          Download the template
        </a>{' '}
        ·{' '}
        <button
          type="button"
          class="linklike"
          onClick={() => data?.refs && download(data.refs.dataset, 'llm-footprint-dataset.csv')}
        >
          Download the current dataset in this format
        </button>{' '}
        · The columns are described in the project’s documentation, section “Your own data: import and export”.
      </p>
      <form
        class="controls"
        aria-label="Import a file"
        onSubmit={(e) => {
          e.preventDefault();
          check(text);
        }}
      >
        <div class="field">
          <label for="import-file">Choose a CSV or JSON file</label>
          <input id="import-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={onFile} />
        </div>
        <div class="field">
          <label for="import-text">Or paste its content</label>
          <textarea id="import-text" rows="8" cols="60" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>
          Check and import
        </button>{' '}
        <button type="button" onClick={loadExample} disabled={busy}>
          Try the example file
        </button>
      </form>
      {busy && <p aria-busy="true">Checking…</p>}
      {outcome?.error && <Issues error={outcome.error} />}
      {outcome?.result && (
        <section aria-labelledby="ok-h">
          <h2 id="ok-h" data-testid="import-ok">
            {outcome.result.counts.models} models and {outcome.result.counts.prompts} prompt rows are valid
          </h2>
          <DataTable caption="Imported models" columns={cols} rows={models} rowKey={(m) => m.model} />
          <p>
            <button type="button" onClick={use}>
              Use these models in the calculator, compare and ranking
            </button>{' '}
            <button type="button" onClick={() => download(outcome.result.dataset, 'llm-footprint-imported.csv')}>
              Download them as CSV
            </button>
          </p>
        </section>
      )}
    </article>
  );
}
