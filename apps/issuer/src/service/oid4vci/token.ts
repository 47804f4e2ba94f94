import { timingSafeEqual } from 'node:crypto';
import type { AccessTokenResponse } from '@openid4vc/oauth2';
import { findOfferByCodeHash, markTokenIssued, type OfferRecord, takeTxAttempt } from '../../db/index.js';
import { ACCESS_TOKEN_SECONDS, type Oid4vciEngine } from './engine.js';
import { authorizationServerMetadata } from './metadata.js';
import { libraryCall, OAuthError } from './oauth-error.js';
import { codeHash, txCodeHash } from './offer.js';

/** Wrong transaction codes after which an offer's code is burnt. */
export const MAX_TX_CODE_FAILURES = 5;

/** The request as the library reads it: headers, method and URL. */
export interface TokenRequestContext {
  headers: Headers;
  url: string;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

async function checkTxCode(engine: Oid4vciEngine, offer: OfferRecord, txCode: string | undefined) {
  if (offer.txCodeHash === undefined) {
    if (txCode !== undefined) throw new OAuthError('invalid_request', 'this offer takes no tx_code');
    return;
  }
  if (txCode === undefined) throw new OAuthError('invalid_request', 'this offer requires a tx_code');
  // The attempt is taken before comparing, so parallel guesses cannot outrun the limit.
  if (!(await takeTxAttempt(engine.ctx.db, offer.id, MAX_TX_CODE_FAILURES))) {
    throw new OAuthError('invalid_grant', 'too many wrong transaction codes: ask for a new offer');
  }
  if (!sameHash(offer.txCodeHash, txCodeHash(offer.id, txCode))) {
    throw new OAuthError('invalid_grant', 'wrong tx_code');
  }
}

/**
 * The token endpoint for the pre-authorized code grant: finds the offer by the hash of its code,
 * checks expiry, one-time use and the transaction code (at most {@link MAX_TX_CODE_FAILURES} wrong
 * ones), lets the library verify the rest of the request, spends the code and answers a short-lived
 * `at+jwt` access token whose subject is the offer.
 */
export async function exchangeToken(
  engine: Oid4vciEngine,
  body: unknown,
  request: TokenRequestContext,
): Promise<AccessTokenResponse> {
  const requestLike = { headers: request.headers, method: 'POST' as const, url: request.url };
  const accessTokenRequest =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const parsed = await libraryCall('invalid_request', 'the token request is not valid', () =>
    engine.server.parseAccessTokenRequest({ accessTokenRequest, request: requestLike }),
  );
  const { grant } = parsed;
  if (grant.grantType !== 'urn:ietf:params:oauth:grant-type:pre-authorized_code') {
    throw new OAuthError('unsupported_grant_type', 'only the pre-authorized code grant is supported');
  }
  const now = engine.ctx.clock();
  const offer = await findOfferByCodeHash(engine.ctx.db, codeHash(grant.preAuthorizedCode));
  if (!offer || offer.expiresAt.getTime() <= now.getTime()) {
    throw new OAuthError('invalid_grant', 'unknown or expired pre-authorized code');
  }
  if (offer.tokenIssuedAt !== undefined)
    throw new OAuthError('invalid_grant', 'the pre-authorized code was used');
  if (offer.txFailures >= MAX_TX_CODE_FAILURES) {
    throw new OAuthError('invalid_grant', 'too many wrong transaction codes: ask for a new offer');
  }
  await checkTxCode(engine, offer, grant.txCode);
  await libraryCall('invalid_grant', 'the token request is not valid', () =>
    engine.server.verifyPreAuthorizedCodeAccessTokenRequest({
      authorizationServerMetadata: authorizationServerMetadata(engine.ctx.publicUrl),
      grant,
      accessTokenRequest: parsed.accessTokenRequest,
      request: requestLike,
      expectedPreAuthorizedCode: grant.preAuthorizedCode,
      ...(grant.txCode === undefined ? {} : { expectedTxCode: grant.txCode }),
      preAuthorizedCodeExpiresAt: offer.expiresAt,
      now,
    }),
  );
  if (!(await markTokenIssued(engine.ctx.db, offer.id, now))) {
    throw new OAuthError('invalid_grant', 'the pre-authorized code was used');
  }
  return engine.server.createAccessTokenResponse({
    audience: engine.ctx.publicUrl,
    authorizationServer: engine.ctx.publicUrl,
    expiresInSeconds: ACCESS_TOKEN_SECONDS,
    subject: offer.id,
    signer: { method: 'jwk', alg: 'ES256', publicJwk: engine.tokenKey.publicJwk },
    now,
  });
}
