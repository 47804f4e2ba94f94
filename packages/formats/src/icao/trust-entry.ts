// The `framework: "icao"` entries of a trust list, read the same way by the Node verifier and the
// browser one; each then parses the certificate and CRL with its own platform.
import { CredentialError } from '@passage/credentials/pure';
import { z } from 'zod';

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

/**
 * The ICAO entry in `entry`, undefined for an entry of another framework. Throws INVALID_ARGUMENT for
 * a malformed ICAO entry (a configuration error, not a bad seal).
 */
export function icaoTrustEntryOf(entry: unknown): IcaoTrustEntry | undefined {
  if ((entry as { framework?: unknown } | null)?.framework !== 'icao') return undefined;
  const parsed = icaoTrustEntrySchema.safeParse(entry);
  if (!parsed.success)
    throw new CredentialError('INVALID_ARGUMENT', 'a trusted ICAO CSCA entry is malformed');
  return parsed.data;
}

/** INVALID_ARGUMENT: a trusted CSCA certificate (or its public key) does not parse. */
export function cscaNotCertificate(cause: unknown): CredentialError {
  return new CredentialError('INVALID_ARGUMENT', 'a trusted CSCA certificate is not DER', { cause });
}

/** INVALID_ARGUMENT: a trusted CSCA certificate's validity period does not parse. */
export function cscaPeriodUnreadable(): CredentialError {
  return new CredentialError(
    'INVALID_ARGUMENT',
    'a trusted CSCA certificate has a validity period that does not parse',
  );
}

/** Adds a prepared CSCA to the trust under its state (several per state during a key rollover). */
export function addCsca<T extends { country: string }>(trust: Map<string, T[]>, csca: T): void {
  trust.set(csca.country, [...(trust.get(csca.country) ?? []), csca]);
}
