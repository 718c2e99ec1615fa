// A strict CSV reader for the files in data/sources/ (RFC 4180: comma separated, fields
// may be wrapped in double quotes, "" inside quotes is a literal quote). Anything else
// (an unterminated quote, a quote in the middle of a bare field, a row with the wrong
// number of cells) is an error naming the file, line and column, never a guess.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Splits CSV text into rows of string cells. Accepts \n and \r\n line ends. */
export function parseCsv(text, file = '<csv>') {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current cell was quoted (only a separator may follow)
  let line = 1;
  const fail = (msg) => {
    throw new Error(`${file}:${line}: ${msg}`);
  };
  const endCell = () => {
    row.push(cell);
    cell = '';
    wasQuoted = false;
  };
  for (let i = 0; i < text.length; i++) {
    if (!row.length && cell === '' && !quoted && !wasQuoted) {
      // Fast path: a whole record without quotes is split at once (same result as below).
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      let record = text.slice(i, end);
      if (record.endsWith('\r') && nl >= 0) record = record.slice(0, -1);
      if (!record.includes('"') && !record.includes('\r') && (nl >= 0 || record !== '')) {
        rows.push(record.split(','));
        line++;
        i = end;
        continue;
      }
    }
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === ',') endCell();
    else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') i++;
      endCell();
      rows.push(row);
      row = [];
      line++;
    } else if (ch === '"') {
      if (cell !== '' || wasQuoted) fail(`stray double quote inside an unquoted field (cell ${row.length + 1})`);
      quoted = true;
    } else if (wasQuoted) fail(`text after a closing quote (cell ${row.length + 1})`);
    else if (ch === '\r') fail('bare carriage return');
    else cell += ch;
  }
  if (quoted) fail('unterminated quoted field at end of file');
  if (cell !== '' || wasQuoted || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

/**
 * Reads a CSV with a header row into objects (column -> string; empty cell -> '').
 * Each object carries its 1-based line number as a non-enumerable `$line`.
 */
export function readTable(text, file) {
  const [header, ...body] = parseCsv(text, file);
  if (!header || !header.length) throw new Error(`${file}: empty file`);
  const seen = new Set();
  for (const name of header) {
    if (!name) throw new Error(`${file}:1: empty column name`);
    if (seen.has(name)) throw new Error(`${file}:1: duplicate column "${name}"`);
    seen.add(name);
  }
  return body.map((cells, k) => {
    const line = k + 2;
    if (cells.length !== header.length) {
      throw new Error(`${file}:${line}: ${cells.length} cells, expected ${header.length} (${header.join(',')})`);
    }
    const obj = {};
    header.forEach((name, j) => (obj[name] = cells[j]));
    Object.defineProperty(obj, '$line', { value: line });
    Object.defineProperty(obj, '$file', { value: file });
    return obj;
  });
}

/** Sources: reads tables from a folder, once each. */
export function sourcesAt(dir) {
  const cache = new Map();
  return {
    dir,
    table(name) {
      if (!cache.has(name)) cache.set(name, readTable(readFileSync(join(dir, name), 'utf8'), name));
      return cache.get(name);
    },
  };
}

const where = (row, col) => `${row.$file}:${row.$line} column "${col}"`;

/** The column's value as a finite number (exactly Number(text), no rounding). */
export function num(row, col, { nullable = false } = {}) {
  if (!(col in row)) throw new Error(`${row.$file}: no column "${col}"`);
  const text = row[col];
  if (text === '') {
    if (nullable) return null;
    throw new Error(`${where(row, col)}: empty, a number is required`);
  }
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text))
    throw new Error(`${where(row, col)}: "${text}" is not a number`);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${where(row, col)}: "${text}" is not finite`);
  return value;
}

/** The column's value as a non-empty string (or one of `allowed`). */
export function str(row, col, allowed) {
  if (!(col in row)) throw new Error(`${row.$file}: no column "${col}"`);
  const text = row[col];
  if (text === '') throw new Error(`${where(row, col)}: empty, a value is required`);
  if (allowed && !allowed.includes(text))
    throw new Error(`${where(row, col)}: "${text}" is not one of ${allowed.join(', ')}`);
  return text;
}

/** Throws unless `cond`, naming the row. */
export function check(cond, row, msg) {
  if (!cond) throw new Error(`${row.$file}:${row.$line}: ${msg}`);
}
