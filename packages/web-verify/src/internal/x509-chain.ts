// Whether one certificate issued another, in the browser, as node's
// `subject.checkIssued(issuer) && subject.verify(issuer.publicKey)` decides it (OpenSSL's
// X509_check_issued, then X509_verify): matching names (canonical form), authority key identifier,
// the signature algorithm fitting the issuer's key, the issuer's key usage, then the signature.

import { readTlv } from '@passage/formats/pure';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, type Certificate, type Name } from '@peculiar/asn1-x509';
import { type ChainExtensions, mayIssue } from './x509-extensions.js';
import { keyTypeOf, type SigningKey } from './x509-keys.js';
import { canonicalNameKey, nameEntries } from './x509-name.js';
import type { CertificateParts } from './x509-parts.js';
import { certificateScheme, keyTypeFor, verifyWithScheme } from './x509-signature.js';

/** A certificate as the chain check reads it. */
export interface ChainCertificate {
  asn: Certificate;
  parts: CertificateParts;
  extensions: ChainExtensions;
  key: SigningKey;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

function nameKey(name: Name): string | undefined {
  try {
    const der = new Uint8Array(AsnConvert.serialize(name));
    return canonicalNameKey(nameEntries(der, readTlv(der, 0)));
  } catch {
    return undefined;
  }
}

/** X509_check_akid: the subject's authority key identifier, where present, names this issuer. */
function akidMatches(subject: ChainCertificate, issuer: ChainCertificate): boolean {
  const akid = subject.extensions.authorityKeyId;
  if (!akid) return true;
  const skid = issuer.extensions.subjectKeyId;
  if (akid.keyIdentifier && skid && !equalBytes(new Uint8Array(akid.keyIdentifier.buffer), skid))
    return false;
  if (akid.authorityCertSerialNumber) {
    if (!equalBytes(new Uint8Array(akid.authorityCertSerialNumber), issuer.parts.serialBytes)) return false;
  }
  const directory = akid.authorityCertIssuer?.find((g) => g.directoryName)?.directoryName;
  if (directory && nameKey(directory) !== canonicalNameKey(issuer.parts.issuer)) return false;
  return true;
}

/** check_sig_alg_match: the subject's signature algorithm is one the issuer's key type makes. */
function algorithmFitsKey(subject: ChainCertificate, issuer: ChainCertificate): boolean {
  const needed = keyTypeFor(subject.asn.tbsCertificate.signature.algorithm);
  const type = keyTypeOf(issuer.key);
  if (needed === 'rsa-pss') return type === 'rsa-pss' || type === 'rsa';
  return needed !== undefined && needed === type;
}

/** Node's `subject.checkIssued(issuer) && subject.verify(issuer.publicKey)`, never throwing. */
export async function issuedBy(subject: ChainCertificate, issuer: ChainCertificate): Promise<boolean> {
  try {
    if (canonicalNameKey(subject.parts.issuer) !== canonicalNameKey(issuer.parts.subject)) return false;
    if (!subject.extensions.valid || !issuer.extensions.valid) return false;
    if (!akidMatches(subject, issuer) || !algorithmFitsKey(subject, issuer)) return false;
    if (!mayIssue(issuer.extensions.keyUsage)) return false;
    const { parts } = subject;
    if (!equalBytes(parts.innerAlgorithm, parts.outerAlgorithm) || parts.signatureUnusedBits !== 0)
      return false;
    const scheme = certificateScheme(AsnConvert.parse(parts.outerAlgorithm, AlgorithmIdentifier));
    return scheme !== undefined && (await verifyWithScheme(issuer.key, scheme, parts.tbs, parts.signature));
  } catch {
    return false;
  }
}
