import { CliError } from '../errors.js';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside a field). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/**
 * Turns a CSV row into the request body: each header is a dotted path (`person.name`,
 * `vaccinations.0.dose`), numeric segments make arrays, a `:number` suffix makes the cell a number,
 * and an empty cell is left out.
 */
export function csvRecord(headers: readonly string[], cells: readonly string[], line: number): unknown {
  if (cells.length !== headers.length) {
    throw new CliError(
      'INPUT_INVALID',
      `line ${line} has ${cells.length} cells, the header ${headers.length}`,
    );
  }
  const root: Record<string, unknown> = {};
  headers.forEach((header, i) => {
    const cell = cells[i] ?? '';
    if (cell === '') return;
    const [path = '', kind] = header.split(':');
    const value = kind === 'number' ? Number(cell) : cell;
    const keys = path.split('.');
    if (keys.some((key) => key === '' || UNSAFE_KEYS.has(key))) {
      throw new CliError('INPUT_INVALID', 'a CSV header is not a usable field path');
    }
    let node: Record<string, unknown> | unknown[] = root;
    keys.forEach((key, depth) => {
      const next = keys[depth + 1];
      const slot = node as Record<string, unknown>;
      if (next === undefined) slot[key] = value;
      else {
        slot[key] ??= /^\d+$/.test(next) ? [] : {};
        node = slot[key] as Record<string, unknown>;
      }
    });
  });
  return root;
}
