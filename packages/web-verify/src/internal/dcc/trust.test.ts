// The browser DSC trust against node's (`createDccTrust`): DSCs built here with keys of every kind and
// certificates node's X509Certificate refuses, each read by both and used on DCCs signed here.
import { constants, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { createDccTrust, issueDcc, keyObjectSigner, verifyDcc } from '@passage/formats';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { decode, encode, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { dccTextFor } from '../../../../formats/src/dcc/fixtures.js';
import { exampleRecord, ISSUED_AT, VALID_UNTIL } from '../../../../formats/src/dcc/issue-fixtures.js';
import { sigStructure } from '../../../../formats/src/dcc/sig-structure.js';
import {
  patchedCertificate,
  testCertificate,
  testKeys,
  withBadValidity,
} from '../../../../formats/src/icao/pki-fixtures.js';
import { decodeBase45 } from '../credentials.js';
import { createWebDccTrust } from './trust.js';
import { verifyDccWeb } from './verify.js';

const KID = Buffer.from('0123456789abcdef', 'hex');
const NOW = new Date('2026-06-01T00:00:00Z');
const keys = {
  p256: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }),
  p384: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }),
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  rsaPss: generateKeyPairSync('rsa-pss', { modulusLength: 2048 }),
  ed25519: generateKeyPairSync('ed25519'),
};
const dscOf = (publicKey: KeyObject) =>
  testCertificate('Test DSC', publicKey, testKeys.csca.privateKey, [], 2);
const p256Dsc = dscOf(keys.p256.publicKey);

/** An ES256 DCC issued with `ec`, or the same payload signed PS256 with `rsa`, both under {@link KID}. */
async function dccSignedBy(ec: KeyObject, rsa?: KeyObject): Promise<string> {
  const options = { signer: keyObjectSigner(ec), kid: KID, country: 'TH', iat: ISSUED_AT, exp: VALID_UNTIL };
  const text = await issueDcc({ record: exampleRecord(), issuerName: 'Test authority', ...options });
  if (rsa === undefined) return text;
  const [, , payload] = (decode(inflateSync(decodeBase45(text.slice(4)))) as Tag).value as Uint8Array[];
  const protectedBytes = encode(
    new Map<number, unknown>([
      [1, -37],
      [4, KID],
    ]),
  );
  const cose = {
    protectedBytes,
    payload: payload ?? new Uint8Array(),
    signature: new Uint8Array(),
    alg: -37,
    kid: KID,
  };
  const signature = sign('sha256', sigStructure(cose), {
    key: rsa,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  });
  return dccTextFor(encode(new Tag([protectedBytes, new Map(), payload, signature], 18)));
}

/** `der` with its serial number's INTEGER padded by a zero byte, which OpenSSL refuses. */
function withPaddedSerial(der: Buffer): Buffer {
  const certificate = AsnConvert.parse(der, Certificate);
  certificate.tbsCertificate.serialNumber = Uint8Array.of(0x00, 0x02).buffer;
  return Buffer.from(AsnConvert.serialize(certificate));
}

/** The DSC with one byte of its P-256 point changed, so that the point is off the curve. */
const offCurve = () => {
  const point = keys.p256.publicKey.export({ type: 'spki', format: 'der' }).subarray(-64);
  return patchedCertificate(p256Dsc, (tbs) => {
    const at = tbs.indexOf(point);
    tbs[at + 10] = (tbs[at + 10] ?? 0) ^ 0xff;
  });
};

// Each DSC, whether node trusts it, and which of the DCCs (ES256 by the P-256 key, PS256 by the RSA
// key, PS256 by the RSA-PSS key) it verifies.
const CASES: Array<[string, () => Buffer, boolean, 'es256' | 'rsa' | 'rsaPss' | undefined]> = [
  ['a P-256 key', () => p256Dsc, true, 'es256'],
  ['an RSA key (rsaEncryption)', () => dscOf(keys.rsa.publicKey), true, 'rsa'],
  ['an RSA key (id-RSASSA-PSS)', () => dscOf(keys.rsaPss.publicKey), true, 'rsaPss'],
  ['a P-384 key', () => dscOf(keys.p384.publicKey), true, undefined],
  ['an Ed25519 key', () => dscOf(keys.ed25519.publicKey), true, undefined],
  ['a malformed validity time', () => withBadValidity(p256Dsc), false, undefined],
  ['a truncated certificate', () => p256Dsc.subarray(0, p256Dsc.length - 20), false, undefined],
  ['garbage', () => Buffer.from('308203e8a003020102deadbeef', 'hex'), false, undefined],
  ['trailing bytes after the DER', () => Buffer.concat([p256Dsc, Buffer.of(0x05, 0x00)]), true, 'es256'],
  ['a serial number with a padded INTEGER', () => withPaddedSerial(p256Dsc), false, undefined],
  ['a P-256 point off the curve', offCurve, false, undefined],
];

describe('createWebDccTrust reads a DSC as createDccTrust does', async () => {
  const dccs = {
    es256: await dccSignedBy(keys.p256.privateKey),
    rsa: await dccSignedBy(keys.p256.privateKey, keys.rsa.privateKey),
    rsaPss: await dccSignedBy(keys.p256.privateKey, keys.rsaPss.privateKey),
  };

  it.each(CASES)('%s', async (_name, dsc, trusted, verifies) => {
    const entries = [
      { framework: 'dcc', country: 'TH', kid: KID.toString('base64'), certificate: dsc().toString('base64') },
    ];
    const node = createDccTrust(entries);
    const web = createWebDccTrust(entries);
    expect([node.trust.size, node.rejected]).toEqual(trusted ? [1, 0] : [0, 1]);
    const settled = await createWebDccTrust(entries).settle();
    expect([settled.size, settled.rejected]).toEqual([node.trust.size, node.rejected]);
    for (const [name, text] of Object.entries(dccs)) {
      const nodeReport = verifyDcc(text, { trust: node.trust, now: NOW });
      const webReport = await verifyDccWeb(text, { trust: web, now: NOW });
      expect([name, nodeReport.verified]).toEqual([name, name === verifies]);
      expect([name, webReport]).toEqual([name, nodeReport]);
    }
  });

  it('reads base64 certificates as node does: padded, unpadded, or with a lone last character', async () => {
    const padded = p256Dsc.toString('base64');
    const bare = padded.replace(/=+$/, '');
    for (const certificate of [padded, bare, `${bare}A`, `${bare}AA`, `${padded}A`]) {
      const entries = [{ framework: 'dcc', country: 'TH', kid: KID.toString('base64'), certificate }];
      const node = createDccTrust(entries);
      const web = await createWebDccTrust(entries).settle();
      expect([certificate.length % 4, web.size, web.rejected]).toEqual([
        certificate.length % 4,
        node.trust.size,
        node.rejected,
      ]);
    }
  });
});
