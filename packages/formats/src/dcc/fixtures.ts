// Test fixtures: the EU's dgc-testdata cases from test/vectors and builders of hostile DCC text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { createDccTrust, type DccTrust, dccKidOf } from './trust.js';

/** The EU test cases (common plus AT and DE), copied into test/vectors. */
export const DCC_VECTORS = fileURLToPath(new URL('../../../../test/vectors/dcc/', import.meta.url));

export interface DccTestCase {
  PREFIX?: string;
  COSE?: string;
  JSON?: Record<string, unknown>;
  TESTCTX: { CERTIFICATE?: string; VALIDATIONCLOCK?: string; DESCRIPTION?: string };
  EXPECTEDRESULTS: Record<string, unknown>;
}

/** The folders holding cases (`common` and one per country), as the vectors lay them out. */
export function dccCaseFolders(): string[] {
  return readdirSync(DCC_VECTORS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(DCC_VECTORS, entry.name, '2DCode', 'raw')))
    .map((entry) => entry.name)
    .sort();
}

/** Every case of a folder (`common`, `AT`, `DE`) as `[folder/file, case]`. */
export function dccCasesIn(folder: string): [string, DccTestCase][] {
  const dir = join(DCC_VECTORS, folder, '2DCode', 'raw');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [`${folder}/${file}`, dccCase(`${folder}/${file}`)]);
}

/** One case by its path under the vectors folder, e.g. `common/CO3.json`. */
export function dccCase(name: string): DccTestCase {
  const [folder = '', file = ''] = name.split('/');
  return JSON.parse(readFileSync(join(DCC_VECTORS, folder, '2DCode', 'raw', file), 'utf8')) as DccTestCase;
}

/** VALIDATIONCLOCK is ISO 8601; some files omit the zone, which means UTC. */
export function clockOf(testCase: DccTestCase): Date {
  const clock = testCase.TESTCTX.VALIDATIONCLOCK ?? '';
  return new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(clock) ? clock : `${clock}Z`);
}

/** A trust entry for a base64 DER certificate, under its own kid unless one is given. */
export function entryFor(certificate: string, kid?: string, country = 'XX') {
  return { framework: 'dcc', country, kid: kid ?? dccKidOf(Buffer.from(certificate, 'base64')), certificate };
}

/** Trust in the case's TESTCTX.CERTIFICATE, as the EU test procedure prescribes. */
export function trustFor(testCase: DccTestCase): DccTrust {
  const certificate = testCase.TESTCTX.CERTIFICATE;
  return createDccTrust(certificate === undefined ? [] : [entryFor(certificate)]).trust;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Base45 (RFC 9285) encoding, for building test input. */
export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const n = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
    out +=
      ALPHABET[n % 45] + (ALPHABET[Math.floor(n / 45) % 45] ?? '') + (ALPHABET[Math.floor(n / 2025)] ?? '');
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] ?? 0;
    out += (ALPHABET[n % 45] ?? '') + (ALPHABET[Math.floor(n / 45)] ?? '');
  }
  return out;
}

/** `HC1:` text for raw bytes taken as the COSE message: zlib, then base45. */
export function dccTextFor(cose: Uint8Array): string {
  return `HC1:${encodeBase45(deflateSync(cose))}`;
}
