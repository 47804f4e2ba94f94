import { Oauth2ServerErrorResponseError } from '@openid4vc/oauth2';

/** The OAuth 2.0 / OpenID4VCI error codes the issuer answers on its token, nonce and credential endpoints. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'invalid_token'
  | 'invalid_proof'
  | 'invalid_nonce'
  | 'invalid_credential_request'
  | 'unknown_credential_configuration'
  | 'credential_request_denied';

/** The HTTP status of each code: 401 for a bad access token (RFC 6750), 400 otherwise. */
const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_grant: 400,
  unsupported_grant_type: 400,
  invalid_token: 401,
  invalid_proof: 400,
  invalid_nonce: 400,
  invalid_credential_request: 400,
  unknown_credential_configuration: 400,
  credential_request_denied: 400,
};

/**
 * An error answered as an OAuth JSON error (`{ error, error_description }`), as RFC 6749 and
 * OpenID4VCI 1.0 require on these endpoints, rather than as a problem document. Descriptions never
 * carry codes, tokens or personal data.
 */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  readonly error: OAuthErrorCode;
  readonly status: number;

  constructor(error: OAuthErrorCode, description: string) {
    super(description);
    this.error = error;
    this.status = STATUS[error];
  }

  /** The JSON body. */
  body(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.message };
  }
}

/**
 * Runs a library call, turning its server error response into an {@link OAuthError} with a fixed
 * description (the library's may echo request values).
 */
export async function libraryCall<T>(
  fallback: OAuthErrorCode,
  description: string,
  call: () => T | Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OAuthError) throw error;
    if (error instanceof Oauth2ServerErrorResponseError) {
      const code = error.errorResponse.error;
      throw new OAuthError(code in STATUS ? (code as OAuthErrorCode) : fallback, description);
    }
    throw error;
  }
}
