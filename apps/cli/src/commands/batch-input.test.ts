import { describe, expect, it } from 'vitest';
import { csvCells, csvColumns, csvRecord } from './batch-input.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('CSV headers', () => {
  it('takes dotted paths, indexes into lists and a :number suffix', () => {
    const headers = ['person.name', 'vaccinations.0.dose:number', 'vaccinations.1.dose:number'];
    expect(codeOf(() => csvColumns(headers))).toBeUndefined();
    expect(csvRecord(csvColumns(headers), csvCells('"Somchai, J",1,2'), 2)).toEqual({
      person: { name: 'Somchai, J' },
      vaccinations: [{ dose: 1 }, { dose: 2 }],
    });
  });

  it.each([
    // Before, each of these built a body silently different from the row, threw a TypeError, or
    // built a sparse list of a billion items whose JSON could not be written.
    ['a field and a part of it', ['person', 'person.name']],
    ['a part of a field, then the field', ['person.name', 'person']],
    ['indexes and names under one field', ['vaccinations.0.dose', 'vaccinations.first']],
    ['a field twice', ['person.name', 'person.name:number']],
    ['an index above 99', ['vaccinations.1000000000.dose']],
    ['another suffix than :number', ['person.name:date']],
    ['an empty segment', ['person..name']],
    ['a prototype key', ['__proto__.polluted']],
  ])('refuses %s as INPUT_INVALID', (_what, headers) => {
    expect(codeOf(() => csvColumns(headers))).toBe('INPUT_INVALID');
  });
});
