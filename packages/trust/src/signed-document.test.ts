import { describe, expect, it } from 'vitest';
import { generateOperatorKey, jwkThumbprint, parseOperatorPublicJwk } from './operator-key.js';
import { signDocument, verifySignedDocument } from './signed-document.js';

const typ = 'passage-trust-list+json' as const;
const doc = {
  type: 'PassageTrustList',
  version: 3,
  entries: [{ did: 'did:web:a.example', name: 'Ä Authority' }],
};

describe.each(['ES256', 'EdDSA'] as const)('signed documents with %s', (alg) => {
  const { privateJwk, publicJwk } = generateOperatorKey(alg);

  it('verifies a document it signed, whatever the member order', () => {
    const signed = signDocument(doc, privateJwk, { typ });
    const reordered = { proof: signed.proof, entries: signed.entries, version: 3, type: 'PassageTrustList' };
    expect(verifySignedDocument(reordered, publicJwk, { typ })).toMatchObject({ ok: true, alg });
  });

  it('refuses a document with one changed byte', () => {
    const signed = signDocument(doc, privateJwk, { typ });
    const tampered = { ...signed, entries: [{ did: 'did:web:b.example', name: 'Ä Authority' }] };
    expect(verifySignedDocument(tampered, publicJwk, { typ })).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
  });

  it('refuses a document verified with another pinned key', () => {
    const signed = signDocument(doc, privateJwk, { typ });
    const other = generateOperatorKey(alg).publicJwk;
    expect(verifySignedDocument(signed, other, { typ })).toMatchObject({ ok: false, code: 'KEY_NOT_PINNED' });
  });

  it('accepts the key among several pinned ones (rotation)', () => {
    const signed = signDocument(doc, privateJwk, { typ });
    const other = generateOperatorKey().publicJwk;
    expect(verifySignedDocument(signed, [other, publicJwk], { typ }).ok).toBe(true);
  });

  it('refuses a document signed as another kind', () => {
    const signed = signDocument(doc, privateJwk, { typ: 'passage-rules+json' });
    expect(verifySignedDocument(signed, publicJwk, { typ })).toMatchObject({
      ok: false,
      code: 'TYPE_MISMATCH',
    });
  });
});

describe('signed document edge cases', () => {
  const { privateJwk, publicJwk } = generateOperatorKey();

  it('names the key by its RFC 7638 thumbprint', () => {
    expect(publicJwk.kid).toBe(jwkThumbprint(publicJwk));
    expect(signDocument(doc, privateJwk, { typ }).proof.kid).toBe(publicJwk.kid);
  });

  it('computes the RFC 8037 appendix A.3 thumbprint', () => {
    const example = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;
    expect(jwkThumbprint(example)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('replaces an earlier proof when signing again', () => {
    const once = signDocument(doc, privateJwk, { typ });
    const twice = signDocument({ ...once, version: 4 }, privateJwk, { typ });
    expect(verifySignedDocument(twice, publicJwk, { typ }).ok).toBe(true);
  });

  it('reports a missing proof', () => {
    expect(verifySignedDocument(doc, publicJwk, { typ })).toMatchObject({ ok: false, code: 'PROOF_MISSING' });
    expect(verifySignedDocument('x', publicJwk, { typ })).toMatchObject({ ok: false, code: 'PROOF_MISSING' });
  });

  it('reports a proof whose header disagrees with it', () => {
    const signed = signDocument(doc, privateJwk, { typ });
    const proof = { ...signed.proof, alg: 'EdDSA' };
    expect(verifySignedDocument({ ...signed, proof }, publicJwk, { typ })).toMatchObject({
      code: 'PROOF_MALFORMED',
    });
  });

  it('refuses an attached payload', () => {
    const signed = signDocument(doc, privateJwk, { typ });
    const [h, , s] = signed.proof.jws.split('.');
    const proof = { ...signed.proof, jws: `${h}.e30.${s}` };
    expect(verifySignedDocument({ ...signed, proof }, publicJwk, { typ })).toMatchObject({
      code: 'PROOF_MALFORMED',
    });
  });

  it('refuses a public key with a private part when pinning', () => {
    expect(() => parseOperatorPublicJwk(privateJwk)).toThrow(
      expect.objectContaining({ code: 'OPERATOR_KEY_INVALID' }),
    );
  });
});
