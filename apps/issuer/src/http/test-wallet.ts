import { createHash, randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CallbackContext,
  clientAuthenticationAnonymous,
  HashAlgorithm,
  type Jwk,
} from '@openid4vc/oauth2';
import { Openid4vciClient } from '@openid4vc/openid4vci';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

/** Test helper: a wallet's key pair and its `did:jwk`. */
export interface WalletKey {
  alg: 'ES256' | 'EdDSA';
  privateKey: CryptoKey;
  publicJwk: JWK;
  did: string;
}

/** Test helper: a fresh wallet key (P-256 by default) and its `did:jwk`. */
export async function walletKey(alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<WalletKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
  const publicJwk = await exportJWK(publicKey);
  const did = `did:jwk:${Buffer.from(JSON.stringify(publicJwk)).toString('base64url')}`;
  return { alg, privateKey, publicJwk, did };
}

/** Test helper: an `openid4vci-proof+jwt` signed by `key`, with the claims and header overrides given. */
export function proofJwt(
  key: WalletKey,
  claims: JWTPayload,
  header: Record<string, unknown> = { kid: `${key.did}#0` },
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, typ: 'openid4vci-proof+jwt', ...header })
    .sign(key.privateKey);
}

/**
 * Test helper: the app listening on a loopback port, and a fetch that sends requests for the public
 * URL there, so the library's client drives the real HTTP endpoints.
 */
export async function listen(
  app: RequestListener,
  publicUrl: string,
): Promise<{ server: Server; fetch: typeof fetch }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const routed: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return fetch(url.replace(publicUrl, `http://127.0.0.1:${port}`), init);
  };
  return { server, fetch: routed };
}

/** Test helper: the wallet-side callbacks of `@openid4vc/*`, signing with `key`. */
export function walletCallbacks(
  key: WalletKey,
  routedFetch: typeof fetch,
): Omit<CallbackContext, 'verifyJwt' | 'decryptJwe' | 'encryptJwe'> {
  const hashes = {
    [HashAlgorithm.Sha256]: 'sha256',
    [HashAlgorithm.Sha384]: 'sha384',
    [HashAlgorithm.Sha512]: 'sha512',
  };
  return {
    fetch: routedFetch,
    hash: (data, alg) => new Uint8Array(createHash(hashes[alg]).update(data).digest()),
    generateRandom: (length) => new Uint8Array(randomBytes(length)),
    clientAuthentication: clientAuthenticationAnonymous(),
    async signJwt(_signer, { header, payload }) {
      const clean = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
      const jwt = await new SignJWT(clean(payload))
        .setProtectedHeader({ ...clean(header), alg: key.alg })
        .sign(key.privateKey);
      return { jwt, signerJwk: key.publicJwk as Jwk };
    },
  };
}

/**
 * Test helper: the wallet's side of the pre-authorized code flow, all through the library's client
 * against the listening app: offer, metadata, token, nonce, proof, credential.
 */
export async function redeem(
  routedFetch: typeof fetch,
  offerUri: string,
  txCode?: string,
  alg: 'ES256' | 'EdDSA' = 'ES256',
): Promise<{ key: WalletKey; credential: string }> {
  const key = await walletKey(alg);
  const client = new Openid4vciClient({ callbacks: walletCallbacks(key, routedFetch) });
  const credentialOffer = await client.resolveCredentialOffer(offerUri);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const { accessTokenResponse } = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    ...(txCode === undefined ? {} : { txCode }),
  });
  const { c_nonce } = await client.requestNonce({ issuerMetadata });
  const credentialConfigurationId = credentialOffer.credential_configuration_ids[0] ?? '';
  const { jwt } = await client.createCredentialRequestJwtProof({
    issuerMetadata,
    credentialConfigurationId,
    nonce: c_nonce,
    signer: { method: 'did', didUrl: `${key.did}#0`, alg },
  });
  const { credentialResponse } = await client.retrieveCredentials({
    issuerMetadata,
    accessToken: accessTokenResponse.access_token,
    credentialConfigurationId,
    proofs: { jwt: [jwt] },
  });
  const first = credentialResponse.credentials?.[0];
  const credential = typeof first === 'object' && 'credential' in first ? first.credential : undefined;
  if (typeof credential !== 'string') throw new Error('no credential in the response');
  return { key, credential };
}
