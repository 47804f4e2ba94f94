import * as canonicalizeModule from 'canonicalize';

/*
 * `canonicalize` is CommonJS (`module.exports = serialize`) with a `.d.ts` declaring a default export.
 * Under NodeNext a default import is typed as the module object, so the function is taken from the
 * namespace's `default`, which is `module.exports` at run time.
 */
const serialize: (input: unknown) => string | undefined = canonicalizeModule.default;

/**
 * The JSON Canonicalization Scheme (RFC 8785) form of a JSON value, as UTF-8 bytes.
 * Throws on values JSON cannot carry (undefined at the top level, functions).
 */
export function jcsBytes(value: unknown): Buffer {
  const text = serialize(value);
  if (text === undefined) throw new TypeError('the value has no JSON form');
  return Buffer.from(text, 'utf8');
}
