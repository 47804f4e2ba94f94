import { describe, expect, it } from 'vitest';
import { createPassageAgent } from '../agent.js';
import { createJwkDid } from '../did/create.js';
import { createMemoryStores } from '../keys/stores.js';
import { envelopedCredential } from './envelope.js';
import { issueCredential } from './issue.js';

const credential = (issuer: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:1', name: 'Example' },
});

describe('CredentialProviderVcJose inside Veramo', () => {
  it("serves the agent's createVerifiableCredential and verifyCredential for vc+jwt", async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const issuer = await createJwkDid(agent, 'Ed25519');
    const jws = await issueCredential(agent, { credential: credential(issuer.did) });
    const result = await agent.verifyCredential({ credential: envelopedCredential(jws) });
    expect(result.verified).toBe(true);
  });

  it('reports a forged vc+jwt as not verified through the agent', async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const issuer = await createJwkDid(agent);
    const [h, p, s] = (await issueCredential(agent, { credential: credential(issuer.did) })).split('.');
    const forged = `${h}.${p}.${s?.slice(0, -4)}AAAA`;
    const result = await agent.verifyCredential({ credential: envelopedCredential(forged) });
    expect(result.verified).toBe(false);
    expect(result.error?.errorCode).toBe('SIGNATURE_INVALID');
  });

  it('keeps Veramo JWT issuance for VC 1.1 beside it', async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const issuer = await createJwkDid(agent);
    const jwt = await issueCredential(agent, { credential: credential(issuer.did), format: 'jwt' });
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString());
    expect(header.typ).toBe('JWT');
  });
});
