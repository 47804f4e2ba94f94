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

/** Lists in the inputs hold at most 21 items (doses, pre-clearances): an index past 99 is a typo, not a row to build. */
const MAX_CSV_INDEX = 99;

const headerError = (header: string, why: string) =>
  new CliError('INPUT_INVALID', `the CSV header "${header}" ${why}`);

/**
 * Checks a CSV header row once, before any row is read: every header is a dotted path of non-empty
 * segments (numeric ones at most 99, so a typo cannot make a row of a million-item array), with an
 * optional `:number`; no header repeats another or is a prefix of one (`person` beside `person.name`
 * would give a cell nowhere to go); and the children of one path are all indexes or all names.
 *
 * @throws CliError `INPUT_INVALID` naming the first header that breaks a rule.
 */
export function checkCsvHeaders(headers: readonly string[]): void {
  const leaves = new Set<string>();
  const branches = new Map<string, 'index' | 'name'>();
  for (const header of headers) {
    const [path = '', kind, ...rest] = header.split(':');
    if (rest.length > 0 || (kind !== undefined && kind !== 'number')) {
      throw headerError(header, 'may only end in ":number"');
    }
    const keys = path.split('.');
    if (keys.some((key) => key === '' || UNSAFE_KEYS.has(key))) {
      throw headerError(header, 'is not a usable field path');
    }
    if (leaves.has(path)) throw headerError(header, 'names a field twice');
    if (branches.has(path)) throw headerError(header, 'names a field other headers fill in parts');
    let prefix = '';
    keys.forEach((key, depth) => {
      const index = /^\d+$/.test(key);
      if (index && Number(key) > MAX_CSV_INDEX)
        throw headerError(header, `has an index above ${MAX_CSV_INDEX}`);
      if (depth > 0) {
        const shape = index ? 'index' : 'name';
        const held = branches.get(prefix);
        if (held !== undefined && held !== shape)
          throw headerError(header, 'mixes indexes and names under one field');
        branches.set(prefix, shape);
        if (leaves.has(prefix)) throw headerError(header, 'is inside a field another header fills');
      }
      prefix = depth === 0 ? key : `${prefix}.${key}`;
    });
    leaves.add(path);
  }
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
