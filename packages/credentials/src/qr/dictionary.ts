/**
 * The preset DEFLATE dictionaries of the QR container: the JSON our credentials repeat, so even its
 * first occurrence compresses to a back-reference. Measured on the sample credentials, version 1
 * shrinks the compressed payload by about 40 % (see the QR codec's report in the commit history).
 *
 * Layout, learned by measuring: fragments follow the key order the issuer writes (the schema package's
 * parse order), so one match runs across several keys and the short values between them; DEFLATE
 * codes near distances in fewer bits, so the most frequent fragments come last. Rare shapes (plain-code
 * vaccines, other brands, VC 1.1 JWT claims) still match in part.
 *
 * Frozen: changing one byte changes how every QR text of that version decodes (container.test.ts
 * pins their hashes). The groups below are shared by the frozen dictionaries, so none may change; a
 * new dictionary needs a new container version with its own list, and decoders keep the old ones.
 */
/** Seldom in Passage credentials: VC 1.1 JWTs, an issuer object, other vaccines and optional fields. */
const SELDOM: readonly string[] = [
  '"https://www.w3.org/2018/credentials/v1"',
  '"nbf":',
  '"exp":',
  '"iat":',
  '"jti":"',
  '"iss":"did:web:',
  '"sub":"',
  '"vc":{',
  '"typ":"JWT"',
  '{"alg":"EdDSA","kid":"did:web:',
  '{"alg":"ES256","typ":"vc+jwt","kid":"did:web:',
  '"issuer":{"id":"did:web:',
  '","name":"',
  'Spikevax","manufacturer":"Moderna Biotech Spain S.L.',
  'Vaxzevria","manufacturer":"AstraZeneca AB',
  'Jcovden","manufacturer":"Janssen-Cilag International NV',
  'Nuvaxovid","manufacturer":"Novavax CZ',
  'CoronaVac","manufacturer":"Sinovac',
  'Covishield","manufacturer":"Serum Institute of India',
  'BBIBP-CorV","manufacturer":"Sinopharm',
  '"maholder":"',
  '"validFrom":"',
  '"nextDose":"',
  '"identifier":{"type":"national-id","value":"',
  '"sex":"other"',
  '"sex":"X"',
  '"status":"refused"',
  '"status":"withdrawn"',
  '"disease":"RA01"',
  '{"vaccine":"XM68M6","brand":"',
  '"sex":"female"',
  '"sex":"M"',
];

/** The business travel card subject, in the issuer's key order. */
const TRAVEL_CARD: readonly string[] = [
  'business-travel-card-v1.json","type":"JsonSchema"},"credentialSubject":{"holder":{"familyName":"',
  '","givenNames":"',
  '","birthDate":"',
  '","sex":"F","nationality":"',
  '","passport":{"number":"',
  '","expiry":"',
  '"},"photoDigest":"sha256-',
  '"},"cardNumber":"',
  '","issuingEconomy":"',
  '","validity":{"from":"',
  '","until":"',
  '"},"preClearances":[{"economy":"',
  '","status":"granted","maxStayDays":90},{"economy":"',
  '","status":"pending"}]}}',
];

/** The vaccination certificate subject, in the issuer's key order. */
const VACCINATION: readonly string[] = [
  'vaccination-certificate-v1.json","type":"JsonSchema"},"credentialSubject":{"person":{"name":"',
  '","birthDate":"',
  '","identifier":{"type":"passport","value":"',
  '"},"sex":"male"},"certificate":{"hcid":"',
  '","issuer":"',
  '","period":{"start":"',
  '","end":"',
  '"}},"vaccinations":[',
  '{"vaccine":{"system":"http://id.who.int/icd11/mms","code":"XM68M6","display":"COVID-19 vaccine"},' +
    '"brand":"Comirnaty","manufacturer":"BioNTech Manufacturing GmbH","lot":"',
  '","date":"',
  '","dose":',
  ',"totalDoses":',
  ',"country":"',
  '","centre":"',
  '","disease":{"system":"http://id.who.int/icd11/mms","code":"RA01","display":"COVID-19"}},',
];

/** The protected header, then the credential envelope: in every credential. */
const ENVELOPE: readonly string[] = [
  '{"alg":"ES256","kid":"did:web:',
  '#key-1","typ":"vc+jwt"}',
  '{"@context":["https://www.w3.org/ns/credentials/v2","https://w3id.org/passage/v1"],"id":"urn:uuid:',
  '","type":["VerifiableCredential","VaccinationCertificate"],"issuer":"did:web:',
  '","type":["VerifiableCredential","BusinessTravelCard"],"issuer":"did:web:',
  '","validFrom":"',
  'T00:00:00Z","validUntil":"',
  'T23:59:59Z","credentialSchema":{"id":"https://',
  '/schemas/',
];

const FRAGMENTS_V1: readonly string[] = [
  // Version 1 held one status entry, as an object, among the seldom fragments.
  '"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"',
  '","statusListCredential":"',
  ...SELDOM,
  ...TRAVEL_CARD,
  ...VACCINATION,
  ...ENVELOPE,
];

/**
 * The two `credentialStatus` entries the issuer writes (revocation, then suspension, at one index of
 * lists named `<authority>-<generation>-<purpose>`), without the optional entry `id`. They close the
 * payload, so they sit just before the envelope, at the nearest distances after it.
 */
const STATUS_ENTRIES: readonly string[] = [
  '}]},"credentialStatus":[{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"',
  '","statusListCredential":"https://',
  '/status-lists/',
  '-0-revocation"},{"type":"BitstringStatusListEntry","statusPurpose":"suspension","statusListIndex":"',
  '-0-suspension"}]}',
];

const FRAGMENTS_V2: readonly string[] = [
  // Entries with an `id` (issued before it was dropped, or by other issuers): their first keys.
  '"credentialStatus":[{"id":"https://',
  '-0-revocation#',
  '-0-suspension#',
  ...SELDOM,
  ...TRAVEL_CARD,
  ...VACCINATION,
  ...STATUS_ENTRIES,
  ...ENVELOPE,
];

/** The version-1 dictionary bytes (UTF-8, fragments concatenated). */
export const DICTIONARY_V1: Buffer = Buffer.from(FRAGMENTS_V1.join(''), 'utf8');

/** The version-2 dictionary bytes: version 1's, with the status entries every credential now carries. */
export const DICTIONARY_V2: Buffer = Buffer.from(FRAGMENTS_V2.join(''), 'utf8');
