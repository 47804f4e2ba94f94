// X.509 certificates in the browser, where node's X509Certificate is not: read as OpenSSL reads them,
// so that a certificate the Node verifiers refuse (`new X509Certificate` or its `publicKey` throws) is
// refused here too. Read once per certificate of a trust list (EU DCC signers; VDS-NC signers, CSCAs).
import type { ValidityPeriod } from '@passage/formats/pure';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import type { ChainCertificate } from './x509-chain.js';
import { chainExtensions, extendedKeyUsageOf } from './x509-extensions.js';
import { keyDecodes, signingKeyOf } from './x509-keys.js';
import { certificateParts } from './x509-parts.js';

/** A certificate as the browser verifiers read it: parsed once, nothing verified. */
export interface WebCertificate extends ChainCertificate {
  /** Node's `keyUsage`: the EKU OIDs, undefined without a single readable extension. */
  readonly extendedKeyUsage: readonly string[] | undefined;
  /** Validity as node's validFrom/validTo parse: NaN where OpenSSL prints "Bad time value". */
  readonly period: ValidityPeriod;
}

/**
 * Reads a DER certificate. Throws (any error) where node's X509Certificate would refuse it or its
 * public key, or @peculiar/asn1-x509 cannot parse it; the validity period is not checked here.
 */
export async function readCertificate(der: Uint8Array): Promise<WebCertificate> {
  const asn = AsnConvert.parse(der, Certificate);
  const parts = certificateParts(der);
  const key = signingKeyOf(asn.tbsCertificate.subjectPublicKeyInfo, parts.keyUnusedBits);
  if (!(await keyDecodes(key))) throw new Error('the public key does not decode');
  return {
    asn,
    parts,
    extensions: chainExtensions(asn),
    key,
    extendedKeyUsage: extendedKeyUsageOf(asn),
    period: { notBefore: parts.notBefore, notAfter: parts.notAfter },
  };
}
