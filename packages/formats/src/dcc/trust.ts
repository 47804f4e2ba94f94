import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import { hasReadablePeriod, periodOf } from '../internal/certificate-period.js';
import { type DccSignerFacts, dccSignerLookup } from './signer.js';
import { type DccTrustEntry, dccTrustEntrySchema } from './trust-entry.js';

export { type DccTrustEntry, dccTrustEntrySchema } from './trust-entry.js';

/** A DSC ready for verification: parsed once, its public key imported once. */
export interface DccSigner extends DccSignerFacts {
  publicKey: KeyObject;
}

/** Trusted DSCs by base64 kid. Several certificates may share a kid: all are tried. */
export interface DccTrust {
  signersFor(kid: Uint8Array): readonly DccSigner[];
  readonly size: number;
}

/** The DCC key id of a DER certificate: the first 8 bytes of its SHA-256, base64. */
export function dccKidOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest().subarray(0, 8).toString('base64');
}

function signerOf(entry: DccTrustEntry): DccSigner {
  const cert = new X509Certificate(Buffer.from(entry.certificate, 'base64'));
  if (!hasReadablePeriod(cert))
    throw new RangeError('the certificate has a validity period that does not parse');
  const { notBefore, notAfter } = periodOf(cert);
  return {
    country: entry.country,
    kid: entry.kid,
    publicKey: cert.publicKey,
    notBefore,
    notAfter,
    extendedKeyUsage: cert.keyUsage ?? [],
  };
}

/**
 * Builds the DSC lookup once from trust entries (`unknown` until parsed here). An entry whose
 * certificate does not parse is skipped and counted in `rejected`, so one bad entry in a trust
 * list of thousands does not stop the others.
 *
 * @example
 * const { trust } = createDccTrust(trustFile.entries.filter((e) => e.framework === 'dcc'));
 * verifyDcc(text, { trust, now: new Date() });
 */
export function createDccTrust(entries: readonly unknown[]): { trust: DccTrust; rejected: number } {
  const signers: DccSigner[] = [];
  let rejected = 0;
  for (const input of entries) {
    const parsed = dccTrustEntrySchema.safeParse(input);
    if (!parsed.success) {
      rejected++;
      continue;
    }
    try {
      signers.push(signerOf(parsed.data));
    } catch {
      rejected++;
    }
  }
  return { trust: dccSignerLookup(signers), rejected };
}
