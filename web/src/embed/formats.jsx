// The four embed formats (docs/embedding.md): a card (one headline and an everyday
// equivalent per model), a comparison chart (bars with P5–P95), a table, and a one-line
// inline badge. Each gets the engine's rows ({model, prompt, energy_wh, water_ml, carbon_g})
// for the chosen models, in the blogger's order. Pure rendering: no data loading here.
import { everyday } from '../lib/equivalents.js';
import { METRICS, num, times } from '../lib/format.js';
import { amount, METRIC_KEYS } from './plain.js';

export const FORMATS = ['card', 'chart', 'table', 'badge'];
export { METRIC_KEYS };

/** Text whose words never break inside (not even at a hyphen: "GPT-" / "4.1"); lines break between words. */
export function Words({ text }) {
  const words = String(text).split(' ');
  return words.map((w, i) => (
    <span key={i}>
      {i > 0 && ' '}
      <span class="nobr">{w}</span>
    </span>
  ));
}

const WHAT = { energy: ['uses', ' of energy'], water: ['uses', ' of water'], carbon: ['emits', ''] };

function Ratio({ rows, metric }) {
  if (rows.length !== 2) return null;
  const [a, b] = rows;
  const m = METRICS[metric];
  return (
    <p class="embed-ratio" data-testid="ratio">
      {m.label}: {a.model} uses {times(a[m.key].mean / b[m.key].mean)} as much as {b.model}.
    </p>
  );
}

/** One headline and one everyday equivalent per model, the other metrics in small print. */
export function Card({ rows, metric, prompt, constants }) {
  const m = METRICS[metric];
  return (
    <>
      <div class="embed-cards">
        {rows.map((r, i) => {
          const eq = everyday(constants, metric, r[m.key]?.mean)[0];
          return (
            <section
              class="embed-card"
              key={r.model}
              aria-labelledby={rows.length > 1 ? `card-${i}` : undefined}
              aria-label={rows.length > 1 ? undefined : r.model}
              data-model={r.model}
            >
              {rows.length > 1 && (
                <h2 id={`card-${i}`} class="embed-card-model">
                  {r.model}
                </h2>
              )}
              <p class="embed-headline" data-testid="headline">
                One {prompt} prompt {WHAT[metric][0]} about <strong>{amount(metric, r[m.key]?.mean)}</strong>
                {WHAT[metric][1]}.
              </p>
              {eq && (
                <p class="embed-equivalent" data-testid="equivalent">
                  ≈ {eq.text}{' '}
                  <span class="muted">
                    ({eq.constant.source ? `source: ${shortSource(eq.constant.source)}` : 'bundled constant'})
                  </span>
                  .
                </p>
              )}
              <dl class="embed-figures">
                {METRIC_KEYS.map((k) => {
                  const mk = METRICS[k];
                  const s = r[mk.key];
                  return (
                    <div key={k} data-metric={k}>
                      <dt>{mk.label}</dt>
                      <dd>
                        <span class="embed-value" data-testid={i === 0 ? `${k}-mean` : undefined}>
                          {num(s?.mean)}
                        </span>{' '}
                        <abbr title={mk.long}>{mk.unit}</abbr>
                        <span class="embed-range" title="likely range: 5th to 95th percentile">
                          likely {num(s?.p5)}–{num(s?.p95)}
                        </span>
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          );
        })}
      </div>
      <Ratio rows={rows} metric={metric} />
    </>
  );
}

const shortSource = (s) => String(s).split(/[;(]/)[0].trim().slice(0, 80);

/** Horizontal bars of one metric with P5–P95 whiskers; the numbers are printed next to each bar. */
export function Chart({ rows, metric }) {
  const m = METRICS[metric];
  const max = Math.max(...rows.map((r) => r[m.key]?.p95 ?? r[m.key]?.mean ?? 0)) || 1;
  const pct = (x) => Math.max(0, Math.min(100, (x / max) * 100));
  return (
    <>
      <figure class="embed-chart">
        <figcaption>
          {m.label} per query ({m.unit}): the bar is the average, the thin line the likely range (5th to 95th
          percentile)
        </figcaption>
        <ul>
          {rows.map((r, i) => {
            const s = r[m.key] ?? {};
            return (
              <li key={r.model}>
                <span class="embed-bar-label">
                  {r.model}: <strong data-testid={i === 0 ? `${metric}-mean` : undefined}>{num(s.mean)}</strong>{' '}
                  {m.unit}{' '}
                  <span class="embed-range-inline">
                    (likely {num(s.p5)}–{num(s.p95)})
                  </span>
                </span>
                <svg class="embed-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">
                  <rect x="0" y="2" width={pct(s.mean)} height="8" rx="1" />
                  {Number.isFinite(s.p5) && (
                    <line x1={pct(s.p5)} x2={pct(s.p95)} y1="6" y2="6" vector-effect="non-scaling-stroke" />
                  )}
                </svg>
              </li>
            );
          })}
        </ul>
      </figure>
      <Ratio rows={rows} metric={metric} />
    </>
  );
}

/** Models by energy, water and carbon (means); the first model in bold. */
export function Table({ rows, metric, highlight }) {
  const m = METRICS[metric];
  return (
    <>
      <Ratio rows={rows} metric={metric} />
      {/* Focusable, so a keyboard can scroll a table wider than a narrow column. */}
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Table of the estimates">
        <table class="embed-table">
          <caption>
            Per query, mean{rows.length > 2 ? ` (sorted by ${m.label.toLowerCase()}, lowest first)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              {METRIC_KEYS.map((k) => (
                <th scope="col" key={k} class="num">
                  {METRICS[k].label} <span class="unit">({METRICS[k].unit})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.model} class={r.model === highlight ? 'highlight' : undefined}>
                <th scope="row">
                  <Words text={r.model} />
                </th>
                {METRIC_KEYS.map((k) => (
                  <td class="num" key={k} data-testid={i === 0 && r.model === highlight ? `${k}-mean` : undefined}>
                    {num(r[METRICS[k].key].mean)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One line: "GPT-4o: 0.42 Wh · 1.6 mL · 0.17 g CO₂e per short prompt". */
export function Badge({ rows, prompt, href }) {
  const r = rows[0];
  if (!r) return null;
  return (
    <p class="embed-badge">
      <a href={href} target="_blank" rel="noopener noreferrer" data-testid="app-link">
        <span data-testid="model">{r.model}</span>:{' '}
        {METRIC_KEYS.map((k, i) => (
          <span key={k}>
            {i > 0 && ' · '}
            <span data-testid={`${k}-mean`}>{num(r[METRICS[k].key].mean)}</span> {METRICS[k].unit}
          </span>
        ))}{' '}
        per {prompt} prompt
      </a>
    </p>
  );
}
