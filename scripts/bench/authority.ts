// The issuing authorities of `pnpm bench`: one in-memory Veramo agent per algorithm, its private
// signing key (for the raw node:crypto baselines) and its trust entry.
import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  type DidDocument,
  didDocumentFor,
  type PassageAgent,
  type PassageTrustEntry,
  trustEntryFor,
} from '@passage/credentials';

export const PUBLIC_URL = 'https://issuer.health.go.th';

/** The two JOSE algorithms Passage issues with. */
export type Alg = 'ES256' | 'EdDSA';
export const ALGS: readonly Alg[] = ['ES256', 'EdDSA'];

/** An authority DID in its own agent, with what the baselines and the verifier need. */
export interface BenchAuthority {
  alg: Alg;
  agent: PassageAgent;
  did: string;
  /** The verification method id credentials name in `kid`. */
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  entry: PassageTrustEntry;
}

/**
 * DID documents the agents' did:web resolver answers from memory, so Veramo's stock verification is
 * measured without a network fetch (which would only make it slower).
 */
const documents = new Map<string, DidDocument>();

const webResolver = async (did: string) => {
  const didDocument = documents.get(did) ?? null;
  return {
    didDocument: didDocument as never,
    didDocumentMetadata: {},
    didResolutionMetadata: didDocument ? {} : { error: 'notFound' },
  };
};

/** Creates an authority signing with `alg`. */
export async function createBenchAuthority(alg: Alg): Promise<BenchAuthority> {
  const { agent, kms } = createPassageAgent(createMemoryStores(), { webResolver });
  const identifier = await createAuthorityDid(agent, {
    publicUrl: PUBLIC_URL,
    slug: alg === 'ES256' ? 'moph' : 'moph-ed',
    keyType: alg === 'ES256' ? 'Secp256r1' : 'Ed25519',
  });
  documents.set(identifier.did, didDocumentFor(identifier));
  const entry = trustEntryFor(identifier, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate', 'BusinessTravelCard'],
  });
  const managed = identifier.keys[0];
  const listed = entry.keys[0];
  if (!managed || !listed) throw new Error('the authority has no key');
  const { key: privateKey } = await kms.signingKey(managed.kid);
  return {
    alg,
    agent,
    did: identifier.did,
    kid: listed.kid,
    privateKey,
    publicKey: createPublicKey(privateKey),
    entry,
  };
}
