import { deflateSync } from 'node:zlib';
import { encodeBase45 } from '@passage/credentials/pure';
import type { VaccinationRecord } from '@passage/schema';
import { Encoder, Tag } from 'cbor-x';
import { FormatIssueError } from './issue-error.js';
import { dccPayloadFromRecord } from './issue-payload.js';
import { type Es256Signer, signEs256 } from './issue-signer.js';
import { alpha2Of } from './issue-value-sets.js';
import { dccSchemaError } from './schema.js';
import { sigStructure } from './signature.js';

const COSE_SIGN1_TAG = 18;
const ES256 = -7;
// Plain CBOR maps and arrays only: no cbor-x record extension (tag 105), which no DCC verifier reads.
const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, variableMapSize: true });

/** What to issue: a canonical record (mapped through the EU value sets) or a ready DCC payload. */
export type DccContent =
  | { record: VaccinationRecord /** `v[0].is` when the record names no issuer. */; issuerName?: string }
  | { hcert: Record<string, unknown> };

/** The options of {@link issueDcc}. */
export type IssueDccOptions = DccContent & {
  /** Signs with the DSC's private key: raw r||s ES256. */
  signer: Es256Signer;
  /** The DSC's key id: the first 8 bytes of the SHA-256 of its DER (`dccKidOf`). */
  kid: Uint8Array;
  /** The issuing country (CWT `iss`), ISO 3166-1 alpha-2 (alpha-3 is converted). */
  country: string;
  iat: Date;
  exp: Date;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Issues an EU Digital COVID Certificate: the hcert v1 payload (claim −260/1) in a CWT with iss
 * (1), exp (4) and iat (6), signed as COSE_Sign1 (tag 18) with ES256 and the kid in the protected
 * header, zlib-compressed and base45-encoded behind `HC1:`. A record whose codes have no EU
 * equivalent is refused (FormatIssueError VALUE_NOT_MAPPED), and so is a payload that does not follow
 * the EU DCC schema (PAYLOAD_INVALID).
 *
 * @example
 * const text = await issueDcc({ record, issuerName: 'Ministry of Public Health', signer, kid,
 *   country: 'TH', iat: new Date(), exp: validUntil });
 */
export async function issueDcc(options: IssueDccOptions): Promise<string> {
  if (options.kid.length !== 8) throw new FormatIssueError('INVALID_ARGUMENT', 'a DCC kid is 8 bytes');
  const iat = seconds(options.iat);
  const exp = seconds(options.exp);
  if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp <= iat) {
    throw new FormatIssueError('INVALID_ARGUMENT', 'a DCC expires after it is issued');
  }
  const hcert = 'hcert' in options ? options.hcert : dccPayloadFromRecord(options.record, options.issuerName);
  // Signed only if every verifier's schema check will pass (a birth year before 1900 does not, say).
  const schemaError = dccSchemaError(hcert);
  if (schemaError !== undefined) {
    throw new FormatIssueError('PAYLOAD_INVALID', 'the payload does not follow the EU DCC schema', {
      field: schemaError,
    });
  }
  const protectedBytes = cbor.encode(
    new Map<number, unknown>([
      [1, ES256],
      [4, Buffer.from(options.kid)],
    ]),
  );
  const payload = cbor.encode(
    new Map<number, unknown>([
      [1, alpha2Of(options.country, 'country')],
      [4, exp],
      [6, iat],
      [-260, new Map([[1, hcert]])],
    ]),
  );
  const data = sigStructure({
    protectedBytes,
    payload,
    signature: new Uint8Array(),
    alg: ES256,
    kid: options.kid,
  });
  const signature = await signEs256(options.signer, data);
  const message = cbor.encode(
    new Tag([protectedBytes, new Map(), payload, Buffer.from(signature)], COSE_SIGN1_TAG),
  );
  return `HC1:${encodeBase45(deflateSync(message, { level: 9 }))}`;
}
