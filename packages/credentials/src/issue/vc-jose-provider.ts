import type {
  ICreateVerifiableCredentialArgs,
  IKey,
  IssuerAgentContext,
  IVerifyCredentialArgs,
  IVerifyResult,
  ProofFormat,
  VerifiableCredential,
  VerifierAgentContext,
} from '@veramo/core-types';
import type { ICredentialProvider } from '@veramo/credential-w3c';
import { CredentialError } from '../errors.js';
import { decodeCompactJws, encodeSegment } from '../jws/compact.js';
import { envelopedCredential, jwsFromEnvelope } from './envelope.js';
import { verifyWithResolver } from './resolver-verify.js';
import { VC_JOSE_FORMAT, vcJoseClaims, vcJoseSigningKey } from './vc-jose-claims.js';

export { VC_JOSE_FORMAT } from './vc-jose-claims.js';

/**
 * A Veramo credential provider for W3C VC-JOSE-COSE: the VC Data Model 2.0 credential is the JWS
 * claims set (no `vc` claim), the header carries `typ: vc+jwt` and the verification method as `kid`.
 * It sits beside Veramo's `CredentialProviderJWT` (VC 1.1 `jwt`) in one `CredentialPlugin`.
 */
export class CredentialProviderVcJose implements ICredentialProvider {
  getProofFormatsSupportedForKey(key: IKey): ProofFormat[] {
    return key.type === 'Secp256r1' || key.type === 'Ed25519' ? [VC_JOSE_FORMAT] : [];
  }

  canIssueProofFormat(query: { proofFormat: ProofFormat }): boolean {
    return query.proofFormat === VC_JOSE_FORMAT;
  }

  canVerifyDocumentType(query: { document: unknown }): boolean {
    const { document } = query;
    if (typeof document === 'string') {
      try {
        return decodeCompactJws(document).header.typ === VC_JOSE_FORMAT;
      } catch {
        return false;
      }
    }
    return jwsFromEnvelope(document) !== undefined;
  }

  async createVerifiableCredential(
    args: ICreateVerifiableCredentialArgs,
    context: IssuerAgentContext,
  ): Promise<VerifiableCredential> {
    const { claims, issuer } = vcJoseClaims(args.credential as Record<string, unknown>);
    const identifier = await context.agent.didManagerGet({ did: issuer });
    const { key, header } = vcJoseSigningKey(identifier, args.keyRef);
    const signingInput = `${encodeSegment(header)}.${encodeSegment(claims)}`;
    const signature = await context.agent.keyManagerSign({
      keyRef: key.kid,
      data: signingInput,
      algorithm: header.alg,
      encoding: 'utf-8',
    });
    return envelopedCredential(`${signingInput}.${signature}`);
  }

  async verifyCredential(args: IVerifyCredentialArgs, context: VerifierAgentContext): Promise<IVerifyResult> {
    const jws = typeof args.credential === 'string' ? args.credential : jwsFromEnvelope(args.credential);
    if (jws === undefined)
      return { verified: false, error: { message: 'not an enveloped vc+jwt', errorCode: 'DECODING_FAILED' } };
    return verifyWithResolver(jws, (didUrl) => context.agent.resolveDid({ didUrl }));
  }

  async createVerifiablePresentation(): Promise<never> {
    throw new CredentialError('INVALID_ARGUMENT', 'vc+jwt presentations are not supported yet');
  }

  async verifyPresentation(): Promise<IVerifyResult> {
    return {
      verified: false,
      error: { message: 'vc+jwt presentations are not supported yet', errorCode: 'UNSUPPORTED_FORMAT' },
    };
  }
}
