import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { Encoder, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { ECDSA, type JoseAlgorithm, SUPPORTED_ALGORITHMS } from '../jws/algorithms.js';
import { trustOfOneKey } from '../test-support.js';
import { verifyCredential } from '../verify/verify.js';
import { coseSigStructure, decodeCoseCredential, encodeCoseCredential } from './cose-credential.js';

const now = new Date('2025-06-01T00:00:00Z');
const issuer = 'https://issuer.example/vc-jose-cose';
const kid = `${issuer}#key-1`;
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:123', name: 'Alice' },
};
const pairOf = (alg: JoseAlgorithm) =>
  alg === 'EdDSA'
    ? generateKeyPairSync('ed25519')
    : generateKeyPairSync('ec', { namedCurve: ECDSA[alg].curve });
const signer = (alg: JoseAlgorithm, key: KeyObject) => (data: Uint8Array) =>
  alg === 'EdDSA' ? sign(null, data, key) : sign(ECDSA[alg].hash, data, { key, dsaEncoding: 'ieee-p1363' });

const trustFor = (publicKey: KeyObject) => trustOfOneKey(issuer, kid, publicKey.export({ format: 'jwk' }));

const encoder = new Encoder({ mapsAsObjects: false, useRecords: false, tagUint8Array: false });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A COSE_Sign1 built field by field, to test what the reader refuses. */
function message(protectedHeader: Map<number, unknown>, payload: unknown, key: KeyObject, tag = 18) {
  const protectedBytes = encoder.encode(protectedHeader);
  const body = payload instanceof Uint8Array ? payload : Buffer.from(JSON.stringify(payload));
  const signature = sign('sha256', coseSigStructure(protectedBytes, body), {
    key,
    dsaEncoding: 'ieee-p1363',
  });
  return b64(
    encoder.encode(new Tag([protectedBytes, new Map(), payload === null ? null : body, signature], tag)),
  );
}

describe('credentials secured with COSE (application/vc+cose)', () => {
  it('builds the Sig_structure of RFC 9052 §4.4 byte for byte', () => {
    const bytes = coseSigStructure(Uint8Array.of(0xa1, 0x01, 0x26), Uint8Array.of(0x7b, 0x7d));
    const expected = Buffer.concat([
      Buffer.of(0x84, 0x6a),
      Buffer.from('Signature1'),
      Buffer.of(0x43, 0xa1, 0x01, 0x26, 0x40, 0x42, 0x7b, 0x7d),
    ]);
    expect(Buffer.from(bytes).equals(expected)).toBe(true);
  });

  it.each(SUPPORTED_ALGORITHMS)(
    'signs and verifies with %s, from base64, a data: URL and an envelope',
    (alg) => {
      const { privateKey, publicKey } = pairOf(alg);
      const text = encodeCoseCredential(credential, alg, kid, signer(alg, privateKey));
      const decoded = decodeCoseCredential(text);
      expect(decoded.header).toEqual({ alg, kid, typ: 'vc+cose' });
      const trust = trustFor(publicKey);
      const dataUrl = `data:application/vc+cose;base64,${text}`;
      const envelope = {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        type: 'EnvelopedVerifiableCredential',
        id: dataUrl,
      };
      for (const input of [text, dataUrl, envelope]) {
        const report = verifyCredential(input, { trust, now });
        expect(report.errors).toEqual([]);
        expect([report.verified, report.securing]).toEqual([true, 'vc+cose']);
      }
    },
  );

  it('refuses a changed payload, another key and a signature of another length', () => {
    const { privateKey, publicKey } = pairOf('ES256');
    const text = encodeCoseCredential(credential, 'ES256', kid, signer('ES256', privateKey));
    const bytes = Buffer.from(text, 'base64');
    const at = bytes.indexOf(Buffer.from('Alice'));
    bytes[at] = 'B'.charCodeAt(0);
    const trust = trustFor(publicKey);
    expect(verifyCredential(b64(bytes), { trust, now }).errors[0]?.code).toBe('SIGNATURE_INVALID');
    expect(verifyCredential(text, { trust: trustFor(pairOf('ES256').publicKey), now }).errors[0]?.code).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it.each([
    [
      'a typ other than application/vc+cose',
      new Map<number, unknown>([
        [1, -7],
        [16, 'really/bad'],
      ]),
      'UNSUPPORTED_FORMAT',
    ],
    [
      'a content type other than application/vc',
      new Map<number, unknown>([
        [1, -7],
        [3, 'very/bad'],
      ]),
      'UNSUPPORTED_FORMAT',
    ],
    [
      'critical headers',
      new Map<number, unknown>([
        [1, -7],
        [2, [99]],
      ]),
      'DECODING_FAILED',
    ],
    [
      'an algorithm it does not accept (PS256)',
      new Map<number, unknown>([[1, -37]]),
      'ALGORITHM_NOT_ALLOWED',
    ],
  ])('refuses %s', (_name, header, code) => {
    const { privateKey, publicKey } = pairOf('ES256');
    header.set(4, Buffer.from(kid));
    const report = verifyCredential(message(header, credential, privateKey), {
      trust: trustFor(publicKey),
      now,
    });
    expect([report.verified, report.errors[0]?.code]).toEqual([false, code]);
  });

  it('does not read another tag as a COSE_Sign1, and refuses a detached payload, a payload that is not a JSON object, and a data: URL that is not base64', () => {
    const { privateKey, publicKey } = pairOf('ES256');
    const trust = trustFor(publicKey);
    const header = new Map<number, unknown>([
      [1, -7],
      [4, Buffer.from(kid)],
    ]);
    const code = (input: unknown) => verifyCredential(input, { trust, now }).errors[0]?.code;
    expect(code(message(header, credential, privateKey, 17))).toBe('UNSUPPORTED_FORMAT');
    expect(code(message(header, null, privateKey))).toBe('DECODING_FAILED');
    expect(code(message(header, Buffer.from('[1,2]'), privateKey))).toBe('DECODING_FAILED');
    expect(code('data:application/vc+cose,0oRD')).toBe('DECODING_FAILED');
  });

  it('never throws on hostile bytes', () => {
    const { privateKey, publicKey } = pairOf('ES256');
    const trust = trustFor(publicKey);
    const valid = Buffer.from(
      encodeCoseCredential(credential, 'ES256', kid, signer('ES256', privateKey)),
      'base64',
    );
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(valid);
      for (let j = 0; j <= i % 4; j++) bytes[next() % bytes.length] = next() % 256;
      const cut = i % 5 === 0 ? bytes.subarray(0, next() % bytes.length) : bytes;
      const text = `0oR${b64(cut).slice(3)}`;
      const report = verifyCredential(text, { trust, now });
      expect(typeof report.verified).toBe('boolean');
      if (report.verified) expect(Buffer.from(text, 'base64').equals(valid)).toBe(true);
    }
  });
});
