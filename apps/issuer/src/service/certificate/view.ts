import { isCredentialType, parseSubject, type SubjectView, summarizeSubject } from '@passage/schema';
import { decodeJwt } from 'jose';
import { IssuerError } from '../../errors.js';
import type { Caller } from '../context.js';
import type { IssuedCredential } from '../persist.js';

/** What a printed certificate shows: the QR text and the human-readable data beside it. */
export interface CertificateView {
  type: 'VaccinationCertificate' | 'BusinessTravelCard';
  credentialId: string;
  qr: string;
  subject: SubjectView;
  issuer: { name: string; did: string; economy: string };
  issuedAt: Date;
  validFrom: Date;
  validUntil: Date | undefined;
}

/** The W3C credential inside a Passage JWS: the payload itself (VC 2.0) or its `vc` claim (VC 1.1). */
function credentialOf(issued: IssuedCredential): Record<string, unknown> {
  const payload = decodeJwt(issued.jws);
  const credential = issued.format === 'jwt' ? payload.vc : payload;
  if (typeof credential !== 'object' || credential === null) {
    throw new IssuerError('INTERNAL', 'the stored credential has no payload');
  }
  return credential as Record<string, unknown>;
}

/**
 * The printable view of one of the caller's credentials, read back from the signed credential itself
 * (so it prints what the QR proves, whether or not the authority keeps personal data).
 *
 * @throws IssuerError `NOT_PRINTABLE` for an EU DCC or SMART Health Card (their own formats)
 */
export function certificateView(caller: Caller, issued: IssuedCredential): CertificateView {
  if ((issued.format !== 'vc+jwt' && issued.format !== 'jwt') || !isCredentialType(issued.type)) {
    throw new IssuerError(
      'NOT_PRINTABLE',
      'only Passage credentials (vc+jwt or jwt) have a printable certificate',
    );
  }
  const parsed = parseSubject(issued.type, credentialOf(issued).credentialSubject, {
    issuedAt: issued.issuedAt,
  });
  if (!parsed.ok) throw new IssuerError('INTERNAL', 'the stored credential subject does not parse');
  return {
    type: issued.type,
    credentialId: issued.id,
    qr: issued.qr,
    subject: summarizeSubject(parsed.value),
    issuer: { name: caller.authority.name, did: caller.authority.did, economy: caller.authority.economy },
    issuedAt: issued.issuedAt,
    validFrom: issued.validFrom,
    validUntil: issued.validUntil,
  };
}
