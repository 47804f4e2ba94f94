// The extensions OpenSSL reads of a certificate when it checks a chain (ossl_x509v3_cache_extensions):
// each at most once and well formed, or the certificate issues nothing; and the extended key usage as
// node's X509Certificate#keyUsage gives it (undefined when absent, repeated or unreadable).
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  type Certificate,
  ExtendedKeyUsage,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';

/** What issuer matching reads of a certificate's extensions. */
export interface ChainExtensions {
  /** False when a checked extension is repeated or malformed (OpenSSL's EXFLAG_INVALID). */
  valid: boolean;
  subjectKeyId: Uint8Array | undefined;
  authorityKeyId: AuthorityKeyIdentifier | undefined;
  /** The key usage flags, undefined without the extension. */
  keyUsage: number | undefined;
}

function single<T>(certificate: Certificate, id: string, type: new () => T): { ok: boolean; value?: T } {
  const found = certificate.tbsCertificate.extensions?.filter((e) => e.extnID === id) ?? [];
  if (found.length === 0) return { ok: true };
  if (found.length > 1) return { ok: false };
  try {
    return { ok: true, value: AsnConvert.parse(found[0]?.extnValue.buffer ?? new ArrayBuffer(0), type) };
  } catch {
    return { ok: false };
  }
}

/** The chain-relevant extensions of `certificate`. */
export function chainExtensions(certificate: Certificate): ChainExtensions {
  const skid = single(certificate, id_ce_subjectKeyIdentifier, SubjectKeyIdentifier);
  const akid = single(certificate, id_ce_authorityKeyIdentifier, AuthorityKeyIdentifier);
  const usage = single(certificate, id_ce_keyUsage, KeyUsage);
  const constraints = single(certificate, id_ce_basicConstraints, BasicConstraints);
  const eku = single(certificate, id_ce_extKeyUsage, ExtendedKeyUsage);
  return {
    valid: skid.ok && akid.ok && usage.ok && constraints.ok && eku.ok,
    subjectKeyId: skid.value ? new Uint8Array(skid.value.buffer) : undefined,
    authorityKeyId: akid.value,
    keyUsage: usage.value?.toNumber(),
  };
}

/** Node's `keyUsage` (the EKU OIDs): undefined without a single readable extension. */
export function extendedKeyUsageOf(certificate: Certificate): string[] | undefined {
  const eku = single(certificate, id_ce_extKeyUsage, ExtendedKeyUsage);
  return eku.value ? [...eku.value] : undefined;
}

/** Whether a key usage (undefined: no extension) lets the key sign certificates. */
export const mayIssue = (keyUsage: number | undefined): boolean =>
  keyUsage === undefined || (keyUsage & KeyUsageFlags.keyCertSign) !== 0;
