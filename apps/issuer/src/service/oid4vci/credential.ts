import type { CredentialResponse } from '@openid4vc/openid4vci';
import type { CredentialType } from '@passage/schema';
import { decodeJwt, jwtVerify } from 'jose';
import {
  claimRedemption,
  findAuthorityById,
  findOffer,
  listApiKeys,
  type OfferRecord,
  recordRedeemedCredential,
  releaseRedemption,
} from '../../db/index.js';
import { isIssuerError } from '../../errors.js';
import type { Caller } from '../context.js';
import { issueTyped } from '../issue-typed.js';
import type { IssuedCredential } from '../persist.js';
import type { Oid4vciEngine } from './engine.js';
import { holderDid } from './holder.js';
import { configurationById } from './metadata.js';
import { nonceExpiry } from './nonce.js';
import { libraryCall, OAuthError } from './oauth-error.js';

/** How old a proof may be (its `iat`), and how far in the future, in seconds. */
const PROOF_MAX_AGE_SECONDS = 300;
const PROOF_FUTURE_SKEW_SECONDS = 60;

/** The offer an access token was issued for. */
async function offerOfToken(engine: Oid4vciEngine, authorization: string | undefined): Promise<OfferRecord> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw new OAuthError('invalid_token', 'a Bearer access token is required');
  let subject: string | undefined;
  try {
    const { payload } = await jwtVerify(match[1], engine.tokenKey.publicKey, {
      issuer: engine.ctx.publicUrl,
      audience: engine.ctx.publicUrl,
      typ: 'at+jwt',
      algorithms: ['ES256'],
      currentDate: engine.ctx.clock(),
    });
    subject = payload.sub;
  } catch {
    throw new OAuthError('invalid_token', 'the access token is not valid');
  }
  const offer = subject === undefined ? undefined : await findOffer(engine.ctx.db, subject);
  if (!offer || offer.tokenIssuedAt === undefined)
    throw new OAuthError('invalid_token', 'the access token is not valid');
  if (offer.redeemedAt !== undefined) throw new OAuthError('invalid_token', 'the access token was used');
  return offer;
}

/** The one `jwt` proof of the request (this issuer binds one credential per request). */
function singleProof(proofs: { jwt?: string[] | undefined } | undefined): string {
  const jwts = proofs?.jwt ?? [];
  if (jwts.length !== 1 || !jwts[0]) throw new OAuthError('invalid_proof', 'send exactly one jwt proof');
  return jwts[0];
}

/** Checks the proof's nonce and age, then its signature, audience and type through the library. */
async function verifyProof(engine: Oid4vciEngine, jwt: string): Promise<string> {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(jwt);
  } catch {
    throw new OAuthError('invalid_proof', 'the proof is not a JWT');
  }
  const now = engine.ctx.clock();
  const nonceExpiresAt = nonceExpiry(engine.ctx.box, claims.nonce);
  if (!nonceExpiresAt || nonceExpiresAt.getTime() <= now.getTime() || typeof claims.nonce !== 'string') {
    throw new OAuthError('invalid_nonce', 'get a fresh c_nonce from the nonce endpoint');
  }
  const seconds = now.getTime() / 1000;
  const iat = claims.iat;
  if (
    iat === undefined ||
    iat < seconds - PROOF_MAX_AGE_SECONDS ||
    iat > seconds + PROOF_FUTURE_SKEW_SECONDS
  ) {
    throw new OAuthError('invalid_proof', 'the proof was not made just now (iat)');
  }
  const { nonce } = claims;
  const verified = await libraryCall('invalid_proof', 'the proof of possession is not valid', () =>
    engine.issuer.verifyCredentialRequestJwtProof({
      issuerMetadata: engine.metadata,
      jwt,
      expectedNonce: nonce,
      nonceExpiresAt,
      now,
    }),
  );
  const did = holderDid(verified.signer);
  if (!did) throw new OAuthError('invalid_proof', 'bind the credential to a jwk or a did:jwk');
  return did;
}

async function issueFor(engine: Oid4vciEngine, offer: OfferRecord, did: string): Promise<IssuedCredential> {
  const configuration = configurationById(offer.configurationId);
  const authority = await findAuthorityById(engine.ctx.db, offer.authorityId);
  // An offer made with an API key revoked since is not honoured (the operator's CLI has no key).
  const keys = await listApiKeys(engine.ctx.db, offer.authorityId);
  const key = keys.find((k) => k.id === offer.apiKeyId);
  if (offer.apiKeyId !== 'operator' && (!key || key.revokedAt !== undefined)) {
    throw new OAuthError('credential_request_denied', 'the offer was withdrawn');
  }
  if (!configuration || !authority)
    throw new OAuthError('credential_request_denied', 'the offer can no longer be issued');
  const caller: Caller = { keyId: offer.apiKeyId, authority, types: [offer.type], economy: offer.economy };
  const subject: unknown = JSON.parse(engine.ctx.box.open(offer.subjectSealed, `offer-subject:${offer.id}`));
  const body = { ...(subject as Record<string, unknown>), id: did };
  return issueTyped(engine.ctx, caller, offer.type as CredentialType, body, {
    format: configuration.securing,
  });
}

/**
 * The credential endpoint: the access token names the offer, the request names its configuration and
 * carries one `openid4vci-proof+jwt` with a fresh `c_nonce`; the credential is then signed with the
 * holder's `did:jwk` as `credentialSubject.id`, recorded with its status entries like any other, and
 * the offer marked redeemed. Another request with the same token is refused.
 */
export async function redeemOffer(
  engine: Oid4vciEngine,
  authorization: string | undefined,
  body: unknown,
): Promise<CredentialResponse> {
  const offer = await offerOfToken(engine, authorization);
  const credentialRequest =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const parsed = await libraryCall('invalid_credential_request', 'the credential request is not valid', () =>
    engine.issuer.parseCredentialRequest({ issuerMetadata: engine.metadata, credentialRequest }),
  );
  if (parsed.credentialConfigurationId !== offer.configurationId) {
    throw new OAuthError(
      'unknown_credential_configuration',
      'this token is for another credential configuration',
    );
  }
  const did = await verifyProof(engine, singleProof(parsed.proofs));
  const now = engine.ctx.clock();
  if (!(await claimRedemption(engine.ctx.db, offer.id, now))) {
    throw new OAuthError('invalid_token', 'the access token was used');
  }
  let issued: IssuedCredential;
  try {
    issued = await issueFor(engine, offer, did);
  } catch (error) {
    await releaseRedemption(engine.ctx.db, offer.id);
    if (isIssuerError(error, 'SCHEMA_INVALID') || isIssuerError(error, 'FORBIDDEN')) {
      throw new OAuthError('credential_request_denied', 'the offered data can no longer be issued');
    }
    throw error;
  }
  await recordRedeemedCredential(engine.ctx.db, offer.id, issued.id);
  return engine.issuer.createCredentialResponse({
    credentialRequest: parsed,
    credentials: [{ credential: issued.jws }],
  });
}
