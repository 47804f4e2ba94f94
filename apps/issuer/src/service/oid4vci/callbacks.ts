import { createHash, type KeyObject, randomBytes } from 'node:crypto';
import {
  type CallbackContext,
  clientAuthenticationAnonymous,
  HashAlgorithm,
  type Jwk,
  type JwtSigner,
} from '@openid4vc/oauth2';
import {
  type CryptoKey,
  compactVerify,
  importJWK,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
  SignJWT,
} from 'jose';

/** Algorithms a wallet may sign its proof of possession with. */
export const PROOF_ALGORITHMS = ['ES256', 'EdDSA'] as const;

const HASHES: Record<HashAlgorithm, string> = {
  [HashAlgorithm.Sha256]: 'sha256',
  [HashAlgorithm.Sha384]: 'sha384',
  [HashAlgorithm.Sha512]: 'sha512',
};

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/**
 * The public JWK a `did:jwk` DID (or DID URL) stands for, or undefined for any other DID: the issuer
 * resolves no DID over the network for a wallet.
 */
export function didJwkKey(didUrl: string): JWK | undefined {
  const match = /^did:jwk:([A-Za-z0-9_-]+)(#0)?$/.exec(didUrl);
  if (!match?.[1]) return undefined;
  try {
    const jwk: unknown = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    return typeof jwk === 'object' && jwk !== null && !Array.isArray(jwk) ? (jwk as JWK) : undefined;
  } catch {
    return undefined;
  }
}

/** The holder's public key a proof names: its `jwk` header, or the key inside a `did:jwk` `kid`. */
function signerKey(signer: JwtSigner): JWK | undefined {
  if (signer.method === 'jwk') return signer.publicJwk as JWK;
  if (signer.method === 'did') return didJwkKey(signer.didUrl);
  return undefined;
}

function withoutUndefined(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

async function verifyWith(jwk: JWK, alg: string, compact: string): Promise<boolean> {
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) return false;
  if (!(PROOF_ALGORITHMS as readonly string[]).includes(alg)) return false;
  try {
    const key = await importJWK(jwk, alg);
    await compactVerify(compact, key, { algorithms: [...PROOF_ALGORITHMS] });
    return true;
  } catch {
    return false;
  }
}

/**
 * The callbacks `@openid4vc/*` needs, for the issuer side: node's hashes and randomness, jose to verify
 * wallet proofs (`jwk` header or `did:jwk` only, ES256 or EdDSA, no private key in the header) and to
 * sign access tokens with the issuer's token key.
 */
export function issuerCallbacks(tokenKey: {
  privateKey: CryptoKey | KeyObject;
  publicJwk: Jwk;
}): Omit<CallbackContext, 'encryptJwe' | 'decryptJwe'> {
  return {
    hash: (data, alg) => new Uint8Array(createHash(HASHES[alg]).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    clientAuthentication: clientAuthenticationAnonymous(),
    async signJwt(_signer, { header, payload }) {
      const jwt = await new SignJWT(withoutUndefined(payload) as JWTPayload)
        .setProtectedHeader({ ...withoutUndefined(header), alg: 'ES256' } as JWTHeaderParameters)
        .sign(tokenKey.privateKey);
      return { jwt, signerJwk: tokenKey.publicJwk };
    },
    async verifyJwt(signer, { compact }) {
      const jwk = signerKey(signer);
      if (!jwk || !(await verifyWith(jwk, signer.alg, compact))) return { verified: false };
      return { verified: true, signerJwk: jwk as Jwk };
    },
  };
}
