// The payloads of `pnpm bench`: the example 2-dose vaccination certificate with revocation and
// suspension entries as the issuer makes them, the signed status lists those entries point at,
// and trust stores small and large.
import { generateKeyPairSync, randomInt, randomUUID } from 'node:crypto';
import {
  buildCredential,
  buildStatusListCredential,
  createStatusListCache,
  createTrustStore,
  emptyStatusList,
  issueCredential,
  MIN_STATUS_LIST_SIZE,
  type PassageTrustEntry,
  type StatusListCache,
  setStatusBit,
  statusListEntry,
  type TrustStore,
  type UnsecuredCredential,
} from '@passage/credentials';
import { completeVaccinationInput, credentialSchemaPath, exampleVaccinationInput } from '@passage/schema';
import { type BenchAuthority, PUBLIC_URL } from './authority.js';

/** The validation clock: the example's second dose (2024-03-29) is 64 days old, so Thailand's rules pass. */
export const NOW = new Date('2024-06-01T10:00:00Z');
const ISSUED_AT = new Date('2024-04-15T09:00:00Z');
const LISTS_FROM = '2024-05-01T00:00:00Z';
/** A day: the seeded lists stay fresh for the whole run, so no verification fetches. */
const LIST_TTL_MS = 86_400_000;

/** The two status lists (revocation, suspension) a credential points at, with one shared index. */
export interface StatusLists {
  size: number;
  urls: { revocation: string; suspension: string };
  index: number;
}

const completed = (() => {
  const done = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt: ISSUED_AT,
    hcid: 'TH-MOPH-2024-000123',
    economy: 'THA',
  });
  if (!done.ok) throw new Error('the vaccination example does not complete');
  return done.value;
})();

/** Status list URLs on the issuer, a random index in them (as the issuer allocates). */
export function statusListsOf(size: number = MIN_STATUS_LIST_SIZE): StatusLists {
  const url = () => `${PUBLIC_URL}/status-lists/${randomUUID()}`;
  return { size, urls: { revocation: url(), suspension: url() }, index: randomInt(size) };
}

/** A fresh unsecured certificate of `authority` (new `urn:uuid:` id each call), with status entries. */
export function vaccinationCredential(authority: BenchAuthority, lists: StatusLists): UnsecuredCredential {
  return buildCredential({
    type: 'VaccinationCertificate',
    issuer: authority.did,
    ...completed,
    schemaUrl: `${PUBLIC_URL}/${credentialSchemaPath('VaccinationCertificate')}`,
    credentialStatus: [
      statusListEntry(lists.urls.revocation, 'revocation', lists.index),
      statusListEntry(lists.urls.suspension, 'suspension', lists.index),
    ],
  });
}

/** One signed status list: about 1 % of entries set (never the credential's own index). */
async function signedList(
  authority: BenchAuthority,
  lists: StatusLists,
  purpose: 'revocation' | 'suspension',
): Promise<string> {
  const bits = emptyStatusList(lists.size);
  for (let i = 0; i < lists.size / 100; i++) {
    const index = randomInt(lists.size);
    if (index !== lists.index) setStatusBit(bits, index, true);
  }
  const credential = buildStatusListCredential({
    url: lists.urls[purpose],
    issuer: authority.did,
    purpose,
    bits,
    ttlMs: LIST_TTL_MS,
    validFrom: LISTS_FROM,
  });
  return issueCredential(authority.agent, { credential: { ...credential }, format: 'vc+jwt' });
}

/** Counts fetches, so the run can prove that verification never went to the network. */
export const fetches = { count: 0 };
const refuseFetch: typeof globalThis.fetch = async () => {
  fetches.count++;
  throw new Error('the benchmark does not fetch');
};

/**
 * A verifier's status list cache (online, as the verifier service runs it), seeded through `load`
 * with real signed lists for each of `sets`.
 */
export async function seededStatusCache(
  authority: BenchAuthority,
  sets: readonly StatusLists[],
  trust: TrustStore,
): Promise<StatusListCache> {
  const cache = createStatusListCache({ now: () => NOW.getTime(), fetch: refuseFetch });
  for (const lists of sets) {
    for (const purpose of ['revocation', 'suspension'] as const) {
      const loaded = cache.load(lists.urls[purpose], await signedList(authority, lists, purpose), {
        source: 'network',
        fetchedAt: NOW,
        trust,
      });
      if (!loaded.ok) throw new Error(`status list refused: ${loaded.code}`);
    }
  }
  return cache;
}

/** `count` other trusted issuers, each with its own P-256 key, to grow a trust list. */
function fillerEntries(count: number): PassageTrustEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const did = `did:web:issuer-${i}.health.example:authorities:moh`;
    const { x, y } = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });
    if (typeof x !== 'string' || typeof y !== 'string') throw new Error('P-256 JWK without x, y');
    return {
      framework: 'passage',
      did,
      name: `Health authority ${i}`,
      economy: 'THA',
      types: ['VaccinationCertificate'],
      status: 'active',
      keys: [{ kid: `${did}#key-1`, publicKeyJwk: { kty: 'EC', crv: 'P-256', x, y } }],
    };
  });
}

/** A trust store naming the authorities, padded with other issuers up to `size` entries. */
export function trustStoreOf(authorities: readonly BenchAuthority[], size: number): TrustStore {
  const own = authorities.map((a) => a.entry);
  return createTrustStore({ entries: [...own, ...fillerEntries(Math.max(0, size - own.length))] });
}
