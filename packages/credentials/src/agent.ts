import { createAgent, type IDIDManager, type IKeyManager, type IResolver, type TAgent } from '@veramo/core';
import type { ICredentialPlugin } from '@veramo/core-types';
import { CredentialProviderJWT } from '@veramo/credential-jwt';
import { CredentialPlugin } from '@veramo/credential-w3c';
import { type AbstractDIDStore, DIDManager } from '@veramo/did-manager';
import { getDidJwkResolver, JwkDIDProvider } from '@veramo/did-provider-jwk';
import { getDidKeyResolver, KeyDIDProvider } from '@veramo/did-provider-key';
import { WebDIDProvider } from '@veramo/did-provider-web';
import { DIDResolverPlugin } from '@veramo/did-resolver';
import { type AbstractKeyStore, type AbstractPrivateKeyStore, KeyManager } from '@veramo/key-manager';
import type { DIDResolver } from 'did-resolver';
import { CredentialProviderVcJose } from './issue/vc-jose-provider.js';
import { registerAgentKms } from './keys/agent-kms.js';
import { NodeCryptoKms, PASSAGE_KMS } from './keys/node-crypto-kms.js';

/** Where an agent keeps key metadata, private keys (encrypted by the store) and DIDs. */
export interface PassageStores {
  keyStore: AbstractKeyStore;
  privateKeyStore: AbstractPrivateKeyStore;
  didStore: AbstractDIDStore;
}

/** The Veramo agent Passage uses: keys, DIDs, DID resolution and credential issuance. */
export type PassageAgent = TAgent<IKeyManager & IDIDManager & IResolver & ICredentialPlugin>;

/** An agent together with its KMS, whose cached keys the fast signing path reuses. */
export interface PassageAgentHandle {
  agent: PassageAgent;
  kms: NodeCryptoKms;
}

/**
 * Creates the Veramo agent: a node:crypto KMS, did:web (authorities), did:jwk and did:key (holders
 * and tests), and a credential plugin that issues VC 2.0 `vc+jwt` (ours) and VC 1.1 `jwt` (Veramo's).
 * `webResolver` resolves did:web; leave it out and did:web is never fetched.
 */
export function createPassageAgent(
  stores: PassageStores,
  options: { webResolver?: DIDResolver } = {},
): PassageAgentHandle {
  const kms = new NodeCryptoKms(stores.privateKeyStore);
  const resolvers = {
    ...getDidJwkResolver(),
    ...getDidKeyResolver(),
    ...(options.webResolver ? { web: options.webResolver } : {}),
  };
  const agent = createAgent<IKeyManager & IDIDManager & IResolver & ICredentialPlugin>({
    // Veramo validates every call against a generated schema; our wrappers already type their calls.
    schemaValidation: false,
    plugins: [
      new KeyManager({ store: stores.keyStore, kms: { [PASSAGE_KMS]: kms } }),
      new DIDManager({
        store: stores.didStore,
        defaultProvider: 'did:web',
        providers: {
          'did:web': new WebDIDProvider({ defaultKms: PASSAGE_KMS }),
          'did:jwk': new JwkDIDProvider({ defaultKms: PASSAGE_KMS }),
          'did:key': new KeyDIDProvider({ defaultKms: PASSAGE_KMS }),
        },
      }),
      new DIDResolverPlugin(resolvers),
      new CredentialPlugin([new CredentialProviderVcJose(), new CredentialProviderJWT()]),
    ],
  });
  registerAgentKms(agent, kms);
  return { agent, kms };
}
