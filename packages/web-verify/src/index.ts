/**
 * Browser-side verification of Passage credentials from an offline bundle, with the verdicts of the
 * verifier service, for the border officer's page when the service cannot be reached. Web APIs only:
 * Web Crypto (ES256, Ed25519), `DecompressionStream` (status lists) and pako (the QR container's preset
 * dictionary). See README.md.
 *
 * @packageDocumentation
 */

/** A pinned operator public JWK (P-256 or Ed25519), as `@passage/trust` reads it. */
export type { OperatorPublicJwk as OperatorKey } from '@passage/trust/pure';
export { parseWebBundle, type WebBundle, webBundleSchema } from './bundle.js';
export { type HolderStatus, holderStatusOf } from './credential-status.js';
export { isWebVerifyError, WEB_VERIFY_CODES, type WebVerifyCode, WebVerifyError } from './errors.js';
export type { WebBundleLoadReport } from './internal/load.js';
export { encodeQrJws } from './internal/qr-encode.js';
export type { EntryOutcome, EntryVerdict } from './internal/rules.js';
export { type IssuerSignatureCode, verifyIssuerSignature } from './issuer-signature.js';
export {
  createWebVerifier,
  type WebDataSources,
  type WebVerifier,
  type WebVerifierAnswer,
  type WebVerifierOptions,
  type WebVerifyOptions,
} from './verifier.js';
