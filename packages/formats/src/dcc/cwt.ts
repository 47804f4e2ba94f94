import { CredentialError } from '@passage/credentials/pure';
import { isNumericDate } from '@passage/schema';
import { type CborValue, decodeCbor, mapGet, toJsonData } from './cbor.js';
import { DCC_LIMITS } from './limits.js';

/** CWT claim keys (RFC 8392) and the hcert claim of the EU DCC specification. */
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_HCERT = -260;
const HCERT_EU_DCC_V1 = 1;

/** The claims of a DCC's CWT, with the health certificate as JSON data. */
export interface DccClaims {
  /** Issuing country (ISO 3166-1 alpha-2), when the issuer set it. */
  iss?: string;
  /** Issued at, seconds since the epoch. */
  iat?: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
  /** The EU DCC payload (`ver`, `nam`, `dob`, `v` | `t` | `r`), not yet schema-checked. */
  hcert: Record<string, unknown>;
}

function invalid(message: string): CredentialError {
  return new CredentialError('INVALID_CBOR', message);
}

function numericDate(value: CborValue, name: string): number | undefined {
  if (value === undefined) return undefined;
  // RFC 8392 wants a NumericDate without tag 1 and the DCC spec integers; a tagged date (which
  // cbor-x reads as a Date) or a fraction is an issuer's slip that changes no instant, so read it.
  const seconds = value instanceof Date ? value.getTime() / 1000 : value;
  // Beyond ±8.64e12 s no instant exists (ECMAScript's time range): such a claim is no date at all.
  if (!isNumericDate(seconds)) throw invalid(`CWT ${name} is not a NumericDate`);
  return seconds;
}

/** Decodes the CWT claims of a DCC. A payload without `exp` or without hcert/1 is `INVALID_CBOR`. */
export function parseDccClaims(payload: Uint8Array): DccClaims {
  const claims = decodeCbor(payload, 'CWT claims');
  if (!(claims instanceof Map)) throw invalid('CWT claims are not a map');
  const iss = mapGet(claims, CLAIM_ISS);
  if (iss !== undefined && typeof iss !== 'string') throw invalid('CWT iss is not text');
  const exp = numericDate(mapGet(claims, CLAIM_EXP), 'exp');
  if (exp === undefined) throw invalid('CWT has no exp');
  const iat = numericDate(mapGet(claims, CLAIM_IAT), 'iat');
  const raw = mapGet(mapGet(claims, CLAIM_HCERT), HCERT_EU_DCC_V1);
  if (!(raw instanceof Map)) throw invalid('CWT has no EU DCC payload (hcert -260/1)');
  const hcert = toJsonData(raw, DCC_LIMITS.maxPayloadDepth);
  return {
    ...(iss === undefined ? {} : { iss }),
    ...(iat === undefined ? {} : { iat }),
    exp,
    hcert: hcert as Record<string, unknown>,
  };
}
