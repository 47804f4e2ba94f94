// A CSCA's CRL checked in the browser as the Node verifier checks it (node:crypto's verify with the
// CSCA's key): the scheme follows the key (RSA PKCS#1 v1.5, ECDSA with a DER signature) and the
// algorithm's hash; RSASSA-PSS with the salt length recovered from the signature.
import { crlSignatureScheme } from '@passage/formats/pure';
import type { CertificateList } from '@peculiar/asn1-x509';
import { keyTypeOf, type SigningKey } from './x509-keys.js';
import { verifyWithScheme, type WebHash } from './x509-signature.js';

const WEB_HASHES: Readonly<Record<string, WebHash>> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

/** True when `key` (a CSCA's) signed `crl`; false for anything else, never an error. */
export async function crlSignedBy(crl: CertificateList, key: SigningKey): Promise<boolean> {
  try {
    const scheme = crlSignatureScheme(crl);
    const hash = WEB_HASHES[scheme?.hash ?? ''];
    const tbs = crl.tbsCertListRaw;
    if (!scheme || !hash || tbs === undefined) return false;
    const data = new Uint8Array(tbs);
    const signature = new Uint8Array(crl.signature);
    const type = keyTypeOf(key);
    if (scheme.pss || type === 'rsa-pss') {
      if (type !== 'rsa' && type !== 'rsa-pss') return false;
      return await verifyWithScheme(key, { kind: 'pss', hash, saltLength: 'auto' }, data, signature);
    }
    if (type === 'rsa') return await verifyWithScheme(key, { kind: 'pkcs1', hash }, data, signature);
    if (type === 'ec') return await verifyWithScheme(key, { kind: 'ecdsa', hash }, data, signature);
    return false;
  } catch {
    return false;
  }
}
