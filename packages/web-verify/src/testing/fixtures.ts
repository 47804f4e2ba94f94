/**
 * Test fixtures made with the Node path (never bundled for the browser): three authorities, their
 * credentials as QR text, signed status lists, a signed trust list and rule set, and an offline
 * bundle shaped as the verifier service exports it.
 */
import {
  buildCredential,
  buildStatusListCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  didDocumentFor,
  emptyStatusList,
  encodeQrText,
  issueCredential,
  setStatusBit,
  statusListEntry,
  trustEntryFor,
} from '@passage/credentials';
import { exampleRuleSet, signRuleSet } from '@passage/rules';
import {
  completeTravelCardInput,
  completeVaccinationInput,
  exampleTravelCardInput,
  exampleVaccinationInput,
} from '@passage/schema';
import { addIssuer, createTrustList, generateOperatorKey, signTrustList } from '@passage/trust';
import { type OfflineBundle, parseBundle } from '@passage/verifier';

export const publicUrl = 'https://health.example.go.th';
export const issuedAt = new Date('2024-04-15T10:00:00Z');
/** The validation clock of every test. */
export const now = new Date('2024-06-01T10:00:00Z');
export const operator = generateOperatorKey();
export const lists = {
  revocation: `${publicUrl}/status-lists/moph-0-revocation`,
  suspension: `${publicUrl}/status-lists/moph-0-suspension`,
};
const signedAt = new Date('2024-05-30T00:00:00Z');

/** QR texts (container version 2 unless named) and compact JWSs the tests verify. */
export interface Fixtures {
  bundle: OfflineBundle;
  qr: Record<
    | 'valid'
    | 'revoked'
    | 'suspended'
    | 'expired'
    | 'wrongType'
    | 'untrusted'
    | 'travelCard'
    | 'tampered'
    | 'keyless',
    string
  >;
  jws: { valid: string; revoked: string; suspended: string };
  /** The DID document of the authority that signed the certificates and their status lists. */
  issuerDocument: Record<string, unknown>;
}

type Agent = ReturnType<typeof createPassageAgent>['agent'];

async function vaccination(agent: Agent, issuer: string, index: number, extra: Record<string, unknown> = {}) {
  const done = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt,
    hcid: `HCID-${index}`,
    economy: 'THA',
  });
  if (!done.ok) throw new Error('the example must complete');
  const credential = buildCredential({
    type: 'VaccinationCertificate',
    issuer,
    ...done.value,
    credentialStatus: [
      statusListEntry(lists.revocation, 'revocation', index),
      statusListEntry(lists.suspension, 'suspension', index),
    ],
  });
  return issueCredential(agent, { credential: { ...credential, ...extra } });
}

async function travelCard(agent: Agent, issuer: string) {
  const done = completeTravelCardInput(exampleTravelCardInput, {
    issuedAt,
    cardNumber: 'ABTC-1',
    economy: 'SGP',
  });
  if (!done.ok) throw new Error('the example must complete');
  const credential = buildCredential({ type: 'BusinessTravelCard', issuer, ...done.value });
  return issueCredential(agent, { credential: { ...credential } });
}

async function statusLists(agent: Agent, issuer: string) {
  const out: OfflineBundle['statusLists'] = [];
  for (const purpose of ['revocation', 'suspension'] as const) {
    const bits = emptyStatusList();
    setStatusBit(bits, purpose === 'revocation' ? 20 : 30, true);
    const credential = buildStatusListCredential({
      url: lists[purpose],
      issuer,
      purpose,
      bits,
      ttlMs: 300_000,
      validFrom: '2024-05-01T00:00:00Z',
    });
    const jws = await issueCredential(agent, { credential: { ...credential } });
    out.push({ url: lists[purpose], jws, fetchedAt: '2024-06-01T09:00:00.000Z' });
  }
  return out;
}

/** Flips one character of the signature segment, keeping it base64url of 64 bytes. */
function tamper(jws: string): string {
  const [h, p, s = ''] = jws.split('.');
  const flipped = `${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
  return `${h}.${p}.${flipped}`;
}

/** Issues everything the tests verify. Slow (key generation, signing): call once per file. */
export async function makeFixtures(): Promise<Fixtures> {
  const { agent } = createPassageAgent(createMemoryStores());
  const moph = await createAuthorityDid(agent, { publicUrl, slug: 'moph' });
  const immigration = await createAuthorityDid(agent, { publicUrl, slug: 'immigration', keyType: 'Ed25519' });
  const rogue = await createAuthorityDid(agent, { publicUrl, slug: 'rogue' });
  // Listed without keys: its keys come from its DID document, which the bundle carries.
  const keyless = await createAuthorityDid(agent, { publicUrl, slug: 'keyless' });
  const trusted = addIssuer(
    addIssuer(
      createTrustList('Test operator', now),
      trustEntryFor(moph, {
        name: 'Ministry of Public Health',
        economy: 'THA',
        types: ['VaccinationCertificate'],
      }),
    ),
    trustEntryFor(immigration, { name: 'Immigration Bureau', economy: 'THA', types: ['BusinessTravelCard'] }),
  );
  const withKeyless = addIssuer(trusted, {
    ...trustEntryFor(keyless, {
      name: 'Provincial Health Office',
      economy: 'THA',
      types: ['BusinessTravelCard'],
    }),
    keys: [],
  });
  const valid = await vaccination(agent, moph.did, 10);
  const revoked = await vaccination(agent, moph.did, 20);
  const suspended = await vaccination(agent, moph.did, 30);
  const bundle = parseBundle(
    JSON.stringify({
      type: 'PassageOfflineBundle',
      createdAt: now.toISOString(),
      trustList: signTrustList(withKeyless, operator.privateJwk, { now: signedAt }),
      rules: signRuleSet(exampleRuleSet, operator.privateJwk, { now: signedAt }),
      statusLists: await statusLists(agent, moph.did),
      didDocuments: [
        { did: keyless.did, document: didDocumentFor(keyless), fetchedAt: '2024-06-01T09:00:00.000Z' },
        { did: rogue.did, document: didDocumentFor(rogue), fetchedAt: '2024-06-01T09:00:00.000Z' },
      ],
    }),
  );
  const qr = async (jws: Promise<string> | string) => encodeQrText(await jws);
  return {
    bundle,
    jws: { valid, revoked, suspended },
    issuerDocument: didDocumentFor(moph) as unknown as Record<string, unknown>,
    qr: {
      valid: await qr(valid),
      revoked: await qr(revoked),
      suspended: await qr(suspended),
      expired: await qr(vaccination(agent, moph.did, 40, { validUntil: '2024-05-01T00:00:00Z' })),
      wrongType: await qr(travelCard(agent, moph.did)),
      untrusted: await qr(vaccination(agent, rogue.did, 50)),
      travelCard: await qr(travelCard(agent, immigration.did)),
      tampered: await qr(tamper(valid)),
      keyless: await qr(travelCard(agent, keyless.did)),
    },
  };
}
