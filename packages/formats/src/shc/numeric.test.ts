import { readFileSync } from 'node:fs';
import { isCredentialError } from '@passage/credentials';
import { describe, expect, it } from 'vitest';
import { decodeShcDigits, isShcText, joinShcChunks, parseShcChunk } from './numeric.js';

// SMART Health Card examples (spec.smarthealth.cards, see test/vectors/shc/SOURCE.txt).
const VECTORS = new URL('../../../../test/vectors/shc/', import.meta.url);
const vector = (name: string) => readFileSync(new URL(name, VECTORS), 'utf8').trim();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (isCredentialError(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('shc:/ numeric decoding', () => {
  it('decodes example 00 back to its JWS', () => {
    expect(joinShcChunks([vector('example-00-f-qr-code-numeric-value-0.txt')])).toBe(
      vector('example-00-d-jws.txt'),
    );
  });

  it('recognises the prefix, whatever its case', () => {
    expect(isShcText('shc:/5676')).toBe(true);
    expect(isShcText('SHC:/5676')).toBe(true);
    expect(isShcText('HC1:NCF')).toBe(false);
  });

  it('maps each pair to a character code plus 45', () => {
    expect(decodeShcDigits('4377')).toBe('Xz');
    expect(decodeShcDigits('00')).toBe('-');
  });

  it('rejects a pair above 77', () => {
    expect(codeOf(() => decodeShcDigits('5678'))).toBe('DECODING_FAILED');
    expect(codeOf(() => decodeShcDigits('99'))).toBe('DECODING_FAILED');
  });

  it('rejects an odd number of digits', () => {
    expect(codeOf(() => parseShcChunk('shc:/567'))).toBe('DECODING_FAILED');
  });

  it('rejects a non-digit', () => {
    expect(codeOf(() => parseShcChunk('shc:/56a6'))).toBe('DECODING_FAILED');
    expect(codeOf(() => parseShcChunk('shc:/56 6'))).toBe('DECODING_FAILED');
  });

  it('rejects an empty card', () => {
    expect(codeOf(() => parseShcChunk('shc:/'))).toBe('DECODING_FAILED');
  });

  it('rejects another prefix', () => {
    expect(codeOf(() => parseShcChunk('HC1:5676'))).toBe('INVALID_PREFIX');
  });

  it('rejects text beyond the size bound', () => {
    expect(codeOf(() => parseShcChunk(`shc:/${'56'.repeat(70_000)}`))).toBe('INPUT_TOO_LARGE');
  });

  it('rejects a slash among the digits, after a chunk header or without one', () => {
    expect(codeOf(() => parseShcChunk('shc:/5676/56'))).toBe('DECODING_FAILED');
    expect(codeOf(() => parseShcChunk('shc:/1/2/5676/5676'))).toBe('DECODING_FAILED');
    expect(codeOf(() => parseShcChunk('shc:/12/34/5/6'))).toBe('DECODING_FAILED');
    expect(codeOf(() => joinShcChunks([`shc:/${'56'.repeat(10)}/`]))).toBe('DECODING_FAILED');
  });

  it('rejects a digit outside ASCII', () => {
    expect(codeOf(() => parseShcChunk('shc:/56\u0665\u0666'))).toBe('DECODING_FAILED');
    expect(codeOf(() => joinShcChunks(['shc:/56\u0130\u0130']))).toBe('DECODING_FAILED');
  });

  it('rejects a malformed chunk header', () => {
    expect(codeOf(() => parseShcChunk('shc:/0/3/5676'))).toBe('DECODING_FAILED');
    expect(codeOf(() => parseShcChunk('shc:/4/3/5676'))).toBe('DECODING_FAILED');
    expect(codeOf(() => parseShcChunk('shc:/x/3/5676'))).toBe('DECODING_FAILED');
    expect(codeOf(() => parseShcChunk('shc:/1/2/3/5676'))).toBe('DECODING_FAILED');
  });
});

describe('legacy chunked cards (shc:/N/M/)', () => {
  const chunks = [0, 1, 2].map((i) => vector(`example-02-f-qr-code-numeric-value-${i}.txt`));

  it('joins the three chunks of example 02 in any order', () => {
    const jws = vector('example-02-d-jws.txt');
    expect(joinShcChunks(chunks)).toBe(jws);
    expect(joinShcChunks([chunks[2] ?? '', chunks[0] ?? '', chunks[1] ?? ''])).toBe(jws);
  });

  it('reads each chunk header', () => {
    expect(parseShcChunk(chunks[1] ?? '')).toMatchObject({ index: 2, total: 3 });
  });

  it('refuses one chunk of a multi-chunk card', () => {
    expect(codeOf(() => joinShcChunks([chunks[0] ?? '']))).toBe('DECODING_FAILED');
  });

  it('refuses a chunk given twice', () => {
    expect(codeOf(() => joinShcChunks([chunks[0] ?? '', chunks[0] ?? '', chunks[1] ?? '']))).toBe(
      'DECODING_FAILED',
    );
  });

  it('refuses chunks of different sets', () => {
    expect(codeOf(() => joinShcChunks(['shc:/1/2/5676', 'shc:/2/3/5676']))).toBe('DECODING_FAILED');
  });

  it("reports every chunk's prefix and header before a digit pair above 77", () => {
    expect(codeOf(() => joinShcChunks(['shc:/1/2/99', 'HC1:5676']))).toBe('INVALID_PREFIX');
    expect(codeOf(() => joinShcChunks(['shc:/1/2/99', `shc:/2/2/${'56'.repeat(70_000)}`]))).toBe(
      'INPUT_TOO_LARGE',
    );
    expect(codeOf(() => joinShcChunks(['shc:/2/2/5676', 'shc:/1/2/99']))).toBe('DECODING_FAILED');
  });

  it('refuses no chunk at all', () => {
    expect(codeOf(() => joinShcChunks([]))).toBe('DECODING_FAILED');
  });
});
