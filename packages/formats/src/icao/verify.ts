import {
  isCredentialError,
  ReportBuilder,
  VERIFICATION_CODES,
  type VerificationCode,
  type VerificationReport,
} from '@passage/credentials/pure';
import { periodOf } from '../internal/certificate-period.js';
import { isoString } from '../internal/iso-date.js';
import { canonicalJsonBytes } from './canonical.js';
import { icaoRecord } from './record.js';
import { type CrlInfo, checkSignerRevocation, type StaleCrlPolicy } from './revocation.js';
import { type IcaoSeal, parseIcaoSeal } from './seal.js';
import { type CheckOutcome, signedBytes, verifySealSignature } from './signature.js';
import {
  type BarcodeSigner,
  checkChainValidity,
  checkSignerUsage,
  issuingCsca,
  parseBarcodeSigner,
} from './signer.js';
import { type IcaoTrust, prepareIcaoTrust } from './trust.js';

/** The security settings of a VDS-NC verification, all explicit. */
export interface IcaoVerifyOptions {
  /** Trusted CSCAs: prepared with {@link prepareIcaoTrust}, or trust-list entries (non-ICAO ones skipped). */
  trust: IcaoTrust | readonly unknown[];
  /** The instant to validate against. Default: now. */
  now?: Date;
  /** A held CRL past its nextUpdate: `report` (default) passes and marks it stale; `fail` fails the status check. */
  staleCrl?: StaleCrlPolicy;
}

type Check = 'signature' | 'issuerTrusted' | 'validity' | 'status' | 'schema';

function record(report: ReportBuilder, check: Check, outcome: CheckOutcome): boolean {
  if (outcome.ok) report.pass(check);
  else report.fail(check, outcome.code, outcome.message);
  return outcome.ok;
}

function decode(
  input: string | object,
  report: ReportBuilder,
): { seal: IcaoSeal; signer: BarcodeSigner } | undefined {
  try {
    const seal = parseIcaoSeal(input);
    const signer = parseBarcodeSigner(seal.sig.cer);
    report.pass('decoding');
    return { seal, signer };
  } catch (error) {
    if (!isCredentialError(error)) throw error;
    const known = (VERIFICATION_CODES as readonly string[]).includes(error.code);
    report.fail('decoding', known ? (error.code as VerificationCode) : 'DECODING_FAILED', error.message);
    return undefined;
  }
}

/** The header with its members in the order zod's copy gives them (t, v, is, then the others). */
function hdrInSchemaOrder(hdr: IcaoSeal['data']['hdr']): IcaoSeal['data']['hdr'] {
  const { t, v, is, ...others } = hdr;
  return { t, v, is, ...others };
}

/**
 * Verifies an ICAO VDS-NC seal (its JSON text or the parsed object): the signature over the RFC 8785
 * canonical JSON of `data` by the barcode signer certificate in `sig.cer`; that certificate issued by
 * a trusted CSCA of the issuing state, carrying the VDS-NC key usage for the seal's type, valid at
 * `now`, and not on the CSCA's CRL when one is held; the message against its type. Synchronous and
 * offline. Returns a report; never throws for a bad seal.
 *
 * @example
 * const report = verifyIcaoVdsNc(scannedJson, { trust: trustEntries });
 */
export function verifyIcaoVdsNc(input: string | object, options: IcaoVerifyOptions): VerificationReport {
  const report = new ReportBuilder();
  const now = options.now ?? new Date();
  const checkedAt = isoString(now.getTime());
  const decoded = decode(input, report);
  if (!decoded) return report.build({ envelope: 'qr', checkedAt }, 'icao-vds-nc');
  const { seal, signer } = decoded;
  const trust =
    options.trust instanceof Map ? options.trust : prepareIcaoTrust(options.trust as readonly unknown[]);

  // JSON text parses to plain data, which the fast canonical form handles; a caller's object may hold
  // anything (toJSON, undefined), which only `canonicalize` reads as RFC 8785 says.
  const plain = typeof input === 'string';
  const signed = plain ? canonicalJsonBytes(seal.data) : signedBytes(seal.data);
  if (signed === undefined)
    report.fail('signature', 'DECODING_FAILED', 'the seal data has no canonical form');
  else
    record(report, 'signature', verifySealSignature(seal.sig.alg, signed, seal.sig.sigvl, signer.publicKey));

  const cscas = trust.get(seal.data.hdr.is) ?? [];
  const csca = issuingCsca(signer, cscas);
  let crl: CrlInfo | undefined;
  if (cscas.length === 0)
    report.fail('issuerTrusted', 'ISSUER_NOT_TRUSTED', 'no trusted CSCA for the issuing state');
  else if (!csca)
    report.fail('issuerTrusted', 'CHAIN_INVALID', 'the signer certificate is not issued by a trusted CSCA');
  else if (record(report, 'issuerTrusted', checkSignerUsage(signer, seal.data.hdr.t))) {
    const status = checkSignerRevocation(signer.certificate, csca, now, options.staleCrl ?? 'report');
    record(report, 'status', status.outcome);
    crl = status.crl;
  }
  const chain = csca ? [signer.certificate, csca.certificate] : [signer.certificate];
  record(report, 'validity', checkChainValidity(chain, now));

  const mapped = icaoRecord(seal, plain);
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
      subject: signer.certificate.subject,
      issuer: signer.certificate.issuer,
      serialNumber: signer.certificate.serialNumber,
      validFrom: isoString(periodOf(signer.certificate).notBefore),
      validTo: isoString(periodOf(signer.certificate).notAfter),
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
