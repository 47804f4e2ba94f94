import type { NodeCryptoKms } from './node-crypto-kms.js';

// Which KMS each Passage agent was made with, so that issuance can sign with its cached KeyObjects
// without going through `agent.execute`. Weak: an agent that is dropped takes its entry with it.
const kmsByAgent = new WeakMap<object, NodeCryptoKms>();

/** Records that `agent` signs through `kms` (called by `createPassageAgent`). */
export function registerAgentKms(agent: object, kms: NodeCryptoKms): void {
  kmsByAgent.set(agent, kms);
}

/** The node:crypto KMS of a Passage agent, or `undefined` for an agent made elsewhere. */
export function kmsOfAgent(agent: object): NodeCryptoKms | undefined {
  return kmsByAgent.get(agent);
}
