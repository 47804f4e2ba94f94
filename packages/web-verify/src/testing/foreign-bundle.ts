// Test fixtures: offline bundles whose signed trust list carries foreign trust entries (EU DCC
// signers, SMART Health Card issuers, ICAO CSCAs), for the web verifier's foreign-format tests.
import { exampleRuleSet, signRuleSet } from '@passage/rules';
import { createTrustList, signTrustList, type TrustListDraft } from '@passage/trust';
import { type OfflineBundle, parseBundle } from '@passage/verifier';
import { operator } from './fixtures.js';

/** What a foreign bundle holds besides its entries: when it was signed, and whether it has rules. */
export interface ForeignBundleOptions {
  /** Default: 2020-01-01, so the vectors' clocks (2021–2023) fall in the list's ten years. */
  signedAt?: Date;
  /** Adds the example entry rules (Thailand, Japan), signed at the same time. */
  withRules?: boolean;
}

/** A bundle signed by the fixtures' operator whose trust list holds `entries`, valid ten years. */
export function foreignBundle(
  entries: readonly Record<string, unknown>[],
  options: ForeignBundleOptions = {},
): OfflineBundle {
  const signedAt = options.signedAt ?? new Date('2020-01-01T00:00:00Z');
  const draft = { ...createTrustList('Test', signedAt), entries: [...entries] } as TrustListDraft;
  return parseBundle(
    JSON.stringify({
      type: 'PassageOfflineBundle',
      createdAt: signedAt.toISOString(),
      trustList: signTrustList(draft, operator.privateJwk, { now: signedAt, validDays: 3650 }),
      ...(options.withRules
        ? { rules: signRuleSet(exampleRuleSet, operator.privateJwk, { now: signedAt }) }
        : {}),
      statusLists: [],
      didDocuments: [],
    }),
  );
}
