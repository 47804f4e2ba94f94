// The demo operator of `pnpm start`: its key pair, the signed trust list naming the demo authority,
// and the signed example entry rules, kept in the data folder and re-signed before they expire.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PassageTrustEntry } from '@passage/credentials';
import { exampleRuleSet, parseRuleSet, signRuleSet } from '@passage/rules';
import {
  addIssuer,
  createTrustList,
  generateOperatorKey,
  type OperatorPrivateJwk,
  parseOperatorPrivateJwk,
  parseTrustListDraft,
  signTrustList,
  type TrustListDraft,
  type TrustListEntry,
  trustEntryIdentity,
} from '@passage/trust';

/** Where the demo operator's files are. */
export interface DemoOperatorFiles {
  privateKey: string;
  publicKey: string;
  trustList: string;
  entryRules: string;
}

const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

export function demoOperatorFiles(dataDir: string, trustList: string, entryRules: string): DemoOperatorFiles {
  return {
    privateKey: join(dataDir, 'operator.jwk.json'),
    publicKey: join(dataDir, 'operator.pub.jwk.json'),
    trustList,
    entryRules,
  };
}

function operatorKey(files: DemoOperatorFiles): OperatorPrivateJwk {
  if (existsSync(files.privateKey)) {
    return parseOperatorPrivateJwk(JSON.parse(readFileSync(files.privateKey, 'utf8')));
  }
  const { privateJwk, publicJwk } = generateOperatorKey();
  writeFileSync(files.privateKey, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
  writeFileSync(files.publicKey, `${JSON.stringify(publicJwk, null, 2)}\n`);
  return privateJwk;
}

const expiresSoon = (validUntil: string | undefined) =>
  validUntil !== undefined && Date.parse(validUntil) - Date.now() < RENEW_BEFORE_MS;

/** The draft with `foreign` entries added where the list has no entry of the same identity. */
function withForeign(draft: TrustListDraft, foreign: readonly TrustListEntry[]): TrustListDraft {
  const held = new Set(draft.entries.map(trustEntryIdentity));
  const missing = foreign.filter((entry) => !held.has(trustEntryIdentity(entry)));
  return missing.length === 0 ? draft : { ...draft, entries: [...draft.entries, ...missing] };
}

/**
 * Makes sure the demo operator exists and that its trust list names `entry` and the demo authority's
 * `foreign` entries (its EU DCC signer, its SMART Health Card keys), and that the list and the rules
 * are signed and not about to expire. Lists an operator edited by hand are kept (only re-signed).
 */
export function ensureDemoOperator(
  files: DemoOperatorFiles,
  entry: PassageTrustEntry,
  foreign: readonly TrustListEntry[] = [],
): void {
  const key = operatorKey(files);
  const held = existsSync(files.trustList)
    ? parseTrustListDraft(JSON.parse(readFileSync(files.trustList, 'utf8')))
    : undefined;
  const listed = held?.entries.some((e) => e.framework === 'passage' && e.did === entry.did) ?? false;
  const draft = withForeign(
    listed && held ? held : addIssuer(held ?? createTrustList('Passage demo operator'), entry),
    foreign,
  );
  if (!held || draft !== held || expiresSoon(held.validUntil)) {
    writeFileSync(
      files.trustList,
      `${JSON.stringify(signTrustList(draft, key, { validDays: 30 }), null, 2)}\n`,
    );
  }
  const rules = existsSync(files.entryRules)
    ? parseRuleSet(JSON.parse(readFileSync(files.entryRules, 'utf8')))
    : undefined;
  if (!rules || rules.proof === undefined || expiresSoon(rules.validUntil)) {
    const signed = signRuleSet(rules ?? exampleRuleSet, key, { bumpVersion: rules !== undefined });
    writeFileSync(files.entryRules, `${JSON.stringify(signed, null, 2)}\n`);
  }
}
