// The browser-safe modules of the ICAO VDS-NC verifier, re-exported by `@passage/formats/pure`.
export {
  type CheckFailure,
  type CheckOutcome,
  ICAO_ALGORITHMS,
  type IcaoAlgorithm,
  sealSignatureTask,
  sealSignedBytes,
  sealSignedText,
  signatureOutcome,
  signatureOutcomeAsync,
  signedBytes,
  signedText,
} from './algorithms.js';
export { canonicalJson, canonicalJsonBytes } from './canonical.js';
export {
  crlNotSigned,
  crlSignatureScheme,
  type IcaoCrl,
  icaoCrlOf,
  readCrl,
  serialHex,
} from './crl-contents.js';
export { childrenOf, oidOf, readTlv, type Tlv } from './der.js';
export { icaoRecord, icaoTestMessageSchema, icaoVaccinationMessageSchema } from './record.js';
export {
  finishIcaoReport,
  type IcaoFindings,
  type IcaoIssuerFacts,
  type IcaoSignerFacts,
  undecodedIcaoReport,
} from './report.js';
export { type CrlInfo, checkSignerRevocation, type HeldCrl, type StaleCrlPolicy } from './revocation.js';
export { type IcaoSeal, icaoSealSchema, isIcaoVdsNc, MAX_SEAL_LENGTH, parseIcaoSeal } from './seal.js';
export { isIcaoSealAsIs, isTestMessageAsIs, isVaccinationMessageAsIs } from './seal-compiled.js';
export {
  checkPeriods,
  checkSignerUsage,
  DOCUMENT_TYPE_LIST_OID,
  DOCUMENT_TYPES,
  documentTypesOf,
  isReadablePeriod,
  keepBarcodeSigner,
  signerNotCertificate,
  signerPeriodUnreadable,
  type ValidityPeriod,
  VDS_NC_SIGNER_EKU,
} from './signer-checks.js';
export {
  addCsca,
  cscaNotCertificate,
  cscaPeriodUnreadable,
  type IcaoTrustEntry,
  icaoTrustEntryOf,
  icaoTrustEntrySchema,
} from './trust-entry.js';
