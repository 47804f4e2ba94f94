import { ReportBuilder, type VerificationReport } from '@passage/credentials/pure';
import { sealSignedText } from './algorithms.js';
import { finishIcaoReport, undecodedIcaoReport } from './report.js';
import type { StaleCrlPolicy } from './revocation.js';
import { type IcaoSeal, parseIcaoSeal } from './seal.js';
import { verifySealSignature } from './signature.js';
import { type BarcodeSigner, issuingCsca, parseBarcodeSigner } from './signer.js';
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

/**
 * Verifies an ICAO VDS-NC seal (its JSON text or the parsed object): the signature over the RFC 8785
 * canonical JSON of `data` by the barcode signer certificate in `sig.cer`; that certificate issued by
 * a trusted CSCA of the issuing state, carrying the VDS-NC key usage for the seal's type, valid at
 * `now`, and not on the CSCA's CRL when one is held; the message against its type. Synchronous and
 * offline. Returns a report; never throws for a bad seal.
 *
 * The checks that decide codes and the report are shared with the browser verifier
 * (`@passage/formats/pure`: `finishIcaoReport`); this function adds node:crypto's signatures and
 * certificates.
 *
 * @example
 * const report = verifyIcaoVdsNc(scannedJson, { trust: trustEntries });
 */
export function verifyIcaoVdsNc(input: string | object, options: IcaoVerifyOptions): VerificationReport {
  const report = new ReportBuilder();
  const now = options.now ?? new Date();
  let seal: IcaoSeal;
  let signer: BarcodeSigner;
  try {
    seal = parseIcaoSeal(input);
    signer = parseBarcodeSigner(seal.sig.cer);
    report.pass('decoding');
  } catch (error) {
    return undecodedIcaoReport(report, error, now);
  }
  const trust =
    options.trust instanceof Map ? options.trust : prepareIcaoTrust(options.trust as readonly unknown[]);

  const plain = typeof input === 'string';
  // Buffer, not TextEncoder, on this hot path: node's pooled allocation is measurably faster.
  const text = sealSignedText(seal, plain);
  const signed = text === undefined ? undefined : Buffer.from(text, 'utf8');
  const signature = verifySealSignature(seal.sig.alg, signed, seal.sig.sigvl, signer.publicKey);
  const cscas = trust.get(seal.data.hdr.is) ?? [];
  const csca = issuingCsca(signer, cscas);
  return finishIcaoReport(
    report,
    { seal, plain, signer, signature, trustedCscas: cscas.length, csca },
    now,
    options.staleCrl ?? 'report',
  );
}
