/** The VC Data Model 2.0 base context. */
export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
/** Passage's own context, bundled here so that no verifier ever fetches it. */
export const PASSAGE_CONTEXT_URL = 'https://w3id.org/passage/v1';

const VOCAB = 'https://w3id.org/passage/vocab#';

const term = (name: string) => `${VOCAB}${name}`;
const dateTerm = (name: string) => ({ '@id': term(name), '@type': 'http://www.w3.org/2001/XMLSchema#date' });
const dateTimeTerm = (name: string) => ({
  '@id': term(name),
  '@type': 'http://www.w3.org/2001/XMLSchema#dateTime',
});

const codingTerms = { system: term('system'), code: term('code'), display: term('display') };

/** The JSON-LD `@context` document served at {@link PASSAGE_CONTEXT_URL}. */
export const PASSAGE_CONTEXT = {
  '@context': {
    '@version': 1.1,
    '@protected': true,
    VaccinationCertificate: term('VaccinationCertificate'),
    BusinessTravelCard: term('BusinessTravelCard'),
    ...codingTerms,
    person: { '@id': term('person'), '@context': { name: term('name'), identifier: term('identifier') } },
    birthDate: dateTerm('birthDate'),
    sex: term('sex'),
    value: term('value'),
    certificate: term('certificate'),
    hcid: term('hcid'),
    period: term('period'),
    start: dateTimeTerm('start'),
    end: dateTimeTerm('end'),
    vaccinations: { '@id': term('vaccinations'), '@container': '@list' },
    vaccine: term('vaccine'),
    brand: term('brand'),
    manufacturer: term('manufacturer'),
    maholder: term('maholder'),
    lot: term('lot'),
    date: dateTerm('date'),
    dose: { '@id': term('dose'), '@type': 'http://www.w3.org/2001/XMLSchema#integer' },
    totalDoses: { '@id': term('totalDoses'), '@type': 'http://www.w3.org/2001/XMLSchema#integer' },
    country: term('country'),
    centre: term('centre'),
    disease: term('disease'),
    nextDose: dateTerm('nextDose'),
    holder: term('holder'),
    familyName: term('familyName'),
    givenNames: term('givenNames'),
    nationality: term('nationality'),
    passport: term('passport'),
    number: term('number'),
    expiry: dateTerm('expiry'),
    photoDigest: term('photoDigest'),
    cardNumber: term('cardNumber'),
    issuingEconomy: term('issuingEconomy'),
    validity: term('validity'),
    from: dateTerm('from'),
    until: dateTerm('until'),
    preClearances: { '@id': term('preClearances'), '@container': '@set' },
    economy: term('economy'),
    maxStayDays: { '@id': term('maxStayDays'), '@type': 'http://www.w3.org/2001/XMLSchema#integer' },
  },
} as const;

/** Every context a Passage credential uses, by URL, for document loaders that must never fetch. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, unknown> = new Map([
  [PASSAGE_CONTEXT_URL, PASSAGE_CONTEXT],
]);
