// Turns measured cases into the printed table, the targets of issue 5, the `## Throughput` section
// of docs/benchmarks.md and the closing JSON line.
import type { RatedCase } from './case.js';
import { machineLine, ops } from './doc.js';
import { type Budget, type Measured, pairedRatio } from './measure.js';

export const THROUGHPUT = '## Throughput';

/** A measured case with its ratio to its raw node:crypto baseline. */
export interface Row extends Measured {
  ratio?: number;
  /** Key of the case the ratio is taken against. */
  baseline?: string;
}

export function rowsOf(cases: readonly RatedCase[], measured: readonly Measured[]): Row[] {
  const byKey = new Map(measured.map((m) => [m.key, m]));
  return measured.map((m, i) => {
    const base = cases[i]?.baseline;
    const baseline = base === undefined ? undefined : byKey.get(base);
    return baseline ? { ...m, ratio: pairedRatio(m, baseline), baseline: baseline.key } : { ...m };
  });
}

const pct = (fraction: number) => `±${Math.round((fraction * 100) / 2)} %`;

/** The table, as Markdown (also printed to the terminal). */
export function table(rows: readonly Row[]): string {
  const lines = [
    '| case | ops/s (median) | slowest–fastest round | spread | × raw node:crypto |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const against = r.baseline?.startsWith('node.') === false ? ' of the tiny data' : '';
    const ratio = r.ratio === undefined ? '1 (baseline)' : `${r.ratio.toFixed(2)}×${against}`;
    lines.push(
      `| ${r.label} | ${ops(r.opsPerSec)} | ${ops(r.minOpsPerSec)}–${ops(r.maxOpsPerSec)} | ${pct(r.spread)} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}

/** One target of issue 5: what is asked, what was measured, whether it holds. */
export interface Target {
  name: string;
  measured: string;
  met: boolean;
  /** The same ratio for the floor (the unavoidable steps, no checks), where the bench has one. */
  floor?: string;
}

const shown = (ratio: number) => `${ratio.toFixed(ratio < 10 ? 3 : 1)}×`;

function ratioTarget(
  rows: Map<string, Row>,
  name: string,
  key: string,
  over: string,
  min: number,
  floorKey?: string,
): Target | undefined {
  const a = rows.get(key);
  const b = rows.get(over);
  if (!a || !b) return undefined;
  const ratio = pairedRatio(a, b);
  const floor = floorKey === undefined ? undefined : rows.get(floorKey);
  // Three decimals near the threshold, so that 0.497× is not shown as a 0.50× that failed.
  return {
    name,
    measured: shown(ratio),
    met: ratio >= min,
    ...(floor ? { floor: shown(pairedRatio(floor, b)) } : {}),
  };
}

/** Every in-process target of issue 5 this run can judge. */
export function targets(rows: readonly Row[]): Target[] {
  const by = new Map(rows.map((r) => [r.key, r]));
  const list = [
    ratioTarget(
      by,
      'verify ES256 ≥ 0.7× raw node:crypto verify',
      'passage.verify.ES256',
      'node.verify.ES256',
      0.7,
      'floor.verify.ES256',
    ),
    ratioTarget(
      by,
      'verify Ed25519 ≥ 0.7× raw node:crypto verify',
      'passage.verify.EdDSA',
      'node.verify.EdDSA',
      0.7,
      'floor.verify.EdDSA',
    ),
    ratioTarget(
      by,
      'verify ES256 ≥ 20× Veramo verifyCredential',
      'passage.verify.ES256',
      'veramo.verify.ES256',
      20,
    ),
    ratioTarget(
      by,
      'verify ES256 faster than jose compactVerify',
      'passage.verify.ES256',
      'jose.verify.ES256',
      1,
    ),
    ratioTarget(
      by,
      'verify Ed25519 faster than jose compactVerify',
      'passage.verify.EdDSA',
      'jose.verify.EdDSA',
      1,
    ),
    ratioTarget(
      by,
      'issue ES256 (to QR text) ≥ 0.5× raw node:crypto sign',
      'passage.issue.ES256',
      'node.sign.ES256',
      0.5,
      'floor.issue.ES256',
    ),
    ratioTarget(
      by,
      'issue ES256, credential JWS only ≥ 0.5× raw node:crypto sign',
      'passage.issueJws.ES256',
      'node.sign.ES256',
      0.5,
    ),
    ratioTarget(
      by,
      'issue Ed25519, credential JWS only ≥ 0.5× raw node:crypto sign',
      'passage.issueJws.EdDSA',
      'node.sign.EdDSA',
      0.5,
    ),
    ratioTarget(
      by,
      'issue Ed25519 (to QR text) ≥ 0.5× raw node:crypto sign',
      'passage.issue.EdDSA',
      'node.sign.EdDSA',
      0.5,
      'floor.issue.EdDSA',
    ),
    ratioTarget(
      by,
      'verify flat as data grows: 1M-entry status list + 10k-entry trust list ≥ 0.9× tiny ones',
      'passage.verifyLarge.ES256',
      'passage.verifySmall.ES256',
      0.9,
    ),
    ratioTarget(by, 'EU DCC verify ≥ 0.5× raw verify (ES256)', 'dcc.verify', 'node.verify.dcc', 0.5),
    ratioTarget(
      by,
      'SMART Health Card verify ≥ 0.5× raw verify (ES256)',
      'shc.verify',
      'node.verify.shc',
      0.5,
    ),
    ratioTarget(by, 'ICAO VDS-NC verify ≥ 0.5× raw verify (ES256)', 'icao.verify', 'node.verify.icao', 0.5),
  ];
  return list.filter((t): t is Target => t !== undefined);
}

export function targetTable(list: readonly Target[]): string {
  return [
    '| target (issue 5) | measured | met | floor: the same ratio with no checks at all |',
    '| --- | ---: | :---: | ---: |',
    ...list.map((t) => `| ${t.name} | ${t.measured} | ${t.met ? 'yes' : '**no**'} | ${t.floor ?? '–'} |`),
  ].join('\n');
}

/** The `## Throughput` section. */
export function throughputSection(
  rows: readonly Row[],
  budget: Budget,
  quick: boolean,
  notes: readonly string[],
): string {
  return [
    THROUGHPUT,
    '',
    `Measured ${new Date().toISOString()} on ${machineLine()}.`,
    `Reproduce with \`corepack pnpm bench${quick ? ' --quick' : ''}\` (scripts/bench.ts, helpers in scripts/bench/): ` +
      `every case warmed up ${budget.warmupMs} ms, then ${budget.batches} timed rounds of about ` +
      `${Math.round(budget.measureMs / budget.batches)} ms per case, round-robin over the cases so that a ` +
      'burst of load elsewhere hits all of them alike. A figure is the median round; "spread" is half the ' +
      'gap between the slowest and the fastest round, relative to the median. A ratio is the median over ' +
      'rounds of the ratio within a round (cases of one round run close together in time). Every ' +
      'verifying case goes round a pool of 32 different credentials, so no cache keyed by the input helps.',
    '',
    '**Use a quiet machine.** On 2 shared cores, other processes (tests, builds) take CPU from the ' +
      'benchmark: absolute figures then drop and spread grows, while the ratios, measured in the same ' +
      'rounds, move less. Figures to compare with the targets come from a run on an otherwise idle machine.',
    '',
    table(rows),
    '',
    targetTable(targets(rows)),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
