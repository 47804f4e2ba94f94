import { completeVaccinationInput, exampleVaccinationInput } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { createPassageAgent } from '../agent.js';
import { createAuthorityDid } from '../did/create.js';
import { didDocumentFor } from '../did/document.js';
import { createDidResolver, didWebMethod } from '../did/resolver.js';
import { buildCredential } from '../issue/credential.js';
import { issueCredential } from '../issue/issue.js';
import { createMemoryStores } from '../keys/stores.js';
import { createTrustStore } from '../trust/trust-store.js';
import { verifyCredentialResolving } from './verify.js';

const issuedAt = new Date('2025-01-15T10:00:00Z');

async function setup() {
  const { agent } = createPassageAgent(createMemoryStores());
  const identifier = await createAuthorityDid(agent, { publicUrl: 'https://health.example', slug: 'moph' });
  const done = completeVaccinationInput(exampleVaccinationInput, { issuedAt, hcid: 'H-1', economy: 'THA' });
  if (!done.ok) throw new Error('example must complete');
  const credential = buildCredential({
    type: 'VaccinationCertificate',
    issuer: identifier.did,
    ...done.value,
  });
  const jws = await issueCredential(agent, { credential: { ...credential } });
  const fetched: string[] = [];
  const fakeFetch = (async (url: string | URL | Request) => {
    fetched.push(String(url));
    return new Response(JSON.stringify(didDocumentFor(identifier)), { status: 200 });
  }) as typeof fetch;
  const resolver = createDidResolver({ web: didWebMethod({ fetch: fakeFetch }) });
  return { identifier, jws, fetched, resolver };
}

describe('verifyCredentialResolving', () => {
  it("resolves a trusted issuer's keys from its did:web document once, then caches", async () => {
    const { identifier, jws, fetched, resolver } = await setup();
    const entry = {
      framework: 'passage' as const,
      did: identifier.did,
      name: 'MoPH',
      economy: 'THA',
      types: ['VaccinationCertificate' as const],
      keys: [],
    };
    const trust = createTrustStore({ entries: [entry] });
    const now = new Date('2025-06-01');
    const first = await verifyCredentialResolving(jws, { trust, now, resolver });
    expect(first.report.errors).toEqual([]);
    await verifyCredentialResolving(jws, { trust, now, resolver });
    expect(fetched).toEqual(['https://health.example/authorities/moph/did.json']);
  });

  it('never fetches the DID document of an untrusted did:web', async () => {
    const { jws, fetched, resolver } = await setup();
    const outcome = await verifyCredentialResolving(jws, {
      trust: createTrustStore({ entries: [] }),
      resolver,
    });
    expect(outcome.report.checks.issuerTrusted).toEqual({ ok: false, code: 'ISSUER_NOT_TRUSTED' });
    expect(fetched).toEqual([]);
  });
});
