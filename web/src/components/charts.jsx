// Charts as Preact SVG: d3-scale for scales and ticks, d3-format (via lib/format) for
// labels. Colours come from currentColor and CSS variables, so dark mode and a host
// page's theme apply. Each chart has role="img" and a label; the numbers are in the
// figure's table.
import { extent, max, min } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { useEffect, useRef, useState } from 'preact/hooks';

import { num } from '../lib/format.js';

/**
 * The frame of every chart: a box whose width the chart follows (`boxRef` from useWidth) and
 * the SVG with role="img" and its label (the numbers are in the figure's table).
 */
export function ChartFrame({ boxRef, width, height, label, svgClass, boxClass = 'chart-box', children }) {
  return (
    <div ref={boxRef} class={boxClass}>
      <svg width={width} height={height} role="img" aria-label={label} class={svgClass}>
        {children}
      </svg>
    </div>
  );
}

/**
 * The x-axis grid of a horizontal chart: a vertical line and a label per tick, and the
 * axis title under them (aria-hidden: the numbers are in the chart's table).
 */
export function XGrid({ x, ticks, format, margin, height, width, title, titleGap = 4 }) {
  return (
    <g class="grid" aria-hidden="true">
      {ticks.map((t) => (
        <g key={t} transform={`translate(${x(t)},0)`}>
          <line y1={margin.top} y2={height - margin.bottom} />
          <text y={height - margin.bottom + 14} text-anchor="middle">
            {format(t)}
          </text>
        </g>
      ))}
      <text x={(margin.left + width - margin.right) / 2} y={height - titleGap} text-anchor="middle" class="axis-label">
        {title}
      </text>
    </g>
  );
}

/**
 * A chart of rows along an x axis: the frame ({boxRef, width, height, label, svgClass}), the
 * x grid ({x, ticks, format, margin, title, titleGap}), then the rows.
 */
export function RowsChart({ frame, axis, children }) {
  return (
    <ChartFrame {...frame}>
      <XGrid {...axis} height={frame.height} width={frame.width} />
      {children}
    </ChartFrame>
  );
}

/** The horizontal lines and labels of a y axis (inside a chart's grid group). */
export function YLines({ y, ticks, margin, width, format = num }) {
  return ticks.map((t) => (
    <g key={`y${t}`}>
      <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} />
      <text x={margin.left - 6} y={y(t)} dy="0.35em" text-anchor="end">
        {format(t)}
      </text>
    </g>
  ));
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The label left of a chart row, right-aligned at `x`, vertically centred on `y`; clipped to
 * `maxChars` with the full text as its tooltip (no clipping when maxChars is not given).
 */
export function RowLabel({ x, y, text, maxChars }) {
  return (
    <text x={x} y={y} dy="0.35em" text-anchor="end" class="bar-label">
      {maxChars === undefined ? (
        text
      ) : (
        <>
          <title>{text}</title>
          {clip(text, maxChars)}
        </>
      )}
    </text>
  );
}

/** Width of an element, followed with a ResizeObserver: [ref for the element, width]. */
export function useWidth(fallback = 640) {
  const ref = useRef(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    setWidth(el.clientWidth || fallback);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallback]);
  return [ref, width];
}

function makeScale(kind, lo, hi, range) {
  if (kind === 'log') {
    const a = Math.max(lo, 1e-6);
    return scaleLog()
      .domain([a, Math.max(hi, a * 10)])
      .range(range)
      .nice();
  }
  return scaleLinear()
    .domain([0, hi || 1])
    .range(range)
    .nice();
}

/**
 * Horizontal bars with an uncertainty interval.
 * @param {{rows: Array<{key: string, label: string, value: number, lo?: number, hi?: number, highlight?: boolean}>,
 *   scale?: 'lin'|'log', unit: string, label: string}} props
 */
export function BarChart({ rows, scale = 'lin', unit, label }) {
  const [ref, width] = useWidth();
  const barH = 18;
  const gap = 6;
  const labelW = Math.min(170, Math.round(width * 0.42));
  const margin = { top: 8, right: 14, bottom: 34, left: labelW };
  const height = margin.top + margin.bottom + rows.length * (barH + gap);
  const lo = min(rows, (r) => Math.min(r.value, r.lo ?? r.value)) ?? 0;
  const hi = max(rows, (r) => Math.max(r.value, r.hi ?? r.value)) ?? 1;
  const x = makeScale(scale, lo, hi, [margin.left, width - margin.right]);
  const x0 = scale === 'log' ? x.range()[0] : x(0);
  const ticks = x.ticks(width < 420 ? 3 : 6);
  const tickFmt = scale === 'log' ? x.tickFormat(width < 420 ? 3 : 6, '~g') : (t) => num(t);
  const maxChars = Math.floor(labelW / 6.2);
  const frame = { boxRef: ref, width, height, label, svgClass: 'bar-chart' };
  const axis = { x, ticks, format: tickFmt, margin, title: `${unit}${scale === 'log' ? ' (log scale)' : ''}` };
  return (
    <RowsChart frame={frame} axis={axis}>
      {rows.map((r, i) => {
        const y = margin.top + i * (barH + gap);
        const xv = x(Math.max(r.value, scale === 'log' ? x.domain()[0] : 0));
        return (
          <g key={r.key} class={r.highlight ? 'bar highlight' : 'bar'}>
            <RowLabel x={margin.left - 6} y={y + barH / 2} text={r.label} maxChars={maxChars} />
            <rect x={Math.min(x0, xv)} y={y} width={Math.max(1, Math.abs(xv - x0))} height={barH} rx="2" />
            {r.lo !== undefined && r.hi !== undefined && (
              <g class="whisker" aria-hidden="true">
                <line x1={x(Math.max(r.lo, x.domain()[0]))} x2={x(r.hi)} y1={y + barH / 2} y2={y + barH / 2} />
                <line
                  x1={x(Math.max(r.lo, x.domain()[0]))}
                  x2={x(Math.max(r.lo, x.domain()[0]))}
                  y1={y + 4}
                  y2={y + barH - 4}
                />
                <line x1={x(r.hi)} x2={x(r.hi)} y1={y + 4} y2={y + barH - 4} />
              </g>
            )}
          </g>
        );
      })}
    </RowsChart>
  );
}

/**
 * Scatter of points; `marked` points drawn filled (e.g. efficient models).
 * @param {{points: Array<{key: string, label: string, x: number, y: number, marked?: boolean, selected?: boolean}>,
 *   xLabel: string, yLabel: string, label: string, logX?: boolean, onSelect?: (key: string) => void}} props
 */
export function ScatterChart({ points, xLabel, yLabel, label, logX = true, onSelect }) {
  const [ref, width] = useWidth();
  const height = Math.max(240, Math.min(420, Math.round(width * 0.62)));
  const margin = { top: 12, right: 16, bottom: 40, left: 44 };
  const [x0, x1] = extent(points, (p) => p.x);
  const [y0, y1] = extent(points, (p) => p.y);
  const x = (
    logX
      ? scaleLog().domain([Math.max(x0 ?? 0.1, 1e-6) / 1.2, (x1 ?? 1) * 1.2])
      : scaleLinear().domain([0, (x1 ?? 1) * 1.05])
  )
    .range([margin.left, width - margin.right])
    .nice();
  const y = scaleLinear()
    .domain([Math.max(0, (y0 ?? 0) - 5), (y1 ?? 1) + 5])
    .range([height - margin.bottom, margin.top])
    .nice();
  const xt = x.ticks(width < 420 ? 3 : 6);
  const xf = logX ? x.tickFormat(width < 420 ? 3 : 6, '~g') : (t) => num(t);
  return (
    <ChartFrame boxRef={ref} width={width} height={height} label={label} svgClass="scatter">
      <g class="grid" aria-hidden="true">
        {xt.map((t) => (
          <g key={`x${t}`}>
            <line x1={x(t)} x2={x(t)} y1={margin.top} y2={height - margin.bottom} />
            <text x={x(t)} y={height - margin.bottom + 14} text-anchor="middle">
              {xf(t)}
            </text>
          </g>
        ))}
        <YLines y={y} ticks={y.ticks(5)} margin={margin} width={width} />
        <text x={(margin.left + width - margin.right) / 2} y={height - 4} text-anchor="middle" class="axis-label">
          {xLabel}
        </text>
        <text
          transform={`translate(12,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`}
          text-anchor="middle"
          class="axis-label"
        >
          {yLabel}
        </text>
      </g>
      {points.map((p) => (
        <circle
          key={p.key}
          cx={x(p.x)}
          cy={y(p.y)}
          r={p.selected ? 7 : 5}
          class={`dot${p.marked ? ' marked' : ''}${p.selected ? ' selected' : ''}`}
          onClick={onSelect ? () => onSelect(p.key) : undefined}
        >
          <title>{`${p.label}: ${num(p.x)}, ${num(p.y)}`}</title>
        </circle>
      ))}
    </ChartFrame>
  );
}

/** Colours for groups (providers, reasoning or not): readable on light and dark backgrounds. */
export const GROUP_COLOURS = ['#2b7bba', '#d4572b', '#2e9d5b', '#9b59b6', '#c9941a', '#1fa3a3', '#d14d8a', '#7a7f86'];

/**
 * A dot plot: one row per item, its label above the row (never clipped), a dot at the mean
 * and a line over its interval. Log axis fitted to the data (no fixed lower bound).
 * @param {{rows: Array<{key: string, label: string, value: number, lo?: number, hi?: number,
 *   highlight?: boolean, colour?: string}>, scale?: 'lin'|'log', unit: string, label: string,
 *   format?: (x: number) => string}} props
 */
export function DotPlot({ rows, scale = 'log', unit, label, format = num }) {
  const [ref, width] = useWidth();
  const rowH = 34;
  const margin = { top: 6, right: 18, bottom: 38, left: 12 };
  const height = margin.top + margin.bottom + rows.length * rowH;
  const vals = rows.flatMap((r) => [r.value, r.lo ?? r.value, r.hi ?? r.value]).filter((v) => v > 0);
  const lo = min(vals) ?? 0.1;
  const hi = max(vals) ?? 1;
  const x =
    scale === 'log'
      ? scaleLog()
          .domain([lo / 1.25, Math.max(hi * 1.25, (lo / 1.25) * 3)])
          .range([margin.left, width - margin.right])
      : scaleLinear()
          .domain([0, hi * 1.05 || 1])
          .range([margin.left, width - margin.right])
          .nice();
  const n = width < 420 ? 4 : 7;
  let ticks = x.ticks(n);
  if (scale === 'log' && ticks.length > n + 2) ticks = ticks.filter((t, i) => i % Math.ceil(ticks.length / n) === 0);
  const pos = (v) => x(Math.max(v, x.domain()[0]));
  const frame = { boxRef: ref, width, height, label, svgClass: 'dot-plot' };
  const axis = { x, ticks, format, margin, title: `${unit}${scale === 'log' ? ' (log scale)' : ''}` };
  return (
    <RowsChart frame={frame} axis={axis}>
      {rows.map((r, i) => {
        const y = margin.top + i * rowH;
        const cy = y + rowH - 9;
        const cx = pos(r.value);
        const anchorEnd = cx > width * 0.6;
        return (
          <g key={r.key} class={r.highlight ? 'dot-row highlight' : 'dot-row'} style={{ color: r.colour }}>
            <text
              x={anchorEnd ? width - margin.right : margin.left}
              y={y + 11}
              text-anchor={anchorEnd ? 'end' : 'start'}
              class="dot-label"
            >
              {r.label}
            </text>
            {r.lo !== undefined && r.hi !== undefined && (
              <line x1={pos(r.lo)} x2={pos(r.hi)} y1={cy} y2={cy} class="dot-range" />
            )}
            <circle cx={cx} cy={cy} r={r.highlight ? 6 : 5} class="dot-mean" />
          </g>
        );
      })}
    </RowsChart>
  );
}
