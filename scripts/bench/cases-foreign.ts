// Foreign formats from test/vectors: an EU DCC test case with its DSC, SMART Health Card
// example 00 with its JWKS and Australia's VDS-NC seal with its CSCA, each beside raw node:crypto
// verifying the very same signature.
import { createPublicKey, type JsonWebKey, verify, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createDccTrust,
  dccKidOf,
  decodeDcc,
  prepareIcaoTrust,
  prepareShcTrust,
  verifyDcc,
  verifyIcaoVdsNc,
  verifyShc,
} from '@passage/formats';
import * as canonicalizeModule from 'canonicalize';
import { expectOk, type RatedCase } from './case.js';

/** The EU case measured: a valid vaccination DCC signed with an EC P-256 DSC (ES256). */
export const DCC_CASE = 'common/CO3.json';
const SHC_ISS = 'https://spec.smarthealth.cards/examples/issuer';

interface DccTestCase {
  PREFIX: string;
  TESTCTX: { CERTIFICATE: string; VALIDATIONCLOCK: string };
}

/** A CBOR byte string header (major type 2) for `length` bytes. */
function bstrHeader(length: number): Buffer {
  if (length < 24) return Buffer.from([0x40 + length]);
  if (length < 0x100) return Buffer.from([0x58, length]);
  if (length < 0x10000) return Buffer.from([0x59, length >> 8, length & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = 0x5a;
  head.writeUInt32BE(length, 1);
  return head;
}

/** RFC 9052 Sig_structure ["Signature1", protected, external_aad = h'', payload]: what COSE signs. */
function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Buffer {
  return Buffer.concat([
    Buffer.from([0x84, 0x6a]),
    Buffer.from('Signature1', 'ascii'),
    bstrHeader(protectedBytes.length),
    protectedBytes,
    Buffer.from([0x40]),
    bstrHeader(payload.length),
    payload,
  ]);
}

/** `dcc.verify` (verifyDcc) and `node.verify.dcc` (the COSE ES256 signature alone). */
export function dccCases(vectors: string): RatedCase[] {
  const [folder = '', file = ''] = DCC_CASE.split('/');
  const path = join(vectors, 'dcc', folder, '2DCode', 'raw', file);
  if (!existsSync(path)) return [];
  const testCase = JSON.parse(readFileSync(path, 'utf8')) as DccTestCase;
  const der = Buffer.from(testCase.TESTCTX.CERTIFICATE, 'base64');
  const { trust } = createDccTrust([
    { framework: 'dcc', country: 'XX', kid: dccKidOf(der), certificate: testCase.TESTCTX.CERTIFICATE },
  ]);
  const clock = testCase.TESTCTX.VALIDATIONCLOCK;
  const now = new Date(/(Z|[+-]\d{2}:?\d{2})$/i.test(clock) ? clock : `${clock}Z`);
  const text = testCase.PREFIX;
  expectOk(verifyDcc(text, { trust, now }).verified, `${DCC_CASE} does not verify`);
  const { cose } = decodeDcc(text);
  expectOk(cose.alg === -7, `${DCC_CASE} is not ES256`);
  const data = sigStructure(cose.protectedBytes, cose.payload);
  const key = { key: new X509Certificate(der).publicKey, dsaEncoding: 'ieee-p1363' as const };
  const raw = () => verify('sha256', data, key, cose.signature);
  expectOk(raw(), 'raw verify of the DCC signature failed');
  return [
    { key: 'node.verify.dcc', label: 'node:crypto verify ES256 (DCC COSE)', op: raw },
    {
      key: 'dcc.verify',
      label: `verifyDcc (${DCC_CASE}, HC1: → report)`,
      op: () => verifyDcc(text, { trust, now }),
      baseline: 'node.verify.dcc',
    },
  ];
}

/** `shc.verify` (verifyShc on example 00's shc:/ text) and `node.verify.shc` (its ES256 signature). */
export function shcCases(vectors: string): RatedCase[] {
  const dir = join(vectors, 'shc');
  if (!existsSync(join(dir, 'example-00-d-jws.txt'))) return [];
  const read = (name: string) => readFileSync(join(dir, name), 'utf8').trim();
  const jwks = JSON.parse(read('issuer/.well-known/jwks.json')) as { keys: (JsonWebKey & { kid: string })[] };
  const jws = read('example-00-d-jws.txt');
  const qr = read('example-00-f-qr-code-numeric-value-0.txt');
  const [header = '', payload = '', signature = ''] = jws.split('.');
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string };
  const crlFile = `issuer/.well-known/crl/${kid}.json`;
  const crl = existsSync(join(dir, crlFile)) ? JSON.parse(read(crlFile)) : undefined;
  const trust = prepareShcTrust([
    { framework: 'shc', iss: SHC_ISS, keys: jwks.keys, ...(crl ? { crl } : {}) },
  ]);
  // The examples were signed on 2023-06-22.
  const now = new Date('2023-07-01T00:00:00Z');
  expectOk(verifyShc(qr, { trust, now }).verified, 'SHC example 00 does not verify');
  const jwk = jwks.keys.find((k) => k.kid === kid);
  expectOk(jwk !== undefined, 'SHC example 00 key is not in the JWKS');
  const key = {
    key: createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }),
    dsaEncoding: 'ieee-p1363' as const,
  };
  const data = Buffer.from(`${header}.${payload}`, 'ascii');
  const sig = Buffer.from(signature, 'base64url');
  const raw = () => verify('sha256', data, key, sig);
  expectOk(raw(), 'raw verify of the SHC signature failed');
  return [
    { key: 'node.verify.shc', label: 'node:crypto verify ES256 (SHC JWS)', op: raw },
    {
      key: 'shc.verify',
      label: 'verifyShc (example 00, shc:/ → report)',
      op: () => verifyShc(qr, { trust, now }),
      baseline: 'node.verify.shc',
    },
  ];
}

// canonicalize is CommonJS typed with a default export: under NodeNext the function is the namespace's default.
const canonicalize: (input: unknown) => string | undefined = canonicalizeModule.default;

interface AusVectors {
  cscaCertDerB64: string;
  bscCertDerB64: string;
  crlDerB64: string;
  validVds: { data: unknown; sig: { sigvl: string } };
}

/**
 * `icao.verify` (verifyIcaoVdsNc on the Australian seal as scanned JSON text) and `node.verify.icao`
 * (its ES256 signature over the canonical JSON of `data`).
 */
export function icaoCases(vectors: string): RatedCase[] {
  const path = join(vectors, 'icao-vds-nc', 'aus-apo-vdsnc-test-vectors.json');
  if (!existsSync(path)) return [];
  const aus = JSON.parse(readFileSync(path, 'utf8')) as AusVectors;
  const trust = prepareIcaoTrust([
    { framework: 'icao', country: 'AUS', certificate: aus.cscaCertDerB64, crl: aus.crlDerB64 },
  ]);
  const now = new Date('2026-01-01T00:00:00Z');
  const text = JSON.stringify(aus.validVds);
  expectOk(verifyIcaoVdsNc(text, { trust, now }).verified, 'the Australian VDS-NC seal does not verify');
  const data = Buffer.from(canonicalize(aus.validVds.data) ?? '', 'utf8');
  const key = {
    key: new X509Certificate(Buffer.from(aus.bscCertDerB64, 'base64')).publicKey,
    dsaEncoding: 'ieee-p1363' as const,
  };
  const sig = Buffer.from(aus.validVds.sig.sigvl, 'base64url');
  const raw = () => verify('sha256', data, key, sig);
  expectOk(raw(), 'raw verify of the VDS-NC signature failed');
  return [
    { key: 'node.verify.icao', label: 'node:crypto verify ES256 (VDS-NC JCS)', op: raw },
    {
      key: 'icao.verify',
      label: 'verifyIcaoVdsNc (AUS seal, JSON text → report)',
      op: () => verifyIcaoVdsNc(text, { trust, now }),
      baseline: 'node.verify.icao',
    },
  ];
}
