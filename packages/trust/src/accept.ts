import { TrustListError } from './errors.js';
import { jcsBytes } from './internal/jcs.js';
import type { OperatorPublicJwk } from './operator-key.js';
import { verifySignedDocument } from './signed-document.js';
import { parseTrustList } from './trust-list.js';
import { TRUST_LIST_TYP, type TrustList } from './trust-list-schema.js';

/** How a candidate list is judged. */
export interface AcceptOptions {
  /** The validation clock. */
  now: Date;
  /** The operator key(s) the verifier pins; several during a key rotation. */
  operatorKey: OperatorPublicJwk | readonly OperatorPublicJwk[];
  /** Slack for an `issuedAt` a little ahead of the local clock, in seconds (default 300). */
  clockToleranceSec?: number;
}

function bodyOf(list: TrustList): Buffer {
  const { proof: _proof, ...body } = list;
  return jcsBytes(body);
}

/**
 * Checks that a candidate trust list may replace the one held: signed by a pinned operator key, of
 * the right shape, valid now, and not older than the held list. Returns the parsed list.
 *
 * @throws TrustListError `TRUST_LIST_INVALID` (not a trust list), `TRUST_LIST_SIGNATURE_INVALID` (no
 *   proof, tampered, or another key), `TRUST_LIST_NOT_YET_VALID`, `TRUST_LIST_EXPIRED`,
 *   `TRUST_LIST_ROLLBACK` (lower version than held), `TRUST_LIST_CONFLICT` (same version, other content).
 * @example
 * held = checkTrustListAcceptable(JSON.parse(text), held, { now: new Date(), operatorKey });
 */
export function checkTrustListAcceptable(
  candidate: unknown,
  held: TrustList | undefined,
  options: AcceptOptions,
): TrustList {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate))
    throw new TrustListError('TRUST_LIST_INVALID', 'the trust list is not a JSON object');
  const signature = verifySignedDocument(candidate, options.operatorKey, { typ: TRUST_LIST_TYP });
  if (!signature.ok)
    throw new TrustListError(
      'TRUST_LIST_SIGNATURE_INVALID',
      `the trust list signature is not valid (${signature.code})`,
    );
  const list = parseTrustList(candidate);
  const now = options.now.getTime();
  const tolerance = (options.clockToleranceSec ?? 300) * 1000;
  if (list.validFrom !== undefined && now < Date.parse(list.validFrom))
    throw new TrustListError('TRUST_LIST_NOT_YET_VALID', 'the trust list is not valid yet');
  if (now + tolerance < Date.parse(list.issuedAt))
    throw new TrustListError('TRUST_LIST_NOT_YET_VALID', 'the trust list is issued in the future');
  if (now > Date.parse(list.validUntil))
    throw new TrustListError('TRUST_LIST_EXPIRED', 'the trust list has expired');
  if (held !== undefined) {
    if (list.version < held.version)
      throw new TrustListError('TRUST_LIST_ROLLBACK', 'the trust list is older than the one held');
    if (list.version === held.version && !bodyOf(list).equals(bodyOf(held)))
      throw new TrustListError(
        'TRUST_LIST_CONFLICT',
        'the trust list has the version of the one held but other content',
      );
  }
  return list;
}
