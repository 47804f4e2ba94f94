import type { VerificationReport } from '@passage/credentials/pure';
import {
  type DetectedFormat,
  type ForeignOptionsOf,
  type ForeignTrustOf,
  type ShcIssuerOf,
  verifyForeignWith,
} from '@passage/formats/pure';
import { createWebDccTrust, type WebDccTrust } from './dcc/trust.js';
import { verifyDccWeb } from './dcc/verify.js';
import { lazyWebIcaoTrust, verifyIcaoVdsNcWeb, type WebIcaoTrust } from './icao/index.js';
import { createWebShcTrust, type WebShcTrust } from './shc/trust.js';
import { verifyShcWeb } from './shc/verify.js';
import type { WebKey } from './web-crypto.js';

/** The foreign trust of a bundle's trust list: DCC signer certificates, SHC issuers, ICAO CSCAs. */
export type WebForeignTrust = ForeignTrustOf<WebDccTrust, WebShcTrust, WebIcaoTrust>;

/**
 * Reads the foreign entries of a verified trust list, as the verifier service's trust source does:
 * an entry its format cannot use is skipped, and the others are used.
 */
export async function createWebForeignTrust(entries: readonly unknown[]): Promise<WebForeignTrust> {
  const shc = new Map<string, ShcIssuerOf<WebKey>>();
  // One bad entry in a list of thousands must not take the others down: one at a time, as the service.
  for (const entry of entries) {
    if (frameworkOf(entry) !== 'shc') continue;
    try {
      for (const [iss, issuer] of await createWebShcTrust([entry])) shc.set(iss, issuer);
    } catch {
      // Skipped, as foreignTrustOf skips it.
    }
  }
  return { dcc: createWebDccTrust(entries), shc, icao: lazyWebIcaoTrust(entries) };
}

const frameworkOf = (entry: unknown): unknown =>
  typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'framework') : undefined;

/** The clock and leeway of a foreign verification, and the bundle's foreign trust. */
export type WebForeignOptions = ForeignOptionsOf<WebDccTrust, WebShcTrust, WebIcaoTrust>;

/**
 * Verifies input of a detected foreign format with that format's browser verifier and the bundle's
 * trust, as `verifyForeign` of the verifier service does with the Node ones.
 */
export async function verifyForeignWeb(
  format: Exclude<DetectedFormat, 'passage'>,
  input: unknown,
  options: WebForeignOptions,
): Promise<VerificationReport> {
  return verifyForeignWith(format, input, options, WEB_VERIFIERS);
}

const WEB_VERIFIERS = { dcc: verifyDccWeb, shc: verifyShcWeb, icao: verifyIcaoVdsNcWeb };
