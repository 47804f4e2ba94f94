import { FormatIssueError } from './issue-error.js';

/** A name split into forenames and surname, as DCC (`gn`/`fn`) and FHIR (`given`/`family`) want it. */
export interface NameParts {
  given: string | undefined;
  family: string;
}

/**
 * Splits a canonical record's name, which DDCC writes "given family": the last word is the surname,
 * the words before it the forenames. A one-word name is a surname alone.
 */
export function splitName(name: string): NameParts {
  const words = name.trim().split(/\s+/);
  const family = words.pop() ?? '';
  return { given: words.length === 0 ? undefined : words.join(' '), family };
}

// ICAO Doc 9303 Part 3 transliterations that are not a letter with its accent dropped.
const SPECIAL: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Æ: 'AE',
  Å: 'AA',
  Ö: 'OE',
  Ø: 'OE',
  Œ: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Ł: 'L',
};

/**
 * The ICAO 9303 machine-readable form of a Latin-script name part (`d'Červenková Panklová` →
 * `DCERVENKOVA<PANKLOVA`). A name in another script needs a transliteration Passage does not
 * guess: VALUE_NOT_MAPPED, so the authority sends the name as printed in the passport's MRZ.
 */
export function icaoTransliterate(part: string, field: string): string {
  const upper = part.toLocaleUpperCase('en');
  const mapped = [...upper].map((c) => SPECIAL[c] ?? c).join('');
  const plain = mapped.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/[^\P{L}\p{Script=Latin}]/u.test(plain)) {
    throw new FormatIssueError('VALUE_NOT_MAPPED', 'the name is not in Latin script', { field });
  }
  const out = plain
    .replace(/['’`]/g, '')
    .replace(/[^A-Z]+/g, '<')
    .replace(/^<+|<+$/g, '');
  if (out === '') throw new FormatIssueError('VALUE_MISSING', 'the name has no letters', { field });
  return out.slice(0, 80);
}
