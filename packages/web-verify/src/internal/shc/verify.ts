// SMART Health Card verification in the browser: the verdict and report of `verifyShc` from
// `@passage/formats` (its shared steps, from `@passage/formats/pure`), with the ES256 check done by
// Web Crypto and the payload inflated by pako.
import { decodeShcCard, finishShcReport, readShcCard, undecodedShcReport } from '@passage/formats/pure';
import type { VerificationReport } from '../credentials.js';
import { signatureIsValid } from '../web-crypto.js';
import { webShcDecoder } from './decode.js';
import type { WebShcTrust } from './trust.js';

/** The security settings of a SMART Health Card verification in the browser, all explicit. */
export interface WebShcVerifyOptions {
  /** Trusted issuers, from {@link createWebShcTrust}. */
  trust: WebShcTrust;
  /** The instant to validate against. */
  now: Date;
  /** Leeway for clock skew, in seconds. */
  clockToleranceSec: number;
}

/**
 * Verifies a SMART Health Card offline: a scanned `shc:/` text, every chunk of a legacy chunked card
 * (any order), or the compact JWS itself. Gives the report `verifyShc` gives for the same input,
 * trust and clock; never throws for a bad card.
 *
 * @example
 * const report = await verifyShcWeb(scanned, { trust, now: new Date(), clockToleranceSec: 60 });
 * if (report.verified) show(report.record);
 */
export async function verifyShcWeb(
  input: string | readonly string[],
  options: WebShcVerifyOptions,
): Promise<VerificationReport> {
  const step = decodeShcCard(input, options.now.getTime(), webShcDecoder);
  const { decoded } = step;
  if (decoded === undefined) return undecodedShcReport(step);
  const card = readShcCard(step, decoded, options.trust);
  const valid =
    card.key !== undefined && (await signatureIsValid(card.key.key, decoded.signingInput, decoded.signature));
  return finishShcReport(card, valid, options.clockToleranceSec);
}
