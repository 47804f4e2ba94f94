// Passage's own paths: issue (sign and encode to QR text) and verify (QR text to report), the full
// officer path of the verifier service and the bare library call.
import {
  encodeQrText,
  issueCredential,
  type StatusListCache,
  type TrustStore,
  verifyCredentialDetailed,
} from '@passage/credentials';
import { exampleRuleSet } from '@passage/rules';
import { verifyForOfficer } from '@passage/verifier';
import type { BenchAuthority } from './authority.js';
import { cycle, expectOk, type RatedCase } from './case.js';
import { NOW, type StatusLists, vaccinationCredential } from './credentials.js';

/** What a verifier holds: its trust store and its seeded status list cache. */
export interface VerifierState {
  trust: TrustStore;
  statusLists: StatusListCache;
}

/** Issues `count` certificates of `a` in `lists` and answers their QR texts. */
export async function issueQrs(a: BenchAuthority, lists: StatusLists, count: number): Promise<string[]> {
  const qrs: string[] = [];
  for (let i = 0; i < count; i++) qrs.push(await issueQr(a, lists));
  return qrs;
}

/** Issues one certificate (fresh id) and answers its QR text: what `passage.issue` times. */
export async function issueQr(a: BenchAuthority, lists: StatusLists): Promise<string> {
  const jws = await issueCredential(a.agent, { credential: { ...vaccinationCredential(a, lists) } });
  return encodeQrText(jws);
}

export function issueCase(a: BenchAuthority, lists: StatusLists): RatedCase {
  return {
    key: `passage.issue.${a.alg}`,
    label: `Passage issue ${a.alg} (build, sign, QR text)`,
    async: true,
    op: () => issueQr(a, lists),
    baseline: `node.sign.${a.alg}`,
  };
}

/**
 * The credential alone: build (fresh id) and sign to the compact `vc+jwt` JWS the issuer API answers
 * as the credential, without the QR text rendered from it (`passage.issue` adds that).
 */
export function issueJwsCase(a: BenchAuthority, lists: StatusLists): RatedCase {
  return {
    key: `passage.issueJws.${a.alg}`,
    label: `Passage issue ${a.alg}, credential JWS only (build, sign)`,
    async: true,
    op: () => issueCredential(a.agent, { credential: { ...vaccinationCredential(a, lists) } }),
    baseline: `node.sign.${a.alg}`,
  };
}

/** The verifier service's path, entry rules of Thailand included. */
const officer = (qr: string, state: VerifierState) =>
  verifyForOfficer(qr, {
    trust: state.trust,
    now: NOW,
    clockToleranceSec: 60,
    statusLists: state.statusLists,
    entry: { economy: 'THA', ruleSet: exampleRuleSet },
  });

/** Fails unless `qr` verifies with both status entries checked and Thailand's rules met. */
export async function checkOfficer(qr: string, state: VerifierState, what: string): Promise<void> {
  const answer = await officer(qr, state);
  const codes = answer.errors.map((e) => e.code).join(', ');
  expectOk(answer.verified, `${what} does not verify (${codes})`);
  expectOk(answer.checks.status.ok && answer.status?.length === 2, `${what}: status not checked`);
  expectOk(answer.entry?.outcome === 'meets', `${what}: entry rules ${answer.entry?.outcome}`);
}

/** `passage.verify` (full path) and `passage.verifyBare` (verifyCredentialDetailed) on `qrs` in turn. */
export async function verifyCases(
  a: BenchAuthority,
  qrs: readonly string[],
  state: VerifierState,
): Promise<RatedCase[]> {
  for (const qr of qrs) await checkOfficer(qr, state, `Passage ${a.alg} QR`);
  const bare = (qr: string) =>
    verifyCredentialDetailed(qr, { trust: state.trust, now: NOW, status: state.statusLists });
  expectOk(
    qrs.every((qr) => bare(qr).report.verified),
    'verifyCredentialDetailed does not verify',
  );
  const forOfficer = cycle(qrs);
  const forBare = cycle(qrs);
  return [
    {
      key: `passage.verify.${a.alg}`,
      label: `Passage verify ${a.alg} (QR → report + entry rules)`,
      async: true,
      op: () => officer(forOfficer(), state),
      baseline: `node.verify.${a.alg}`,
    },
    {
      key: `passage.verifyBare.${a.alg}`,
      label: `Passage verifyCredentialDetailed ${a.alg} (QR → report)`,
      op: () => bare(forBare()),
      baseline: `node.verify.${a.alg}`,
    },
  ];
}

/** One side of the flatness pair: its certificates and the verifier state they verify against. */
export interface FlatSide {
  qrs: readonly string[];
  state: VerifierState;
  label: string;
}

/**
 * The full path on tiny data (`passage.verifySmall`) and on large data (`passage.verifyLarge`:
 * 1,000,000-entry status lists, a 10,000-entry trust list), the large one rated against the tiny one.
 * They are measured as a pair of their own, so that nothing but the data differs.
 */
export async function flatCases(a: BenchAuthority, tiny: FlatSide, large: FlatSide): Promise<RatedCase[]> {
  const sides = [
    { key: `passage.verifySmall.${a.alg}`, side: tiny },
    { key: `passage.verifyLarge.${a.alg}`, side: large, baseline: `passage.verifySmall.${a.alg}` },
  ];
  const cases: RatedCase[] = [];
  for (const { key, side, baseline } of sides) {
    for (const qr of side.qrs) await checkOfficer(qr, side.state, side.label);
    const next = cycle(side.qrs);
    cases.push({
      key,
      label: side.label,
      async: true,
      op: () => officer(next(), side.state),
      ...(baseline ? { baseline } : {}),
    });
  }
  return cases;
}
