import type { CredentialPayload } from '@veramo/core-types';
import type { PassageAgent } from '../agent.js';
import { CredentialError } from '../errors.js';
import { signVcJoseDirect } from './direct-sign.js';
import { jwsFromEnvelope } from './envelope.js';
import { VC_JOSE_FORMAT } from './vc-jose-provider.js';

/** How an issued credential is secured: VC 2.0 `vc+jwt` (default) or VC 1.1 `jwt` for older wallets. */
export type SecuringFormat = 'vc+jwt' | 'jwt';

const VC_V1_CONTEXT_URL = 'https://www.w3.org/2018/credentials/v1';

/** The VC 1.1 shape of a VC 2.0 credential, for Veramo's JWT provider. */
function toVc11(credential: Record<string, unknown>): CredentialPayload {
  const { '@context': contexts, validFrom, validUntil, ...rest } = credential;
  const extra = Array.isArray(contexts)
    ? contexts.slice(1).filter((c): c is string => typeof c === 'string')
    : [];
  return {
    ...rest,
    '@context': [VC_V1_CONTEXT_URL, ...extra],
    issuanceDate: String(validFrom),
    ...(validUntil === undefined ? {} : { expirationDate: String(validUntil) }),
  } as CredentialPayload;
}

/**
 * Signs a credential with its issuer's key and answers the compact JWS. The issuer must be a DID the
 * agent manages. A `vc+jwt` from an agent of `createPassageAgent` is signed directly with the KMS's
 * cached key (same header and claims as the agent's credential plugin, a fifth of the time); other
 * agents and VC 1.1 `jwt` go through `agent.createVerifiableCredential`.
 */
export async function issueCredential(
  agent: PassageAgent,
  options: { credential: Record<string, unknown>; format?: SecuringFormat },
): Promise<string> {
  const format = options.format ?? 'vc+jwt';
  if (format === 'vc+jwt') {
    const direct = await signVcJoseDirect(agent, options.credential);
    if (direct !== undefined) return direct;
    const issued = await agent.createVerifiableCredential({
      credential: structuredClone(options.credential) as CredentialPayload,
      proofFormat: VC_JOSE_FORMAT,
    });
    const jws = jwsFromEnvelope(issued);
    if (jws === undefined)
      throw new CredentialError('INVALID_ARGUMENT', 'the provider did not return a vc+jwt');
    return jws;
  }
  const issued = await agent.createVerifiableCredential({
    credential: toVc11(options.credential),
    proofFormat: 'jwt',
  });
  const jwt = issued.proof?.jwt;
  if (typeof jwt !== 'string')
    throw new CredentialError('INVALID_ARGUMENT', 'the JWT provider did not return a JWT');
  return jwt;
}
