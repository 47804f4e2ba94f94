import { CredentialError } from '@passage/credentials/pure';
import { Decoder, Tag } from 'cbor-x';

// Maps as `Map` keep integer keys (COSE headers, CWT claims) apart from text keys; records off so
// input cannot define structures.
const decoder = new Decoder({ mapsAsObjects: false, useRecords: false });

/** A CBOR value as decoded: plain data, `Map` for maps, `Tag` for tags outside cbor-x's own. */
export type CborValue = unknown;

/**
 * Decodes exactly one CBOR item (trailing bytes are an error). Input is bounded by the caller;
 * cbor-x refuses lengths beyond the remaining input before allocating, and a nesting deep enough
 * to exhaust the stack is caught here as `INVALID_CBOR` like any other malformed input.
 */
export function decodeCbor(
  bytes: Uint8Array,
  what: string,
  code: 'INVALID_CBOR' | 'INVALID_COSE' = 'INVALID_CBOR',
): CborValue {
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new CredentialError(code, `${what} is not well-formed CBOR`, { cause });
  }
}

/** Removes one CBOR tag when the value carries it; any other value comes back as it is. */
export function untag(value: CborValue, tag: number): CborValue {
  return value instanceof Tag && value.tag === tag ? value.value : value;
}

/** The value under an integer or text key of a CBOR map, `undefined` when absent or not a map. */
export function mapGet(map: CborValue, key: number | string): CborValue {
  return map instanceof Map ? map.get(key) : undefined;
}

/** True for a CBOR byte string. */
export function isBytes(value: CborValue): value is Uint8Array {
  return value instanceof Uint8Array;
}

/**
 * Converts a decoded payload into JSON data: text-keyed maps become objects, arrays stay arrays.
 * Anything JSON has no place for (byte strings, tags, non-text keys, undefined, non-finite numbers)
 * or nesting deeper than `maxDepth` is `INVALID_CBOR`.
 */
export function toJsonData(value: CborValue, maxDepth: number): unknown {
  if (maxDepth < 0) throw new CredentialError('INVALID_CBOR', 'DCC payload is nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return value.map((item) => toJsonData(item, maxDepth - 1));
  if (value instanceof Map) {
    // Map keys are unique already; `__proto__` is refused so a plain object can hold the rest.
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) {
      if (typeof key !== 'string' || key === '__proto__') {
        throw new CredentialError('INVALID_CBOR', 'DCC payload has a map key that is not plain text');
      }
      out[key] = toJsonData(item, maxDepth - 1);
    }
    return out;
  }
  throw new CredentialError('INVALID_CBOR', 'DCC payload holds a value JSON cannot represent');
}
