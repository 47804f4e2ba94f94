import { checkEnvelope, VC_V2_CONTEXT_URL } from '@passage/schema';
import type { VerifiableCredential } from '@veramo/core-types';

const DATA_URL_PREFIX = 'data:application/vc+jwt,';

/** An `EnvelopedVerifiableCredential` (VC Data Model 2.0 §4.13) carrying a vc+jwt. */
export interface EnvelopedCredential {
  '@context': string[];
  id: string;
  type: 'EnvelopedVerifiableCredential';
}

/**
 * Wraps a compact vc+jwt as an enveloped credential. Veramo's `VerifiableCredential` type requires a
 * `proof`, which an enveloped credential does not have; the cast is confined to this boundary.
 */
export function envelopedCredential(jws: string): VerifiableCredential {
  const enveloped: EnvelopedCredential = {
    '@context': [VC_V2_CONTEXT_URL],
    id: `${DATA_URL_PREFIX}${jws}`,
    type: 'EnvelopedVerifiableCredential',
  };
  return enveloped as unknown as VerifiableCredential;
}

/**
 * The compact JWS inside an enveloped credential or a `data:application/vc+jwt,` URL, if that is what
 * it is. An enveloped credential must be one as VC Data Model 2.0 §4.13.1 has it: `@context` naming
 * the base context, `type` exactly `EnvelopedVerifiableCredential`, `id` the data: URL.
 */
export function jwsFromEnvelope(value: unknown): string | undefined {
  if (typeof value === 'string')
    return value.startsWith(DATA_URL_PREFIX) ? value.slice(DATA_URL_PREFIX.length) : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (checkEnvelope(value, 'EnvelopedVerifiableCredential').length > 0) return undefined;
  const { id } = value as { id: string };
  return id.startsWith(DATA_URL_PREFIX) ? id.slice(DATA_URL_PREFIX.length) : undefined;
}
