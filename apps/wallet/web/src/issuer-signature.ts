import { verifyIssuerSignature } from '@passage/web-verify';
import { WalletError } from './errors.js';

/**
 * Where a did:web issuer's DID document is served, on the origin the offer came from (its scheme
 * included, so the loopback demo's http issuer works): `did:web:host:a:b` is `/a/b/did.json`, a bare
 * `did:web:host` is `/.well-known/did.json`. Undefined for another method or another host.
 */
export function didDocumentUrl(did: string, issuerUrl: string): string | undefined {
  const origin = new URL(issuerUrl);
  const [method, host, ...path] = did.split(':').slice(1);
  const expectedHost = origin.port ? `${origin.hostname}%3A${origin.port}` : origin.hostname;
  if (method !== 'web' || host !== expectedHost) return undefined;
  const where =
    path.length > 0 ? `/${path.map(decodeURIComponent).join('/')}/did.json` : '/.well-known/did.json';
  return new URL(where, origin.origin).href;
}

/**
 * Checks the signature of a received credential against its issuer's published key before the wallet
 * keeps it, so a credential altered on the way (or signed by anyone else) is refused.
 *
 * @throws WalletError `ISSUER_UNREACHABLE` when the DID document cannot be read, `SIGNATURE_INVALID`
 *   when the credential does not verify against it.
 */
export async function checkIssuerSignature(jws: string, issuer: string, issuerUrl: string): Promise<void> {
  const url = didDocumentUrl(issuer, issuerUrl);
  if (url === undefined) throw new WalletError('CREDENTIAL_MISMATCH');
  let document: unknown;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(10_000),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error('not ok');
    document = await response.json();
  } catch {
    throw new WalletError('ISSUER_UNREACHABLE');
  }
  const checked = await verifyIssuerSignature(jws, document);
  if (!checked.ok) throw new WalletError('SIGNATURE_INVALID');
}
