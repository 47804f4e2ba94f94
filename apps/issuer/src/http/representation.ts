import { envelopedCredential } from '@passage/credentials';
import type { IssuedCredential } from '../service/persist.js';

/** The path segment a credential id takes in URLs: the UUID of a `urn:uuid:` id, else the escaped id. */
export function credentialPathId(id: string): string {
  return id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : encodeURIComponent(id);
}

/** The credential id a URL path segment names. */
export function credentialIdFromPath(segment: string): string {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)
    ? `urn:uuid:${segment.toLowerCase()}`
    : segment;
}

/**
 * How an issued credential is answered: the signed credential (an enveloped VC 2.0 credential for
 * vc+jwt, the JWT itself for VC 1.1), the compact JWS, the QR text and links to the QR images.
 */
export function issuedBody(publicUrl: string, issued: IssuedCredential): Record<string, unknown> {
  const base = `${publicUrl}/v1/credentials/${credentialPathId(issued.id)}`;
  return {
    id: issued.id,
    type: issued.type,
    format: issued.format,
    credential: issued.format === 'vc+jwt' ? envelopedCredential(issued.jws) : issued.jws,
    jws: issued.jws,
    qr: issued.qr,
    validFrom: issued.validFrom.toISOString(),
    ...(issued.validUntil ? { validUntil: issued.validUntil.toISOString() } : {}),
    links: { self: base, png: `${base}/qr.png`, svg: `${base}/qr.svg` },
  };
}
