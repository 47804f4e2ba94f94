import { CredentialError, MAX_JSON_DEPTH, withinJsonDepth } from '@passage/credentials/pure';
import { z } from 'zod';
import { isIcaoSealAsIs } from './seal-compiled.js';

/** The largest seal we read: a VDS-NC QR holds a few kilobytes, its certificate included. */
export const MAX_SEAL_LENGTH = 32 * 1024;

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * The envelope of an ICAO VDS-NC seal (ICAO TR "VDS for non-constrained environments"): `data.hdr`
 * (type, version, issuing state), `data.msg`, and `sig` (algorithm, barcode signer certificate and
 * signature value, both base64url). Members beyond these are kept: the signature covers all of `data`.
 */
export const icaoSealSchema = z.object({
  data: z.looseObject({
    hdr: z.looseObject({
      t: z.string().min(1).max(50),
      v: z.int().min(1).max(1000),
      is: z.string().regex(/^[A-Z<]{3}$/),
    }),
    msg: z.record(z.string(), z.unknown()),
  }),
  sig: z.looseObject({
    alg: z.string().max(20),
    cer: z
      .string()
      .max(16 * 1024)
      .regex(B64URL),
    sigvl: z.string().max(1024).regex(B64URL),
  }),
});

/** A VDS-NC seal whose envelope has the expected shape. */
export type IcaoSeal = z.infer<typeof icaoSealSchema>;

function parseJson(text: string): unknown {
  if (text.length > MAX_SEAL_LENGTH) throw new CredentialError('INPUT_TOO_LARGE', 'the seal is too large');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', 'the seal is not JSON', { cause });
  }
}

/** `value`, refused when it nests deeper than any seal does: its `msg` is echoed in the report. */
function withinDepth<T>(value: T): T {
  if (!withinJsonDepth(value)) {
    throw new CredentialError('DECODING_FAILED', `the seal nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value;
}

/**
 * The seal in `input` (its JSON text, or the object a JSON parser made of it). Throws INPUT_TOO_LARGE,
 * or DECODING_FAILED (not JSON, nested deeper than {@link MAX_JSON_DEPTH} levels, or JSON without
 * `data.hdr`, `data.msg` and `sig`).
 */
export function parseIcaoSeal(input: string | object): IcaoSeal {
  if (typeof input !== 'string') return parseSealValue(withinDepth(input));
  const value = withinDepth(parseJson(input.trim()));
  // Data fresh from JSON.parse is plain (no getters, no prototypes): a seal the compiled check takes
  // as it is needs no copy. Anything else, and any object from the caller, goes through zod.
  return isIcaoSealAsIs(value) ? value : parseSealValue(value);
}

function parseSealValue(value: unknown): IcaoSeal {
  const parsed = icaoSealSchema.safeParse(value);
  if (!parsed.success) {
    throw new CredentialError('DECODING_FAILED', 'not an ICAO VDS-NC seal (data.hdr, data.msg, sig)');
  }
  return parsed.data;
}

// Detection looks at the shape only, so that a seal with a broken signature or certificate is still
// recognised as VDS-NC and fails verification with a precise code instead of "unsupported format".
const sealShapeSchema = z.object({
  data: z.object({ hdr: z.object({ t: z.string(), is: z.string() }), msg: z.object({}) }),
  sig: z.object({}),
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `sealShapeSchema` as plain code, for JSON data only (no getters or exotic objects). */
function hasSealShape(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.data) || !isObject(value.sig)) return false;
  const { hdr, msg } = value.data;
  return isObject(hdr) && typeof hdr.t === 'string' && typeof hdr.is === 'string' && isObject(msg);
}

/** True when `input` (JSON text or a parsed object) has the shape of an ICAO VDS-NC seal. */
export function isIcaoVdsNc(input: unknown): boolean {
  if (typeof input === 'string') {
    const text = input.trim();
    if (!text.startsWith('{') || text.length > MAX_SEAL_LENGTH) return false;
    try {
      return hasSealShape(JSON.parse(text));
    } catch {
      return false;
    }
  }
  return typeof input === 'object' && input !== null && sealShapeSchema.safeParse(input).success;
}
