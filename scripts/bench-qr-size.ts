/**
 * QR size benchmark: issues every credential variant that matters in practice through the public
 * APIs of @passage/schema and @passage/credentials, encodes it as QR text, verifies that QR text
 * (a size is only worth reporting for a QR that verifies) and compares the sizes with the EU DCC.
 * Prints a table and rewrites the `## QR sizes` section of docs/benchmarks.md.
 *
 * Run: corepack pnpm bench:qr
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, type as osType, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  createTrustStore,
  decodeQrText,
  encodeQrText,
  issueCredential,
  type PassageAgent,
  qrVersionFor,
  type SecuringFormat,
  type TrustStore,
  trustEntryFor,
  verifyCredential,
} from '@passage/credentials';
import {
  APEC_ECONOMIES,
  type CredentialType,
  completeTravelCardInput,
  completeVaccinationInput,
  credentialSchemaPath,
  exampleTravelCardInput,
  exampleVaccinationInput,
  type PreClearance,
  type TravelCardInput,
  type VaccinationInput,
} from '@passage/schema';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const DCC_VECTORS = join(ROOT, '..', 'shared', 'vectors', 'dcc');
const SECTION = '## QR sizes';
/** Issuances per variant: the credential id is random, so sizes move by a few characters. */
const RUNS = 15;
const PUBLIC_URL = 'https://issuer.health.go.th';
const ISSUED_AT = new Date('2025-01-15T09:00:00Z');
const CHECKED_AT = new Date('2025-01-15T10:00:00Z');
/** The EU's full DCC test set, as /work/shared/vectors/README.md reports it. */
const EU_QUOTED = { median: 555, min: 205, max: 1093, versionMin: 10, versionMax: 26, versionMedian: 18 };

type Alg = 'ES256' | 'EdDSA';
interface Variant {
  label: string;
  type: CredentialType;
  alg: Alg;
  format: SecuringFormat;
  subject: { subject: object; validFrom: string; validUntil: string };
}
/** One issuance: the compact JWS, its QR text and the QR version at level Q. */
interface Sample {
  jws: number;
  qr: number;
  version: number;
}
interface Row {
  variant: Variant;
  samples: Sample[];
}

function fail(message: string): never {
  console.error(`bench-qr-size: ${message}`);
  process.exit(1);
}

/** The example certificate with 1, 2 or 3 doses (the third a booster from the same brand). */
function vaccination(doses: 1 | 2 | 3): Variant['subject'] {
  const [first, second] = exampleVaccinationInput.vaccinations;
  if (!first || !second) return fail('the vaccination example lost its doses');
  const booster = { ...second, lot: 'GH7203', date: '2024-10-02', dose: 3, totalDoses: 3 };
  const input: VaccinationInput = {
    ...exampleVaccinationInput,
    vaccinations: [first, second, booster].slice(0, doses),
  };
  const done = completeVaccinationInput(input, {
    issuedAt: ISSUED_AT,
    hcid: 'TH-MOPH-2025-000123',
    economy: 'THA',
  });
  if (!done.ok) return fail(`vaccination input refused at ${done.issues.map((i) => i.path).join(', ')}`);
  return done.value;
}

/** The example card with `count` pre-clearances from other APEC economies (the example's four first). */
function travelCard(count: number): Variant['subject'] {
  const taken = new Set(exampleTravelCardInput.preClearances.map((p) => p.economy));
  const more = APEC_ECONOMIES.filter((e) => e.alpha3 !== 'SGP' && !taken.has(e.alpha3)).map(
    (e): PreClearance => ({ economy: e.alpha3, status: 'granted', maxStayDays: 90 }),
  );
  const input: TravelCardInput = {
    ...exampleTravelCardInput,
    preClearances: [...exampleTravelCardInput.preClearances, ...more].slice(0, count),
  };
  const done = completeTravelCardInput(input, {
    issuedAt: ISSUED_AT,
    cardNumber: 'SG-ABTC-2025-004211',
    economy: 'SGP',
  });
  if (!done.ok) return fail(`travel card input refused at ${done.issues.map((i) => i.path).join(', ')}`);
  return done.value;
}

function variants(): Variant[] {
  const vac = (doses: 1 | 2 | 3, alg: Alg = 'ES256', format: SecuringFormat = 'vc+jwt'): Variant => ({
    label: `vaccination, ${doses} dose${doses === 1 ? '' : 's'}`,
    type: 'VaccinationCertificate',
    alg,
    format,
    subject: vaccination(doses),
  });
  const card = (count: number, alg: Alg = 'ES256', format: SecuringFormat = 'vc+jwt'): Variant => ({
    label: `travel card, ${count} pre-clearance${count === 1 ? '' : 's'}`,
    type: 'BusinessTravelCard',
    alg,
    format,
    subject: travelCard(count),
  });
  return [
    vac(1),
    vac(2),
    vac(3),
    vac(2, 'EdDSA'),
    vac(2, 'ES256', 'jwt'),
    card(1),
    card(4),
    card(10),
    card(4, 'EdDSA'),
    card(4, 'ES256', 'jwt'),
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function range(values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? `${low}` : `${low}–${high}`;
}

async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(e.parentPath, e.name));
}

/** The DCC sizes measured on the EU test cases at hand: every `PREFIX` string found. */
async function measureDcc() {
  if (!existsSync(DCC_VECTORS)) return undefined;
  const lengths: number[] = [];
  const versions: number[] = [];
  for (const file of await jsonFiles(DCC_VECTORS)) {
    const prefix: unknown = (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>).PREFIX;
    if (typeof prefix !== 'string' || prefix.length === 0) continue;
    lengths.push(prefix.length);
    try {
      versions.push(qrVersionFor(prefix));
    } catch {
      // A few negative test cases hold text outside the QR alphanumeric set: no version to report.
    }
  }
  if (lengths.length === 0 || versions.length === 0) return undefined;
  return {
    count: lengths.length,
    median: median(lengths),
    range: range(lengths),
    versions: versions.length,
    versionMedian: median(versions),
    versionRange: range(versions),
  };
}

/** An authority's DID in its own agent, with the trust store a verifier would hold for it. */
interface Authority {
  agent: PassageAgent;
  did: string;
  trust: TrustStore;
}
type Authorities = Record<Alg, Authority>;

/** Issues, encodes and verifies one credential; exits if its QR text does not verify. */
async function sample(authority: Authority, variant: Variant): Promise<Sample> {
  const credential = buildCredential({
    type: variant.type,
    issuer: authority.did,
    ...variant.subject,
    schemaUrl: `${PUBLIC_URL}/${credentialSchemaPath(variant.type)}`,
  });
  const jws = await issueCredential(authority.agent, {
    credential: { ...credential },
    format: variant.format,
  });
  const text = encodeQrText(jws);
  const name = `${variant.label} (${variant.alg}, ${variant.format})`;
  if (decodeQrText(text) !== jws) fail(`${name}: the QR text does not give back the JWS`);
  const report = verifyCredential(text, { trust: authority.trust, now: CHECKED_AT });
  if (!report.verified || report.envelope !== 'qr' || report.credentialType !== variant.type) {
    fail(`${name}: the QR does not verify (${report.errors.map((e) => e.code).join(', ') || 'wrong type'})`);
  }
  return { jws: jws.length, qr: text.length, version: qrVersionFor(text) };
}

async function authority(keyType: 'Secp256r1' | 'Ed25519'): Promise<Authority> {
  const { agent } = createPassageAgent(createMemoryStores());
  const identifier = await createAuthorityDid(agent, { publicUrl: PUBLIC_URL, slug: 'moh', keyType });
  const entry = trustEntryFor(identifier, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate', 'BusinessTravelCard'],
  });
  return { agent, did: identifier.did, trust: createTrustStore({ entries: [entry] }) };
}

async function measure(authorities: Authorities, variant: Variant): Promise<Row> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await sample(authorities[variant.alg], variant));
  return { variant, samples };
}

type DccFigures = Awaited<ReturnType<typeof measureDcc>>;

function table(rows: readonly Row[]): string {
  const lines = [
    `| credential | alg | securing | JWS chars | QR text chars (range) | QR / JWS | QR version (Q) | vs DCC median ${EU_QUOTED.median} |`,
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { variant, samples } of rows) {
    const jws = median(samples.map((s) => s.jws));
    const qr = median(samples.map((s) => s.qr));
    lines.push(
      `| ${[
        variant.label,
        variant.alg,
        `\`${variant.format}\``,
        jws,
        `${qr} (${range(samples.map((s) => s.qr))})`,
        `${Math.round((qr / jws) * 100)} %`,
        range(samples.map((s) => s.version)),
        `${(qr / EU_QUOTED.median).toFixed(2)}×`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function dccLines(dcc: DccFigures): string[] {
  const q = EU_QUOTED;
  const lines = [
    `- EU DCC, full EU test set (quoted in \`shared/vectors/README.md\`): \`HC1:\` text of ${q.min}–${q.max} chars, median ${q.median}; QR version ${q.versionMin}–${q.versionMax} at level Q, median about ${q.versionMedian}.`,
  ];
  if (!dcc)
    return [...lines, '- EU DCC test cases not found beside the project: only the quoted figures are shown.'];
  return [
    ...lines,
    `- EU DCC, measured here on the ${dcc.count} test cases in \`shared/vectors/dcc\` (common, AT, DE; every \`PREFIX\`, negative cases included): ${dcc.range} chars, median ${dcc.median}; QR version ${dcc.versionRange} at level Q, median ${dcc.versionMedian} (over the ${dcc.versions} texts that are QR alphanumeric). These files are a sample of that full set.`,
  ];
}

function section(rows: readonly Row[], dcc: DccFigures): string {
  const cores = cpus();
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  const machine = `${cores[0]?.model.trim() ?? 'unknown CPU'}, ${cores.length} cores, ${memory} RAM, ${osType()} ${release()} (${arch()})`;
  return [
    SECTION,
    '',
    `Measured ${new Date().toISOString()} on ${machine}, Node ${process.version}.`,
    'Reproduce with `corepack pnpm bench:qr` (scripts/bench-qr-size.ts).',
    '',
    'Each credential is built from the `@passage/schema` examples, issued by an in-memory agent as',
    '`did:web:issuer.health.go.th:authorities:moh` (a P-256 and an Ed25519 authority, one agent each, so',
    'the DID costs both the same bytes), encoded with `encodeQrText` and verified from its QR text before',
    `its size is counted. Each variant is issued ${RUNS} times: the table gives the median and the range,`,
    'which comes from the random `urn:uuid:` credential id compressing better or worse.',
    '',
    table(rows),
    '',
    ...dccLines(dcc),
    '- The vaccination certificate carries the DDCC:VS core data set (coded vaccine and disease, brand,',
    '  manufacturer, lot, centre) per dose; the DCC carries one dose per certificate.',
    '',
  ].join('\n');
}

/** Replaces the `## QR sizes` section (up to the next `## ` heading), keeping every other section. */
async function writeDoc(text: string): Promise<void> {
  const header =
    '# Benchmarks\n\nSpeed and size figures, each section written by its script under `scripts/bench*`.\n';
  const current = existsSync(DOC) ? await readFile(DOC, 'utf8') : header;
  const start = current.search(/^## QR sizes$/m);
  if (start === -1) {
    await writeFile(DOC, `${current.trimEnd()}\n\n${text}`);
    return;
  }
  const rest = current.slice(start + SECTION.length);
  const next = rest.search(/^## /m);
  const after = next === -1 ? '' : `\n${rest.slice(next)}`;
  await writeFile(DOC, `${current.slice(0, start)}${text}${after}`);
}

const authorities: Authorities = { ES256: await authority('Secp256r1'), EdDSA: await authority('Ed25519') };
const rows: Row[] = [];
for (const variant of variants()) rows.push(await measure(authorities, variant));
const dcc = await measureDcc();
const text = section(rows, dcc);
console.log(text);
await writeDoc(text);
console.log(`All ${rows.length * RUNS} QR codes verified. Wrote ${DOC}`);
