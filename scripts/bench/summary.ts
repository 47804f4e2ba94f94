// The closing JSON line of `pnpm bench`: headline figures under the names issue 5 asks for, then
// every case by key.
import { pairedRatio } from './measure.js';
import type { Row } from './throughput.js';

const round = (n: number | undefined, digits = 0) =>
  n === undefined ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** The one-line JSON summary. Headline figures are ES256, Passage's default algorithm. */
export function summaryJson(rows: readonly Row[], quick: boolean): Record<string, unknown> {
  const by = new Map(rows.map((r) => [r.key, r]));
  const rate = (key: string) => by.get(key)?.opsPerSec;
  const ratio = (a: string, b: string) => {
    const x = by.get(a);
    const y = by.get(b);
    return x === undefined || y === undefined ? undefined : pairedRatio(x, y);
  };
  return {
    verifyOpsPerSec: round(rate('passage.verify.ES256')),
    verifyRatioToNodeCrypto: round(ratio('passage.verify.ES256', 'node.verify.ES256'), 3),
    issueOpsPerSec: round(rate('passage.issue.ES256')),
    issueRatioToNodeCrypto: round(ratio('passage.issue.ES256', 'node.sign.ES256'), 3),
    issueJwsOpsPerSec: round(rate('passage.issueJws.ES256')),
    issueJwsRatioToNodeCrypto: round(ratio('passage.issueJws.ES256', 'node.sign.ES256'), 3),
    veramoVerifyOpsPerSec: round(rate('veramo.verify.ES256')),
    joseVerifyOpsPerSec: round(rate('jose.verify.ES256')),
    nodeVerifyOpsPerSec: round(rate('node.verify.ES256')),
    nodeSignOpsPerSec: round(rate('node.sign.ES256')),
    joseSignOpsPerSec: round(rate('jose.sign.ES256')),
    veramoIssueOpsPerSec: round(rate('veramo.issue.ES256')),
    verifyBareOpsPerSec: round(rate('passage.verifyBare.ES256')),
    verifyToVeramo: round(ratio('passage.verify.ES256', 'veramo.verify.ES256'), 2),
    verifyToJose: round(ratio('passage.verify.ES256', 'jose.verify.ES256'), 3),
    verifyEd25519OpsPerSec: round(rate('passage.verify.EdDSA')),
    verifyEd25519RatioToNodeCrypto: round(ratio('passage.verify.EdDSA', 'node.verify.EdDSA'), 3),
    issueEd25519OpsPerSec: round(rate('passage.issue.EdDSA')),
    issueEd25519RatioToNodeCrypto: round(ratio('passage.issue.EdDSA', 'node.sign.EdDSA'), 3),
    verifyFloorRatioToNodeCrypto: round(ratio('floor.verify.ES256', 'node.verify.ES256'), 3),
    issueFloorRatioToNodeCrypto: round(ratio('floor.issue.ES256', 'node.sign.ES256'), 3),
    verifyLargeOpsPerSec: round(rate('passage.verifyLarge.ES256')),
    verifyLargeToSmall: round(ratio('passage.verifyLarge.ES256', 'passage.verifySmall.ES256'), 3),
    dccVerifyOpsPerSec: round(rate('dcc.verify')),
    dccRatioToNodeCrypto: round(ratio('dcc.verify', 'node.verify.dcc'), 3),
    shcVerifyOpsPerSec: round(rate('shc.verify')),
    shcRatioToNodeCrypto: round(ratio('shc.verify', 'node.verify.shc'), 3),
    icaoVerifyOpsPerSec: round(rate('icao.verify')),
    icaoRatioToNodeCrypto: round(ratio('icao.verify', 'node.verify.icao'), 3),
    quick,
    node: process.version,
    cases: Object.fromEntries(
      rows.map((r) => [
        r.key,
        { opsPerSec: round(r.opsPerSec), spread: round(r.spread, 3), ratio: round(r.ratio, 3) },
      ]),
    ),
  };
}
