// The verdict of a VDS-NC seal once the platform has done its cryptography: which check fails with
// which code, in which order, and what the report says. The Node verifier (verify.ts) and the browser
// one (@passage/web-verify) both end here, so they give the same reports by construction.
import {
  isCredentialError,
  type ReportBuilder,
  VERIFICATION_CODES,
  type VerificationCode,
  type VerificationReport,
} from '@passage/credentials/pure';
import { isoString } from '../internal/iso-date.js';
import type { CheckOutcome } from './algorithms.js';
import { icaoRecord } from './record.js';
import { type CrlInfo, checkSignerRevocation, type HeldCrl, type StaleCrlPolicy } from './revocation.js';
import type { IcaoSeal } from './seal.js';
import { checkPeriods, checkSignerUsage, type ValidityPeriod } from './signer-checks.js';

/** What the checks read of the barcode signer certificate, as node's X509Certificate states it. */
export interface IcaoSignerFacts {
  /** Node's multi-line text of the subject (undefined where node has none, e.g. an empty name). */
  readonly subject: string | undefined;
  readonly issuer: string | undefined;
  /** Node's upper-case hex of the serial number. */
  readonly serialNumber: string;
  /** Extended key usage OIDs; undefined without a (single, readable) EKU extension. */
  readonly extendedKeyUsage: readonly string[] | undefined;
  /** Document types of its ICAO document type list; undefined without one. */
  readonly documentTypes: readonly string[] | undefined;
  readonly period: ValidityPeriod;
}

/** What the checks read of the trusted CSCA that issued the signer. */
export interface IcaoIssuerFacts extends HeldCrl {
  readonly period: ValidityPeriod;
}

/** The platform's findings on a decoded seal, from which {@link finishIcaoReport} decides the verdict. */
export interface IcaoFindings {
  seal: IcaoSeal;
  /** The seal came from JSON text (plain data): see `icaoRecord`. */
  plain: boolean;
  signer: IcaoSignerFacts;
  /** The outcome of the signature check (see `sealSignatureTask` and `signatureOutcome`). */
  signature: CheckOutcome;
  /** How many CSCAs the trust holds for the seal's issuing state. */
  trustedCscas: number;
  /** The trusted CSCA that issued and signed the signer certificate, if any. */
  csca: IcaoIssuerFacts | undefined;
}

type Check = 'signature' | 'issuerTrusted' | 'validity' | 'status' | 'schema';

function record(report: ReportBuilder, check: Check, outcome: CheckOutcome): boolean {
  if (outcome.ok) report.pass(check);
  else report.fail(check, outcome.code, outcome.message);
  return outcome.ok;
}

/**
 * Records why a seal could not be decoded (`error`, thrown by `parseIcaoSeal` or the platform's signer
 * parser) and returns its report. Rethrows anything that is not a CredentialError (a bug).
 */
export function undecodedIcaoReport(report: ReportBuilder, error: unknown, now: Date): VerificationReport {
  if (!isCredentialError(error)) throw error;
  const checkedAt = isoString(now.getTime());
  const known = (VERIFICATION_CODES as readonly string[]).includes(error.code);
  report.fail('decoding', known ? (error.code as VerificationCode) : 'DECODING_FAILED', error.message);
  return report.build({ envelope: 'qr', checkedAt }, 'icao-vds-nc');
}

/** The header with its members in the order zod's copy gives them (t, v, is, then the others). */
function hdrInSchemaOrder(hdr: IcaoSeal['data']['hdr']): IcaoSeal['data']['hdr'] {
  const { t, v, is, ...others } = hdr;
  return { t, v, is, ...others };
}

/**
 * Decides the checks after decoding, in the order both verifiers follow: signature; issuer trust
 * (ISSUER_NOT_TRUSTED without a CSCA for the state, CHAIN_INVALID when none issued the signer, then
 * the signer's key usage); the CRL status when trusted; the chain's validity at `now`; the message's
 * schema. Then the report, with the canonical record of a proof of vaccination.
 */
export function finishIcaoReport(
  report: ReportBuilder,
  findings: IcaoFindings,
  now: Date,
  staleCrl: StaleCrlPolicy,
): VerificationReport {
  const { seal, signer, csca } = findings;
  const checkedAt = isoString(now.getTime());
  record(report, 'signature', findings.signature);
  let crl: CrlInfo | undefined;
  if (findings.trustedCscas === 0)
    report.fail('issuerTrusted', 'ISSUER_NOT_TRUSTED', 'no trusted CSCA for the issuing state');
  else if (!csca)
    report.fail('issuerTrusted', 'CHAIN_INVALID', 'the signer certificate is not issued by a trusted CSCA');
  else if (
    record(
      report,
      'issuerTrusted',
      checkSignerUsage(signer.extendedKeyUsage, signer.documentTypes, seal.data.hdr.t),
    )
  ) {
    const status = checkSignerRevocation(signer.serialNumber, csca, now, staleCrl);
    record(report, 'status', status.outcome);
    crl = status.crl;
  }
  const periods = csca ? [signer.period, csca.period] : [signer.period];
  record(report, 'validity', checkPeriods(periods, now));

  const mapped = icaoRecord(seal, findings.plain);
  record(
    report,
    'schema',
    mapped.ok ? { ok: true } : { ok: false, code: 'SCHEMA_INVALID', message: mapped.message },
  );
  const native = {
    hdr: hdrInSchemaOrder(seal.data.hdr),
    msg: seal.data.msg,
    sig: { alg: seal.sig.alg },
    signer: {
      subject: signer.subject,
      issuer: signer.issuer,
      serialNumber: signer.serialNumber,
      validFrom: isoString(signer.period.notBefore),
      validTo: isoString(signer.period.notAfter),
    },
    ...(crl === undefined ? {} : { crl }),
  };
  const vaccination = mapped.ok && mapped.record !== undefined;
  return report.build(
    {
      envelope: 'qr',
      checkedAt,
      issuer: { id: seal.data.hdr.is, country: seal.data.hdr.is },
      native,
      ...(vaccination ? { record: mapped.record, credentialType: 'VaccinationCertificate' } : {}),
    },
    'icao-vds-nc',
  );
}
