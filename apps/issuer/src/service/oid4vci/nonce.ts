import { randomBytes } from 'node:crypto';
import type { SecretBox } from '../../db/index.js';

const NONCE_CONTEXT = 'openid4vci c_nonce';

/** How long a `c_nonce` may be used in a proof, in seconds. */
export const NONCE_LIFETIME_SECONDS = 300;

/**
 * Mints a `c_nonce`: sealed under the configuration secret with its expiry, so the issuer keeps no state
 * for it and any instance sharing the secret accepts it. Replay is bounded by the expiry and by each
 * offer issuing once.
 */
export function mintNonce(box: SecretBox, now: Date): { nonce: string; expiresAt: Date } {
  const expiresAt = new Date(now.getTime() + NONCE_LIFETIME_SECONDS * 1000);
  const nonce = box.seal(
    JSON.stringify({ r: randomBytes(12).toString('base64url'), exp: expiresAt.getTime() }),
    NONCE_CONTEXT,
  );
  return { nonce, expiresAt };
}

/** The expiry of a nonce this issuer minted, or undefined for anything else (forged, altered, foreign). */
export function nonceExpiry(box: SecretBox, nonce: unknown): Date | undefined {
  if (typeof nonce !== 'string' || nonce.length > 500) return undefined;
  try {
    const parsed: unknown = JSON.parse(box.open(nonce, NONCE_CONTEXT));
    if (typeof parsed !== 'object' || parsed === null || !('exp' in parsed)) return undefined;
    return typeof parsed.exp === 'number' ? new Date(parsed.exp) : undefined;
  } catch {
    return undefined;
  }
}
