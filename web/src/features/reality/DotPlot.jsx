// Published figures as points and our estimate as ranges, on one logarithmic axis.
import { scaleLog } from 'd3-scale';

import { RowLabel, RowsChart, useWidth } from '../../components/charts.jsx';

/**
 * @param {{rows: Array<{key: string, label: string, ours?: {lo: number, mean: number, hi: number},
 *   point?: {value: number, low?: number|null, high?: number|null}}>, unit: string, label: string}} props
 */
export function DotPlot({ rows, unit, label }) {
  const [ref, width] = useWidth();
  const rowH = 26;
  const labelW = Math.min(150, Math.round(width * 0.38));
  const margin = { top: 8, right: 14, bottom: 36, left: labelW };
  const height = margin.top + margin.bottom + rows.length * rowH;
  const values = rows.flatMap((r) => [
    r.ours?.lo,
    r.ours?.hi,
    r.ours?.mean,
    r.point?.value,
    r.point?.low,
    r.point?.high,
  ]);
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  const lo = pos.length ? Math.min(...pos) : 0.1;
  const hi = pos.length ? Math.max(...pos) : 10;
  const x = scaleLog()
    .domain([lo / 1.5, Math.max(hi * 1.5, lo * 10)])
    .range([margin.left, width - margin.right])
    .nice();
  const clamp = (v) => x(Math.min(Math.max(v, x.domain()[0]), x.domain()[1]));
  const ticks = x.ticks(width < 420 ? 3 : 6).filter((t, i, a) => a.length <= 8 || Math.log10(t) % 1 === 0);
  const tickFmt = x.tickFormat(width < 420 ? 3 : 6, '~g');
  const maxChars = Math.floor(labelW / 7.5);
  const frame = { boxRef: ref, width, height, label, svgClass: 'dot-plot' };
  const axis = { x, ticks, format: tickFmt, margin, title: `${unit}, log scale` };
  return (
    <RowsChart frame={frame} axis={axis}>
      {rows.map((r, i) => {
        const y = margin.top + i * rowH + rowH / 2;
        return (
          <g key={r.key} class={r.key === 'ours' ? 'dot-row ours-row' : 'dot-row'}>
            <RowLabel x={margin.left - 6} y={y} text={r.label} maxChars={maxChars} />
            {r.ours && (
              <g class="ours" aria-hidden="true">
                <rect
                  x={clamp(r.ours.lo)}
                  y={y - 5}
                  width={Math.max(2, clamp(r.ours.hi) - clamp(r.ours.lo))}
                  height={10}
                  rx="3"
                />
                <circle cx={clamp(r.ours.mean)} cy={y} r="4" />
              </g>
            )}
            {r.point && (
              <g class="published" aria-hidden="true">
                {Number.isFinite(r.point.low) && Number.isFinite(r.point.high) && (
                  <line x1={clamp(r.point.low)} x2={clamp(r.point.high)} y1={y} y2={y} />
                )}
                <path d={`M${clamp(r.point.value)},${y - 7}l7,7l-7,7l-7,-7z`} />
              </g>
            )}
          </g>
        );
      })}
    </RowsChart>
  );
}
