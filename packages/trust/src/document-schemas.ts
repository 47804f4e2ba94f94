import { z } from 'zod';

// The shapes of signed Passage documents and operator keys, with no Node module behind them: the
// browser verifier (`@passage/web-verify`, through `@passage/trust/pure`) and `@passage/rules` read
// them as the Node code does.

/** The JOSE algorithms an operator signs with. */
export const OPERATOR_ALGORITHMS = ['ES256', 'EdDSA'] as const;
/** An operator signing algorithm. */
export type OperatorAlgorithm = (typeof OPERATOR_ALGORITHMS)[number];

const b64u43 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be 32 bytes base64url');
const meta = { kid: z.string().min(1).max(200).optional(), use: z.literal('sig').optional() };

/** A P-256 public JWK as an operator key. */
export const ecOperatorPublicJwkSchema = z.strictObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: b64u43,
  y: b64u43,
  alg: z.literal('ES256').optional(),
  ...meta,
});

/** An Ed25519 public JWK as an operator key. */
export const okpOperatorPublicJwkSchema = z.strictObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: b64u43,
  alg: z.literal('EdDSA').optional(),
  ...meta,
});

/** The private scalar `d` of an operator key, as its JWK carries it. */
export const operatorPrivatePart = { d: b64u43 };

/** An operator's public key: P-256 (ES256) or Ed25519 (EdDSA), never a private part. */
export const operatorPublicJwkSchema = z.union([ecOperatorPublicJwkSchema, okpOperatorPublicJwkSchema]);

/** A pinned operator public JWK. */
export type OperatorPublicJwk = z.infer<typeof operatorPublicJwkSchema>;

/** The JWS `typ` of each kind of signed Passage document. */
export const SIGNED_DOCUMENT_TYPES = ['passage-trust-list+json', 'passage-rules+json'] as const;
/** A signed document's JWS `typ`. */
export type SignedDocumentType = (typeof SIGNED_DOCUMENT_TYPES)[number];

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

/** A signed document's proof. */
export type DocumentProof = z.infer<typeof documentProofSchema>;

/** The protected header of a document proof. */
export const protectedHeaderSchema = z.strictObject({
  alg: z.enum(OPERATOR_ALGORITHMS),
  kid: z.string().min(1).max(200),
  typ: z.enum(SIGNED_DOCUMENT_TYPES),
});
