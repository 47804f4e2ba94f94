// What the barcode signer certificate must be, shared by the Node verifier (node's X509Certificate)
// and the browser one (@peculiar/asn1-x509): its decoding errors, the document type list, its key
// usage for the seal type, and the validity periods of the chain.
import { CredentialError } from '@passage/credentials/pure';
import type { Certificate } from '@peculiar/asn1-x509';
import type { CheckOutcome } from './algorithms.js';
import { childrenOf, readTlv } from './der.js';

/** Extended key usage of a VDS-NC barcode signer (id-icao-mrtd-security 14.2, ICAO VDS-NC). */
export const VDS_NC_SIGNER_EKU = '2.23.136.1.1.14.2';
/** ICAO 9303-12 document type list extension (id-icao-mrtd-security-extensions 2). */
export const DOCUMENT_TYPE_LIST_OID = '2.23.136.1.1.6.2';
/** The document type a barcode signer must list for each seal type. */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = { 'icao.vacc': 'NV', 'icao.test': 'NT' };

/** A certificate's validity period in milliseconds since the epoch (NaN where it does not parse). */
export interface ValidityPeriod {
  notBefore: number;
  notAfter: number;
}

/** DECODING_FAILED for a `sig.cer` that is not a certificate (or whose key or extensions do not decode). */
export function signerNotCertificate(cause: unknown): CredentialError {
  return new CredentialError('DECODING_FAILED', 'sig.cer is not a DER certificate', { cause });
}

/** DECODING_FAILED for a `sig.cer` whose validity period does not parse. */
export function signerPeriodUnreadable(): CredentialError {
  return new CredentialError('DECODING_FAILED', 'sig.cer has a validity period that does not parse');
}

/** True when both ends of a validity period are instants. */
export function isReadablePeriod(period: ValidityPeriod): boolean {
  return Number.isFinite(period.notBefore) && Number.isFinite(period.notAfter);
}

const latin1 = (bytes: Uint8Array): string => {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
};

/**
 * The document types a certificate lists (ICAO 9303-12 DocumentTypeListSyntax ::= SEQUENCE { version
 * INTEGER, docTypeList SET OF PrintableString }), or undefined when it has no such extension (the
 * first one counts). Throws DECODING_FAILED for a list that is malformed.
 */
export function documentTypesOf(certificate: Certificate): string[] | undefined {
  const extension = certificate.tbsCertificate.extensions?.find((e) => e.extnID === DOCUMENT_TYPE_LIST_OID);
  if (!extension) return undefined;
  const buf = new Uint8Array(extension.extnValue.buffer);
  const [, set] = childrenOf(buf, readTlv(buf, 0));
  if (set?.tag !== 0x31) throw new CredentialError('DECODING_FAILED', 'the document type list is malformed');
  return childrenOf(buf, set).map((t) => latin1(buf.subarray(t.start, t.end)));
}

/**
 * The barcode signer must carry the VDS-NC extended key usage (`extendedKeyUsage`: its EKU OIDs,
 * undefined without a readable EKU extension); when it lists document types, the seal's type must be
 * among them (NV for `icao.vacc`, NT for `icao.test`). A signer without a document type list is
 * accepted on its key usage alone.
 */
export function checkSignerUsage(
  extendedKeyUsage: readonly string[] | undefined,
  documentTypes: readonly string[] | undefined,
  sealType: string,
): CheckOutcome {
  if (!extendedKeyUsage?.includes(VDS_NC_SIGNER_EKU)) {
    return {
      ok: false,
      code: 'KEY_USAGE_MISMATCH',
      message: 'the signer certificate is not a VDS-NC barcode signer',
    };
  }
  const wanted = DOCUMENT_TYPES[sealType];
  if (documentTypes !== undefined && (wanted === undefined || !documentTypes.includes(wanted))) {
    return {
      ok: false,
      code: 'KEY_USAGE_MISMATCH',
      message: 'the signer certificate may not sign this seal type',
    };
  }
  return { ok: true };
}

/** Every certificate of the chain (given by its validity period) must be valid at `now`. */
export function checkPeriods(periods: readonly ValidityPeriod[], now: Date): CheckOutcome {
  for (const { notBefore, notAfter } of periods) {
    // Written so that a period that does not parse (NaN) fails both checks instead of passing them.
    if (!(now.getTime() >= notBefore)) {
      return {
        ok: false,
        code: 'CERTIFICATE_NOT_YET_VALID',
        message: 'a certificate of the chain is not valid yet',
      };
    }
    if (!(now.getTime() <= notAfter)) {
      return { ok: false, code: 'CERTIFICATE_EXPIRED', message: 'a certificate of the chain has expired' };
    }
  }
  return { ok: true };
}

/** How many barcode signers a verifier keeps parsed (one signer signs many seals). */
const SIGNER_CACHE_SIZE = 256;

/**
 * Keeps a barcode signer whose certificate and validity period read, under its `sig.cer` text, in a
 * cache bounded to the most recent signers; throws DECODING_FAILED for a period that does not read.
 * The Node and browser verifiers keep their signers alike.
 */
export function keepBarcodeSigner<S extends { period: ValidityPeriod }>(
  cache: Map<string, S>,
  cer: string,
  signer: S,
): S {
  if (!isReadablePeriod(signer.period)) throw signerPeriodUnreadable();
  if (cache.size >= SIGNER_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(cer, signer);
  return signer;
}
