import type { AuthorizationServerMetadata } from '@openid4vc/oauth2';
import type { CredentialIssuerMetadata } from '@openid4vc/openid4vci';
import type { SecuringFormat } from '@passage/credentials';
import { CREDENTIAL_TYPES, type CredentialType } from '@passage/schema';
import { PROOF_ALGORITHMS } from './callbacks.js';

/** One credential configuration the issuer offers: a Passage type in one securing format. */
export interface CredentialConfiguration {
  id: string;
  type: CredentialType;
  /** The OpenID4VCI format identifier. */
  format: 'vc+jwt' | 'jwt_vc_json';
  /** How Passage secures it. */
  securing: SecuringFormat;
}

/**
 * OpenID4VCI 1.0 profiles W3C credentials as `jwt_vc_json` (a VC Data Model 1.1 JWT, Passage's `jwt`);
 * it has no identifier for VC 2.0 secured with VC-JOSE-COSE, and recommends the media type for new
 * profiles, which is what the 1.1 drafts name it: `vc+jwt`. Both are offered; the `vc+jwt`
 * configuration is named after the type and is the default.
 */
export const CREDENTIAL_CONFIGURATIONS: readonly CredentialConfiguration[] = CREDENTIAL_TYPES.flatMap(
  (type) => [
    { id: type, type, format: 'vc+jwt', securing: 'vc+jwt' } as const,
    { id: `${type}_jwt_vc_json`, type, format: 'jwt_vc_json', securing: 'jwt' } as const,
  ],
);

/** The configuration with this id. */
export function configurationById(id: string): CredentialConfiguration | undefined {
  return CREDENTIAL_CONFIGURATIONS.find((c) => c.id === id);
}

const DISPLAY_NAMES: Record<CredentialType, string> = {
  VaccinationCertificate: 'Vaccination certificate',
  BusinessTravelCard: 'Business travel card',
};

/** The endpoints, all under the issuer's public URL (it is its own authorization server). */
export function oid4vciEndpoints(publicUrl: string) {
  return {
    credentialIssuer: publicUrl,
    credential: `${publicUrl}/credential`,
    nonce: `${publicUrl}/nonce`,
    token: `${publicUrl}/token`,
  };
}

/** `GET /.well-known/openid-credential-issuer`: OpenID4VCI 1.0 Credential Issuer Metadata. */
export function credentialIssuerMetadata(publicUrl: string): CredentialIssuerMetadata {
  const endpoints = oid4vciEndpoints(publicUrl);
  return {
    credential_issuer: endpoints.credentialIssuer,
    credential_endpoint: endpoints.credential,
    nonce_endpoint: endpoints.nonce,
    display: [{ name: 'Passage', locale: 'en' }],
    credential_configurations_supported: Object.fromEntries(
      CREDENTIAL_CONFIGURATIONS.map((c) => [
        c.id,
        {
          format: c.format,
          cryptographic_binding_methods_supported: ['did:jwk', 'jwk'],
          credential_signing_alg_values_supported: ['ES256', 'EdDSA'],
          proof_types_supported: { jwt: { proof_signing_alg_values_supported: [...PROOF_ALGORITHMS] } },
          credential_definition: { type: ['VerifiableCredential', c.type] },
          credential_metadata: { display: [{ name: DISPLAY_NAMES[c.type], locale: 'en' }] },
        },
      ]),
    ),
  };
}

/** `GET /.well-known/oauth-authorization-server` (RFC 8414) with the pre-authorized code grant. */
export function authorizationServerMetadata(publicUrl: string): AuthorizationServerMetadata {
  return {
    issuer: publicUrl,
    token_endpoint: oid4vciEndpoints(publicUrl).token,
    grant_types_supported: ['urn:ietf:params:oauth:grant-type:pre-authorized_code'],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['none'],
    'pre-authorized_grant_anonymous_access_supported': true,
  };
}
