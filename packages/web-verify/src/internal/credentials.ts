/**
 * The parts of `@passage/credentials` that run unchanged in a browser, from its `./pure` export:
 * pure TypeScript whose runtime imports are zod, `@passage/schema` and each other. Reusing them keeps
 * the web verdicts equal to the Node verifier's by construction.
 */
import {
  type DecodedJws,
  type SecuredCredential,
  securedCredentialOf as securedCredentialOfJws,
} from '@passage/credentials/pure';

export {
  type Check,
  CredentialError,
  checkSchema,
  checkStatusEntries,
  checkTrustEntry,
  DEFAULT_CLOCK_TOLERANCE_SEC,
  DICTIONARY_V1,
  DICTIONARY_V2,
  decodeBase45,
  decodeVarint,
  type Envelope,
  encodeBase45,
  encodedListBase64url,
  encodeVarint,
  isCredentialError,
  isPassageQrText,
  jwsFromEnvelope,
  looksLikeCompactJws,
  MAX_QR_TEXT_LENGTH,
  MAX_STATUS_LIST_BYTES,
  MIN_STATUS_LIST_SIZE,
  type PassageTrustEntry,
  passageTrustEntrySchema,
  QR_PREFIX,
  ReportBuilder,
  type SchemaOutcome,
  type StatusEntryReport,
  type StatusListAccess,
  type VerificationCode,
  type VerificationReport,
} from '@passage/credentials/pure';

export type { SecuredCredential };

/**
 * The credential a JWS secures, read as the Node verifier reads it (`securedCredentialOf`). That
 * function reads only the header and payload, so the signature bytes (a Node byte type there) are not passed.
 */
export function securedCredentialOf(jws: Pick<DecodedJws, 'header' | 'payload'>): SecuredCredential {
  return securedCredentialOfJws(jws as DecodedJws);
}
