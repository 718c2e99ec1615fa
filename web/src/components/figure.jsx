// Every chart is a <figure> with a caption, an SVG with a text label, the same numbers as
// a table, and export buttons (SVG, PNG, CSV, JSON).
import { useRef } from 'preact/hooks';

import { download, svgText, svgToPng, toCsv } from '../lib/export.js';

export function ExportButtons({ name, csv, json, svgRef }) {
  const onSvg = () =>
    svgRef.current && download(`${name}.svg`, svgText(svgRef.current.querySelector('svg')), 'image/svg+xml');
  const onPng = async () =>
    svgRef.current && download(`${name}.png`, await svgToPng(svgRef.current.querySelector('svg')));
  return (
    <div class="export" role="group" aria-label="Download">
      {csv && (
        <button type="button" onClick={() => download(`${name}.csv`, toCsv(csv.columns, csv.rows), 'text/csv')}>
          CSV
        </button>
      )}
      {json && (
        <button
          type="button"
          onClick={() => download(`${name}.json`, JSON.stringify(json, null, 2), 'application/json')}
        >
          JSON
        </button>
      )}
      {svgRef && (
        <>
          <button type="button" onClick={onSvg}>
            SVG
          </button>
          <button type="button" onClick={onPng}>
            PNG
          </button>
        </>
      )}
    </div>
  );
}

/**
 * @param {{caption: any, name: string, chart: any, table: any, csv?: object, json?: any}} props
 */
export function Figure({ caption, name, chart, table, csv, json, tableOpen = false }) {
  const chartRef = useRef(null);
  return (
    <figure class="chart-figure">
      <figcaption>{caption}</figcaption>
      <div class="chart" ref={chartRef}>
        {chart}
      </div>
      <details class="table-alt" open={tableOpen}>
        <summary>The numbers of this chart as a table</summary>
        {table}
      </details>
      <ExportButtons name={name} csv={csv} json={json} svgRef={chartRef} />
    </figure>
  );
}
