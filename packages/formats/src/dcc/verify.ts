import type { VerificationReport } from '@passage/credentials/pure';
import { decodeDcc } from './decode.js';
import { dccReport, dccSignerContext, startDccVerification } from './report.js';
import { checkSigner } from './signer-check.js';
import type { DccTrust } from './trust.js';

/** The security settings of a DCC verification, all explicit. */
export interface VerifyDccOptions {
  /** Trusted document signer certificates, built once with `createDccTrust`. */
  trust: DccTrust;
  /** The validation clock. Default: now. */
  now?: Date;
  /** Leeway for clock skew, in seconds. Default: 60. */
  clockToleranceSec?: number;
}

/**
 * Verifies an EU Digital COVID Certificate (`HC1:` text): decoding, the COSE signature by a trusted
 * DSC found by kid, the DSC's validity (at the clock and over the certificate's iat–exp) and extended
 * key usage, the CWT's iat/exp at the clock and the EU DCC schema 1.3.3. Never throws for a bad certificate: the report says what failed.
 * DCC revocation lists are out of scope, so `status` passes. The browser verifier builds its report
 * with the same steps (`report.ts`, `signer.ts`).
 *
 * @example
 * const { trust } = createDccTrust(entries);
 * const report = verifyDcc(scanned, { trust, now: new Date('2021-06-01T00:00:00Z') });
 * if (report.verified) show(report.record);
 */
export function verifyDcc(text: string, options: VerifyDccOptions): VerificationReport {
  const started = startDccVerification(text, options.now ?? new Date(), options.clockToleranceSec, decodeDcc);
  if ('report' in started) return started.report;
  const { clock, decoded } = started;
  const context = dccSignerContext(decoded, clock);
  return dccReport(decoded, context, checkSigner(decoded.cose, options.trust, context), clock);
}
