// The reference points: raw node:crypto, jose and Veramo's stock credential-jwt path, each on the
// same credential as Passage (the raw and jose cases on the very bytes of a Passage JWS).
import { sign, verify } from 'node:crypto';
import type { UnsecuredCredential } from '@passage/credentials';
import { CompactSign, compactVerify, importJWK } from 'jose';
import type { BenchAuthority } from './authority.js';
import { cycle, expectOk, type RatedCase } from './case.js';
import { NOW } from './credentials.js';

/** The signing input and signature of a compact JWS. */
function partsOf(jws: string) {
  const [header = '', payload = '', signature = ''] = jws.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg: string },
    payload: Buffer.from(payload, 'base64url'),
    data: Buffer.from(`${header}.${payload}`, 'ascii'),
    signature: Buffer.from(signature, 'base64url'),
  };
}

/** Raw node:crypto sign and verify of the signing inputs of `jwss` with the authority's own keys. */
export function nodeCryptoCases(a: BenchAuthority, jwss: readonly string[]): RatedCase[] {
  const parts = jwss.map(partsOf);
  const es = a.alg === 'ES256';
  const rawSign = es
    ? ({ data }: (typeof parts)[number]) =>
        sign('sha256', data, { key: a.privateKey, dsaEncoding: 'ieee-p1363' })
    : ({ data }: (typeof parts)[number]) => sign(null, data, a.privateKey);
  const rawVerify = es
    ? ({ data, signature }: (typeof parts)[number]) =>
        verify('sha256', data, { key: a.publicKey, dsaEncoding: 'ieee-p1363' }, signature)
    : ({ data, signature }: (typeof parts)[number]) => verify(null, data, a.publicKey, signature);
  expectOk(parts.every(rawVerify), `raw ${a.alg} verify of a Passage JWS failed`);
  const toSign = cycle(parts);
  const toVerify = cycle(parts);
  return [
    { key: `node.sign.${a.alg}`, label: `node:crypto sign ${a.alg}`, op: () => rawSign(toSign()) },
    { key: `node.verify.${a.alg}`, label: `node:crypto verify ${a.alg}`, op: () => rawVerify(toVerify()) },
  ];
}

/** jose compact JWS sign (same headers and payloads) and verify (of the Passage JWSs themselves). */
export async function joseCases(a: BenchAuthority, jwss: readonly string[]): Promise<RatedCase[]> {
  const parts = jwss.map(partsOf);
  const algorithms = [a.alg];
  // jose 6 works on WebCrypto keys: import them once, as an application using jose would.
  const privateKey = await importJWK(a.privateKey.export({ format: 'jwk' }), a.alg);
  const publicKey = await importJWK(a.publicKey.export({ format: 'jwk' }), a.alg);
  for (const jws of jwss) await compactVerify(jws, publicKey, { algorithms });
  const toSign = cycle(parts);
  const toVerify = cycle(jwss);
  return [
    {
      key: `jose.sign.${a.alg}`,
      label: `jose CompactSign ${a.alg}`,
      async: true,
      op: () => {
        const { header, payload } = toSign();
        return new CompactSign(payload).setProtectedHeader(header).sign(privateKey);
      },
      baseline: `node.sign.${a.alg}`,
    },
    {
      key: `jose.verify.${a.alg}`,
      label: `jose compactVerify ${a.alg}`,
      async: true,
      op: () => compactVerify(toVerify(), publicKey, { algorithms }),
      baseline: `node.verify.${a.alg}`,
    },
  ];
}

/** The VC 1.1 shape Veramo's stock JWT provider signs. */
function vc11(credential: UnsecuredCredential) {
  const { '@context': contexts, validFrom, validUntil, ...rest } = credential;
  return {
    ...rest,
    '@context': ['https://www.w3.org/2018/credentials/v1', ...contexts.slice(1)],
    issuanceDate: validFrom,
    ...(validUntil === undefined ? {} : { expirationDate: validUntil }),
  };
}

/**
 * Veramo's stock `createVerifiableCredential` / `verifyCredential` with `proofFormat: 'jwt'`
 * (credential-w3c + credential-jwt + did-jwt). Signing goes through the agent's KMS, which is
 * Passage's node:crypto KMS; verification is did-jwt's own pure-JavaScript crypto. Veramo has no
 * Bitstring Status List checker, so its status policy is off (it would do less work than Passage).
 */
export async function veramoCases(
  a: BenchAuthority,
  credential: () => UnsecuredCredential,
  pool: number,
): Promise<RatedCase[]> {
  const create = () =>
    a.agent.createVerifiableCredential({ credential: vc11(credential()) as never, proofFormat: 'jwt' });
  const policies = { credentialStatus: false, now: Math.floor(NOW.getTime() / 1000) };
  const jwts: string[] = [];
  for (let i = 0; i < pool; i++) {
    const jwt = (await create()).proof?.jwt;
    expectOk(typeof jwt === 'string', 'Veramo did not answer a JWT');
    const checked = await a.agent.verifyCredential({ credential: jwt as string, policies });
    expectOk(checked.verified, `Veramo ${a.alg} verify failed: ${checked.error?.message ?? ''}`);
    jwts.push(jwt as string);
  }
  const toVerify = cycle(jwts);
  return [
    {
      key: `veramo.issue.${a.alg}`,
      label: `Veramo createVerifiableCredential ${a.alg}`,
      async: true,
      op: create,
      baseline: `node.sign.${a.alg}`,
    },
    {
      key: `veramo.verify.${a.alg}`,
      label: `Veramo verifyCredential ${a.alg}`,
      async: true,
      op: () => a.agent.verifyCredential({ credential: toVerify(), policies }),
      baseline: `node.verify.${a.alg}`,
    },
  ];
}
