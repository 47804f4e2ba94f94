import { CredentialError } from '../errors.js';

/**
 * The did:web DID for a path under a public URL: `http://127.0.0.1:4001` and `authorities/moh-th`
 * give `did:web:127.0.0.1%3A4001:authorities:moh-th`.
 */
export function didWebFor(publicUrl: string, path: string[]): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch (cause) {
    throw new CredentialError('INVALID_ARGUMENT', 'the public URL is not a URL', { cause });
  }
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const segments = [...url.pathname.split('/'), ...path].filter((s) => s !== '').map(encodeURIComponent);
  return ['did:web', host, ...segments].join(':');
}

/**
 * Where a did:web's DID document lives (did:web §3.2): `did:web:example.org` is
 * `https://example.org/.well-known/did.json`; path segments become a path ending in `/did.json`.
 * `scheme` is `http` only for local development.
 */
export function didWebToUrl(did: string, scheme: 'https' | 'http' = 'https'): string {
  if (!did.startsWith('did:web:')) throw new CredentialError('INVALID_ARGUMENT', 'not a did:web');
  const [host, ...path] = did.slice('did:web:'.length).split('#')[0]?.split(':') ?? [];
  if (!host) throw new CredentialError('INVALID_ARGUMENT', 'a did:web names a host');
  const base = `${scheme}://${decodeURIComponent(host)}`;
  return path.length === 0
    ? `${base}/.well-known/did.json`
    : `${base}/${path.map(decodeURIComponent).join('/')}/did.json`;
}
