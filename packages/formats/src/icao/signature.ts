import { type KeyObject, verify } from 'node:crypto';
import type { VerificationCode } from '@passage/credentials/pure';
import * as canonicalizeModule from 'canonicalize';

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

function isAlgorithm(alg: string): alg is IcaoAlgorithm {
  return Object.hasOwn(ICAO_ALGORITHMS, alg);
}

/**
 * The bytes a VDS-NC signature covers: the UTF-8 of the RFC 8785 (JCS) canonical JSON of `data`.
 * Returns undefined when `data` cannot be canonicalized (e.g. nested too deep).
 */
export function signedBytes(data: unknown): Buffer | undefined {
  try {
    const text = canonicalize(data);
    return text === undefined ? undefined : Buffer.from(text, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Verifies `sig.sigvl` over the canonical `data` with the barcode signer's key: the algorithm must be
 * one VDS-NC allows and match the key's curve (ALGORITHM_NOT_ALLOWED), the signature must be the raw
 * r‖s of that curve and verify (SIGNATURE_INVALID).
 */
export function verifySealSignature(
  alg: string,
  signed: Buffer,
  sigvl: string,
  key: KeyObject,
): CheckOutcome {
  if (!isAlgorithm(alg)) {
    return {
      ok: false,
      code: 'ALGORITHM_NOT_ALLOWED',
      message: 'VDS-NC seals are signed with ES256, ES384 or ES512',
    };
  }
  const { hash, curve, bytes } = ICAO_ALGORITHMS[alg];
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== curve) {
    return {
      ok: false,
      code: 'ALGORITHM_NOT_ALLOWED',
      message: 'the signer key does not match the algorithm',
    };
  }
  const signature = Buffer.from(sigvl, 'base64url');
  const valid =
    signature.length === bytes && verify(hash, signed, { key, dsaEncoding: 'ieee-p1363' }, signature);
  return valid
    ? { ok: true }
    : { ok: false, code: 'SIGNATURE_INVALID', message: 'signature verification failed' };
}
