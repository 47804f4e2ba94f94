export { ICAO_ALGORITHMS, type IcaoAlgorithm } from './algorithms.js';
export { type IcaoCrl, parseIcaoCrl } from './crl.js';
export { icaoRecord, icaoTestMessageSchema, icaoVaccinationMessageSchema } from './record.js';
export type { CrlInfo, StaleCrlPolicy } from './revocation.js';
export { type IcaoSeal, icaoSealSchema, isIcaoVdsNc, MAX_SEAL_LENGTH, parseIcaoSeal } from './seal.js';
export { DOCUMENT_TYPE_LIST_OID, DOCUMENT_TYPES, VDS_NC_SIGNER_EKU } from './signer-checks.js';
export {
  type IcaoCsca,
  type IcaoTrust,
  type IcaoTrustEntry,
  icaoTrustEntrySchema,
  prepareIcaoTrust,
} from './trust.js';
export { type IcaoVerifyOptions, verifyIcaoVdsNc } from './verify.js';
