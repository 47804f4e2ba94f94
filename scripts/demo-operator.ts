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

/**
 * Makes sure the demo operator exists and that its trust list names `entry` and its rules are
 * signed and not about to expire. Lists an operator edited by hand are kept (only re-signed).
 */
export function ensureDemoOperator(files: DemoOperatorFiles, entry: PassageTrustEntry): void {
  const key = operatorKey(files);
  const held = existsSync(files.trustList)
    ? parseTrustListDraft(JSON.parse(readFileSync(files.trustList, 'utf8')))
    : undefined;
  const listed = held?.entries.some((e) => e.framework === 'passage' && e.did === entry.did) ?? false;
  if (!held || !listed || expiresSoon(held.validUntil)) {
    const draft = listed && held ? held : addIssuer(held ?? createTrustList('Passage demo operator'), entry);
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
