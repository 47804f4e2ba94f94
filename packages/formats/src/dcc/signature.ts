import { constants, type KeyObject, verify } from 'node:crypto';
import { DCC_ALGORITHMS } from './sig-structure.js';

export { DCC_ALGORITHMS, isDccAlgorithm, sigStructure } from './sig-structure.js';

/**
 * Verifies a COSE signature with one key. The key type must fit the algorithm (an RSA key never
 * verifies an ES256 signature, nor an EC key a PS256 one); ES256 signatures are raw r||s of 64 bytes,
 * PS256 uses RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt.
 */
export function verifyCoseSignature(
  alg: -7 | -37,
  data: Uint8Array,
  signature: Uint8Array,
  key: KeyObject,
): boolean {
  try {
    if (alg === DCC_ALGORITHMS.ES256) {
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
        return false;
      if (signature.length !== 64) return false;
      return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    }
    // A DSC may carry its RSA key under rsaEncryption or under id-RSASSA-PSS.
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss') return false;
    return verify(
      'sha256',
      data,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
      signature,
    );
  } catch {
    return false;
  }
}
