import { getGlobalConfig, Oauth2AuthorizationServer, setGlobalConfig } from '@openid4vc/oauth2';
import { type IssuerMetadataResult, Openid4vciIssuer, Openid4vciVersion } from '@openid4vc/openid4vci';
import type { IssuerContext } from '../context.js';
import { issuerCallbacks } from './callbacks.js';
import { authorizationServerMetadata, credentialIssuerMetadata } from './metadata.js';
import { accessTokenKey, type TokenKey } from './token-key.js';

/** How long an access token lets a wallet call the credential endpoint. */
export const ACCESS_TOKEN_SECONDS = 300;

/**
 * What the OpenID4VCI endpoints share: the issuer context, the library's issuer and authorization
 * server over our callbacks, and the key signing access tokens. That key is derived from the
 * configuration secret, so a token stays good across a restart and in every process of a cluster.
 */
export interface Oid4vciEngine {
  ctx: IssuerContext;
  issuer: Openid4vciIssuer;
  server: Oauth2AuthorizationServer;
  tokenKey: TokenKey;
  metadata: IssuerMetadataResult;
}

/** Builds the engine once per service, on first use. */
export function createEngine(ctx: IssuerContext): () => Promise<Oid4vciEngine> {
  let engine: Promise<Oid4vciEngine> | undefined;
  return () => {
    engine ??= (async () => {
      // The library insists on https URLs unless told otherwise, process-wide. An operator who
      // configured an http public URL (the local demo: http://127.0.0.1:3000) has chosen it.
      if (new URL(ctx.publicUrl).protocol === 'http:') {
        setGlobalConfig({ ...getGlobalConfig(), allowInsecureUrls: true });
      }
      const tokenKey = accessTokenKey(ctx.box);
      const callbacks = issuerCallbacks(tokenKey);
      const issuer = new Openid4vciIssuer({ callbacks });
      const credentialIssuer = credentialIssuerMetadata(ctx.publicUrl);
      return {
        ctx,
        issuer,
        server: new Oauth2AuthorizationServer({ callbacks }),
        tokenKey,
        metadata: {
          originalDraftVersion: Openid4vciVersion.V1,
          credentialIssuer,
          authorizationServers: [authorizationServerMetadata(ctx.publicUrl)],
          knownCredentialConfigurations: issuer.getKnownCredentialConfigurationsSupported(credentialIssuer),
        },
      };
    })();
    return engine;
  };
}
