import { type KeyObject, X509Certificate } from 'node:crypto';
import { isCredentialError } from '@passage/credentials/pure';
import { type CertificatePeriod, hasReadablePeriod, periodOf } from '../internal/certificate-period.js';
import { type IcaoCrl, parseIcaoCrl } from './crl.js';
import {
  addCsca,
  cscaNotCertificate,
  cscaPeriodUnreadable,
  type IcaoTrustEntry,
  icaoTrustEntryOf,
} from './trust-entry.js';

export { type IcaoTrustEntry, icaoTrustEntrySchema } from './trust-entry.js';

/** A CSCA ready for verification: certificate parsed once, CRL parsed and its signature checked once. */
export interface IcaoCsca {
  country: string;
  certificate: X509Certificate;
  /** Its public key, read once (node decodes it on every read of `certificate.publicKey`). */
  publicKey: KeyObject;
  /** Its validity period, read once. */
  period: CertificatePeriod;
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
    throw cscaNotCertificate(cause);
  }
  if (!hasReadablePeriod(certificate)) throw cscaPeriodUnreadable();
  const csca: IcaoCsca = { country: entry.country, certificate, publicKey, period: periodOf(certificate) };
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
    const parsed = icaoTrustEntryOf(entry);
    if (parsed !== undefined) addCsca(trust, prepareIcaoCsca(parsed));
  }
  prepared.set(entries, trust);
  return trust;
}
