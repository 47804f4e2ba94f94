import { alpha3Schema, CREDENTIAL_TYPES } from '@passage/schema';
import { z } from 'zod';

/** A public JWK as a trust list carries it: P-256 or Ed25519, never a private part. */
export const publicJwkSchema = z.union([
  z.strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().min(43).max(43),
    y: z.string().min(43).max(43),
    kid: z.string().optional(),
    alg: z.literal('ES256').optional(),
    use: z.string().optional(),
  }),
  z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().min(43).max(43),
    kid: z.string().optional(),
    alg: z.literal('EdDSA').optional(),
    use: z.string().optional(),
  }),
]);

/** One key of a trusted issuer, under the verification method id its credentials name in `kid`. */
export const trustedKeySchema = z.strictObject({
  kid: z.string().min(1).max(2048),
  publicKeyJwk: publicJwkSchema,
});

/**
 * A Passage issuer the verifier trusts: its DID, who it is, which credential types it may issue and
 * its public keys. When `keys` is empty the keys are resolved from the DID document (trusted, so
 * fetching it is allowed).
 */
export const passageTrustEntrySchema = z.strictObject({
  framework: z.literal('passage'),
  did: z.string().regex(/^did:[a-z0-9]+:.+$/, 'must be a DID'),
  name: z.string().min(1).max(200),
  economy: alpha3Schema,
  types: z.array(z.enum(CREDENTIAL_TYPES)).min(1),
  keys: z.array(trustedKeySchema).max(50).default([]),
});

/**
 * The verifier's trust file: `{"entries": [...]}`. Entries are told apart by `framework`; other
 * certificate systems' frameworks join the union as they are supported.
 */
export const trustFileSchema = z.strictObject({
  entries: z.array(z.discriminatedUnion('framework', [passageTrustEntrySchema])).max(100_000),
});

/** A trusted Passage issuer. */
export type PassageTrustEntry = z.infer<typeof passageTrustEntrySchema>;
/** The trust file. */
export type TrustFile = z.infer<typeof trustFileSchema>;
/** The trust file as written (defaults not yet applied). */
export type TrustFileInput = z.input<typeof trustFileSchema>;
