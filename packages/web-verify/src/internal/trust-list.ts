import { type OperatorPublicJwk as OperatorKey, type TrustList, trustListSchema } from '@passage/trust/pure';
import * as canonicalizeModule from 'canonicalize';
import { WebVerifyError } from '../errors.js';
import type { PassageTrustEntry } from './credentials.js';
import { verifySignedDocument } from './signed-document.js';

const serialize: (input: unknown) => string | undefined = canonicalizeModule.default;
/** A signed trust list the web verifier accepted. */
export type WebTrustList = TrustList;

/** The Passage issuers of a trust list. */
export const passageEntriesOf = (list: WebTrustList): PassageTrustEntry[] =>
  list.entries.filter((e): e is PassageTrustEntry => e.framework === 'passage');

const bodyText = (list: WebTrustList): string | undefined => {
  const { proof: _proof, ...body } = list;
  return serialize(body);
};

/**
 * Checks that a candidate trust list may be used (and replace `held`), with the rules of
 * `checkTrustListAcceptable` of `@passage/trust`: signed by a pinned operator key, well formed, valid
 * at `now` (issuedAt may be up to 300 s ahead), and not older than, nor different at the version of,
 * the list held.
 *
 * @throws WebVerifyError with the trust list code of the failed step.
 */
export async function acceptTrustList(
  candidate: unknown,
  held: WebTrustList | undefined,
  options: { now: Date; operatorKeys: readonly OperatorKey[]; clockToleranceSec?: number },
): Promise<WebTrustList> {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate))
    throw new WebVerifyError('TRUST_LIST_INVALID', 'the trust list is not a JSON object');
  const signature = await verifySignedDocument(candidate, options.operatorKeys, 'passage-trust-list+json');
  if (!signature.ok)
    throw new WebVerifyError(
      'TRUST_LIST_SIGNATURE_INVALID',
      `the trust list signature is not valid (${signature.code})`,
    );
  const parsed = trustListSchema.safeParse(candidate);
  if (!parsed.success)
    throw new WebVerifyError('TRUST_LIST_INVALID', 'the trust list does not match the trust list schema');
  const list = parsed.data;
  const now = options.now.getTime();
  const tolerance = (options.clockToleranceSec ?? 300) * 1000;
  if (list.validFrom !== undefined && now < Date.parse(list.validFrom))
    throw new WebVerifyError('TRUST_LIST_NOT_YET_VALID', 'the trust list is not valid yet');
  if (now + tolerance < Date.parse(list.issuedAt))
    throw new WebVerifyError('TRUST_LIST_NOT_YET_VALID', 'the trust list is issued in the future');
  if (now > Date.parse(list.validUntil))
    throw new WebVerifyError('TRUST_LIST_EXPIRED', 'the trust list has expired');
  if (held !== undefined) {
    if (list.version < held.version)
      throw new WebVerifyError('TRUST_LIST_ROLLBACK', 'the trust list is older than the one held');
    if (list.version === held.version && bodyText(list) !== bodyText(held))
      throw new WebVerifyError(
        'TRUST_LIST_CONFLICT',
        'the trust list has the version of the one held but other content',
      );
  }
  return list;
}
