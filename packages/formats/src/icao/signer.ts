import { type KeyObject, X509Certificate } from 'node:crypto';
import { CredentialError } from '@passage/credentials/pure';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { hasReadablePeriod, periodOf } from '../internal/certificate-period.js';
import { childrenOf, readTlv } from './der.js';
import type { CheckOutcome } from './signature.js';
import type { IcaoCsca } from './trust.js';

/** Extended key usage of a VDS-NC barcode signer (id-icao-mrtd-security 14.2, ICAO VDS-NC). */
export const VDS_NC_SIGNER_EKU = '2.23.136.1.1.14.2';
/** ICAO 9303-12 document type list extension (id-icao-mrtd-security-extensions 2). */
export const DOCUMENT_TYPE_LIST_OID = '2.23.136.1.1.6.2';
/** The document type a barcode signer must list for each seal type. */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = { 'icao.vacc': 'NV', 'icao.test': 'NT' };

/** The barcode signer certificate of a seal, parsed once. */
export interface BarcodeSigner {
  certificate: X509Certificate;
  /** Its public key, read once: node decodes it on every read, and throws for one that does not decode. */
  publicKey: KeyObject;
  /** The document types the certificate lists, or undefined when it has no document type list. */
  documentTypes: readonly string[] | undefined;
  /** Whether each CSCA issued this certificate, remembered per prepared CSCA. */
  issuedBy: WeakMap<IcaoCsca, boolean>;
}

// One barcode signer signs many seals: its certificate is parsed, and its chain checked, once.
const SIGNER_CACHE_SIZE = 256;
const signers = new Map<string, BarcodeSigner>();

// DocumentTypeListSyntax ::= SEQUENCE { version INTEGER, docTypeList SET OF PrintableString }
function documentTypesOf(der: Buffer): string[] | undefined {
  const extension = AsnConvert.parse(der, Certificate).tbsCertificate.extensions?.find(
    (e) => e.extnID === DOCUMENT_TYPE_LIST_OID,
  );
  if (!extension) return undefined;
  const buf = new Uint8Array(extension.extnValue.buffer);
  const [, set] = childrenOf(buf, readTlv(buf, 0));
  if (set?.tag !== 0x31) throw new CredentialError('DECODING_FAILED', 'the document type list is malformed');
  return childrenOf(buf, set).map((t) => Buffer.from(buf.subarray(t.start, t.end)).toString('latin1'));
}

/** Parses `sig.cer` (base64url DER). Throws DECODING_FAILED for anything that is not a certificate. */
export function parseBarcodeSigner(cer: string): BarcodeSigner {
  const cached = signers.get(cer);
  if (cached) return cached;
  const der = Buffer.from(cer, 'base64url');
  let signer: BarcodeSigner;
  try {
    const certificate = new X509Certificate(der);
    signer = {
      certificate,
      publicKey: certificate.publicKey,
      documentTypes: documentTypesOf(der),
      issuedBy: new WeakMap(),
    };
  } catch (cause) {
    throw new CredentialError('DECODING_FAILED', 'sig.cer is not a DER certificate', { cause });
  }
  if (!hasReadablePeriod(signer.certificate)) {
    throw new CredentialError('DECODING_FAILED', 'sig.cer has a validity period that does not parse');
  }
  if (signers.size >= SIGNER_CACHE_SIZE) signers.delete(signers.keys().next().value ?? '');
  signers.set(cer, signer);
  return signer;
}

function issued(signer: BarcodeSigner, csca: IcaoCsca): boolean {
  try {
    return signer.certificate.checkIssued(csca.certificate) && signer.certificate.verify(csca.publicKey);
  } catch {
    return false;
  }
}

/** The trusted CSCA that issued and signed `signer`, if any. */
export function issuingCsca(signer: BarcodeSigner, cscas: readonly IcaoCsca[]): IcaoCsca | undefined {
  return cscas.find((csca) => {
    let known = signer.issuedBy.get(csca);
    if (known === undefined) {
      known = issued(signer, csca);
      signer.issuedBy.set(csca, known);
    }
    return known;
  });
}

/**
 * The barcode signer must carry the VDS-NC extended key usage; when it lists document types, the
 * seal's type must be among them (NV for `icao.vacc`, NT for `icao.test`). A signer without a document
 * type list is accepted on its key usage alone.
 */
export function checkSignerUsage(signer: BarcodeSigner, sealType: string): CheckOutcome {
  if (!signer.certificate.keyUsage?.includes(VDS_NC_SIGNER_EKU)) {
    return {
      ok: false,
      code: 'KEY_USAGE_MISMATCH',
      message: 'the signer certificate is not a VDS-NC barcode signer',
    };
  }
  const wanted = DOCUMENT_TYPES[sealType];
  if (
    signer.documentTypes !== undefined &&
    (wanted === undefined || !signer.documentTypes.includes(wanted))
  ) {
    return {
      ok: false,
      code: 'KEY_USAGE_MISMATCH',
      message: 'the signer certificate may not sign this seal type',
    };
  }
  return { ok: true };
}

/** Every certificate of the chain must be valid at `now`. */
export function checkChainValidity(certificates: readonly X509Certificate[], now: Date): CheckOutcome {
  for (const certificate of certificates) {
    const { notBefore, notAfter } = periodOf(certificate);
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
