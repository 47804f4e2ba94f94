// Names as node's X509Certificate prints them (subject, issuer) and refuses them, against
// x509-name.ts: every byte value in each position of a value, in the string types certificates use.
import { X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AttributeTypeAndValue,
  AttributeValue,
  Certificate,
  Name,
  RelativeDistinguishedName,
} from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { aus } from '../../../formats/src/icao/pki-fixtures.js';
import { nameText } from './x509-name.js';
import { certificateParts } from './x509-parts.js';

const base = AsnConvert.parse(Buffer.from(aus.bscCertDerB64, 'base64'), Certificate);

/** The signer certificate of the vectors with `values` as its subject (one RDN each, a last one doubled). */
function withSubject(values: AttributeValue[]): Buffer {
  const rdns = values.map((value, i) => {
    const entry = new AttributeTypeAndValue({ type: i % 2 === 0 ? '2.5.4.3' : '1.2.3.4', value });
    return new RelativeDistinguishedName(i === values.length - 1 ? [entry, entry] : [entry]);
  });
  base.tbsCertificate.subject = new Name(rdns);
  return Buffer.from(AsnConvert.serialize(base));
}

/** Node's subject text, or 'refused' when node does not read the certificate. */
function nodeSubject(der: Buffer): string | undefined {
  try {
    return new X509Certificate(der).subject;
  } catch {
    return 'refused';
  }
}

function webSubject(der: Buffer): string | undefined {
  try {
    return nameText(certificateParts(der).subject);
  } catch {
    return 'refused';
  }
}

const latin1 = (bytes: number[]) => String.fromCharCode(...bytes);

describe('name text as node states it', () => {
  it('every byte first, inside and last, in PrintableString and UTF8String values (BMPString: every fifth)', () => {
    for (let byte = 0; byte < 256; byte++) {
      for (const bytes of [[byte], [byte, 0x41, 0x42], [0x41, byte, 0x42], [0x41, 0x42, byte]]) {
        const printable = new AttributeValue({ printableString: latin1(bytes) });
        const utf8 = new AttributeValue({ anyValue: Uint8Array.of(0x0c, bytes.length, ...bytes).buffer });
        const bmp = new AttributeValue({
          anyValue: Uint8Array.of(0x1e, bytes.length * 2, ...bytes.flatMap((b) => [b, b])).buffer,
        });
        for (const value of byte % 5 === 0 ? [printable, utf8, bmp] : [printable, utf8]) {
          const der = withSubject([value, new AttributeValue({ utf8String: 'x' })]);
          expect([byte, bytes, webSubject(der)]).toEqual([byte, bytes, nodeSubject(der)]);
        }
      }
    }
  });

  it('an empty name, multi-byte UTF-8, a universal string, an INTEGER value', () => {
    for (const values of [
      [],
      [new AttributeValue({ utf8String: 'Zoë Ðлр 日本 😀' })],
      [new AttributeValue({ anyValue: Uint8Array.of(0x1c, 4, 0, 1, 0xf6, 0x00).buffer })],
      [new AttributeValue({ anyValue: Uint8Array.of(0x02, 1, 5).buffer })],
    ]) {
      const der = withSubject(values);
      expect(webSubject(der)).toEqual(nodeSubject(der));
    }
  });
});
