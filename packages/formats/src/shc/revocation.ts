import type { VerificationCode } from '@passage/credentials/pure';
import type { ShcRevocationList } from './trust-list.js';

/** The status check's outcome, with a message when it failed. */
export type ShcRevocationOutcome = { ok: true } | { ok: false; code: VerificationCode; message: string };

/**
 * Checks a card against its key's revocation list (SMART Health Cards framework, "Revocation"): a card
 * is revoked when its `rid` is listed, and, when the entry carries `.<timestamp>`, the card's `nbf` is
 * before that timestamp. A key that announces a `crlVersion` while the trust entry holds no list for it
 * (or an older one) cannot be checked offline: STATUS_UNAVAILABLE, unless the held list already revokes.
 */
export function checkShcRevocation(
  card: { rid: string | undefined; nbf: number | undefined },
  key: { crlVersion?: number },
  crl: ShcRevocationList | undefined,
): ShcRevocationOutcome {
  // Only the `rid` method is specified by the framework; legacy methods derive ids from content.
  if (crl !== undefined && crl.method !== 'rid') {
    return {
      ok: false,
      code: 'STATUS_UNAVAILABLE',
      message: 'the revocation method of this key is not supported',
    };
  }
  if (card.rid === undefined) return { ok: true };
  const before = crl?.revokedBefore.get(card.rid);
  if (before !== undefined && (before === Number.POSITIVE_INFINITY || (card.nbf ?? 0) < before)) {
    return { ok: false, code: 'REVOKED', message: 'the issuer has revoked this card' };
  }
  if (key.crlVersion !== undefined && (crl === undefined || crl.ctr < key.crlVersion)) {
    return {
      ok: false,
      code: 'STATUS_UNAVAILABLE',
      message: 'the issuer publishes a revocation list for this key that the trust list does not hold',
    };
  }
  return { ok: true };
}
