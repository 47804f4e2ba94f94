import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import { mutations, trustOfOneKey } from '../test-support.js';
import type { KeyBindingPolicy } from '../verify/options.js';
import { verifyCredential } from '../verify/verify.js';
import { appendKeyBinding } from './bind.js';
import { encodeSdJwtCredential } from './sd-jwt.js';

// Key binding JWTs are made here with jose, an independent JOSE implementation, and checked against
// RFC 9901 §7.3 by verifyCredential: each case changes one thing of a good one.
const now = new Date('2025-06-01T00:00:00Z');
const nowSec = now.getTime() / 1000;
const issuer = 'https://issuer.example/vc-jose-cose';
const kid = `${issuer}#key-1`;
const issuerPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const holderPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const trust = trustOfOneKey(issuer, kid, issuerPair.publicKey.export({ format: 'jwk' }));
const es256 = (key: KeyObject) => (data: Uint8Array) =>
  sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:123', firstName: 'Jane', lastName: 'Doe' },
};
/** An SD-JWT of `credential` bound to `cnf` (null: bound to nothing), its names disclosable. */
const issue = (cnf: unknown = { jwk: holderPair.publicKey.export({ format: 'jwk' }) }) =>
  encodeSdJwtCredential(
    { ...credential, ...(cnf === null ? {} : { cnf }) },
    ['credentialSubject.firstName', 'credentialSubject.lastName'],
    { alg: 'ES256', kid },
    es256(issuerPair.privateKey),
  );
const sdJwt = issue();

const challenge = 'n-0S6_WzA2Mj';
const domain = 'https://verifier.example';
const policy: KeyBindingPolicy = { challenge, domain };

interface KbChange {
  header?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  key?: KeyObject;
  /** The SD-JWT the `sd_hash` digests. Default: the one it is appended to. */
  over?: string;
}

/** A KB-JWT over `presented` (its `sd_hash`), signed with jose by the holder's key, with `change` applied. */
async function kbJwt(presented: string, change: KbChange = {}): Promise<string> {
  const sdHash = createHash('sha256')
    .update(change.over ?? presented)
    .digest('base64url');
  const payload = { iat: nowSec - 10, aud: domain, nonce: challenge, sd_hash: sdHash, ...change.payload };
  return new CompactSign(Buffer.from(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt', ...change.header } as { alg: string })
    .sign(change.key ?? holderPair.privateKey);
}

const bound = async (change: KbChange = {}, presented = sdJwt) =>
  `${presented}${await kbJwt(presented, change)}`;

function verify(text: string, keyBinding?: KeyBindingPolicy) {
  return verifyCredential(text, { trust, now, ...(keyBinding ? { keyBinding } : {}) });
}

/** The key binding check's outcome, and whether the rest (decoding, the issuer's signature) passed. */
function outcome(text: string, keyBinding?: KeyBindingPolicy) {
  const report = verify(text, keyBinding);
  const { keyBinding: check, ...others } = report.checks;
  return {
    verified: report.verified,
    keyBinding: check && (check.ok ? 'ok' : check.code),
    othersPass: Object.values(others).every((c) => c.ok),
  };
}

describe('key binding of an SD-JWT (RFC 9901 §7.3)', () => {
  it('passes a KB-JWT of the cnf key that answers the challenge and domain', async () => {
    expect(outcome(await bound(), policy)).toEqual({ verified: true, keyBinding: 'ok', othersPass: true });
  });

  it('passes an aud that lists the domain among others', async () => {
    const text = await bound({ payload: { aud: ['https://other.example', domain] } });
    expect(outcome(text, policy).keyBinding).toBe('ok');
  });

  it('fails KEY_BINDING_REQUIRED when required and the SD-JWT carries no KB-JWT', () => {
    expect(outcome(sdJwt, { required: true })).toEqual({
      verified: false,
      keyBinding: 'KEY_BINDING_REQUIRED',
      othersPass: true,
    });
  });

  it('requires a KB-JWT whenever a challenge or a domain is given', () => {
    expect(outcome(sdJwt, { challenge }).keyBinding).toBe('KEY_BINDING_REQUIRED');
    expect(outcome(sdJwt, { domain }).keyBinding).toBe('KEY_BINDING_REQUIRED');
    expect(outcome(sdJwt, { challenge, required: false })).toMatchObject({
      verified: true,
      keyBinding: undefined,
    });
  });

  it('fails KEY_BINDING_REQUIRED for a credential that cannot carry key binding (a vc+jwt)', () => {
    const input = `${b64({ alg: 'ES256', kid, typ: 'vc+jwt' })}.${b64(credential)}`;
    const vcJwt = `${input}.${es256(issuerPair.privateKey)(Buffer.from(input)).toString('base64url')}`;
    expect(outcome(vcJwt)).toEqual({ verified: true, keyBinding: undefined, othersPass: true });
    expect(outcome(vcJwt, { required: true }).keyBinding).toBe('KEY_BINDING_REQUIRED');
  });

  it('checks nothing of key binding when none is there and none is required', () => {
    expect(outcome(sdJwt)).toEqual({ verified: true, keyBinding: undefined, othersPass: true });
  });

  it('fails CHALLENGE_MISMATCH for another nonce', async () => {
    expect(outcome(await bound({ payload: { nonce: 'n-replayed' } }), policy).keyBinding).toBe(
      'CHALLENGE_MISMATCH',
    );
  });

  it('fails DOMAIN_MISMATCH for another aud', async () => {
    const text = await bound({ payload: { aud: 'https://other.example' } });
    expect(outcome(text, policy).keyBinding).toBe('DOMAIN_MISMATCH');
  });

  it('fails KEY_BINDING_EXPIRED for an iat older than the maximum age and the clock tolerance', async () => {
    const old = await bound({ payload: { iat: nowSec - 300 - 60 - 1 } });
    expect(outcome(old, policy).keyBinding).toBe('KEY_BINDING_EXPIRED');
    expect(outcome(await bound({ payload: { iat: nowSec - 300 } }), policy).keyBinding).toBe('ok');
    expect(
      outcome(await bound({ payload: { iat: nowSec - 100 } }), { ...policy, maxAgeSec: 30 }).keyBinding,
    ).toBe('KEY_BINDING_EXPIRED');
  });

  it('fails KEY_BINDING_EXPIRED for a passed exp, even without a policy', async () => {
    expect(outcome(await bound({ payload: { exp: nowSec - 61 } })).keyBinding).toBe('KEY_BINDING_EXPIRED');
  });

  it('fails KEY_BINDING_NOT_YET_VALID for an iat ahead of the clock tolerance, even without a policy', async () => {
    const ahead = await bound({ payload: { iat: nowSec + 61 } });
    expect(outcome(ahead).keyBinding).toBe('KEY_BINDING_NOT_YET_VALID');
    expect(outcome(ahead, policy).keyBinding).toBe('KEY_BINDING_NOT_YET_VALID');
    expect(outcome(await bound({ payload: { iat: nowSec + 59 } })).keyBinding).toBe('ok');
  });

  it('without a policy, checks a KB-JWT that is there but not its age, nonce or aud', async () => {
    const text = await bound({ payload: { iat: 1, nonce: 'any', aud: 'anyone' } });
    expect(outcome(text)).toEqual({ verified: true, keyBinding: 'ok', othersPass: true });
  });

  it.each<[string, KbChange]>([
    ['signed by another key', { key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey }],
    ['over another SD-JWT (sd_hash)', { over: issue() }],
    ['typ JWT, not kb+jwt', { header: { typ: 'JWT' } }],
    ['no typ', { header: { typ: undefined } }],
    ['a critical header parameter', { header: { crit: ['b64'], b64: true } }],
    ['no nonce', { payload: { nonce: undefined } }],
    ['no aud', { payload: { aud: undefined } }],
    ['an iat that is not a NumericDate', { payload: { iat: '2025-06-01T00:00:00Z' } }],
    ['no sd_hash', { payload: { sd_hash: undefined } }],
  ])('fails KEY_BINDING_INVALID for a KB-JWT %s', async (_name, change) => {
    const text = await bound(change);
    expect(outcome(text, policy)).toEqual({
      verified: false,
      keyBinding: 'KEY_BINDING_INVALID',
      othersPass: true,
    });
    expect(outcome(text).keyBinding).toBe('KEY_BINDING_INVALID');
  });

  /** A KB-JWT's signing input under a header jose would not write, over `sdJwt` and the good claims. */
  const unsignedKb = (alg: string) => {
    const sdHash = createHash('sha256').update(sdJwt).digest('base64url');
    const payload = { iat: nowSec, aud: domain, nonce: challenge, sd_hash: sdHash };
    return `${b64({ alg, typ: 'kb+jwt' })}.${b64(payload)}`;
  };
  const holderSigned = (input: string) =>
    `${input}.${es256(holderPair.privateKey)(Buffer.from(input)).toString('base64url')}`;

  it('fails KEY_BINDING_INVALID for alg none, with or without a signature', () => {
    for (const kb of [`${unsignedKb('none')}.`, holderSigned(unsignedKb('none'))]) {
      expect(outcome(`${sdJwt}${kb}`, policy).keyBinding).toBe('KEY_BINDING_INVALID');
    }
  });

  it("fails KEY_BINDING_INVALID for an alg other than the holder key's, though the signature is its", () => {
    expect(outcome(`${sdJwt}${holderSigned(unsignedKb('ES384'))}`, policy).keyBinding).toBe(
      'KEY_BINDING_INVALID',
    );
    expect(outcome(`${sdJwt}${holderSigned(unsignedKb('ES256'))}`, policy).keyBinding).toBe('ok');
  });

  it('fails KEY_BINDING_INVALID for an algorithm the verifier does not allow', async () => {
    const holder = generateKeyPairSync('ed25519');
    const edBound = issue({ jwk: holder.publicKey.export({ format: 'jwk' }) });
    const text = await bound({ header: { alg: 'EdDSA' }, key: holder.privateKey }, edBound);
    expect(outcome(text, policy).keyBinding).toBe('ok');
    const report = verifyCredential(text, { trust, now, keyBinding: policy, algorithms: ['ES256'] });
    expect(report.checks.keyBinding).toEqual({ ok: false, code: 'KEY_BINDING_INVALID' });
  });

  it('fails KEY_BINDING_INVALID for a KB-JWT over all disclosures presented with one left out', async () => {
    const full = await bound();
    const [jwt, first, , kb] = full.split('~');
    expect(outcome(`${jwt}~${first}~${kb}`, policy).keyBinding).toBe('KEY_BINDING_INVALID');
  });

  it('fails KEY_BINDING_INVALID for a KB-JWT when the credential names no cnf key', async () => {
    const unbound = issue(null);
    expect(outcome(await bound({}, unbound), policy).keyBinding).toBe('KEY_BINDING_INVALID');
    expect(outcome(await bound({}, issue({ jwk: { kty: 'oct', k: 'AAAA' } })), policy).keyBinding).toBe(
      'KEY_BINDING_INVALID',
    );
  });

  it('binds an SD-JWT with appendKeyBinding, which a bound one refuses', () => {
    const claims = { aud: domain, nonce: challenge, iat: nowSec };
    const text = appendKeyBinding(sdJwt, claims, 'ES256', es256(holderPair.privateKey));
    expect(outcome(text, policy)).toEqual({ verified: true, keyBinding: 'ok', othersPass: true });
    expect(() => appendKeyBinding(text, claims, 'ES256', es256(holderPair.privateKey))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('never throws on a mutated bound SD-JWT, and verifies only what reads the same', async () => {
    const text = await bound();
    // base64url's last character of a segment may carry unused bits: read back, such a change is none.
    const canonical = (value: string) =>
      value.replace(/[^.~]+/g, (segment) => Buffer.from(segment, 'base64url').toString('base64url'));
    const mutate = mutations(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~');
    for (let i = 0; i < 300; i++) {
      const mutated = mutate(text, i);
      const report = verify(mutated, policy);
      expect(typeof report.verified).toBe('boolean');
      if (report.verified) expect(canonical(mutated)).toBe(canonical(text));
    }
  });
});
