import { type KeyObject, X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { type CertificatePeriod, periodOf } from '../internal/certificate-period.js';
import type { CheckOutcome } from './algorithms.js';
import type { IcaoSignerFacts } from './report.js';
import { checkPeriods, documentTypesOf, keepBarcodeSigner, signerNotCertificate } from './signer-checks.js';
import type { IcaoCsca } from './trust.js';

export { DOCUMENT_TYPE_LIST_OID, DOCUMENT_TYPES, VDS_NC_SIGNER_EKU } from './signer-checks.js';

/**
 * The barcode signer certificate of a seal, parsed once; what the shared checks read of it
 * ({@link IcaoSignerFacts}) is read from node's certificate when asked.
 */
export class BarcodeSigner implements IcaoSignerFacts {
  /** Whether each CSCA issued this certificate, remembered per prepared CSCA. */
  readonly issuedBy = new WeakMap<IcaoCsca, boolean>();

  constructor(
    readonly certificate: X509Certificate,
    /** Its public key, read once: node decodes it on every read, and throws for one that does not decode. */
    readonly publicKey: KeyObject,
    /** The document types the certificate lists, or undefined when it has no document type list. */
    readonly documentTypes: readonly string[] | undefined,
    readonly period: CertificatePeriod,
  ) {}

  get subject(): string {
    return this.certificate.subject;
  }
  get issuer(): string {
    return this.certificate.issuer;
  }
  get serialNumber(): string {
    return this.certificate.serialNumber;
  }
  get extendedKeyUsage(): readonly string[] | undefined {
    return this.certificate.keyUsage;
  }
}

// One barcode signer signs many seals: its certificate is read, and its chain checked, once.
const signers = new Map<string, BarcodeSigner>();

/** Parses `sig.cer` (base64url DER). Throws DECODING_FAILED for anything that is not a certificate. */
export function parseBarcodeSigner(cer: string): BarcodeSigner {
  const cached = signers.get(cer);
  if (cached) return cached;
  const der = Buffer.from(cer, 'base64url');
  let signer: BarcodeSigner;
  try {
    const certificate = new X509Certificate(der);
    const { publicKey } = certificate;
    const documentTypes = documentTypesOf(AsnConvert.parse(der, Certificate));
    signer = new BarcodeSigner(certificate, publicKey, documentTypes, periodOf(certificate));
  } catch (cause) {
    throw signerNotCertificate(cause);
  }
  return keepBarcodeSigner(signers, cer, signer);
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

/** Every certificate of the chain must be valid at `now` (see `checkPeriods`). */
export function checkChainValidity(certificates: readonly X509Certificate[], now: Date): CheckOutcome {
  return checkPeriods(certificates.map(periodOf), now);
}
