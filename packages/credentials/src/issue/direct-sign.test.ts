import { describe, expect, it } from 'vitest';
import { createPassageAgent } from '../agent.js';
import { createJwkDid } from '../did/create.js';
import { createMemoryStores } from '../keys/stores.js';
import { envelopedCredential, jwsFromEnvelope } from './envelope.js';
import { issueCredential } from './issue.js';
import { VC_JOSE_FORMAT } from './vc-jose-claims.js';

const credential = (issuer: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:1', name: 'Exämple' },
});

const segments = (jws: string) => jws.split('.').slice(0, 2);

describe.each(['Secp256r1', 'Ed25519'] as const)('direct vc+jwt signing (%s)', (type) => {
  it('signs the same header and claims as the Veramo path, and both verify', async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const issuer = await createJwkDid(agent, type);
    const direct = await issueCredential(agent, { credential: credential(issuer.did) });
    const viaVeramo = jwsFromEnvelope(
      await agent.createVerifiableCredential({
        credential: credential(issuer.did),
        proofFormat: VC_JOSE_FORMAT,
      }),
    );
    expect(viaVeramo).toBeDefined();
    expect(segments(direct)).toEqual(segments(viaVeramo ?? ''));
    for (const jws of [direct, viaVeramo ?? '']) {
      const result = await agent.verifyCredential({ credential: envelopedCredential(jws) });
      expect(result.verified).toBe(true);
    }
  });

  it("leaves the caller's credential as it was", async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const issuer = await createJwkDid(agent, type);
    const given = { ...credential(issuer.did), issuanceDate: '2025-01-01T00:00:00Z' };
    const jws = await issueCredential(agent, { credential: given });
    const payload = JSON.parse(Buffer.from(segments(jws)[1] ?? '', 'base64url').toString('utf8'));
    expect(payload.issuanceDate).toBeUndefined();
    expect(given.issuanceDate).toBe('2025-01-01T00:00:00Z');
  });
});

describe('direct vc+jwt signing refusals', () => {
  it('refuses a credential whose first context is not VC 2.0', async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const issuer = await createJwkDid(agent);
    const given = { ...credential(issuer.did), '@context': ['https://example.org/other'] };
    await expect(issueCredential(agent, { credential: given })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('refuses to sign once the issuer key is deleted', async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const issuer = await createJwkDid(agent);
    await issueCredential(agent, { credential: credential(issuer.did) });
    await agent.keyManagerDelete({ kid: issuer.keys[0]?.kid ?? '' });
    await expect(issueCredential(agent, { credential: credential(issuer.did) })).rejects.toMatchObject({
      code: 'KEY_NOT_MANAGED',
    });
  });
});
