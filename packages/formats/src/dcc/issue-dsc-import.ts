import { type KeyObject, X509Certificate } from 'node:crypto';
import { hasReadablePeriod, periodOf } from '../internal/certificate-period.js';
import { FormatIssueError } from './issue-error.js';
import { keyUsageAllows } from './key-usage.js';
import { type DccTrustEntry, dccKidOf } from './trust.js';

/** What the issuer keeps of a DSC and shows the operator. */
export interface DscDetails {
  der: Uint8Array;
  /** The DCC kid, base64: first 8 bytes of the SHA-256 of the DER. */
  kid: string;
  /** The subject's C, when it has one. */
  country: string | undefined;
  notBefore: Date;
  notAfter: Date;
  extendedKeyUsage: readonly string[];
  /** Issued by itself (a development DSC) rather than by a CSCA. */
  selfSigned: boolean;
}

const PEM = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

const invalid = (message: string, cause?: unknown) =>
  new FormatIssueError('CERTIFICATE_INVALID', message, cause === undefined ? {} : { cause });

/** The DER of a certificate given as DER bytes or as PEM (text or bytes). */
export function certificateDer(input: Uint8Array | string): Uint8Array {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  const pem = PEM.exec(text);
  if (pem?.[1] !== undefined) return Buffer.from(pem[1].replace(/\s+/g, ''), 'base64');
  if (typeof input === 'string') throw invalid('the certificate is neither PEM nor DER');
  return input;
}

/**
 * Reads a DSC offered for an authority (PEM or DER) and checks it can sign that authority's DCCs:
 * it parses, certifies exactly `publicKey` (a P-256 key), and its extended key usage, when it lists
 * DCC usages, includes vaccination. Its validity period is the caller's to judge against its clock.
 */
export function readDsc(input: Uint8Array | string, publicKey: KeyObject): DscDetails {
  const der = certificateDer(input);
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch (cause) {
    throw invalid('the certificate does not parse', cause);
  }
  const key = cert.publicKey;
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw invalid('the certificate does not certify a P-256 key');
  }
  if (!key.equals(publicKey)) throw invalid("the certificate's public key is not the authority's key");
  const extendedKeyUsage = cert.keyUsage ?? [];
  if (!keyUsageAllows(extendedKeyUsage, ['vaccination'])) {
    throw invalid('the certificate may not sign vaccination certificates (extended key usage)');
  }
  if (!hasReadablePeriod(cert)) throw invalid('the certificate has a validity period that does not parse');
  const period = periodOf(cert);
  const country = /^C=([A-Z]{2,3})$/m.exec(cert.subject)?.[1];
  return {
    der,
    kid: dccKidOf(der),
    country,
    notBefore: new Date(period.notBefore),
    notAfter: new Date(period.notAfter),
    extendedKeyUsage,
    // checkIssued would want keyCertSign, which a DSC rightly lacks.
    selfSigned: cert.subject === cert.issuer && cert.verify(key),
  };
}

/** The trust entry verifiers need for a DSC: `{framework: "dcc", country, kid, certificate}`. */
export function dccTrustEntryFor(der: Uint8Array, country: string): DccTrustEntry {
  return { framework: 'dcc', country, kid: dccKidOf(der), certificate: Buffer.from(der).toString('base64') };
}
