import { decodeBase45, type VerificationReport } from '@passage/credentials/pure';
import {
  assertZlibStream,
  DCC_ALGORITHMS,
  DCC_LIMITS,
  type DecodedDcc,
  dccBase45Of,
  dccNotInflating,
  dccReport,
  dccSignerContext,
  dccTooLarge,
  decodedDccOf,
  finishSignerCheck,
  startDccVerification,
  startSignerCheck,
} from '@passage/formats/pure';
import { InflateTooLarge, inflateBounded } from '../inflate.js';
import type { WebDccSigner, WebDccTrust } from './trust.js';

/** The trust and clock of a DCC verification in the browser (as `VerifyDccOptions`). */
export interface WebDccOptions {
  trust: WebDccTrust;
  now: Date;
  clockToleranceSec?: number;
}

/** `decodeDcc` of `@passage/formats` with pako: the same steps, bounds and codes. */
function decodeDccWeb(text: string): DecodedDcc {
  const compressed = decodeBase45(dccBase45Of(text));
  assertZlibStream(compressed);
  let cose: Uint8Array;
  try {
    cose = inflateBounded(compressed, {
      raw: false,
      max: DCC_LIMITS.maxInflatedBytes,
      zlibChunks: true,
    }).bytes;
  } catch (cause) {
    throw cause instanceof InflateTooLarge ? dccTooLarge(cause) : dccNotInflating(cause);
  }
  return decodedDccOf(cose);
}

/** A COSE signature checked with Web Crypto; a key of the other algorithm never verifies (as in node). */
async function verifies(
  signer: WebDccSigner,
  alg: -7 | -37,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const key = signer.key;
  if (key === undefined) return false;
  try {
    if (alg === DCC_ALGORITHMS.ES256) {
      if (key.alg !== 'ES256' || signature.length !== 64) return false;
      return await crypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        key.key,
        signature as Uint8Array<ArrayBuffer>,
        data as Uint8Array<ArrayBuffer>,
      );
    }
    if (key.alg !== 'PS256') return false;
    return await crypto.subtle.verify(
      { name: 'RSA-PSS', saltLength: 32 },
      key.key,
      signature as Uint8Array<ArrayBuffer>,
      data as Uint8Array<ArrayBuffer>,
    );
  } catch {
    return false;
  }
}

/**
 * Verifies an EU DCC (`HC1:` text) in the browser with the steps and report of `verifyDcc`: the
 * shared decoding, signer and report modules of `@passage/formats/pure`, with pako and Web Crypto
 * where node uses zlib and node:crypto. Never throws for a bad certificate.
 */
export async function verifyDccWeb(text: string, options: WebDccOptions): Promise<VerificationReport> {
  const started = startDccVerification(text, options.now, options.clockToleranceSec, decodeDccWeb);
  if ('report' in started) return started.report;
  const { clock, decoded } = started;
  const context = dccSignerContext(decoded, clock);
  if (decoded.cose.kid !== undefined) await options.trust.prepare(decoded.cose.kid);
  const start = startSignerCheck(decoded.cose, options.trust);
  if ('outcome' in start) return dccReport(decoded, context, start.outcome, clock);
  const { alg, data, signature, candidates } = start;
  const results = await Promise.all(candidates.map((signer) => verifies(signer, alg, data, signature)));
  const outcome = finishSignerCheck(candidates, (_signer, index) => results[index] === true, context);
  return dccReport(decoded, context, outcome, clock);
}
