import { verify as verifySignature } from 'node:crypto';
import type { VerificationReport } from '@passage/credentials/pure';
import { decodeShcJws, type ShcJws } from './jws.js';
import { joinShcChunks } from './numeric.js';
import { prepareShcTrust, type ShcKey, type ShcTrust } from './trust.js';
import {
  decodeShcCard,
  ES256_SIGNATURE_BYTES,
  finishShcReport,
  readShcCard,
  type ShcInputDecoder,
  undecodedShcReport,
} from './verdict.js';

/** The security settings of a SMART Health Card verification, all explicit. */
export interface ShcVerifyOptions {
  /** Trusted issuers: prepared with {@link prepareShcTrust}, or trust-list entries (non-SHC ones skipped). */
  trust: ShcTrust | readonly unknown[];
  /** The instant to validate against. Default: now. */
  now?: Date;
  /** Leeway for clock skew, in seconds. Default: 60. */
  clockToleranceSec?: number;
}

const nodeDecoder: ShcInputDecoder<Buffer> = { joinChunks: joinShcChunks, decodeJws: decodeShcJws };

function signatureIsValid(decoded: ShcJws, key: ShcKey): boolean {
  return (
    decoded.signature.length === ES256_SIGNATURE_BYTES &&
    verifySignature(
      'sha256',
      Buffer.from(decoded.signingInput, 'latin1'),
      { key: key.key, dsaEncoding: 'ieee-p1363' },
      decoded.signature,
    )
  );
}

/**
 * Verifies a SMART Health Card: a scanned `shc:/` text, every chunk of a legacy chunked card (any
 * order), or the compact JWS itself. Synchronous and offline: keys and revocation lists come from the
 * trust entries only. Returns a report; never throws for a bad card. The checks and the report are
 * those of `./verdict.ts`, which a browser verifier shares; only the ES256 check is node:crypto's.
 *
 * @example
 * const report = verifyShc(scanned, { trust: trustEntries, now: new Date() });
 * if (report.verified) show(report.record);
 */
export function verifyShc(input: string | readonly string[], options: ShcVerifyOptions): VerificationReport {
  const step = decodeShcCard(input, (options.now ?? new Date()).getTime(), nodeDecoder);
  const { decoded } = step;
  if (decoded === undefined) return undecodedShcReport(step);
  const trust =
    options.trust instanceof Map ? options.trust : prepareShcTrust(options.trust as readonly unknown[]);
  const card = readShcCard(step, decoded, trust);
  const valid = card.key !== undefined && signatureIsValid(decoded, card.key);
  return finishShcReport(card, valid, options.clockToleranceSec ?? 60);
}
