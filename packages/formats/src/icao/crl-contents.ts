// A CSCA's CRL as both verifiers read it (@peculiar/asn1-x509): its structure, which hash and padding
// its signature uses, what it lists. Checking the signature is the platform's part (crl.ts in Node).
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

/** Hashes by signature algorithm (RSA PKCS#1 v1.5 and ECDSA), as node:crypto names them. */
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
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex.toUpperCase().replace(/^0+(?=.)/, '');
}

// RSASSA-PSS-params: the hash sits in [0] AlgorithmIdentifier (default SHA-1); the salt length is
// left to the verifier to recover from the signature.
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

/**
 * How a CRL is signed: its hash (node:crypto's name) and whether it is RSASSA-PSS (salt length
 * recovered from the signature) rather than the key's plain scheme (RSA PKCS#1 v1.5, or ECDSA with a
 * DER signature). Undefined for an algorithm not accepted. Throws DECODING_FAILED for PSS parameters
 * that do not parse.
 */
export function crlSignatureScheme(crl: CertificateList): { hash: string; pss: boolean } | undefined {
  const { algorithm, parameters } = crl.signatureAlgorithm;
  if (algorithm === PSS) {
    const hash = pssHash(parameters);
    return hash === undefined ? undefined : { hash, pss: true };
  }
  const hash = HASHES[algorithm];
  return hash === undefined ? undefined : { hash, pss: false };
}

/** Parses a DER CRL. Throws DECODING_FAILED for one that does not parse. */
export function readCrl(der: Uint8Array): CertificateList {
  try {
    return AsnConvert.parse(der, CertificateList);
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', 'the CRL is not DER', { cause });
  }
}

/** CHAIN_INVALID: the CRL's signature is not the CSCA's. */
export function crlNotSigned(): CredentialError {
  return new CredentialError('CHAIN_INVALID', 'the CRL is not signed by its CSCA');
}

/** What a CRL whose signature was checked says. */
export function icaoCrlOf(crl: CertificateList): IcaoCrl {
  const { thisUpdate, nextUpdate, revokedCertificates } = crl.tbsCertList;
  return {
    thisUpdate: thisUpdate.getTime(),
    ...(nextUpdate === undefined ? {} : { nextUpdate: nextUpdate.getTime() }),
    revokedSerials: new Set(
      (revokedCertificates ?? []).map((r) => serialHex(new Uint8Array(r.userCertificate))),
    ),
  };
}
