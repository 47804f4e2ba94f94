// A certificate of a VDS-NC chain (barcode signer or CSCA) read in the browser with what node's
// X509Certificate would say of it: the facts the shared checks read, and what the chain check needs.
import type { IcaoSignerFacts } from '@passage/formats/pure';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { CURVES } from '../x509.js';
import type { ChainCertificate } from '../x509-chain.js';
import { chainExtensions, extendedKeyUsageOf } from '../x509-extensions.js';
import { keyDecodes, keyTypeOf, signingKeyOf } from '../x509-keys.js';
import { nameText } from '../x509-name.js';
import { certificateParts } from '../x509-parts.js';

/** A certificate as the VDS-NC checks read it. */
export interface IcaoCertificate extends ChainCertificate, Omit<IcaoSignerFacts, 'documentTypes'> {
  /** The key's named curve as the shared algorithm check names it (node's names), for an EC key. */
  keyCurve: string | undefined;
}

const NODE_CURVES: Readonly<Record<string, string>> = {
  [CURVES['P-256']]: 'prime256v1',
  [CURVES['P-384']]: 'secp384r1',
  [CURVES['P-521']]: 'secp521r1',
};

/**
 * Reads a DER certificate. Throws (any error) where node's X509Certificate would refuse it or its
 * public key, or @peculiar/asn1-x509 cannot parse it; the validity period is not checked here.
 */
export async function readIcaoCertificate(der: Uint8Array): Promise<IcaoCertificate> {
  const asn = AsnConvert.parse(der, Certificate);
  const parts = certificateParts(der);
  const key = signingKeyOf(asn.tbsCertificate.subjectPublicKeyInfo, parts.keyUnusedBits);
  if (!(await keyDecodes(key))) throw new Error('the public key does not decode');
  const ec = keyTypeOf(key) === 'ec';
  return {
    asn,
    parts,
    extensions: chainExtensions(asn),
    key,
    keyCurve: ec ? (NODE_CURVES[key.namedCurve ?? ''] ?? key.namedCurve) : undefined,
    subject: nameText(parts.subject),
    issuer: nameText(parts.issuer),
    serialNumber: parts.serialNumber,
    extendedKeyUsage: extendedKeyUsageOf(asn),
    period: { notBefore: parts.notBefore, notAfter: parts.notAfter },
  };
}
