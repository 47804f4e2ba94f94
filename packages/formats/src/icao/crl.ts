import { constants, type KeyObject, verify } from 'node:crypto';
import { CredentialError } from '@passage/credentials/pure';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificateList } from '@peculiar/asn1-x509';
import { childrenOf, oidOf, readTlv } from './der.js';

/** A CSCA's certificate revocation list, parsed and its signature checked once. */
export interface IcaoCrl {
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Serial numbers of revoked certificates, as upper-case hex without leading zeros. */
  revokedSerials: ReadonlySet<string>;
}

const HASHES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
const PSS = '1.2.840.113549.1.1.10';
const HASH_OIDS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Serial number bytes in the form node's X509Certificate#serialNumber uses. */
export function serialHex(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('hex')
    .toUpperCase()
    .replace(/^0+(?=.)/, '');
}

// RSASSA-PSS-params: the hash sits in [0] AlgorithmIdentifier (default SHA-1); the salt length is
// left to OpenSSL to recover from the signature.
function pssHash(params: ArrayBuffer | null | undefined): string | undefined {
  if (!params) return 'sha1';
  const buf = new Uint8Array(params);
  const seq = readTlv(buf, 0);
  const hashTag = childrenOf(buf, seq).find((c) => c.tag === 0xa0);
  if (!hashTag) return 'sha1';
  const algId = childrenOf(buf, hashTag)[0];
  const oid = algId && childrenOf(buf, algId)[0];
  return oid ? HASH_OIDS[oidOf(buf, oid)] : undefined;
}

function signatureValid(crl: CertificateList, tbs: Buffer, key: KeyObject): boolean {
  const { algorithm, parameters } = crl.signatureAlgorithm;
  const signature = Buffer.from(crl.signature);
  if (algorithm === PSS) {
    const hash = pssHash(parameters);
    if (!hash) return false;
    const pss = { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO };
    return verify(hash, tbs, pss, signature);
  }
  const hash = HASHES[algorithm];
  return hash !== undefined && verify(hash, tbs, key, signature);
}

/**
 * Parses a DER CRL and checks that `issuerKey` (the CSCA's) signed it. Throws DECODING_FAILED for a
 * CRL that does not parse and CHAIN_INVALID for one the CSCA did not sign: a trust list must not hold
 * either, so this is a configuration error.
 */
export function parseIcaoCrl(der: Uint8Array, issuerKey: KeyObject): IcaoCrl {
  let crl: CertificateList;
  try {
    crl = AsnConvert.parse(der, CertificateList);
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', 'the CRL is not DER', { cause });
  }
  const tbs = crl.tbsCertListRaw;
  let valid = false;
  try {
    valid = tbs !== undefined && signatureValid(crl, Buffer.from(tbs), issuerKey);
  } catch {
    valid = false;
  }
  if (!valid) throw new CredentialError('CHAIN_INVALID', 'the CRL is not signed by its CSCA');
  const { thisUpdate, nextUpdate, revokedCertificates } = crl.tbsCertList;
  return {
    thisUpdate: thisUpdate.getTime(),
    ...(nextUpdate === undefined ? {} : { nextUpdate: nextUpdate.getTime() }),
    revokedSerials: new Set(
      (revokedCertificates ?? []).map((r) => serialHex(new Uint8Array(r.userCertificate))),
    ),
  };
}
