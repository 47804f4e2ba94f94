import { concatBytes } from '@passage/credentials/pure';
import type { CoseSign1 } from './cose.js';

/** COSE algorithm ids the DCC specification allows: ES256 (primary) and PS256 (secondary). */
export const DCC_ALGORITHMS = { ES256: -7, PS256: -37 } as const;

/** True when `alg` is one of the DCC algorithms. */
export function isDccAlgorithm(alg: number | undefined): alg is -7 | -37 {
  return alg === DCC_ALGORITHMS.ES256 || alg === DCC_ALGORITHMS.PS256;
}

function bstrHeader(length: number): Uint8Array {
  if (length < 24) return Uint8Array.of(0x40 + length);
  if (length < 0x100) return Uint8Array.of(0x58, length);
  if (length < 0x10000) return Uint8Array.of(0x59, length >> 8, length & 0xff);
  return Uint8Array.of(0x5a, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}

// CBOR array(4), text "Signature1", then the protected header, empty external_aad, payload.
const SIG_STRUCTURE_HEAD = Uint8Array.of(0x84, 0x6a, ...new TextEncoder().encode('Signature1'));
const EMPTY_BSTR = Uint8Array.of(0x40);

/** The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4), with empty external AAD. */
export function sigStructure(cose: CoseSign1): Uint8Array {
  return concatBytes([
    SIG_STRUCTURE_HEAD,
    bstrHeader(cose.protectedBytes.length),
    cose.protectedBytes,
    EMPTY_BSTR,
    bstrHeader(cose.payload.length),
    cose.payload,
  ]);
}
