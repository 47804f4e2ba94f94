/**
 * QR size benchmark: issues every credential variant that matters in practice through the public
 * APIs of @passage/schema and @passage/credentials, with the two status entries the issuer writes,
 * encodes it as QR text, verifies that QR text against signed status lists (a size is only worth
 * reporting for a QR that verifies) and compares the sizes with the EU DCC. Each credential is also
 * measured without status, with the entries' optional `id`, and in container version 1, so the table
 * shows what each of those costs. Prints a table and rewrites the `## QR sizes` section of
 * docs/benchmarks.md (`--print` only prints it).
 *
 * Run: corepack pnpm bench:qr
 */
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, type as osType, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BitstringStatusListEntry,
  buildCredential,
  buildStatusListCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  createStatusListCache,
  createTrustStore,
  decodeQrText,
  emptyStatusList,
  encodeQrText,
  issueCredential,
  type PassageAgent,
  qrVersionFor,
  type SecuringFormat,
  STATUS_PURPOSES,
  type StatusLookup,
  statusListEntry,
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
const DCC_VECTORS = join(ROOT, 'test', 'vectors', 'dcc');
const SECTION = '## QR sizes';
/** Issuances per variant: the credential id is random, so sizes move by a few characters. */
const RUNS = 15;
const PUBLIC_URL = 'https://issuer.health.go.th';
const SLUG = 'moh';
/** The issuer's list size; indexes are drawn at random from its six-digit part (100000 up). */
const LIST_SIZE = 131_072;
const ISSUED_AT = new Date('2025-01-15T09:00:00Z');
const CHECKED_AT = new Date('2025-01-15T10:00:00Z');
/** The EU's full DCC test set, as test/vectors/SHARED-README.md reports it. */
const EU_QUOTED = { median: 555, min: 205, max: 1093, versionMin: 10, versionMax: 26, versionMedian: 18 };

type Alg = 'ES256' | 'EdDSA';
interface Variant {
  label: string;
  type: CredentialType;
  alg: Alg;
  format: SecuringFormat;
  subject: { subject: object; validFrom: string; validUntil: string };
}
/**
 * How one credential is written and encoded. `after` is what Passage does now: two status entries
 * without `id`, container version 2. The others take one step back each; `noStatus` is the credential
 * as it was before status entries.
 */
const ENCODINGS = {
  noStatus: { status: 'none', container: 1 },
  before: { status: 'with id', container: 1 },
  noId: { status: 'without id', container: 1 },
  v2: { status: 'with id', container: 2 },
  after: { status: 'without id', container: 2 },
} as const;
type Encoding = keyof typeof ENCODINGS;
type StatusShape = (typeof ENCODINGS)[Encoding]['status'];

/** One issuance: the compact JWS written now, and the QR text length of each encoding. */
interface Sample {
  jws: number;
  qr: Record<Encoding, number>;
  version: { before: number; after: number };
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

/** An authority's DID in its own agent, with what a verifier would hold for it: trust and its lists. */
interface Authority {
  agent: PassageAgent;
  did: string;
  trust: TrustStore;
  status: StatusLookup;
}
type Authorities = Record<Alg, Authority>;

/** Where the issuer publishes an authority's first list of `purpose` (`<slug>-<generation>-<purpose>`). */
const listUrl = (purpose: string) => `${PUBLIC_URL}/status-lists/${SLUG}-0-${purpose}`;

/** The entries the issuer writes at `index`: now without `id`, before with it (and it first). */
function statusEntries(shape: StatusShape, index: number): BitstringStatusListEntry[] | undefined {
  if (shape === 'none') return undefined;
  return STATUS_PURPOSES.map((purpose) => {
    const entry = statusListEntry(listUrl(purpose), purpose, index);
    return shape === 'with id' ? { id: `${listUrl(purpose)}#${index}`, ...entry } : entry;
  });
}

/** Encodes `jws` as QR text and verifies it; exits if it does not give back the JWS or verify. */
function checkedText(authority: Authority, variant: Variant, jws: string, container: 1 | 2): string {
  const text = encodeQrText(jws, { containerVersion: container });
  const name = `${variant.label} (${variant.alg}, ${variant.format}, container ${container})`;
  if (decodeQrText(text) !== jws) fail(`${name}: the QR text does not give back the JWS`);
  const report = verifyCredential(text, {
    trust: authority.trust,
    now: CHECKED_AT,
    status: authority.status,
  });
  if (!report.verified || report.envelope !== 'qr' || report.credentialType !== variant.type) {
    fail(`${name}: the QR does not verify (${report.errors.map((e) => e.code).join(', ') || 'wrong type'})`);
  }
  return text;
}

/** Issues one credential in each status shape (same id and index) and measures every encoding. */
async function sample(authority: Authority, variant: Variant): Promise<Sample> {
  const id = `urn:uuid:${randomUUID()}`;
  const index = randomInt(100_000, LIST_SIZE);
  const jwsOf = new Map<StatusShape, string>();
  for (const shape of ['none', 'with id', 'without id'] as const) {
    const credentialStatus = statusEntries(shape, index);
    const credential = buildCredential({
      type: variant.type,
      issuer: authority.did,
      ...variant.subject,
      schemaUrl: `${PUBLIC_URL}/${credentialSchemaPath(variant.type)}`,
      id,
      ...(credentialStatus ? { credentialStatus } : {}),
    });
    jwsOf.set(
      shape,
      await issueCredential(authority.agent, { credential: { ...credential }, format: variant.format }),
    );
  }
  const texts = Object.fromEntries(
    Object.entries(ENCODINGS).map(([encoding, { status, container }]) => [
      encoding,
      checkedText(authority, variant, jwsOf.get(status) ?? '', container),
    ]),
  ) as Record<Encoding, string>;
  return {
    jws: jwsOf.get('without id')?.length ?? 0,
    qr: Object.fromEntries(Object.entries(texts).map(([e, text]) => [e, text.length])) as Record<
      Encoding,
      number
    >,
    version: { before: qrVersionFor(texts.before), after: qrVersionFor(texts.after) },
  };
}

/** Signed, empty revocation and suspension lists of `did`, held as a verifier's offline cache would. */
async function statusLists(agent: PassageAgent, did: string, trust: TrustStore): Promise<StatusLookup> {
  const cache = createStatusListCache({ network: false, now: () => CHECKED_AT.getTime() });
  for (const purpose of STATUS_PURPOSES) {
    const list = buildStatusListCredential({
      url: listUrl(purpose),
      issuer: did,
      purpose,
      bits: emptyStatusList(LIST_SIZE),
      ttlMs: 300_000,
      validFrom: ISSUED_AT.toISOString(),
    });
    const jws = await issueCredential(agent, { credential: { ...list }, format: 'vc+jwt' });
    const loaded = cache.load(listUrl(purpose), jws, { fetchedAt: CHECKED_AT, trust });
    if (!loaded.ok) fail(`the ${purpose} list was refused (${loaded.code})`);
  }
  return cache;
}

async function authority(keyType: 'Secp256r1' | 'Ed25519'): Promise<Authority> {
  const { agent } = createPassageAgent(createMemoryStores());
  const identifier = await createAuthorityDid(agent, { publicUrl: PUBLIC_URL, slug: SLUG, keyType });
  const entry = trustEntryFor(identifier, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate', 'BusinessTravelCard'],
  });
  const trust = createTrustStore({ entries: [entry] });
  return { agent, did: identifier.did, trust, status: await statusLists(agent, identifier.did, trust) };
}

async function measure(authorities: Authorities, variant: Variant): Promise<Row> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await sample(authorities[variant.alg], variant));
  return { variant, samples };
}

type DccFigures = Awaited<ReturnType<typeof measureDcc>>;

const COLUMNS: readonly [Encoding, string][] = [
  ['noStatus', 'no status, v1'],
  ['before', 'with id, v1 (before)'],
  ['noId', 'no id, v1'],
  ['v2', 'with id, v2'],
  ['after', 'no id, v2 (now)'],
];

function table(rows: readonly Row[]): string {
  const lines = [
    `| credential | alg | securing | JWS chars | ${COLUMNS.map(([, title]) => title).join(' | ')} | QR version (Q), before → now | now vs DCC median ${EU_QUOTED.median} |`,
    `| --- | --- | --- | ---: | ${COLUMNS.map(() => '---:').join(' | ')} | ---: | ---: |`,
  ];
  for (const { variant, samples } of rows) {
    const qr = (encoding: Encoding) => median(samples.map((s) => s.qr[encoding]));
    lines.push(
      `| ${[
        variant.label,
        variant.alg,
        `\`${variant.format}\``,
        median(samples.map((s) => s.jws)),
        ...COLUMNS.map(([encoding]) =>
          encoding === 'after'
            ? `**${qr('after')}** (${range(samples.map((s) => s.qr.after))})`
            : qr(encoding),
        ),
        `${range(samples.map((s) => s.version.before))} → ${range(samples.map((s) => s.version.after))}`,
        `${(qr('after') / EU_QUOTED.median).toFixed(2)}×`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function dccLines(dcc: DccFigures): string[] {
  const q = EU_QUOTED;
  const lines = [
    `- EU DCC, full EU test set (quoted in \`test/vectors/SHARED-README.md\`): \`HC1:\` text of ${q.min}–${q.max} chars, median ${q.median}; QR version ${q.versionMin}–${q.versionMax} at level Q, median about ${q.versionMedian}.`,
  ];
  if (!dcc)
    return [...lines, '- EU DCC test cases not found beside the project: only the quoted figures are shown.'];
  return [
    ...lines,
    `- EU DCC, measured here on the ${dcc.count} test cases in \`test/vectors/dcc\` (common, AT, DE; every \`PREFIX\`, negative cases included): ${dcc.range} chars, median ${dcc.median}; QR version ${dcc.versionRange} at level Q, median ${dcc.versionMedian} (over the ${dcc.versions} texts that are QR alphanumeric). These files are a sample of that full set.`,
  ];
}

/** What each change bought on the headline credential (2-dose vaccination, ES256, `vc+jwt`), in characters. */
function summary(rows: readonly Row[]): string[] {
  const head = rows.find(
    (r) =>
      r.variant.label === 'vaccination, 2 doses' &&
      r.variant.alg === 'ES256' &&
      r.variant.format === 'vc+jwt',
  );
  if (!head) return [];
  const qr = (encoding: Encoding) => median(head.samples.map((s) => s.qr[encoding]));
  const version = (when: 'before' | 'after') => median(head.samples.map((s) => s.version[when]));
  return [
    `- ${head.variant.label} (${head.variant.alg}, \`${head.variant.format}\`): ${qr('noStatus')} characters without status,`,
    `  ${qr('before')} with the status entries as first issued (QR version ${version('before')}), ${qr('after')} now (version ${version('after')}):`,
    `  container v2 alone saves ${qr('before') - qr('v2')}, dropping the entry \`id\` alone ${qr('before') - qr('noId')}, both ${qr('before') - qr('after')}.`,
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
    'the DID costs both the same bytes), with the two `credentialStatus` entries the issuer writes',
    `(revocation and suspension lists \`${listUrl('revocation').replace('revocation', '<purpose>')}\`, one random`,
    'six-digit index), encoded with `encodeQrText` and verified from its QR text, status lists included,',
    `before its size is counted. Each variant is issued ${RUNS} times; each issuance is also written`,
    "without status, and with the entries' optional `id` (as before), and encoded in container version 1",
    '(as before) and 2. The table gives medians, and the range of the current encoding, which comes from',
    'the random credential id and index compressing better or worse. Every text counted verified.',
    '',
    table(rows),
    '',
    ...summary(rows),
    '- Container version 2 (`PV1:` text whose container byte is 2) differs from version 1 only in its',
    '  preset DEFLATE dictionary, which also holds the status entries; decoders read both. Dropping the',
    '  entry `id` (optional in VC Data Model 2.0 and Bitstring Status List v1.0, unused in verification)',
    '  changes what is signed, not what it means.',
    '- Also measured, on 2026-11-25, and not kept: zlib levels 4–9, `memLevel` 8/9, `windowBits` 12–15 and',
    '  the filtered and fixed-Huffman strategies (same size or up to 43 characters longer); placing the',
    '  status fragments at the start, middle or end of the dictionary (within 1 byte). Redundant claims',
    '  are cheap back-references already: leaving out `certificate.period` (equal to the validity) would',
    '  save 7–10 bytes (about 12 characters), the `kid` DID 2–5 bytes, the credential UUID as raw bytes',
    '  nothing; none is worth a transform the decoder must undo exactly. What remains is the Huffman',
    '  tables (about 50 bytes), the names, dates and numbers as literals, and the 64-byte signature.',
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
const count = rows.length * RUNS * Object.keys(ENCODINGS).length;
if (process.argv.includes('--print')) {
  console.log(`All ${count} QR codes verified.`);
} else {
  await writeDoc(text);
  console.log(`All ${count} QR codes verified. Wrote ${DOC}`);
}
