import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { isCredentialError } from '@passage/credentials/pure';
import { prepareShcTrust, verifyShc } from '@passage/formats';
import type { ShcTrustOf } from '@passage/formats/pure';
import { beforeAll, describe, expect, it } from 'vitest';
// The verifier app's fixtures from the real vectors (test/vectors/shc): trust entry, QR texts, clock.
import { SHC_AT, SHC_ISS, shcEntry, shcQr } from '../../../../../apps/verifier/src/foreign-fixtures.js';
import { createWebShcTrust, type WebShcTrust } from './trust.js';
import { verifyShcWeb } from './verify.js';

const VECTORS = new URL('../../../../../test/vectors/shc/', import.meta.url);
const vector = (name: string) => readFileSync(new URL(name, VECTORS), 'utf8');
const jwsOf = (n: string) => vector(`example-${n}-d-jws.txt`).trim();

/** A compact JWS as numeric QR text, whole (`shc:/…`) or as chunk `index` of `total`. */
const digits = (jws: string) => [...jws].map((c) => String(c.charCodeAt(0) - 45).padStart(2, '0')).join('');
const toShc = (jws: string) => `shc:/${digits(jws)}`;
const chunked = (jws: string, total: number) =>
  Array.from({ length: total }, (_, i) => {
    const size = Math.ceil(jws.length / total);
    return `shc:/${i + 1}/${total}/${digits(jws.slice(i * size, (i + 1) * size))}`;
  });

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const segments = (jws: string) => jws.split('.') as [string, string, string];
const headerOf = (jws: string) => JSON.parse(Buffer.from(segments(jws)[0], 'base64url').toString('utf8'));
/** `jws` with another header (the payload and signature kept). */
const withHeader = (jws: string, header: unknown) => {
  const [, payload, signature] = segments(jws);
  return `${b64(header)}.${payload}.${signature}`;
};
/** `jws` with one character of segment `part` changed. */
const tampered = (jws: string, part: 0 | 1 | 2, at: number) => {
  const parts = segments(jws);
  const text = parts[part];
  const i = at < 0 ? text.length + at : at;
  parts[part] = `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}`;
  return parts.join('.');
};

// A test issuer of ours, for cards the vectors lack (a jti, no rid, an expiry).
const TEST_ISS = 'https://issuer.passage.test';
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const testJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'ES256' };
const testEntry = { framework: 'shc', iss: TEST_ISS, keys: [testJwk] };
function signCard(claims: unknown, header: object = { zip: 'DEF', alg: 'ES256', kid: 'test-key' }): string {
  const input = `${b64(header)}.${deflateRawSync(JSON.stringify(claims)).toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}
const claims00 = JSON.parse(vector('example-00-c-jws-payload-minified.json'));
const testClaims = (changes: Record<string, unknown>) => ({ ...claims00, iss: TEST_ISS, ...changes });

const { crl: _crl, ...shcEntryWithoutCrl } = shcEntry;
const key0 = shcEntry.keys[0] as Record<string, unknown>;
const TRUSTS: Record<string, readonly unknown[]> = {
  full: [{ framework: 'icao', anything: true }, shcEntry, testEntry],
  none: [],
  noCrl: [shcEntryWithoutCrl],
  firstKeyOnly: [{ ...shcEntry, keys: [key0] }],
  olderCrl: [{ ...shcEntry, crl: { ...shcEntry.crl, ctr: 0 } }],
  otherMethod: [{ ...shcEntry, crl: [{ ...shcEntry.crl, method: 'legacy' }] }],
  unnamed: [{ ...shcEntry, name: undefined }],
};
const NBF = 1_687_450_764.657;
const CLOCKS: Record<string, [Date, number]> = {
  valid: [new Date(SHC_AT), 60],
  beforeNbf: [new Date('2023-01-01T00:00:00Z'), 60],
  nbfWithinTolerance: [new Date((NBF - 30) * 1000), 60],
  nbfPastTolerance: [new Date((NBF - 30) * 1000), 0],
  after03Expired: [new Date('2024-07-01T00:00:00Z'), 60],
};

const VECTOR_INPUTS: Record<string, string | readonly string[]> = {
  'QR 00': shcQr('00'),
  'QR 01 (x5c key)': shcQr('01'),
  'QR 03 (revoked)': shcQr('03'),
  'QR 02, three chunks': [shcQr('02', 0), shcQr('02', 1), shcQr('02', 2)],
  'QR 02, chunks shuffled': [shcQr('02', 2), shcQr('02', 0), shcQr('02', 1)],
  'JWS 00': jwsOf('00'),
  'JWS 02': jwsOf('02'),
  'JWS 03 with spaces around': `  ${jwsOf('03')}\n`,
  'QR 00, upper-case prefix': shcQr('00').replace('shc:/', 'SHC:/'),
  'JWS 02 rechunked into 4': chunked(jwsOf('02'), 4),
  'test card with jti and exp': toShc(signCard(testClaims({ jti: 'card-1', exp: NBF + 86_400 * 400 }))),
};

const jws00 = jwsOf('00');
const OTHER_INPUTS: Record<string, string | readonly string[]> = {
  'signature tampered (QR)': toShc(tampered(jws00, 2, 10)),
  'signature tampered (JWS)': tampered(jwsOf('01'), 2, -5),
  'signature cut short': toShc(jws00.slice(0, -4)),
  'payload tampered': toShc(tampered(jws00, 1, 40)),
  'payload tail tampered': toShc(tampered(jws00, 1, -3)),
  'header alg ES384': toShc(withHeader(jws00, { ...headerOf(jws00), alg: 'ES384' })),
  'header kid unknown': toShc(withHeader(jws00, { ...headerOf(jws00), kid: 'nobody' })),
  'header kid not text': toShc(withHeader(jws00, { ...headerOf(jws00), kid: 7 })),
  'header without zip': toShc(withHeader(jws00, { alg: 'ES256', kid: headerOf(jws00).kid })),
  'header not JSON': toShc(`e30x.${segments(jws00)[1]}.${segments(jws00)[2]}`),
  'payload uncompressed': `${segments(jws00)[0]}.${b64(claims00)}.${segments(jws00)[2]}`,
  'test card signed, claims of another issuer': toShc(signCard(claims00)),
  'test card of an unknown issuer': toShc(signCard(testClaims({ iss: 'https://unknown.example' }))),
  'test card, not a health card type': toShc(signCard(testClaims({ vc: { ...claims00.vc, type: ['x'] } }))),
  'test card, no Patient name': toShc(
    signCard(
      testClaims({
        vc: {
          ...claims00.vc,
          credentialSubject: {
            ...claims00.vc.credentialSubject,
            fhirBundle: {
              ...claims00.vc.credentialSubject.fhirBundle,
              entry: claims00.vc.credentialSubject.fhirBundle.entry.map((e: { resource: object }) => ({
                ...e,
                resource: { ...e.resource, name: [] },
              })),
            },
          },
        },
      }),
    ),
  ),
  'one chunk of three': shcQr('02', 1),
  'a chunk twice': [shcQr('02', 0), shcQr('02', 0), shcQr('02', 2)],
  'chunks of two sets': [shcQr('02', 0), shcQr('02', 1), shcQr('00')],
  'rechunked, one missing': chunked(jwsOf('02'), 4).slice(1),
  'no chunks': [],
  'too many chunks': Array.from({ length: 21 }, () => shcQr('00')),
  '.smart-health-card file': vector('example-00-e-file.smart-health-card'),
  empty: '',
  blank: '   ',
  'prefix only': 'shc:/',
  'odd digits': 'shc:/123',
  'a letter': 'shc:/12a4',
  'Arabic-Indic digits': 'shc:/١٢٣٤',
  'a lone surrogate': 'shc:/12\ud80034',
  'pair above 77': 'shc:/5699',
  'chunk header without digits': 'shc:/1/2/',
  'chunk number out of range': 'shc:/3/2/5656',
  'chunk header malformed': 'shc:/1/x/5656',
  'EU DCC text': 'HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IDOEZ2',
  'two JWS segments': 'eyJ6aXAiOiJERUYifQ.abc',
  'text beyond the bound': `shc:/${'56'.repeat(70_000)}`,
  'JWS beyond the bound': `${'a'.repeat(70_000)}.b.c`,
};

// Both sides prepare a trust list once (prepareShcTrust caches it per array).
const webTrusts = new Map<readonly unknown[], Promise<WebShcTrust>>();
function webTrustOf(entries: readonly unknown[]): Promise<WebShcTrust> {
  const trust = webTrusts.get(entries) ?? createWebShcTrust(entries);
  webTrusts.set(entries, trust);
  return trust;
}

async function bothReports(
  input: string | readonly string[],
  entries: readonly unknown[],
  clock: [Date, number],
) {
  const [now, clockToleranceSec] = clock;
  const node = verifyShc(input, { trust: prepareShcTrust(entries), now, clockToleranceSec });
  const web = await verifyShcWeb(input, { trust: await webTrustOf(entries), now, clockToleranceSec });
  return { node, web };
}

describe('verifyShcWeb gives the reports of verifyShc', () => {
  const reports = new Map<string, { verified: boolean; codes: string[] }>();

  beforeAll(() => {
    // Make sure the vectors say what the cases are named after.
    const { node } = { node: verifyShc(shcQr('03'), { trust: [shcEntry], now: new Date(SHC_AT) }) };
    expect(node.checks.status).toEqual({ ok: false, code: 'REVOKED' });
  });

  it('for every vector input, under every trust list and clock', async () => {
    for (const [inputName, input] of Object.entries(VECTOR_INPUTS))
      for (const [trustName, entries] of Object.entries(TRUSTS))
        for (const [clockName, clock] of Object.entries(CLOCKS)) {
          const { node, web } = await bothReports(input, entries, clock);
          const name = `${inputName} / ${trustName} / ${clockName}`;
          expect({ name, report: web }).toStrictEqual({ name, report: node });
          reports.set(name, { verified: node.verified, codes: node.errors.map((e) => e.code) });
        }
    // The cases reach what they are named after.
    expect(reports.get('QR 00 / full / valid')).toEqual({ verified: true, codes: [] });
    expect(reports.get('QR 02, chunks shuffled / full / valid')?.verified).toBe(true);
    expect(reports.get('test card with jti and exp / full / valid')?.verified).toBe(true);
    expect(reports.get('QR 03 (revoked) / full / valid')?.codes).toEqual(['REVOKED']);
    expect(reports.get('QR 03 (revoked) / full / after03Expired')?.codes).toEqual(['EXPIRED', 'REVOKED']);
    expect(reports.get('QR 00 / full / beforeNbf')?.codes).toEqual(['NOT_YET_VALID']);
    expect(reports.get('QR 00 / full / nbfWithinTolerance')?.verified).toBe(true);
    expect(reports.get('QR 00 / full / nbfPastTolerance')?.codes).toEqual(['NOT_YET_VALID']);
    expect(reports.get('QR 00 / none / valid')?.codes).toEqual(['ISSUER_NOT_TRUSTED', 'KEY_NOT_FOUND']);
    expect(reports.get('QR 01 (x5c key) / firstKeyOnly / valid')?.codes).toEqual(['KEY_NOT_FOUND']);
    expect(reports.get('QR 00 / noCrl / valid')?.codes).toEqual(['STATUS_UNAVAILABLE']);
    expect(reports.get('QR 00 / otherMethod / valid')?.codes).toEqual(['STATUS_UNAVAILABLE']);
  });

  it('for tampered, unknown and malformed inputs', async () => {
    const codes = new Set<string>();
    for (const [name, input] of Object.entries(OTHER_INPUTS)) {
      const { node, web } = await bothReports(input, TRUSTS.full ?? [], CLOCKS.valid ?? [new Date(), 60]);
      expect({ name, report: web }).toStrictEqual({ name, report: node });
      expect({ name, verified: node.verified }).toEqual({ name, verified: false });
      for (const error of node.errors) codes.add(error.code);
    }
    expect([...codes].sort()).toEqual([
      'ALGORITHM_NOT_ALLOWED',
      'DECODING_FAILED',
      'INPUT_TOO_LARGE',
      'INVALID_COMPRESSION',
      'INVALID_PREFIX',
      'ISSUER_NOT_TRUSTED',
      'KEY_NOT_FOUND',
      'SCHEMA_INVALID',
      'SIGNATURE_INVALID',
    ]);
  });
});

/** The code and message a trust preparation fails with, or undefined when it does not. */
async function failureOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

describe('createWebShcTrust reads trust entries as prepareShcTrust does', () => {
  it('holds the same issuers, kids, counters and revocation lists', async () => {
    const entries = TRUSTS.full ?? [];
    const strip = <K>(trust: ShcTrustOf<K>) =>
      [...trust.values()].map(({ keys, ...issuer }) => ({
        ...issuer,
        keys: [...keys].map(([kid, { crlVersion }]) => ({ kid, crlVersion })),
      }));
    expect(strip(await createWebShcTrust(entries))).toStrictEqual(strip(prepareShcTrust(entries)));
    expect([...(await createWebShcTrust(entries)).keys()]).toEqual([SHC_ISS, TEST_ISS]);
  });

  it.each([
    ['a malformed SHC entry', [{ framework: 'shc', iss: 'http://insecure.example', keys: [] }], true],
    ['a private key', [{ ...testEntry, keys: [{ ...testJwk, d: 'AAAA' }] }], true],
    [
      'a point off the curve',
      [{ ...shcEntry, keys: [{ ...key0, y: `${(key0 as { y: string }).y.slice(0, -2)}AA` }] }],
      true,
    ],
    [
      'a bad key before a malformed entry',
      [{ ...shcEntry, keys: [{ ...key0, x: 'AAAA' }] }, { framework: 'shc' }],
      true,
    ],
    ['no SHC entry at all', [{ framework: 'dcc' }, null, 7], false],
  ])('fails, or not, as prepareShcTrust does, for %s', async (_name, entries, fails) => {
    const expected = await failureOf(() => prepareShcTrust(entries));
    expect(expected?.startsWith('INVALID_ARGUMENT: ') ?? false).toBe(fails);
    expect(await failureOf(() => createWebShcTrust(entries))).toBe(expected);
  });
});
