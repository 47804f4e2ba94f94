import { type KeyObject, X509Certificate } from 'node:crypto';
import { CredentialError, isCredentialError } from '@passage/credentials/pure';
import { z } from 'zod';
import { hasReadablePeriod } from '../internal/certificate-period.js';
import { type IcaoCrl, parseIcaoCrl } from './crl.js';

/**
 * A trusted Country Signing CA for VDS-NC seals: the issuing state's ICAO 9303-3 code (ISO 3166
 * alpha-3, or codes such as `D<<`), its certificate (base64 DER) and optionally its CRL (base64 DER).
 */
export const icaoTrustEntrySchema = z.object({
  framework: z.literal('icao'),
  country: z.string().regex(/^[A-Z<]{3}$/),
  certificate: z.base64().max(64 * 1024),
  crl: z
    .base64()
    .max(8 * 1024 * 1024)
    .optional(),
});

/** A trusted CSCA as written in a trust file. */
export type IcaoTrustEntry = z.infer<typeof icaoTrustEntrySchema>;

/** A CSCA ready for verification: certificate parsed once, CRL parsed and its signature checked once. */
export interface IcaoCsca {
  country: string;
  certificate: X509Certificate;
  /** Its public key, read once (node decodes it on every read of `certificate.publicKey`). */
  publicKey: KeyObject;
  crl?: IcaoCrl;
  /** Why the held CRL cannot be used (it does not parse, or the CSCA did not sign it). */
  crlProblem?: string;
}

/** Trusted CSCAs by issuing state (several per state during a key rollover). */
export type IcaoTrust = ReadonlyMap<string, readonly IcaoCsca[]>;

/** Parses one entry's certificate and CRL. Throws INVALID_ARGUMENT for a certificate that does not parse. */
export function prepareIcaoCsca(entry: IcaoTrustEntry): IcaoCsca {
  let certificate: X509Certificate;
  let publicKey: KeyObject;
  try {
    certificate = new X509Certificate(Buffer.from(entry.certificate, 'base64'));
    publicKey = certificate.publicKey;
  } catch (cause) {
    throw new CredentialError('INVALID_ARGUMENT', 'a trusted CSCA certificate is not DER', { cause });
  }
  if (!hasReadablePeriod(certificate)) {
    throw new CredentialError(
      'INVALID_ARGUMENT',
      'a trusted CSCA certificate has a validity period that does not parse',
    );
  }
  const csca: IcaoCsca = { country: entry.country, certificate, publicKey };
  if (entry.crl === undefined) return csca;
  try {
    return { ...csca, crl: parseIcaoCrl(Buffer.from(entry.crl, 'base64'), publicKey) };
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    return { ...csca, crlProblem: error.message };
  }
}

const prepared = new WeakMap<object, IcaoTrust>();

/**
 * Parses the `framework: "icao"` entries of a trust list (others are skipped), once per array.
 * Throws INVALID_ARGUMENT for a malformed ICAO entry (a configuration error, not a bad seal).
 */
export function prepareIcaoTrust(entries: readonly unknown[]): IcaoTrust {
  const cached = prepared.get(entries);
  if (cached) return cached;
  const trust = new Map<string, IcaoCsca[]>();
  for (const entry of entries) {
    if ((entry as { framework?: unknown } | null)?.framework !== 'icao') continue;
    const parsed = icaoTrustEntrySchema.safeParse(entry);
    if (!parsed.success)
      throw new CredentialError('INVALID_ARGUMENT', 'a trusted ICAO CSCA entry is malformed');
    const csca = prepareIcaoCsca(parsed.data);
    trust.set(csca.country, [...(trust.get(csca.country) ?? []), csca]);
  }
  prepared.set(entries, trust);
  return trust;
}
