import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { hasReadablePeriod, periodOf } from '../internal/certificate-period.js';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64');

/**
 * A trusted DCC document signer certificate (DSC), as the EU gateway's trust list publishes them:
 * the issuing country, the 8-byte key id and the DER certificate, both base64.
 */
export const dccTrustEntrySchema = z.strictObject({
  framework: z.literal('dcc'),
  /** ISO 3166-1 code of the issuing country (alpha-2 in the EU gateway; alpha-3 accepted). */
  country: z.string().regex(/^[A-Z]{2,3}$/),
  /** The 8-byte key id, base64. */
  kid: base64.refine((kid) => Buffer.from(kid, 'base64').length === 8, 'kid is not 8 bytes'),
  certificate: base64.max(16_384),
});

/** A trusted DSC entry. */
export type DccTrustEntry = z.infer<typeof dccTrustEntrySchema>;

/** A DSC ready for verification: parsed once, its public key imported once. */
export interface DccSigner {
  country: string;
  kid: string;
  publicKey: KeyObject;
  /** Validity period in milliseconds since the epoch. */
  notBefore: number;
  notAfter: number;
  /** Extended key usage OIDs, empty when the certificate has no EKU extension. */
  extendedKeyUsage: readonly string[];
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
  const byKid = new Map<string, DccSigner[]>();
  let rejected = 0;
  let size = 0;
  for (const input of entries) {
    const parsed = dccTrustEntrySchema.safeParse(input);
    if (!parsed.success) {
      rejected++;
      continue;
    }
    let signer: DccSigner;
    try {
      signer = signerOf(parsed.data);
    } catch {
      rejected++;
      continue;
    }
    const list = byKid.get(signer.kid) ?? [];
    list.push(signer);
    byKid.set(signer.kid, list);
    size++;
  }
  const none: readonly DccSigner[] = [];
  return {
    trust: {
      signersFor: (kid) => byKid.get(Buffer.from(kid).toString('base64')) ?? none,
      size,
    },
    rejected,
  };
}
