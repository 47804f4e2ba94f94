// Helpers the package's own tests share; not exported from the package.
import type { JsonWebKey } from 'node:crypto';
import { UNSPECIFIED_ECONOMY } from '@passage/schema';
import { createTrustStore, type TrustStore } from './trust/trust-store.js';

/** A trust store trusting one issuer (of no economy in particular, for every type) with one key under `kid`. */
export function trustOfOneKey(issuer: string, kid: string, publicKeyJwk: JsonWebKey): TrustStore {
  return createTrustStore({
    entries: [
      {
        framework: 'passage',
        did: issuer,
        name: 'Example',
        economy: UNSPECIFIED_ECONOMY,
        types: ['VaccinationCertificate', 'BusinessTravelCard'],
        keys: [{ kid, publicKeyJwk: publicKeyJwk as never }],
      },
    ],
  });
}

/**
 * `text` with a few characters replaced, from a seeded generator: the `round`-th of a reproducible
 * series of mutations (1 to 3 characters each) drawn from `alphabet`.
 */
export function mutations(seed: number, alphabet: string): (text: string, round: number) => string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  return (text, round) => {
    const chars = [...text];
    for (let j = 0; j <= round % 3; j++)
      chars[next() % chars.length] = alphabet[next() % alphabet.length] ?? 'A';
    return chars.join('');
  };
}
