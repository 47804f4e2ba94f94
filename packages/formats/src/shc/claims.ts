import { z } from 'zod';

/** The credential type every SMART Health Card carries in `vc.type`. */
export const HEALTH_CARD_TYPE = 'https://smarthealth.cards#health-card';

const fhirResourceSchema = z.looseObject({ resourceType: z.string().max(100) });

/**
 * The JWT claims of a SMART Health Card (`iss`, `nbf` — a NumericDate that may be fractional —,
 * optional `exp`, and `vc` with the FHIR bundle). Members beyond these are kept, not read.
 */
export const shcClaimsSchema = z.looseObject({
  iss: z.string().min(1).max(500),
  nbf: z.number(),
  exp: z.number().optional(),
  jti: z.string().max(200).optional(),
  vc: z.looseObject({
    type: z
      .array(z.string().max(500))
      .max(20)
      .refine((t) => t.includes(HEALTH_CARD_TYPE), 'not a health card'),
    rid: z
      .string()
      .max(24)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    credentialSubject: z.looseObject({
      fhirVersion: z.string().max(20),
      fhirBundle: z.looseObject({
        resourceType: z.literal('Bundle'),
        entry: z
          .array(z.looseObject({ fullUrl: z.string().max(200).optional(), resource: fhirResourceSchema }))
          .max(1000),
      }),
    }),
  }),
});

/** The decoded claims of a card. */
export type ShcClaims = z.infer<typeof shcClaimsSchema>;
