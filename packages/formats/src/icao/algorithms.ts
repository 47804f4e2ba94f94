// The seal signature's rules, shared by the Node verifier (node:crypto) and the browser one (Web
// Crypto): which algorithms VDS-NC allows, which key each needs, the bytes it covers, and the codes.
import type { VerificationCode } from '@passage/credentials/pure';
import * as canonicalizeModule from 'canonicalize';
import { canonicalJson } from './canonical.js';
import type { IcaoSeal } from './seal.js';

// CommonJS with a default-export .d.ts: under NodeNext the function is the namespace's `default`.
const canonicalize: (input: unknown) => string | undefined = canonicalizeModule.default;

/** The ECDSA algorithms VDS-NC allows, with their hash, curve and raw (r‖s) signature size. */
export const ICAO_ALGORITHMS = {
  ES256: { hash: 'sha256', curve: 'prime256v1', bytes: 64 },
  ES384: { hash: 'sha384', curve: 'secp384r1', bytes: 96 },
  ES512: { hash: 'sha512', curve: 'secp521r1', bytes: 132 },
} as const;

/** A VDS-NC signature algorithm. */
export type IcaoAlgorithm = keyof typeof ICAO_ALGORITHMS;

/** The outcome of one check, with a message when it failed. */
export type CheckOutcome = { ok: true } | { ok: false; code: VerificationCode; message: string };

/** A failed check. */
export type CheckFailure = Extract<CheckOutcome, { ok: false }>;

const encoder = new TextEncoder();

/**
 * The RFC 8785 (JCS) canonical JSON of `data` by `canonicalize`, which reads any value as RFC 8785
 * says (toJSON, undefined members). Undefined when `data` cannot be canonicalized (e.g. nested too deep).
 */
export function signedText(data: unknown): string | undefined {
  try {
    return canonicalize(data);
  } catch {
    return undefined;
  }
}

/**
 * The bytes a VDS-NC signature covers: the UTF-8 of the RFC 8785 (JCS) canonical JSON of `data`.
 * Returns undefined when `data` cannot be canonicalized (e.g. nested too deep).
 */
export function signedBytes(data: unknown): Uint8Array | undefined {
  const text = signedText(data);
  return text === undefined ? undefined : encoder.encode(text);
}

/**
 * The text whose UTF-8 the seal's signature covers. `plain` says the seal came from JSON text: such
 * data has only plain values, which the fast canonical form handles; a caller's object may hold
 * anything (toJSON, undefined), which only `canonicalize` reads as RFC 8785 says. Each platform
 * encodes it (node's pooled buffers on the Node verifier's hot path, TextEncoder in
 * {@link sealSignedBytes}): UTF-8 of one string is the same bytes either way.
 */
export function sealSignedText(seal: IcaoSeal, plain: boolean): string | undefined {
  return plain ? canonicalJson(seal.data) : signedText(seal.data);
}

/** The UTF-8 bytes of {@link sealSignedText}, undefined when the data has no canonical form. */
export function sealSignedBytes(seal: IcaoSeal, plain: boolean): Uint8Array | undefined {
  const text = sealSignedText(seal, plain);
  return text === undefined ? undefined : encoder.encode(text);
}

const NO_CANONICAL_FORM: CheckFailure = {
  ok: false,
  code: 'DECODING_FAILED',
  message: 'the seal data has no canonical form',
};
const NOT_ALLOWED: CheckFailure = {
  ok: false,
  code: 'ALGORITHM_NOT_ALLOWED',
  message: 'VDS-NC seals are signed with ES256, ES384 or ES512',
};
const KEY_MISMATCH: CheckFailure = {
  ok: false,
  code: 'ALGORITHM_NOT_ALLOWED',
  message: 'the signer key does not match the algorithm',
};
const INVALID: CheckFailure = {
  ok: false,
  code: 'SIGNATURE_INVALID',
  message: 'signature verification failed',
};
const VALID: CheckOutcome = { ok: true };

/**
 * What must be verified for a seal's signature, or why it fails before any cryptography: the data has
 * no canonical form (DECODING_FAILED), the algorithm is not one VDS-NC allows or does not match the
 * signer key (ALGORITHM_NOT_ALLOWED). `keyCurve` is the signer key's named curve as
 * {@link ICAO_ALGORITHMS} names it when the key is an EC key, undefined for any other key.
 */
export function sealSignatureTask(
  signed: Uint8Array | undefined,
  alg: string,
  keyCurve: string | undefined,
): CheckFailure | { ok: true; algorithm: IcaoAlgorithm; signed: Uint8Array } {
  if (signed === undefined) return NO_CANONICAL_FORM;
  if (!Object.hasOwn(ICAO_ALGORITHMS, alg)) return NOT_ALLOWED;
  const algorithm = alg as IcaoAlgorithm;
  if (keyCurve === undefined || keyCurve !== ICAO_ALGORITHMS[algorithm].curve) return KEY_MISMATCH;
  return { ok: true, algorithm, signed };
}

/**
 * The outcome of the cryptographic check: `signature` is the decoded `sigvl`, which must be the raw
 * r‖s of the algorithm's size; `verify` is only called for such a signature.
 */
export function signatureOutcome(
  algorithm: IcaoAlgorithm,
  signature: Uint8Array,
  verify: () => boolean,
): CheckOutcome {
  return signature.length === ICAO_ALGORITHMS[algorithm].bytes && verify() ? VALID : INVALID;
}

/** {@link signatureOutcome} for an asynchronous verifier (Web Crypto). */
export async function signatureOutcomeAsync(
  algorithm: IcaoAlgorithm,
  signature: Uint8Array,
  verify: () => Promise<boolean>,
): Promise<CheckOutcome> {
  return signature.length === ICAO_ALGORITHMS[algorithm].bytes && (await verify()) ? VALID : INVALID;
}
