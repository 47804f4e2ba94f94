import type { IIdentifier } from '@veramo/core-types';
import type { PassageAgent } from '../agent.js';
import type { PassageKeyType } from '../keys/key-material.js';
import { PASSAGE_KMS } from '../keys/node-crypto-kms.js';
import { didWebFor } from './did-web.js';
import { FIRST_KEY_FRAGMENT } from './verification-method.js';

/**
 * Creates an authority's did:web under the issuer's public URL (`…:authorities:{slug}`, or the host's
 * own DID when `root`), with a fresh P-256 (default) or Ed25519 key published as `#key-1`.
 */
export async function createAuthorityDid(
  agent: PassageAgent,
  options: { publicUrl: string; slug: string; keyType?: PassageKeyType; root?: boolean },
): Promise<IIdentifier> {
  const did = didWebFor(options.publicUrl, options.root ? [] : ['authorities', options.slug]);
  const type = options.keyType ?? 'Secp256r1';
  return agent.didManagerCreate({
    provider: 'did:web',
    alias: did.slice('did:web:'.length),
    kms: PASSAGE_KMS,
    options: { keyType: type, key: { type, meta: { fragment: FIRST_KEY_FRAGMENT } } },
  });
}

/** Creates a did:jwk, for a holder's wallet or a test issuer. */
export async function createJwkDid(
  agent: PassageAgent,
  keyType: PassageKeyType = 'Secp256r1',
): Promise<IIdentifier> {
  return agent.didManagerCreate({ provider: 'did:jwk', kms: PASSAGE_KMS, options: { keyType } });
}
