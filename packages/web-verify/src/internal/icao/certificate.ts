// A certificate of a VDS-NC chain (barcode signer or CSCA) read in the browser with what node's
// X509Certificate would say of it: the facts the shared checks read, and what the chain check needs.
import type { IcaoSignerFacts } from '@passage/formats/pure';
import { readCertificate, type WebCertificate } from '../x509-certificate.js';
import { CURVES, keyTypeOf } from '../x509-keys.js';
import { nameText } from '../x509-name.js';

/** A certificate as the VDS-NC checks read it. */
export interface IcaoCertificate extends WebCertificate, Omit<IcaoSignerFacts, 'documentTypes'> {
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
  const certificate = await readCertificate(der);
  const { key, parts } = certificate;
  return {
    ...certificate,
    keyCurve: keyTypeOf(key) === 'ec' ? (NODE_CURVES[key.namedCurve ?? ''] ?? key.namedCurve) : undefined,
    subject: nameText(parts.subject),
    issuer: nameText(parts.issuer),
    serialNumber: parts.serialNumber,
  };
}
