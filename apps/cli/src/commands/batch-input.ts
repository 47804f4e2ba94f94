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

/** One CSV column, read from its header once: the field path and whether the cell is a number. */
export interface CsvColumn {
  keys: readonly string[];
  /** For each key, whether it holds a list (the next key is an index) rather than an object. */
  lists: readonly boolean[];
  number: boolean;
}

const isIndex = (key: string) => /^\d+$/.test(key);

/**
 * Reads a CSV header row once, before any row is read, and checks it: every header is a dotted path
 * of non-empty segments (numeric ones at most 99, so a typo cannot make a row of a million-item
 * array), with an optional `:number`; no header repeats another or is a prefix of one (`person` beside
 * `person.name` would give a cell nowhere to go); and the children of one path are all indexes or all
 * names.
 *
 * @throws CliError `INPUT_INVALID` naming the first header that breaks a rule.
 */
export function csvColumns(headers: readonly string[]): CsvColumn[] {
  const leaves = new Set<string>();
  const branches = new Map<string, 'index' | 'name'>();
  return headers.map((header) => {
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
      const index = isIndex(key);
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
    return { keys, lists: keys.map((_, depth) => isIndex(keys[depth + 1] ?? '')), number: kind === 'number' };
  });
}

/**
 * Turns a CSV row into the request body along the columns {@link csvColumns} read: numeric segments
 * make arrays, a `:number` column makes the cell a number, and an empty cell is left out.
 */
export function csvRecord(columns: readonly CsvColumn[], cells: readonly string[], line: number): unknown {
  if (cells.length !== columns.length) {
    throw new CliError(
      'INPUT_INVALID',
      `line ${line} has ${cells.length} cells, the header ${columns.length}`,
    );
  }
  const root: Record<string, unknown> = {};
  columns.forEach(({ keys, lists, number }, i) => {
    const cell = cells[i] ?? '';
    if (cell === '') return;
    let node = root;
    const last = keys.length - 1;
    for (let depth = 0; depth < last; depth++) {
      const key = keys[depth] as string;
      node[key] ??= lists[depth] ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[last] as string] = number ? Number(cell) : cell;
  });
  return root;
}
