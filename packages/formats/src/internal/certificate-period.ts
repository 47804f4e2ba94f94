// The validity period of an X.509 certificate as node states it, read once per certificate object:
// VDS-NC signers and CSCAs, EU DCC signers in a trust list or offered to the issuer.
import type { X509Certificate } from 'node:crypto';

/** A certificate's validity period in milliseconds (NaN where node's text does not parse). */
export interface CertificatePeriod {
  notBefore: number;
  notAfter: number;
}

// Read for every seal a certificate signs: parsed once per certificate object, held weakly, so an
// entry lives and dies with the trust's certificates and the bounded signer cache's.
const periods = new WeakMap<X509Certificate, CertificatePeriod>();

/** The validity period of a certificate, parsed from node's text once. */
export function periodOf(certificate: X509Certificate): CertificatePeriod {
  let period = periods.get(certificate);
  if (period === undefined) {
    period = {
      notBefore: new Date(certificate.validFrom).getTime(),
      notAfter: new Date(certificate.validTo).getTime(),
    };
    periods.set(certificate, period);
  }
  return period;
}

/**
 * True when both ends of the certificate's validity period parse. Node gives "Bad time value" for a
 * malformed UTCTime or GeneralizedTime; such a certificate is refused where it is read, so no check
 * ever compares an instant with NaN (which would pass both bounds) and no report formats one.
 */
export function hasReadablePeriod(certificate: X509Certificate): boolean {
  const { notBefore, notAfter } = periodOf(certificate);
  return Number.isFinite(notBefore) && Number.isFinite(notAfter);
}
