import {
  type CheckOutcome,
  finishIcaoReport,
  ICAO_ALGORITHMS,
  type IcaoSeal,
  parseIcaoSeal,
  type StaleCrlPolicy,
  sealSignatureTask,
  sealSignedBytes,
  signatureOutcomeAsync,
  undecodedIcaoReport,
} from '@passage/formats/pure';
import { decodeBase64url } from '../base64url.js';
import { ReportBuilder, type VerificationReport } from '../credentials.js';
import { verifyRawEcdsa, type WebHash } from '../x509-signature.js';
import { issuingCsca, readBarcodeSigner, type WebBarcodeSigner } from './signer.js';
import type { WebIcaoTrust } from './trust.js';

/** The settings of a VDS-NC verification in the browser, all explicit. */
export interface WebIcaoVerifyOptions {
  /** Trusted CSCAs, from {@link createWebIcaoTrust}. */
  trust: WebIcaoTrust;
  /** The instant to validate against. */
  now: Date;
  /** A held CRL past its nextUpdate: `report` (default) passes and marks it stale; `fail` fails the status check. */
  staleCrl?: StaleCrlPolicy;
}

const WEB_HASHES: Readonly<Record<string, WebHash>> = {
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};

async function sealSignature(
  seal: IcaoSeal,
  plain: boolean,
  signer: WebBarcodeSigner,
): Promise<CheckOutcome> {
  const task = sealSignatureTask(sealSignedBytes(seal, plain), seal.sig.alg, signer.keyCurve);
  if (!task.ok) return task;
  const signature = decodeBase64url(seal.sig.sigvl.replace(/=+$/, '')) ?? new Uint8Array(0);
  const hash = WEB_HASHES[ICAO_ALGORITHMS[task.algorithm].hash] ?? 'SHA-256';
  return signatureOutcomeAsync(task.algorithm, signature, () =>
    verifyRawEcdsa(signer.key, hash, task.signed, signature),
  );
}

/**
 * Verifies an ICAO VDS-NC seal (its JSON text or the parsed object) in the browser, with Web Crypto:
 * the same report as `verifyIcaoVdsNc` from `@passage/formats` for the same trust entries and clock
 * (the checks that decide codes, and the report, are that verifier's own, from
 * `@passage/formats/pure`). Never throws for a bad seal.
 *
 * @example
 * const trust = await createWebIcaoTrust(trustListEntries);
 * const report = await verifyIcaoVdsNcWeb(scannedJson, { trust, now });
 */
export async function verifyIcaoVdsNcWeb(
  input: unknown,
  options: WebIcaoVerifyOptions,
): Promise<VerificationReport> {
  const report = new ReportBuilder();
  const { now, trust } = options;
  let seal: IcaoSeal;
  let signer: WebBarcodeSigner;
  try {
    seal = parseIcaoSeal(input as string | object);
    signer = await readBarcodeSigner(seal.sig.cer);
    report.pass('decoding');
  } catch (error) {
    return undecodedIcaoReport(report, error, now);
  }
  const plain = typeof input === 'string';
  const signature = await sealSignature(seal, plain, signer);
  await trust.prepare?.(seal.data.hdr.is);
  const cscas = trust.get(seal.data.hdr.is) ?? [];
  const csca = await issuingCsca(signer, cscas);
  return finishIcaoReport(
    report,
    { seal, plain, signer, signature, trustedCscas: cscas.length, csca },
    now,
    options.staleCrl ?? 'report',
  );
}
