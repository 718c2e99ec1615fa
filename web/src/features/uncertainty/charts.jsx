// The panel's two charts as accessible SVG (role="img", a text label; the numbers are in
// the figure's table): a histogram of the Monte Carlo draws with P5 / P50 / P95 marked, and
// a tornado of the output at each input's low and high value. Colours from currentColor.
import { scaleLinear } from 'd3-scale';

import { ChartFrame, RowLabel, RowsChart, useWidth } from '../../components/charts.jsx';
import { num } from '../../lib/format.js';

/** Histogram {lo, hi, counts} with percentile markers. */
export function Histogram({ histogram, marks, unit, label }) {
  const [ref, width] = useWidth(300);
  const height = 120;
  const m = { top: 14, right: 10, bottom: 30, left: 10 };
  const { lo, hi, counts } = histogram;
  const x = scaleLinear()
    .domain(hi > lo ? [lo, hi] : [lo - 1, hi + 1])
    .range([m.left, width - m.right]);
  const top = Math.max(...counts, 1);
  const y = scaleLinear()
    .domain([0, top])
    .range([height - m.bottom, m.top]);
  const step = (hi - lo) / counts.length;
  return (
    <ChartFrame boxRef={ref} width={width} height={height} label={label} svgClass="unc-hist">
      {counts.map((c, i) => {
        const x0 = hi > lo ? x(lo + i * step) : m.left;
        const x1 = hi > lo ? x(lo + (i + 1) * step) : width - m.right;
        return <rect key={i} x={x0} y={y(c)} width={Math.max(0.5, x1 - x0 - 0.5)} height={y(0) - y(c)} />;
      })}
      {marks.map((mk) => (
        <g key={mk.label} class="mark" aria-hidden="true">
          <line x1={x(mk.value)} x2={x(mk.value)} y1={m.top - 4} y2={height - m.bottom} />
          <text x={x(mk.value)} y={m.top - 5} text-anchor="middle">
            {mk.label}
          </text>
        </g>
      ))}
      <g class="grid" aria-hidden="true">
        {x.ticks(width < 360 ? 3 : 5).map((t) => (
          <text key={t} x={x(t)} y={height - m.bottom + 14} text-anchor="middle">
            {num(t)}
          </text>
        ))}
        <text x={width / 2} y={height - 3} text-anchor="middle" class="axis-label">
          {unit} per query
        </text>
      </g>
    </ChartFrame>
  );
}

/** Tornado: one bar per input from its low to its high output, a line at the base value. */
export function Tornado({ base, bars, labels, unit, label }) {
  const [ref, width] = useWidth(560);
  const barH = 18;
  const gap = 6;
  const labelW = Math.min(190, Math.round(width * 0.4));
  const m = { top: 8, right: 16, bottom: 32, left: labelW };
  const height = m.top + m.bottom + Math.max(1, bars.length) * (barH + gap);
  const lo = Math.min(base, ...bars.map((b) => b.low));
  const hi = Math.max(base, ...bars.map((b) => b.high));
  const x = scaleLinear()
    .domain(hi > lo ? [lo, hi] : [lo - 1, hi + 1])
    .range([m.left, width - m.right])
    .nice();
  const frame = { boxRef: ref, width, height, label, svgClass: 'unc-tornado' };
  const axis = {
    x,
    ticks: x.ticks(width < 420 ? 3 : 6),
    format: num,
    margin: m,
    title: `${unit} per query`,
    titleGap: 3,
  };
  return (
    <RowsChart frame={frame} axis={axis}>
      {bars.map((b, i) => {
        const yy = m.top + i * (barH + gap);
        return (
          <g key={b.input} class="bar">
            <RowLabel x={m.left - 6} y={yy + barH / 2} text={labels[b.input] ?? b.input} />
            <rect x={x(b.low)} y={yy} width={Math.max(1, x(b.high) - x(b.low))} height={barH} rx="2" />
          </g>
        );
      })}
      <line class="base" x1={x(base)} x2={x(base)} y1={m.top - 2} y2={height - m.bottom} aria-hidden="true" />
    </RowsChart>
  );
}
