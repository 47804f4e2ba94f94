import { VC_V2_CONTEXT_URL } from '@passage/schema';
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
import { verificationMethodId } from '../did/verification-method.js';
import { CredentialError } from '../errors.js';
import { decodeCompactJws, encodeSegment } from '../jws/compact.js';
import { algorithmFor, asPassageKeyType } from '../keys/key-material.js';
import { envelopedCredential, jwsFromEnvelope } from './envelope.js';
import { verifyWithResolver } from './resolver-verify.js';

/** The proof format name under which this provider issues VC Data Model 2.0 secured with JOSE. */
export const VC_JOSE_FORMAT = 'vc+jwt';

const VC_V1_CONTEXT_URL = 'https://www.w3.org/2018/credentials/v1';

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
    // Veramo's CredentialPlugin adds a VC 1.1 `issuanceDate` and puts the VC 1.1 context first in the
    // caller's credential; VC 2.0 has neither, so both are taken out again.
    const { issuanceDate: _dropped, ...credential } = args.credential as Record<string, unknown>;
    const given: unknown[] = Array.isArray(credential['@context']) ? credential['@context'] : [];
    const contexts = given.filter((c) => c !== VC_V1_CONTEXT_URL);
    credential['@context'] = contexts;
    if (contexts[0] !== VC_V2_CONTEXT_URL) {
      throw new CredentialError(
        'INVALID_ARGUMENT',
        `a vc+jwt credential's first @context must be ${VC_V2_CONTEXT_URL}`,
      );
    }
    const issuer =
      typeof credential.issuer === 'string' ? credential.issuer : (credential.issuer as { id?: unknown })?.id;
    if (typeof issuer !== 'string')
      throw new CredentialError('INVALID_ARGUMENT', 'the credential needs an issuer DID');
    const identifier = await context.agent.didManagerGet({ did: issuer });
    const key =
      identifier.keys.find((k) => k.kid === (args.keyRef ?? identifier.controllerKeyId)) ??
      identifier.keys[0];
    if (!key) throw new CredentialError('KEY_NOT_MANAGED', 'the issuer has no signing key');
    const alg = algorithmFor(asPassageKeyType(key.type));
    const header = { alg, kid: verificationMethodId(identifier, key), typ: VC_JOSE_FORMAT };
    const signingInput = `${encodeSegment(header)}.${encodeSegment(credential)}`;
    const signature = await context.agent.keyManagerSign({
      keyRef: key.kid,
      data: signingInput,
      algorithm: alg,
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
