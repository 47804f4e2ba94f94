import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { createPassageAgent, type PassageAgent } from '../agent.js';
import { createAuthorityDid } from '../did/create.js';
import { buildCredential } from '../issue/credential.js';
import { issueCredential } from '../issue/issue.js';
import { createMemoryStores } from '../keys/stores.js';
import { createTrustStore, type TrustStore, trustEntryFor } from '../trust/trust-store.js';
import { emptyStatusList, setStatusBit } from './bits.js';
import type { StatusPurpose } from './entry.js';
import { buildStatusListCredential } from './publish.js';

/** Test support: an authority that signs status lists, and a trust store holding its keys. */
export interface StatusAuthority {
  agent: PassageAgent;
  did: string;
  trust: TrustStore;
  publicUrl: string;
}

export async function statusAuthority(publicUrl = 'http://127.0.0.1:4001'): Promise<StatusAuthority> {
  const agent = createPassageAgent(createMemoryStores()).agent;
  const identifier = await createAuthorityDid(agent, { publicUrl, slug: 'moh-th' });
  const entry = trustEntryFor(identifier, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  return { agent, did: identifier.did, trust: createTrustStore({ entries: [entry] }), publicUrl };
}

export interface TestListOptions {
  url: string;
  purpose?: StatusPurpose;
  /** Indexes whose bit is set. */
  set?: number[];
  size?: number;
  ttlMs?: number;
  validFrom?: string;
  /** Changes the unsecured credential before it is signed (for negative cases). */
  edit?: (credential: Record<string, unknown>) => void;
}

/** A status list credential signed by `authority` as `vc+jwt`. */
export async function signedStatusList(
  authority: StatusAuthority,
  options: TestListOptions,
): Promise<string> {
  const bits = emptyStatusList(options.size);
  for (const index of options.set ?? []) setStatusBit(bits, index, true);
  const credential: Record<string, unknown> = {
    ...buildStatusListCredential({
      url: options.url,
      issuer: authority.did,
      purpose: options.purpose ?? 'revocation',
      bits,
      ttlMs: options.ttlMs ?? 300_000,
      validFrom: options.validFrom ?? '2025-01-01T00:00:00Z',
    }),
  };
  options.edit?.(credential);
  return issueCredential(authority.agent, { credential, format: 'vc+jwt' });
}

/** A vaccination certificate from `authority` carrying `credentialStatus` as given (any shape). */
export async function credentialWithStatus(
  authority: StatusAuthority,
  credentialStatus: unknown,
): Promise<string> {
  const done = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt: new Date('2025-01-15T10:00:00Z'),
    hcid: 'HCID-1',
    economy: 'THA',
  });
  if (!done.ok) throw new Error('the example must complete');
  const credential = {
    ...buildCredential({ type: 'VaccinationCertificate', issuer: authority.did, ...done.value }),
  };
  return issueCredential(authority.agent, {
    credential: { ...credential, credentialStatus },
    format: 'vc+jwt',
  });
}
