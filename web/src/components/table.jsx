// A table with optional sortable columns (buttons in the headers, aria-sort).
/**
 * @param {{caption?: any, columns: Array<{key: string, label: any, value?: (r) => any, render?: (r) => any,
 *   numeric?: boolean, sortable?: boolean}>, rows: any[], rowKey: (r) => string, sort?: {key: string, desc: boolean},
 *   onSort?: (key: string) => void, highlight?: string}} props
 */
export function DataTable({ caption, columns, rows, rowKey, sort, onSort, highlight, className = '' }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : 'Table'}>
      <table class={`data ${className}`}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const ariaSort = active ? (sort.desc ? 'descending' : 'ascending') : undefined;
              return (
                <th key={c.key} scope="col" class={c.numeric ? 'num' : ''} aria-sort={ariaSort}>
                  {c.sortable && onSort ? (
                    <button type="button" class="sort" onClick={() => onSort(c.key)}>
                      {c.label}
                      <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = rowKey(r);
            return (
              <tr
                key={key}
                class={key === highlight ? 'highlight' : ''}
                aria-current={key === highlight ? 'true' : undefined}
              >
                {columns.map((c, i) => {
                  const content = c.render ? c.render(r) : c.value ? c.value(r) : r[c.key];
                  return i === 0 ? (
                    <th key={c.key} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={c.key} class={c.numeric ? 'num' : ''}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
