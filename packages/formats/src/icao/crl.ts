import { constants, type KeyObject, verify } from 'node:crypto';
import type { CertificateList } from '@peculiar/asn1-x509';
import { crlNotSigned, crlSignatureScheme, type IcaoCrl, icaoCrlOf, readCrl } from './crl-contents.js';

export type { IcaoCrl } from './crl-contents.js';

function signatureValid(crl: CertificateList, tbs: Buffer, key: KeyObject): boolean {
  const scheme = crlSignatureScheme(crl);
  if (!scheme) return false;
  const signature = Buffer.from(crl.signature);
  if (scheme.pss) {
    const pss = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO };
    return verify(scheme.hash, tbs, pss, signature);
  }
  return verify(scheme.hash, tbs, key, signature);
}

/**
 * Parses a DER CRL and checks that `issuerKey` (the CSCA's) signed it. Throws DECODING_FAILED for a
 * CRL that does not parse and CHAIN_INVALID for one the CSCA did not sign: a trust list must not hold
 * either, so this is a configuration error.
 */
export function parseIcaoCrl(der: Uint8Array, issuerKey: KeyObject): IcaoCrl {
  const crl = readCrl(der);
  const tbs = crl.tbsCertListRaw;
  let valid = false;
  try {
    valid = tbs !== undefined && signatureValid(crl, Buffer.from(tbs), issuerKey);
  } catch {
    valid = false;
  }
  if (!valid) throw crlNotSigned();
  return icaoCrlOf(crl);
}
