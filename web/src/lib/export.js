// Downloads of what is on screen: CSV, JSON, and charts as SVG or PNG. All client-side.

/** Offers `content` as a file download. */
export function download(filename, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR, e.g. a model named =HYPERLINK(...)) gets a leading ' (OWASP's CSV-injection guard);
 * numbers are written as they are.
 */
export const csvCell = (v) => {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV text (RFC 4180 quoting) from column definitions [{key|value, label}] and rows. */
export function toCsv(columns, rows) {
  const head = columns.map((c) => csvCell(c.label)).join(',');
  const body = rows.map((r) => columns.map((c) => csvCell(c.value ? c.value(r) : r[c.key])).join(','));
  return [head, ...body].join('\r\n') + '\r\n';
}

const xmlAttr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * Serialises an on-screen <svg> to standalone SVG text, resolving currentColor. The root's
 * style is written into the text, not set on a DOM element: the page's CSP has no
 * 'unsafe-inline' for style attributes, so setAttribute('style') would be a violation.
 */
export function svgText(svg) {
  const clone = svg.cloneNode(true);
  const color = getComputedStyle(svg).color;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.removeAttribute('style');
  const box = svg.getBoundingClientRect();
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  const style = `color: ${color}; font-family: system-ui, sans-serif; background: ${backgroundOf(svg)}`;
  return new XMLSerializer().serializeToString(clone).replace(/^<svg\b/, `<svg style="${xmlAttr(style)}"`);
}

function backgroundOf(el) {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*, 0\)$/.test(bg)) return bg;
  }
  return 'white';
}

/** Renders an <svg> to a PNG blob at 2x resolution. */
export function svgToPng(svg) {
  const text = svgText(svg);
  const box = svg.getBoundingClientRect();
  const img = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(box.width * 2);
      canvas.height = Math.round(box.height * 2);
      const ctx = canvas.getContext('2d');
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, box.width, box.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png');
    };
    img.onerror = () => reject(new Error('PNG export failed'));
    img.src = url;
  });
}
