import type { AccessTokenResponse, AuthorizationServerMetadata } from '@openid4vc/oauth2';
import type { CredentialIssuerMetadata, CredentialResponse } from '@openid4vc/openid4vci';
import { findOffer } from '../../db/index.js';
import { IssuerError } from '../../errors.js';
import type { Caller, IssuerContext } from '../context.js';
import { redeemOffer } from './credential.js';
import { createEngine } from './engine.js';
import { authorizationServerMetadata, credentialIssuerMetadata } from './metadata.js';
import { mintNonce } from './nonce.js';
import { type CreatedOffer, createOffer } from './offer.js';
import { exchangeToken, type TokenRequestContext } from './token.js';

export { OAuthError, type OAuthErrorCode } from './oauth-error.js';
export type { CreatedOffer } from './offer.js';
export type { TokenRequestContext } from './token.js';

/** Where an offer stands. */
export type OfferState = 'offered' | 'token-issued' | 'redeemed' | 'expired';

/** An authority's view of one of its offers. The transaction code is not in it: it was answered once. */
export interface OfferView {
  id: string;
  type: string;
  configurationId: string;
  offerUri: string;
  state: OfferState;
  createdAt: Date;
  expiresAt: Date;
  credentialId: string | undefined;
}

/** OpenID4VCI 1.0 issuance, pre-authorized code flow: what the HTTP routes call. */
export interface Oid4vciService {
  issuerMetadata(): CredentialIssuerMetadata;
  authorizationServerMetadata(): AuthorizationServerMetadata;
  /** `POST /v1/credential-offers`. */
  createOffer(caller: Caller, body: unknown): Promise<CreatedOffer>;
  /** One of the caller's offers (another authority's is NOT_FOUND). */
  offer(caller: Caller, id: string): Promise<OfferView>;
  /** `POST /token`; throws {@link OAuthError}. */
  token(body: unknown, request: TokenRequestContext): Promise<AccessTokenResponse>;
  /** `POST /nonce`. */
  nonce(): Promise<{ c_nonce: string }>;
  /** `POST /credential` with the request's Authorization header; throws {@link OAuthError}. */
  credential(authorization: string | undefined, body: unknown): Promise<CredentialResponse>;
}

/** Builds the OpenID4VCI service over the issuer context. */
export function createOid4vciService(ctx: IssuerContext): Oid4vciService {
  const engine = createEngine(ctx);
  return {
    issuerMetadata: () => credentialIssuerMetadata(ctx.publicUrl),
    authorizationServerMetadata: () => authorizationServerMetadata(ctx.publicUrl),
    createOffer: async (caller, body) => createOffer(await engine(), caller, body),
    async offer(caller, id) {
      const record = await findOffer(ctx.db, id, caller.authority.id);
      if (!record) throw new IssuerError('NOT_FOUND', 'no such offer');
      const expired = record.expiresAt.getTime() <= ctx.clock().getTime();
      const state: OfferState =
        record.credentialId !== undefined
          ? 'redeemed'
          : record.tokenIssuedAt !== undefined
            ? 'token-issued'
            : expired
              ? 'expired'
              : 'offered';
      return {
        id: record.id,
        type: record.type,
        configurationId: record.configurationId,
        offerUri: ctx.box.open(record.offerUriSealed, `offer-uri:${record.id}`),
        state,
        createdAt: record.createdAt,
        expiresAt: record.expiresAt,
        credentialId: record.credentialId,
      };
    },
    token: async (body, request) => exchangeToken(await engine(), body, request),
    async nonce() {
      const { issuer } = await engine();
      const { nonce } = mintNonce(ctx.box, ctx.clock());
      const response = issuer.createNonceResponse({ cNonce: nonce });
      return { c_nonce: response.c_nonce };
    },
    credential: async (authorization, body) => redeemOffer(await engine(), authorization, body),
  };
}
