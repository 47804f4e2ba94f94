import { deflateRawSync } from 'node:zlib';
import type { VaccinationRecord } from '@passage/schema';
import { FormatIssueError } from '../dcc/issue-error.js';
import { type Es256Signer, signEs256 } from '../dcc/issue-signer.js';
import { HEALTH_CARD_TYPE } from './claims.js';
import { shcBundleFromRecord } from './issue-fhir.js';
import { SHC_PREFIX } from './numeric.js';

/** The largest JWS one `shc:/` QR holds (version 22 at error correction L), as the framework sets. */
export const MAX_SINGLE_QR_JWS_LENGTH = 1195;

/** The options of {@link issueShc}. */
export interface IssueShcOptions {
  record: VaccinationRecord;
  /** Signs with the issuer's P-256 key: raw r||s ES256. */
  signer: Es256Signer;
  /** The key's RFC 7638 thumbprint, as published in the issuer's JWKS (`shcPublicJwk`). */
  kid: string;
  /** The issuer URL: its JWKS is at `${iss}/.well-known/jwks.json`. No trailing slash. */
  iss: string;
  nbf: Date;
  /** Optional expiry; SMART Health Cards for immunizations usually carry none. */
  exp?: Date;
}

const b64u = (value: string | Buffer | Uint8Array) => Buffer.from(value).toString('base64url');

/** `shc:/` numeric mode: each JWS character as two digits, its code minus 45. */
function numeric(jws: string): string {
  let digits = '';
  for (let i = 0; i < jws.length; i++) digits += String(jws.charCodeAt(i) - 45).padStart(2, '0');
  return SHC_PREFIX + digits;
}

/**
 * Issues a SMART Health Card for a vaccination record: JWT claims iss, nbf, (exp), jti (the record's
 * certificate id) and `vc` with the FHIR bundle, minified, raw-DEFLATEd, signed as a compact JWS with
 * header `{alg: "ES256", zip: "DEF", kid}`, and encoded as one `shc:/` numeric QR. A card too large
 * for one QR is TOO_LARGE (the chunked form is deprecated).
 */
export async function issueShc(options: IssueShcOptions): Promise<string> {
  if (options.iss.endsWith('/')) throw new FormatIssueError('INVALID_ARGUMENT', 'iss has no trailing slash');
  const nbf = Math.floor(options.nbf.getTime() / 1000);
  const exp = options.exp === undefined ? undefined : Math.floor(options.exp.getTime() / 1000);
  if (!Number.isFinite(nbf) || (exp !== undefined && !(exp > nbf))) {
    throw new FormatIssueError('INVALID_ARGUMENT', 'a card expires after it becomes valid');
  }
  const claims = {
    iss: options.iss,
    nbf,
    ...(exp === undefined ? {} : { exp }),
    jti: options.record.certificate.hcid.value,
    vc: {
      type: [HEALTH_CARD_TYPE, 'https://smarthealth.cards#immunization'],
      credentialSubject: { fhirVersion: '4.0.1', fhirBundle: shcBundleFromRecord(options.record) },
    },
  };
  const header = { alg: 'ES256', zip: 'DEF', kid: options.kid };
  const signingInput = `${b64u(JSON.stringify(header))}.${b64u(deflateRawSync(JSON.stringify(claims), { level: 9 }))}`;
  const signature = await signEs256(options.signer, Buffer.from(signingInput, 'ascii'));
  const jws = `${signingInput}.${b64u(signature)}`;
  if (jws.length > MAX_SINGLE_QR_JWS_LENGTH) {
    throw new FormatIssueError('TOO_LARGE', 'the card does not fit in one QR code');
  }
  return numeric(jws);
}
