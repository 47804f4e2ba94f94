/**
 * The preset DEFLATE dictionary of container version 1: strings that recur in Passage credentials, so
 * even their first occurrence compresses to a back-reference. DEFLATE codes near distances in fewer
 * bits, so the most frequent strings come last.
 *
 * Frozen: changing one byte changes how every version-1 QR text decodes. A new dictionary needs a new
 * container version (and decoders keep the old one).
 */
const FRAGMENTS_V1: readonly string[] = [
  // Seldom: other vaccines and manufacturers, status lists, JWT claims, VC 1.1 JWTs, EdDSA.
  'Spikevax","manufacturer":"Moderna',
  'Vaxzevria","manufacturer":"AstraZeneca',
  'CoronaVac","manufacturer":"Sinovac',
  'Covishield","manufacturer":"Serum Institute of India',
  'BBIBP-CorV","manufacturer":"Sinopharm',
  'Jcovden","manufacturer":"Janssen',
  'Nuvaxovid","manufacturer":"Novavax',
  '"credentialStatus":{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"',
  '"statusListCredential":"',
  '"nbf":',
  '"exp":',
  '"iat":',
  '"jti":"',
  '"iss":"did:web:',
  '"sub":"',
  '"vc":{',
  '"typ":"JWT"',
  '{"alg":"EdDSA","kid":"did:web:',
  // Business travel cards.
  '"status":"pending"',
  '"status":"refused"',
  '"status":"revoked"',
  '"preClearances":[{"economy":"',
  '","status":"granted","maxStayDays":',
  '},{"economy":"',
  '"validity":{"from":"',
  '"issuingEconomy":"',
  '"cardNumber":"',
  '"photoDigest":"sha256-',
  '"nationality":"',
  '"passport":{"number":"',
  '","expiry":"',
  '{"holder":{"familyName":"',
  '","givenNames":"',
  'BusinessTravelCard"]',
  '/schemas/business-travel-card.json',
  // Vaccination certificates.
  '{"system":"http://id.who.int/icd11/mms","code":"',
  '","display":"',
  'COVID-19 vaccine',
  '"maholder":"',
  '"nextDose":"',
  '","centre":"',
  '","country":"',
  '"totalDoses":',
  '","date":"',
  '","dose":',
  '","lot":"',
  'Comirnaty","manufacturer":"Pfizer-BioNTech',
  '{"disease":"RA01","vaccine":"XM68M6","brand":"',
  '"vaccinations":[',
  '"period":{"from":"',
  '","until":"',
  '"certificate":{"hcid":"',
  '","issuer":"',
  '"sex":"female"',
  '"sex":"male"',
  '"identifier":{"type":"PPN","value":"',
  '","birthDate":"',
  '{"person":{"name":"',
  'VaccinationCertificate"]',
  '/schemas/vaccination-certificate.json',
  // Every credential.
  '"credentialSubject":',
  '"credentialSchema":{"id":"https://',
  '","type":"JsonSchema"},',
  'T00:00:00Z",',
  '"validUntil":"',
  '"validFrom":"',
  '"issuer":"did:web:',
  '"id":"urn:uuid:',
  '{"@context":["https://www.w3.org/ns/credentials/v2","https://w3id.org/passage/v1"],"type":["VerifiableCredential","',
  '#key-1","typ":"vc+jwt"}',
  '{"alg":"ES256","kid":"did:web:',
];

/** The version-1 dictionary bytes (UTF-8, fragments concatenated). */
export const DICTIONARY_V1: Buffer = Buffer.from(FRAGMENTS_V1.join(''), 'utf8');
