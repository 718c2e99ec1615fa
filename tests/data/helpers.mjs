// Helpers for the dataset tests: paths, JSON, and a deliberately naive CSV reader (split on
// commas) used as an independent check of the converter on the files that have no quotes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = join(root, 'public', 'data');
export const sourceDir = join(root, 'data', 'sources');

export const readJson = (rel) => JSON.parse(readFileSync(join(dataDir, rel), 'utf8'));

/** Rows of a quote-free CSV as objects of strings. */
export function naiveCsv(name) {
  const text = readFileSync(join(sourceDir, name), 'utf8');
  if (text.includes('"')) throw new Error(`${name} has quotes: the naive reader cannot read it`);
  const [head, ...lines] = text.trimEnd().split(/\r?\n/);
  const cols = head.split(',');
  return lines.map((l, k) => {
    const cells = l.split(',');
    if (cells.length !== cols.length)
      throw new Error(`${name}:${k + 2}: ${cells.length} cells, expected ${cols.length}`);
    return Object.fromEntries(cells.map((v, i) => [cols[i], v]));
  });
}

export const P = [5, 25, 50, 75, 95];
export const relClose = (a, b, tol) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
