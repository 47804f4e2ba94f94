import type { PassageAlgorithm } from '../keys/key-material.js';

/** The JOSE algorithms Passage verifies. `none` and HMAC are never accepted. */
export const SUPPORTED_ALGORITHMS: readonly PassageAlgorithm[] = ['ES256', 'EdDSA'];
