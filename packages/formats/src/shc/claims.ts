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

const fhirCodingSchema = z.looseObject({
  system: z.string().max(200).optional(),
  code: z.string().min(1).max(100),
  display: z.string().max(200).optional(),
});

/** The members of a FHIR R4 Immunization that the canonical record reads. */
export const immunizationSchema = z.looseObject({
  resourceType: z.literal('Immunization'),
  status: z.string().max(50).optional(),
  vaccineCode: z.looseObject({ coding: z.array(fhirCodingSchema).min(1).max(20) }),
  occurrenceDateTime: z.string().max(40),
  lotNumber: z.string().max(100).optional(),
  manufacturer: z
    .looseObject({
      display: z.string().max(200).optional(),
      identifier: z
        .looseObject({ system: z.string().max(200).optional(), value: z.string().max(100) })
        .optional(),
    })
    .optional(),
  performer: z
    .array(z.looseObject({ actor: z.looseObject({ display: z.string().max(200).optional() }) }))
    .max(20)
    .optional(),
  protocolApplied: z
    .array(
      z.looseObject({
        doseNumberPositiveInt: z.int().min(1).optional(),
        seriesDosesPositiveInt: z.int().min(1).optional(),
      }),
    )
    .max(20)
    .optional(),
});

/** The members of a FHIR R4 Patient that the canonical record reads. */
export const patientSchema = z.looseObject({
  resourceType: z.literal('Patient'),
  name: z
    .array(
      z.looseObject({
        text: z.string().max(300).optional(),
        family: z.string().max(200).optional(),
        given: z.array(z.string().max(200)).max(10).optional(),
      }),
    )
    .min(1)
    .max(10),
  birthDate: z.string().max(10).optional(),
});

/** A FHIR Immunization as the record reads it. */
export type Immunization = z.infer<typeof immunizationSchema>;
/** A FHIR Patient as the record reads it. */
export type Patient = z.infer<typeof patientSchema>;
