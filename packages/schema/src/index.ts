export {
  type Codeable,
  type Coding,
  codeableSchema,
  codeOf,
  codingSchema,
  ICD11_SYSTEM,
  toCoding,
} from './codeable.js';
export { isVaccinationRecordAsIs } from './compiled/record.js';
export { parseSubjectCompiled } from './compiled/subject.js';
export { isTravelCardSubjectAsIs } from './compiled/travel-card.js';
export { isTravelCardInputAsIs, parseTravelCardInputCompiled } from './compiled/travel-card-input.js';
export { isVaccinationSubjectAsIs } from './compiled/vaccination.js';
export { isVaccinationInputAsIs, parseVaccinationInputCompiled } from './compiled/vaccination-input.js';
export {
  type CompletedSubject,
  completeTravelCardInput,
  completeVaccinationInput,
  DEFAULT_VACCINATION_VALIDITY_DAYS,
  MAX_TRAVEL_CARD_YEARS,
} from './complete.js';
export { BUNDLED_CONTEXTS, PASSAGE_CONTEXT, PASSAGE_CONTEXT_URL, VC_V2_CONTEXT_URL } from './context.js';
export { alpha3Schema, isIsoAlpha3 } from './countries.js';
export {
  CREDENTIAL_TYPES,
  type CredentialType,
  credentialTypeOf,
  credentialTypeSchema,
  isCredentialType,
} from './credential-types.js';
export { isNumericDate, isoDateSchema, isoDateTimeSchema, isRealDate, MAX_NUMERIC_DATE } from './dates.js';
export { didSchema } from './did.js';
export {
  APEC_ECONOMIES,
  type ApecAlpha2,
  type ApecAlpha3,
  type ApecEconomy,
  apecAlpha3Schema,
  findApecEconomy,
  UNSPECIFIED_ECONOMY,
} from './economies.js';
export { exampleTravelCardInput, exampleVaccinationInput, recentVaccinationInput } from './examples.js';
export { credentialJsonSchema, credentialSchemaPath, credentialTypeForSchemaFile } from './json-schema.js';
export {
  DDCC_VERSION,
  type RecordVaccination,
  type VaccinationRecord,
  vaccinationRecordFromSubject,
  vaccinationRecordSchema,
} from './record.js';
export type { Parsed, SubjectIssue } from './result.js';
export { parseSubject, type TypedSubject } from './subject.js';
export {
  type DoseView,
  type FactsView,
  type HolderView,
  type PreClearanceView,
  type SubjectView,
  summarizeRecord,
  summarizeSubject,
} from './summary.js';
export {
  type PreClearance,
  type TravelCardInput,
  type TravelCardSubject,
  travelCardInputSchema,
  travelCardSubjectSchema,
} from './travel-card.js';
export {
  type Person,
  type VaccinationEvent,
  type VaccinationInput,
  type VaccinationSubject,
  vaccinationInputSchema,
  vaccinationSubjectSchema,
} from './vaccination.js';
export {
  checkCredentialModel,
  isAbsoluteUrl,
  isDateTimeStamp,
  type ModelCheckOptions,
  type ModelIssue,
} from './vcdm2.js';
export {
  checkEnvelope,
  checkPresentationModel,
  type DataUrl,
  type EnvelopeType,
  parseDataUrl,
} from './vcdm2-presentation.js';
