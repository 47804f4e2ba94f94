import { isoString } from '../internal/iso-date.js';
import type { CheckOutcome } from './algorithms.js';
import type { IcaoCrl } from './crl-contents.js';

/** How to treat a held CRL whose nextUpdate has passed. */
export type StaleCrlPolicy = 'report' | 'fail';

/** What the officer is told about the CRL that was checked. */
export interface CrlInfo {
  thisUpdate: string;
  nextUpdate?: string;
  /** True when the validation clock is past the CRL's nextUpdate. */
  stale: boolean;
}

/** What a trusted CSCA holds for revocation: its CRL, or why the CRL it came with cannot be used. */
export interface HeldCrl {
  crl?: IcaoCrl;
  crlProblem?: string;
}

/**
 * Checks the barcode signer (its serial number as node's X509Certificate#serialNumber states it) against its CSCA's CRL, when the trust list holds one. A listed serial is
 * CERTIFICATE_REVOKED whatever the CRL's age: a revocation does not expire. A CRL past its nextUpdate
 * still counts for what it lists; whether it is enough to pass is the caller's policy: `report`
 * (default) passes and marks it `stale` in the report, `fail` gives STATUS_UNAVAILABLE. A CRL that does
 * not parse or that the CSCA did not sign gives STATUS_UNAVAILABLE. No CRL held: passes, nothing to check.
 */
export function checkSignerRevocation(
  serialNumber: string,
  csca: HeldCrl,
  now: Date,
  policy: StaleCrlPolicy,
): { outcome: CheckOutcome; crl?: CrlInfo } {
  if (csca.crlProblem !== undefined) {
    return { outcome: { ok: false, code: 'STATUS_UNAVAILABLE', message: 'the held CRL cannot be used' } };
  }
  const { crl } = csca;
  if (crl === undefined) return { outcome: { ok: true } };
  const stale = crl.nextUpdate !== undefined && now.getTime() > crl.nextUpdate.getTime();
  const info: CrlInfo = {
    thisUpdate: isoString(crl.thisUpdate.getTime()),
    ...(crl.nextUpdate === undefined ? {} : { nextUpdate: isoString(crl.nextUpdate.getTime()) }),
    stale,
  };
  const serial = serialNumber.toUpperCase().replace(/^0+(?=.)/, '');
  if (crl.revokedSerials.has(serial)) {
    return {
      outcome: { ok: false, code: 'CERTIFICATE_REVOKED', message: 'the signer certificate is revoked' },
      crl: info,
    };
  }
  if (stale && policy === 'fail') {
    return {
      outcome: { ok: false, code: 'STATUS_UNAVAILABLE', message: 'the held CRL is past its nextUpdate' },
      crl: info,
    };
  }
  return { outcome: { ok: true }, crl: info };
}
