import { z } from 'zod';
import { codeableSchema } from './codeable.js';
import { alpha3Schema } from './countries.js';
import { isoDateSchema, isoDateTimeSchema } from './dates.js';
import { didSchema } from './did.js';

/** How the person is identified: a plain document number or a typed identifier. */
export const personIdentifierSchema = z.union([
  z.string().min(1).max(64),
  z.strictObject({
    type: z.enum(['passport', 'national-id', 'health-id', 'other']).optional(),
    system: z.string().min(1).max(200).optional(),
    value: z.string().min(1).max(64),
  }),
]);

/** The vaccinated person (DDCC:VS core data set: name, birthDate, identifier, sex). */
export const personSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  birthDate: isoDateSchema,
  identifier: personIdentifierSchema.optional(),
  sex: z.enum(['male', 'female', 'other', 'unknown']).optional(),
});

/** One vaccination event (DDCC:VS `vaccination`). */
export const vaccinationEventSchema = z
  .strictObject({
    vaccine: codeableSchema,
    brand: codeableSchema,
    manufacturer: codeableSchema.optional(),
    maholder: codeableSchema.optional(),
    lot: z.string().min(1).max(60),
    date: isoDateSchema,
    dose: z.int().min(1).max(20),
    totalDoses: z.int().min(1).max(20).optional(),
    country: alpha3Schema,
    centre: z.string().min(1).max(200).optional(),
    disease: codeableSchema.optional(),
    validFrom: isoDateSchema.optional(),
    nextDose: isoDateSchema.optional(),
  })
  .refine((e) => e.manufacturer !== undefined || e.maholder !== undefined, {
    message: 'needs a manufacturer or a market authorisation holder',
    path: ['manufacturer'],
  })
  .refine((e) => e.nextDose === undefined || e.nextDose > e.date, {
    message: 'next dose must come after the vaccination',
    path: ['nextDose'],
  })
  .refine((e) => e.validFrom === undefined || e.validFrom >= e.date, {
    message: 'cannot be valid before the vaccination',
    path: ['validFrom'],
  });

/** The certificate's validity period (DDCC `certificate.period`). */
export const periodSchema = z
  .strictObject({ start: isoDateTimeSchema.optional(), end: isoDateTimeSchema.optional() })
  .refine((p) => p.start === undefined || p.end === undefined || Date.parse(p.start) < Date.parse(p.end), {
    message: 'must end after it starts',
    path: ['end'],
  });

/** Certificate metadata (DDCC `certificate`): the HCID, the issuing economy and the validity period. */
export const certificateSchema = z.strictObject({
  hcid: z.string().min(1).max(100),
  issuer: alpha3Schema,
  period: periodSchema.optional(),
});

/** The `credentialSubject` of a vaccination certificate, as it appears in the signed credential. */
export const vaccinationSubjectSchema = z.strictObject({
  id: didSchema.optional(),
  person: personSchema,
  certificate: certificateSchema,
  vaccinations: z.array(vaccinationEventSchema).min(1).max(20),
});

/**
 * What an authority sends to issue a vaccination certificate: the subject without what the issuer
 * assigns (the HCID when absent, the issuing economy from the authority).
 */
export const vaccinationInputSchema = z.strictObject({
  id: didSchema.optional(),
  person: personSchema,
  certificate: z
    .strictObject({
      hcid: z.string().min(1).max(100).optional(),
      issuer: alpha3Schema.optional(),
      period: periodSchema.optional(),
    })
    .optional(),
  vaccinations: z.array(vaccinationEventSchema).min(1).max(20),
});

/** The `credentialSubject` of a vaccination certificate. */
export type VaccinationSubject = z.infer<typeof vaccinationSubjectSchema>;
/** The request body that issues a vaccination certificate. */
export type VaccinationInput = z.infer<typeof vaccinationInputSchema>;
/** One vaccination event. */
export type VaccinationEvent = z.infer<typeof vaccinationEventSchema>;
/** The vaccinated person. */
export type Person = z.infer<typeof personSchema>;
