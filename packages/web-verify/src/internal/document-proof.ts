import { z } from 'zod';

/**
 * The `proof` of a signed Passage document, as `documentProofSchema` of `@passage/trust` defines it
 * (document-proof.test.ts holds the two to the same verdicts). Kept here because that package's entry
 * point loads `node:crypto`; the browser bundle also hands it to `@passage/rules` in its place.
 */
export const OPERATOR_ALGORITHMS = ['ES256', 'EdDSA'] as const;

/** A signed document's JWS `typ`. */
export type SignedDocumentType = 'passage-trust-list+json' | 'passage-rules+json';

/** The `proof` member: a detached compact JWS over the JCS (RFC 8785) of the document without `proof`. */
export const documentProofSchema = z.strictObject({
  type: z.literal('JsonWebSignature'),
  alg: z.enum(OPERATOR_ALGORITHMS),
  kid: z.string().min(1).max(200),
  created: z.iso.datetime({ offset: true }),
  jws: z
    .string()
    .regex(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/, 'must be a detached compact JWS')
    .max(2000),
});

/** The protected header of a document proof. */
export const protectedHeaderSchema = z.strictObject({
  alg: z.enum(OPERATOR_ALGORITHMS),
  kid: z.string().min(1).max(200),
  typ: z.enum(['passage-trust-list+json', 'passage-rules+json']),
});

const b64u43 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes base64url');
const meta = { kid: z.string().min(1).max(200).optional(), use: z.literal('sig').optional() };

/** A pinned operator public key: P-256 or Ed25519, no private part (as `operatorPublicJwkSchema`). */
export const operatorKeySchema = z.union([
  z.strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: b64u43,
    y: b64u43,
    alg: z.literal('ES256').optional(),
    ...meta,
  }),
  z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: b64u43,
    alg: z.literal('EdDSA').optional(),
    ...meta,
  }),
]);

/** A pinned operator public JWK. */
export type OperatorKey = z.infer<typeof operatorKeySchema>;
