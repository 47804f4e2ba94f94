import { readFileSync } from 'node:fs';
import { isCredentialError } from '@passage/credentials/pure';
import { describe, expect, it } from 'vitest';
import { joinShcChunksPortable } from './digits.js';
import { joinShcChunks } from './numeric.js';

// SMART Health Card examples (spec.smarthealth.cards, see test/vectors/shc/SOURCE.txt).
const VECTORS = new URL('../../../../test/vectors/shc/', import.meta.url);
const qr = (n: string, i = 0) =>
  readFileSync(new URL(`example-${n}-f-qr-code-numeric-value-${i}.txt`, VECTORS), 'utf8');

/** The JWS, or the code and message of the error. */
function outcome(join: (chunks: readonly string[]) => string, chunks: readonly string[]): string {
  try {
    return join(chunks);
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

const CASES: Record<string, readonly string[]> = {
  'a whole card': [qr('00')],
  'three chunks, shuffled': [qr('02', 2), qr('02', 0), qr('02', 1)],
  'one chunk of three': [qr('02', 1)],
  'a pair above 77': ['shc:/5699'],
  'a pair above 77 in a later chunk': ['shc:/2/2/99', 'shc:/1/2/56'],
  'a letter': ['shc:/56a6'],
  'a digit outside ASCII': ['shc:/56\u0666'],
  'a lone surrogate': ['shc:/\ud83456'],
  'an odd count': ['shc:/567'],
  'no digits': ['shc:/'],
  'another prefix': ['HC1:5676'],
  'no text': [],
};

describe('the portable shc:/ decoder', () => {
  it.each(Object.entries(CASES))('answers as the Node decoder for %s', (_name, chunks) => {
    expect(outcome(joinShcChunksPortable, chunks)).toBe(outcome(joinShcChunks, chunks));
  });
});
