import { type KeyObject, sign } from 'node:crypto';
import { FormatIssueError } from './issue-error.js';

/**
 * Signs with an authority's P-256 key without handing the key over: `sign` receives the exact bytes
 * to sign (a COSE Sig_structure, a JWS signing input, a certificate's TBS) and answers the ES256
 * signature as raw r||s, 64 bytes, as JOSE and COSE both carry it. A KMS, an HSM or a Veramo agent
 * sits behind it.
 */
export interface Es256Signer {
  sign(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** Signs and checks the answer is a raw ES256 signature, so a DER signature never slips into a QR. */
export async function signEs256(signer: Es256Signer, data: Uint8Array): Promise<Uint8Array> {
  const signature = await signer.sign(data);
  if (!(signature instanceof Uint8Array) || signature.length !== 64) {
    throw new FormatIssueError('SIGNATURE_FORMAT', 'the signer must answer a raw 64-byte ES256 signature');
  }
  return signature;
}

/**
 * An {@link Es256Signer} over a node:crypto private key, for tests and tools that hold the key.
 *
 * @example
 * const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
 * await issueShc({ record, signer: keyObjectSigner(privateKey), ... });
 */
export function keyObjectSigner(privateKey: KeyObject): Es256Signer {
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new FormatIssueError('INVALID_ARGUMENT', 'an ES256 signer needs a P-256 private key');
  }
  return { sign: (data) => sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }) };
}
