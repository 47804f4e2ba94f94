import type { IIdentifier, IKey } from '@veramo/core-types';
import { CredentialError } from '../errors.js';

/** The fragment of a did:web authority's first key. Later keys (after rotation) count up. */
export const FIRST_KEY_FRAGMENT = 'key-1';

/**
 * The verification method id (`kid` header) under which a key of an identifier is published: the
 * key's own fragment for did:web (`#key-1`), `#0` for did:jwk, the multibase key for did:key.
 */
export function verificationMethodId(identifier: Pick<IIdentifier, 'did'>, key: Pick<IKey, 'meta'>): string {
  const { did } = identifier;
  if (did.startsWith('did:jwk:')) return `${did}#0`;
  if (did.startsWith('did:key:')) return `${did}#${did.slice('did:key:'.length)}`;
  const fragment = key.meta?.fragment;
  if (did.startsWith('did:web:'))
    return `${did}#${typeof fragment === 'string' ? fragment : FIRST_KEY_FRAGMENT}`;
  throw new CredentialError('INVALID_ARGUMENT', 'unsupported DID method for signing');
}
