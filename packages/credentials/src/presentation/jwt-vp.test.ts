import type { JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPassageAgent } from '../agent.js';
import { createJwkDid } from '../did/create.js';
import { publicJwkOfDid } from '../did/self-certifying.js';
import { PASSAGE_KMS } from '../keys/node-crypto-kms.js';
import { createMemoryStores } from '../keys/stores.js';
import { mutations, trustOfOneKey } from '../test-support.js';
import { looksLikePresentation } from './locate.js';
import { verifyPresentation } from './verify-presentation.js';

// VC 1.1 presentations as another system signs them: Veramo's stock createVerifiablePresentation
// with proofFormat 'jwt' (did-jwt-vc), a did:jwk (P-256) or did:key (Ed25519) holder presenting a
// VC 1.1 credential JWT Veramo issued. Nothing here is signed by Passage's own code.
const V1 = 'https://www.w3.org/2018/credentials/v1';
const now = new Date();

async function setUp() {
  const { agent } = createPassageAgent(createMemoryStores());
  const issuer = await createJwkDid(agent);
  const jwkHolder = await createJwkDid(agent);
  const keyHolder = await agent.didManagerCreate({ provider: 'did:key', kms: PASSAGE_KMS });
  const issued = await agent.createVerifiableCredential({
    credential: {
      '@context': [V1],
      type: ['VerifiableCredential'],
      issuer: { id: issuer.did },
      issuanceDate: new Date(now.getTime() - 86_400_000).toISOString(),
      credentialSubject: { id: jwkHolder.did, name: 'Somchai Jaidee' },
    },
    proofFormat: 'jwt',
  });
  const credential = issued.proof.jwt as string;
  // Veramo's VC 1.1 JWTs name no kid: the verifier tries the keys its trust list holds for the issuer.
  const trust = trustOfOneKey(issuer.did, `${issuer.did}#0`, publicJwkOfDid(issuer.did) as JsonWebKey);
  const present = async (holder: string, extra: { challenge?: string; domain?: string } = {}) => {
    const vp = await agent.createVerifiablePresentation({
      presentation: { holder, verifiableCredential: [credential] },
      proofFormat: 'jwt',
      ...extra,
    });
    return vp.proof.jwt as string;
  };
  return { trust, credential, jwkHolder: jwkHolder.did, keyHolder: keyHolder.did, present };
}

const codes = (report: { errors: { code: string }[] }) => report.errors.map((e) => e.code);

describe('VC 1.1 presentation JWTs (Veramo createVerifiablePresentation, proofFormat jwt)', () => {
  it('verifies a did:jwk and a did:key holder presenting a VC 1.1 credential JWT', async () => {
    const { trust, present, jwkHolder, keyHolder } = await setUp();
    for (const holder of [jwkHolder, keyHolder]) {
      const vp = await present(holder);
      expect(looksLikePresentation(vp)).toBe(true);
      const report = await verifyPresentation(vp, { trust, now });
      expect(codes(report)).toEqual([]);
      expect(report).toMatchObject({ verified: true, securing: 'jwt', envelope: 'jws', holder });
      expect(report.presentation).toMatchObject({ '@context': [V1], holder });
      expect(report.credentials).toHaveLength(1);
      expect(report.credentials[0]).toMatchObject({ verified: true, securing: 'jwt' });
    }
  });

  it('holds the holder to the challenge and domain it signed (nonce, aud)', async () => {
    const { trust, present, jwkHolder } = await setUp();
    const vp = await present(jwkHolder, { challenge: 'c-1', domain: 'border.example' });
    const ok = await verifyPresentation(vp, { trust, now, challenge: 'c-1', domain: 'border.example' });
    expect(codes(ok)).toEqual([]);
    const replayed = await verifyPresentation(vp, { trust, now, challenge: 'c-2' });
    expect(codes(replayed)).toEqual(['CHALLENGE_MISMATCH']);
    const elsewhere = await verifyPresentation(vp, { trust, now, challenge: 'c-1', domain: 'other.example' });
    expect(codes(elsewhere)).toEqual(['DOMAIN_MISMATCH']);
  });

  it('holds each credential to the holder when asked (requireHolderBinding)', async () => {
    const { trust, present, jwkHolder, keyHolder } = await setUp();
    const own = await verifyPresentation(await present(jwkHolder), {
      trust,
      now,
      requireHolderBinding: true,
    });
    expect(codes(own)).toEqual([]);
    // The credential was issued to the did:jwk holder; the did:key holder presents it.
    const someoneElses = await present(keyHolder);
    expect(codes(await verifyPresentation(someoneElses, { trust, now }))).toEqual([]);
    const bound = await verifyPresentation(someoneElses, { trust, now, requireHolderBinding: true });
    expect([bound.verified, bound.checks.credentials]).toEqual([
      false,
      { ok: false, code: 'HOLDER_MISMATCH' },
    ]);
  });

  it('reads one in a data:application/jwt URL and in an EnvelopedVerifiablePresentation', async () => {
    const { trust, present, jwkHolder } = await setUp();
    const vp = await present(jwkHolder);
    const url = `data:application/jwt,${vp}`;
    const envelope = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'EnvelopedVerifiablePresentation',
      id: url,
    };
    for (const input of [url, envelope]) {
      expect(looksLikePresentation(input)).toBe(true);
      const report = await verifyPresentation(input, { trust, now });
      expect([report.verified, report.envelope, report.securing]).toEqual([true, 'enveloped', 'jwt']);
    }
  });

  it('fails a credential from an issuer the verifier does not trust, and says which', async () => {
    const { present, jwkHolder } = await setUp();
    const stranger = await setUp();
    const report = await verifyPresentation(await present(jwkHolder), { trust: stranger.trust, now });
    expect(report.verified).toBe(false);
    expect(report.checks.signature).toEqual({ ok: true });
    expect(report.checks.credentials).toMatchObject({ ok: false });
  });

  it('is not taken for a presentation when it is a credential JWT', async () => {
    const { credential } = await setUp();
    expect(looksLikePresentation(credential)).toBe(false);
    expect(looksLikePresentation(`data:application/jwt,${credential}`)).toBe(false);
  });

  it('never verifies a changed presentation, and never throws', async () => {
    const { trust, present, jwkHolder } = await setUp();
    const vp = await present(jwkHolder);
    const mutate = mutations(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.');
    for (let round = 0; round < 150; round++) {
      const changed = mutate(vp, round);
      if (changed === vp) continue;
      const report = await verifyPresentation(changed, { trust, now });
      expect(report.verified).toBe(false);
      expect(report.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('VC 1.1 presentation JWTs that break the rules', () => {
  it('refuses an iss that contradicts vp.holder, and a vp that is not an object', async () => {
    const { agent } = createPassageAgent(createMemoryStores());
    const holder = await createJwkDid(agent);
    const other = await createJwkDid(agent);
    const trust = trustOfOneKey(other.did, `${other.did}#0`, publicJwkOfDid(other.did) as JsonWebKey);
    const signed = await agent.createVerifiablePresentation({
      presentation: { holder: holder.did, verifiableCredential: [] },
      proofFormat: 'jwt',
    });
    const [h, p] = (signed.proof.jwt as string).split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString());
    for (const vp of [{ ...payload.vp, holder: other.did }, 'not an object']) {
      const body = Buffer.from(JSON.stringify({ ...payload, vp })).toString('base64url');
      const report = await verifyPresentation(`${h}.${body}.AAAA`, { trust, now });
      expect(report.checks.decoding).toMatchObject({ ok: false, code: 'DECODING_FAILED' });
    }
  });
});
