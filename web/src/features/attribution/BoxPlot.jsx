// Box plots of daily values per host and prompt size (quartiles, median, min-max whiskers)
// as accessible SVG on a log axis (the source has spikes of 50x the median).
import { scaleLog } from 'd3-scale';

import { useWidth } from '../../components/charts.jsx';
import { num } from '../../lib/format.js';

export function BoxPlot({ cells, label }) {
  const [ref, width] = useWidth();
  const rowH = 22;
  const labelW = Math.min(220, Math.round(width * 0.45));
  const margin = { top: 8, right: 14, bottom: 34, left: labelW };
  const height = margin.top + margin.bottom + cells.length * rowH;
  const lo = Math.max(1e-3, Math.min(...cells.map((c) => c.min)));
  const hi = Math.max(...cells.map((c) => c.max));
  const x = scaleLog()
    .domain([lo, Math.max(hi, lo * 10)])
    .range([margin.left, width - margin.right])
    .nice();
  const ticks = x.ticks(width < 420 ? 3 : 6);
  const fmt = x.tickFormat(width < 420 ? 3 : 6, '~g');
  return (
    <div ref={ref}>
      <svg width={width} height={height} role="img" aria-label={label} class="boxplot">
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={margin.top}
              y2={height - margin.bottom}
              stroke="currentColor"
              opacity="0.15"
            />
            <text x={x(t)} y={height - margin.bottom + 16} text-anchor="middle" font-size="11" fill="currentColor">
              {fmt(t)}
            </text>
          </g>
        ))}
        <text
          x={(margin.left + width - margin.right) / 2}
          y={height - 4}
          text-anchor="middle"
          font-size="12"
          fill="currentColor"
        >
          Daily median output speed (tokens/s, log scale)
        </text>
        {cells.map((c, i) => {
          const y = margin.top + i * rowH + rowH / 2;
          return (
            <g key={`${c.host}|${c.prompt}`}>
              <title>{`${c.host}, ${c.prompt}: median ${num(c.median)}, quartiles ${num(c.q1)}–${num(c.q3)}, range ${num(c.min)}–${num(c.max)} (n = ${c.n})`}</title>
              <text x={margin.left - 6} y={y + 4} text-anchor="end" font-size="12" fill="currentColor">
                {`${c.host} · ${c.prompt}`}
              </text>
              <line x1={x(c.min)} x2={x(c.max)} y1={y} y2={y} stroke="currentColor" />
              <rect
                x={x(c.q1)}
                y={y - 7}
                width={Math.max(1, x(c.q3) - x(c.q1))}
                height="14"
                fill="var(--accent, #3b6ea5)"
                opacity="0.35"
                stroke="currentColor"
              />
              <line x1={x(c.median)} x2={x(c.median)} y1={y - 7} y2={y + 7} stroke="currentColor" stroke-width="2" />
            </g>
          );
        })}
      </svg>
    </div>
  );
}
