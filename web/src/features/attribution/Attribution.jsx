// Infer hardware: pick a model served by several hosts, see its daily speeds per host and
// prompt size, the two-way ANOVA and Tukey HSD, each host's speed ratio to a reference
// host of known hardware, the hardware it points to, and the energy per query under each
// hardware hypothesis. The statistics are the engine's "attribute" op (lab module); the
// energy per hypothesis is one "estimate" per hardware (core module), see requests.js.
import { useEffect, useState } from 'preact/hooks';

import { SpecField } from '../../components/fields.jsx';
import { Figure } from '../../components/figure.jsx';
import { EngineError } from '../../components/engine-error.jsx';
import { DataTable } from '../../components/table.jsx';
import { dataUrl, findDataset, loadDataFile, loadManifest } from '../../data/datasets.js';
import { useEngine, useEngineAll } from '../../engine/engine.js';
import { num } from '../../lib/format.js';
import { bindFields } from '../../state/bind.js';
import { BoxPlot } from './BoxPlot.jsx';
import feature from './index.js';
import { attributionRequests, energyRows } from './requests.js';

/** Engine and dataset wording for visitors: column names and request fields in words. */
const words = (text) =>
  String(text ?? '')
    .replace(/\btps_p50\b/g, 'median output speed')
    .replace(/\btps_p(\d+)\b/g, (_, p) => `output speed (${p}th percentile)`)
    .replace(/"dedupe": true/g, 'choosing "Drop days that repeat the previous value"')
    .replace(/\bapi_id\b/g, 'API ID')
    .replace(/\bextra_long\b/g, 'extra long');
const promptWord = (p) => (p === 'extra_long' ? 'extra long' : p);

const pText = (p) => (p === null || p === undefined ? '–' : p < 0.0001 ? '< 0.0001' : p.toFixed(4));
const fixed = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '–');

function useIndex() {
  const [state, setState] = useState({ index: null, error: null });
  useEffect(() => {
    loadManifest()
      .then((m) => {
        const found = findDataset(m, 'provider-daily');
        if (!found) throw new Error('no provider-daily dataset in the manifest');
        return loadDataFile(found.file);
      })
      .then(
        (index) => setState({ index, error: null }),
        (error) => setState({ index: null, error }),
      );
  }, []);
  return state;
}

// The paper's GPT-4o mini finding next to what these data show (numbers from the result).
const SIZES = { short: '300', medium: '1000', long: '1500' };
function PaperNote({ result }) {
  if (result.model !== 'GPT-4o mini') return null;
  const v = result.verdicts.find((x) => x.host === 'OpenAI');
  if (!v || result.reference.host !== 'Microsoft Azure') return null;
  const differing = v.prompts_differing.map((p) => SIZES[p] ?? p);
  const same = result.prompts.filter((p) => !v.prompts_differing.includes(p)).map((p) => SIZES[p] ?? p);
  const tested = result.scale === 'log' ? 'log speeds' : 'raw speeds';
  return (
    <p class="notice" data-testid="paper-note">
      <strong>Compared with the paper:</strong> Jegham et al. found OpenAI's GPT-4o mini endpoint different from Azure's
      at 1000 and 1500 output tokens (adjusted p 0.0009 and &lt; 0.0001) but not at 300 (p 0.979), and placed it on
      A100. On these daily data ({result.dates.first} to {result.dates.last}), Tukey HSD on {tested} finds a difference
      at {differing.length ? `${differing.join(' and ')} output tokens` : 'no prompt size'}
      {same.length ? ` and none at ${same.join(' and ')}` : ''}
      {result.scale !== 'log'
        ? " (Azure's short-prompt series has source spikes of up to 4,776 tokens/s that inflate the error variance; try log speeds)"
        : ''}
      . OpenAI's median speed is {v.ratio.toFixed(2)} times Azure's, closest to {v.most_likely}
      {v.most_likely === 'DGX A100' ? ', as the paper concluded' : ', unlike the paper'}. Daily values are rolling
      aggregates, so the p-values are descriptive.
    </p>
  );
}

function Tables({ result }) {
  const anovaCols = [
    { key: 'term', label: 'Term' },
    { key: 'df', label: 'df', numeric: true, render: (r) => num(r.df) },
    { key: 'ss', label: 'Sum of squares', numeric: true, render: (r) => num(r.ss) },
    { key: 'f', label: 'F', numeric: true, render: (r) => fixed(r.f, 2) },
    { key: 'p', label: 'p', numeric: true, render: (r) => pText(r.p) },
    { key: 'pe', label: 'Partial η²', numeric: true, render: (r) => fixed(r.partial_eta_sq) },
  ];
  const tukeyCols = [
    { key: 'prompt', label: 'Prompt' },
    { key: 'pair', label: 'Hosts', render: (r) => `${r.host2} − ${r.host1}` },
    { key: 'diff', label: 'Difference (tokens/s)', numeric: true, render: (r) => num(r.diff) },
    { key: 'ci', label: 'Simultaneous 95 % interval', render: (r) => `${num(r.lower)} to ${num(r.upper)}` },
    { key: 'p', label: 'Adjusted p', numeric: true, render: (r) => pText(r.p_adj) },
    { key: 'g', label: "Hedges' g", numeric: true, render: (r) => fixed(r.hedges_g, 2) },
    { key: 'reject', label: 'Differ?', render: (r) => (r.reject ? 'yes' : 'no') },
  ];
  const verdictCols = [
    { key: 'host', label: 'Host' },
    { key: 'ratio', label: 'Median speed ratio', numeric: true, render: (r) => fixed(r.ratio) },
    { key: 'iqr', label: 'Interquartile range', render: (r) => `${fixed(r.ratio_lower)} to ${fixed(r.ratio_upper)}` },
    { key: 'diff', label: 'Differs at', render: (r) => r.prompts_differing.join(', ') || 'none' },
    { key: 'hw', label: 'Most likely hardware', render: (r) => r.most_likely + (r.fits_well ? '' : ' (poor fit)') },
  ];
  return (
    <>
      <h2>Two-way ANOVA (type II), host × prompt</h2>
      <DataTable caption="Analysis of variance" columns={anovaCols} rows={result.anova.table} rowKey={(r) => r.term} />
      <h2>Tukey HSD between hosts, per prompt size</h2>
      <p class="muted">{result.tukey.scope}.</p>
      <DataTable
        caption="Tukey HSD"
        columns={tukeyCols}
        rows={result.tukey.pairs}
        rowKey={(r) => `${r.prompt}|${r.host1}|${r.host2}`}
      />
      <h2>Each host against {result.reference.host}</h2>
      <DataTable caption="Hardware inference" columns={verdictCols} rows={result.verdicts} rowKey={(r) => r.host} />
    </>
  );
}

function Energy({ energy }) {
  if (!energy?.length) return null;
  const rows = energy.flatMap((e) =>
    e.error || e.pending
      ? [{ key: e.hardware, hardware: e.hardware, prompt: '–', error: e.error ?? 'computing…' }]
      : e.prompts.map((p) => ({
          key: `${e.hardware}|${p.prompt}`,
          hardware: e.hardware,
          ...p,
          prompt: promptWord(p.prompt),
        })),
  );
  const cols = [
    { key: 'hardware', label: 'Hardware hypothesis' },
    { key: 'prompt', label: 'Prompt' },
    { key: 'e', label: 'Energy (Wh)', numeric: true, render: (r) => (r.error ? r.error : num(r.energy_wh_mean)) },
    { key: 'w', label: 'Water (mL)', numeric: true, render: (r) => (r.error ? '' : num(r.water_ml_mean)) },
    { key: 'c', label: 'Carbon (g CO₂e)', numeric: true, render: (r) => (r.error ? '' : num(r.carbon_g_mean)) },
  ];
  return (
    <>
      <h2>Energy per query under each hardware hypothesis</h2>
      <DataTable caption="Per-query footprint by hardware" columns={cols} rows={rows} rowKey={(r) => r.key} />
    </>
  );
}

export default function Attribution({ state, setState, data }) {
  const { index, error: indexError } = useIndex();
  const entry = index?.models.find((m) => m.slug === state.attributionModel) ?? index?.models[0];
  const known = index?.reference_hardware.find((r) => entry?.providers.includes(r.provider));
  const ref = entry?.providers.includes(state.attributionReference)
    ? state.attributionReference
    : (known?.provider ?? entry?.providers[0] ?? '');
  const hws = index?.hardware_hypotheses ?? [];
  const hw = hws.some((h) => h.hardware === state.attributionHardware)
    ? state.attributionHardware
    : known && ref === known.provider
      ? known.hardware
      : (hws[1]?.hardware ?? '');
  const { attribute: request, estimates } = attributionRequests(
    state,
    { entry, ref, hw, hypotheses: hws, dataUrl },
    data,
  );
  const energyAnswers = useEngineAll(estimates.map((e) => e.request));
  const { result, error, loading } = useEngine(request);
  const cellCols = [
    { key: 'cell', label: 'Host · prompt', render: (c) => `${c.host} · ${c.prompt}` },
    { key: 'n', label: 'Days', numeric: true },
    { key: 'median', label: 'Median', numeric: true, render: (c) => num(c.median) },
    { key: 'q', label: 'Quartiles', render: (c) => `${num(c.q1)}–${num(c.q3)}` },
    { key: 'range', label: 'Range', render: (c) => `${num(c.min)}–${num(c.max)}` },
    { key: 'mean', label: 'Mean', numeric: true, render: (c) => num(c.mean) },
  ];
  const field = bindFields(feature.fields, state, setState);
  return (
    <article>
      <h1>Infer hardware</h1>
      <p class="lede">
        Does a model run faster on one host than another, and which hardware does that point to? Daily median output
        speeds from Artificial Analysis, compared by two-way ANOVA (host × prompt size) and Tukey HSD, as in the paper's
        statistical inference of hardware.
      </p>
      {indexError && (
        <p class="error-box" role="alert">
          {String(indexError.message ?? indexError)}
        </p>
      )}
      {index && (
        <form class="controls" onSubmit={(e) => e.preventDefault()} aria-label="Attribution settings">
          <SpecField
            {...field('attributionModel')}
            value={entry?.slug}
            onChange={(v) => setState({ attributionModel: v, attributionReference: '', attributionHardware: '' })}
            options={index.models.map((m) => ({ value: m.slug, label: `${m.model} (${m.providers.length} hosts)` }))}
          />
          <SpecField
            {...field('attributionReference')}
            value={ref}
            options={(entry?.providers ?? []).map((p) => ({ value: p, label: p }))}
          />
          <SpecField
            {...field('attributionHardware')}
            value={hw}
            options={hws.map((h) => ({ value: h.hardware, label: `${h.hardware} (${h.memory_bandwidth_tb_s} TB/s)` }))}
          />
          <SpecField {...field('attributionScale')} />
          <SpecField {...field('attributionDedupe')} />
        </form>
      )}
      <EngineError error={error} what="attribute hardware" />
      {loading && !result && <p aria-busy="true">Computing…</p>}
      {result && (
        <>
          <section aria-labelledby="conclusion-h">
            <h2 id="conclusion-h">Conclusion</h2>
            <p aria-live="polite" data-testid="attribution-conclusion">
              {words(result.conclusion)}
            </p>
            <p class="muted">
              {result.n} daily values on {result.dates.count} dates ({result.dates.first} to {result.dates.last})
              {result.common_dates ? ', dates on which every host has every prompt size' : ''}
              {result.dedupe ? `; ${result.dropped_repeats} repeated days dropped` : ''}.
            </p>
          </section>
          <PaperNote result={result} />
          <Figure
            name={`hardware-${entry.slug}`}
            caption={`Daily median output speed of ${result.model} per host and prompt size: box from the 25th to the 75th percentile, bar at the median, whiskers to the minimum and maximum.`}
            chart={
              <BoxPlot
                cells={result.cells}
                label={`Box plots of daily output speed of ${result.model} by host and prompt size`}
              />
            }
            table={
              <DataTable
                caption="Daily output speed (tokens/s)"
                columns={cellCols}
                rows={result.cells}
                rowKey={(c) => `${c.host}|${c.prompt}`}
              />
            }
            csv={{
              columns: ['host', 'prompt', 'n', 'median', 'q1', 'q3', 'min', 'max', 'mean', 'sd'].map((k) => ({
                key: k,
                label: k,
              })),
              rows: result.cells,
            }}
            json={result}
          />
          <Tables result={result} />
          <Energy energy={energyRows(estimates, energyAnswers)} />
          <ul class="muted">
            {result.notes.map((n) => (
              <li key={n}>{words(n)}</li>
            ))}
            {index.notes.map((n) => (
              <li key={n}>{words(n)}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
