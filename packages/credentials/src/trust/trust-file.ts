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

/** Where an issuer stands with the operator: `suspended` may be lifted, `terminated` is final. */
export const TRUST_STATUSES = ['active', 'suspended', 'terminated'] as const;
/** A trust entry's status. */
export type TrustStatus = (typeof TRUST_STATUSES)[number];

const instantSchema = z.iso.datetime({ offset: true });

/** One change of an entry's status, so that "issued while suspended" can be judged at issuance time. */
export const trustStatusChangeSchema = z.strictObject({
  status: z.enum(TRUST_STATUSES),
  since: instantSchema,
});

/**
 * A Passage issuer the verifier trusts: its DID, who it is, which credential types it may issue and
 * its public keys. When `keys` is empty the keys are resolved from the DID document (trusted, so
 * fetching it is allowed). The validity window and status come from signed trust lists; they are
 * optional so that older trust files stay valid (no window, `active`).
 */
export const passageTrustEntrySchema = z.strictObject({
  framework: z.literal('passage'),
  did: z.string().regex(/^did:[a-z0-9]+:.+$/, 'must be a DID'),
  name: z.string().min(1).max(200),
  economy: alpha3Schema,
  types: z.array(z.enum(CREDENTIAL_TYPES)).min(1),
  keys: z.array(trustedKeySchema).max(50).default([]),
  validFrom: instantSchema.optional(),
  validUntil: instantSchema.optional(),
  status: z.enum(TRUST_STATUSES).default('active'),
  statusHistory: z.array(trustStatusChangeSchema).max(1000).optional(),
});

/** The other certificate systems a trust file may name issuers of (EU DCC, SMART Health Cards, ICAO VDS-NC). */
export const FOREIGN_FRAMEWORKS = ['dcc', 'shc', 'icao'] as const;
/** A foreign certificate system's `framework` name. */
export type ForeignFramework = (typeof FOREIGN_FRAMEWORKS)[number];

// Their entry schemas live with their formats (which depend on this package): here only the
// framework is read and the members are kept, for `@passage/trust` and the formats to check strictly.
const foreignEntrySchemas = FOREIGN_FRAMEWORKS.map((framework) =>
  z.looseObject({ framework: z.literal(framework) }),
);

/**
 * The verifier's trust file: `{"entries": [...]}`. Entries are told apart by `framework`: Passage
 * issuers are checked here; `dcc`, `shc` and `icao` entries are kept as written and checked by the
 * consumer that knows their format (`trustListEntrySchema` of `@passage/trust`).
 */
export const trustFileSchema = z.strictObject({
  entries: z
    .array(z.discriminatedUnion('framework', [passageTrustEntrySchema, ...foreignEntrySchemas]))
    .max(100_000),
});

/** A trusted Passage issuer. */
export type PassageTrustEntry = z.infer<typeof passageTrustEntrySchema>;
/** A trust entry as written (defaults not yet applied). */
export type PassageTrustEntryInput = z.input<typeof passageTrustEntrySchema>;
/** One status change of a trust entry. */
export type TrustStatusChange = z.infer<typeof trustStatusChangeSchema>;
/** The trust file. */
export type TrustFile = z.infer<typeof trustFileSchema>;
/** The trust file as written (defaults not yet applied). */
export type TrustFileInput = z.input<typeof trustFileSchema>;
