import {
  type CredentialType,
  credentialTypeOf,
  isNumericDate,
  parseSubject,
  type SubjectView,
  summarizeSubject,
} from '@passage/schema';
import { fromBase64url } from './base64url.js';
import { WalletError } from './errors.js';

/** What a card shows without opening the credential. */
export interface CardSummary {
  type: CredentialType;
  /** The holder's name, as the passport has it. */
  name: string;
  /** The issuing authority's DID. */
  issuer: string;
  /** Where the credential came from (the offer's credential issuer). */
  issuerUrl: string;
  validFrom?: string;
  validUntil?: string;
  /** The human-readable data to compare with the passport, when the subject is one of ours. */
  view: SubjectView;
}

type Claims = Record<string, unknown>;

const isObject = (value: unknown): value is Claims =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The claims of a compact JWS (not verified: the wallet trusts the TLS channel it came over). */
function claimsOf(jws: string): Claims {
  const segments = jws.split('.');
  const bytes = segments.length === 3 ? fromBase64url(segments[1] ?? '') : undefined;
  if (!bytes) throw new WalletError('CREDENTIAL_INVALID');
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (isObject(claims)) return claims;
  } catch {
    // falls through
  }
  throw new WalletError('CREDENTIAL_INVALID');
}

/** The did:web prefix of an issuer URL's host, as the issuer builds its authorities' DIDs. */
function didWebHost(issuerUrl: string): string {
  const url = new URL(issuerUrl);
  return `did:web:${url.port ? `${url.hostname}%3A${url.port}` : url.hostname}`;
}

const idOf = (value: unknown) => (typeof value === 'string' ? value : isObject(value) ? value.id : undefined);
// A number beyond the time range names no instant (toISOString would throw): no date from it.
const dateOf = (seconds: unknown) =>
  isNumericDate(seconds) ? new Date(seconds * 1000).toISOString() : undefined;

/**
 * Checks what the issuer sent before the wallet keeps it: a compact JWS whose credential names this
 * wallet's key (`credentialSubject.id` is `holderDid`) and whose issuer is a DID of the offer's credential
 * issuer (a did:web of its host); then summarises it for the card.
 *
 * @throws WalletError `CREDENTIAL_INVALID` when it is not such a credential, `CREDENTIAL_MISMATCH`
 *   when it is for another holder or from another issuer.
 */
export function checkReceived(jws: string, expected: { holderDid: string; issuerUrl: string }): CardSummary {
  const claims = claimsOf(jws);
  // VC 2.0 (vc+jwt) is the credential itself; a VC 1.1 JWT (jwt_vc_json) carries it in `vc`.
  const credential = isObject(claims.vc) ? claims.vc : claims;
  const subject = credential.credentialSubject;
  const type = credentialTypeOf(credential.type);
  if (!isObject(subject) || !type) throw new WalletError('CREDENTIAL_INVALID');
  const holder = subject.id ?? claims.sub;
  const issuer = claims.iss ?? idOf(credential.issuer);
  const host = didWebHost(expected.issuerUrl);
  if (holder !== expected.holderDid) throw new WalletError('CREDENTIAL_MISMATCH');
  if (typeof issuer !== 'string' || !(issuer === host || issuer.startsWith(`${host}:`))) {
    throw new WalletError('CREDENTIAL_MISMATCH');
  }
  const validFrom = (credential.validFrom ?? dateOf(claims.nbf) ?? credential.issuanceDate) as unknown;
  const validUntil = (credential.validUntil ?? dateOf(claims.exp) ?? credential.expirationDate) as unknown;
  const issuedAt = typeof validFrom === 'string' ? new Date(validFrom) : new Date();
  if (Number.isNaN(issuedAt.getTime())) throw new WalletError('CREDENTIAL_INVALID');
  const typed = parseSubject(type, subject, { issuedAt });
  if (!typed.ok) throw new WalletError('CREDENTIAL_INVALID');
  const view = summarizeSubject(typed.value);
  return {
    type,
    name: view.holder.name,
    issuer,
    issuerUrl: expected.issuerUrl,
    ...(typeof validFrom === 'string' ? { validFrom } : {}),
    ...(typeof validUntil === 'string' ? { validUntil } : {}),
    view,
  };
}
