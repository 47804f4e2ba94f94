import type { PassageAgent } from '../agent.js';
import { encodeSegment } from '../jws/compact.js';
import { kmsOfAgent } from '../keys/agent-kms.js';
import type { NodeCryptoKms } from '../keys/node-crypto-kms.js';
import { signWith } from '../keys/node-crypto-kms.js';
import { vcJoseClaims, vcJoseSigningKey } from './vc-jose-claims.js';

/** What signing for one issuer needs, resolved once: the KMS key id and the encoded header. */
interface IssuerSigner {
  kid: string;
  headerSegment: string;
}

const signersByAgent = new WeakMap<object, Map<string, Promise<IssuerSigner>>>();

function signerFor(agent: PassageAgent, issuer: string): Promise<IssuerSigner> {
  let signers = signersByAgent.get(agent);
  if (!signers) {
    signers = new Map();
    signersByAgent.set(agent, signers);
  }
  let signer = signers.get(issuer);
  if (!signer) {
    signer = agent.didManagerGet({ did: issuer }).then((identifier) => {
      const { key, header } = vcJoseSigningKey(identifier);
      return { kid: key.kid, headerSegment: encodeSegment(header) };
    });
    // A failed lookup (unknown DID) is not remembered: the DID may be created later.
    const pending = signer;
    signer.catch(() => signers?.get(issuer) === pending && signers.delete(issuer));
    signers.set(issuer, signer);
  }
  return signer;
}

/**
 * Signs a VC 2.0 credential as a `vc+jwt` with the agent's node:crypto KMS directly: the same header
 * and claims as {@link CredentialProviderVcJose} through `agent.createVerifiableCredential`, without the
 * agent's per-call plugin dispatch. The issuer's key is looked up once per agent and issuer DID; the
 * KMS still answers for the key each time, so a deleted key stops signing. Answers `undefined` when the
 * agent was not made by `createPassageAgent` (callers then go through Veramo).
 */
export async function signVcJoseDirect(
  agent: PassageAgent,
  credential: Record<string, unknown>,
): Promise<string | undefined> {
  const kms: NodeCryptoKms | undefined = kmsOfAgent(agent);
  if (!kms) return undefined;
  const { claims, issuer } = vcJoseClaims(credential);
  const { kid, headerSegment } = await signerFor(agent, issuer);
  const { type, key } = kms.cachedSigningKey(kid) ?? (await kms.signingKey(kid));
  const signingInput = `${headerSegment}.${encodeSegment(claims)}`;
  return `${signingInput}.${signWith(type, key, Buffer.from(signingInput, 'latin1')).toString('base64url')}`;
}
