/**
 * The parts of `@passage/credentials` that run unchanged in a browser: pure TypeScript whose runtime
 * imports are zod, `@passage/schema` and each other (their `node:` imports are type-only). Reusing them
 * keeps the web verdicts equal to the Node verifier's by construction. They are reached by path because
 * the package's entry point also loads its Node-only modules; see the package README.
 */
import type { DecodedJws } from '../../../credentials/src/jws/compact.js';
import {
  type SecuredCredential,
  securedCredentialOf as securedCredentialOfJws,
} from '../../../credentials/src/verify/claims.js';

export {
  CredentialError,
  isCredentialError,
  type VerificationCode,
} from '../../../credentials/src/errors.js';
export { jwsFromEnvelope } from '../../../credentials/src/issue/envelope.js';
export { looksLikeCompactJws } from '../../../credentials/src/jws/compact.js';
export { decodeBase45, encodeBase45 } from '../../../credentials/src/qr/base45.js';
export { DICTIONARY_V1, DICTIONARY_V2 } from '../../../credentials/src/qr/dictionary.js';
export { isPassageQrText, MAX_QR_TEXT_LENGTH, QR_PREFIX } from '../../../credentials/src/qr/text.js';
export { decodeVarint } from '../../../credentials/src/qr/varint.js';
export type {
  Check,
  Envelope,
  StatusEntryReport,
  VerificationReport,
} from '../../../credentials/src/report.js';
export { checkTrustEntry } from '../../../credentials/src/trust/entry-check.js';
export {
  type PassageTrustEntry,
  passageTrustEntrySchema,
} from '../../../credentials/src/trust/trust-file.js';
export { DEFAULT_CLOCK_TOLERANCE_SEC } from '../../../credentials/src/verify/options.js';
export { ReportBuilder } from '../../../credentials/src/verify/report-builder.js';
export { checkSchema, type SchemaOutcome } from '../../../credentials/src/verify/schema-check.js';

export type { SecuredCredential };

/**
 * The credential a JWS secures, read as the Node verifier reads it (`securedCredentialOf`). That
 * function reads only the header and payload, so the signature bytes (a Node byte type there) are not passed.
 */
export function securedCredentialOf(jws: Pick<DecodedJws, 'header' | 'payload'>): SecuredCredential {
  return securedCredentialOfJws(jws as DecodedJws);
}
