// Line chart of daily values over time: per series the mean as a line and the P5-P95
// band, the authors' published daily mean as a dashed reference line, dotted vertical
// lines at events (method change, prompt-size change, frozen inputs) and shaded frozen
// periods. x is the calendar day; the numbers are in the figure's table.
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';

import { ChartFrame, useWidth, YLines } from '../../components/charts.jsx';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** First days of months between two day numbers, every `step` months. */
function monthTicks(d0, d1, step) {
  const out = [];
  const start = new Date(d0 * 864e5);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  for (;;) {
    if (m > 11) {
      y += 1;
      m = 0;
    }
    const day = Date.UTC(y, m, 1) / 864e5;
    if (day > d1) break;
    if (m % step === 0) out.push({ day, label: `${MONTHS[m]} ${String(y).slice(2)}` });
    m += 1;
  }
  return out;
}

/** An SVG path through points, broken where a day is missing a value. */
function linePath(points, x, y, value) {
  let d = '';
  let pen = false;
  for (const p of points) {
    const v = value(p);
    if (v === null || v === undefined) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.day).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  }
  return d;
}

function bandPath(points, x, y) {
  if (!points.length) return '';
  const top = points.map((p) => `${x(p.day).toFixed(1)},${y(p.p95).toFixed(1)}`);
  const bottom = [...points].reverse().map((p) => `${x(p.day).toFixed(1)},${y(p.p5).toFixed(1)}`);
  return `M${top.join('L')}L${bottom.join('L')}Z`;
}

/**
 * @param {{series: Array<{key: string, label: string, points: Array<{day: number, mean: number, p5: number,
 *   p95: number, published: number|null}>}>, events: Array<{day: number, label: string}>,
 *   frozen: Array<{from: number, to: number}>, unit: string, label: string, from: number, to: number}} props
 */
export function TrendChart({ series, events, frozen, unit, label, from, to }) {
  const [ref, width] = useWidth();
  const narrow = width < 480;
  const height = narrow ? 260 : 340;
  const margin = { top: 26, right: 12, bottom: 30, left: 48 };
  const all = series.flatMap((s) => s.points);
  const hi = max(all, (p) => Math.max(p.p95, p.published ?? 0)) ?? 1;
  const lo = min(all, (p) => Math.min(p.p5, p.published ?? Infinity)) ?? 0;
  const x = scaleLinear()
    .domain([from, Math.max(to, from + 1)])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([Math.min(0, lo), hi || 1])
    .range([height - margin.bottom, margin.top])
    .nice();
  const ticks = monthTicks(from, to, narrow ? 3 : to - from > 200 ? 2 : 1);
  return (
    <ChartFrame boxRef={ref} boxClass="chart-box trend-chart" width={width} height={height} label={label}>
      <g class="grid" aria-hidden="true">
        <YLines y={y} ticks={y.ticks(5)} margin={margin} width={width} />
        {ticks.map((t) => (
          <text key={t.day} x={x(t.day)} y={height - margin.bottom + 16} text-anchor="middle">
            {t.label}
          </text>
        ))}
        <text x={4} y={12} class="axis-label">
          {unit}
        </text>
      </g>
      <g aria-hidden="true">
        {frozen.map((f) => (
          <rect
            key={`f${f.from}`}
            class="frozen"
            x={x(f.from)}
            y={margin.top}
            width={Math.max(1, x(f.to) - x(f.from))}
            height={height - margin.top - margin.bottom}
          />
        ))}
        {series.map((s, i) => (
          <g key={s.key} class={`series-${i}`}>
            <path class="band" d={bandPath(s.points, x, y)} />
            <path class="mean" d={linePath(s.points, x, y, (p) => p.mean)} />
            <path class="published" d={linePath(s.points, x, y, (p) => p.published)} />
          </g>
        ))}
        {events
          .filter((e) => e.day >= from && e.day <= to)
          .map((e, i) => (
            <g key={`e${e.day}`} class="event">
              <line x1={x(e.day)} x2={x(e.day)} y1={margin.top - 4} y2={height - margin.bottom} />
              {!narrow && (
                <text x={x(e.day) + 3} y={margin.top - 8 + (i % 2) * 10}>
                  {e.label}
                </text>
              )}
            </g>
          ))}
      </g>
    </ChartFrame>
  );
}
