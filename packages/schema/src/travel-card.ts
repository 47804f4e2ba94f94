import { z } from 'zod';
import { alpha3Schema } from './countries.js';
import { addYears, isoDateSchema } from './dates.js';
import { didSchema } from './did.js';
import { apecAlpha3Schema } from './economies.js';

/** The passport a business travel card is tied to. */
export const passportSchema = z.strictObject({
  number: z.string().regex(/^[A-Z0-9]{5,20}$/, 'must be 5 to 20 upper-case letters or digits'),
  expiry: isoDateSchema,
});

/** The card holder. `sex` follows ICAO 9303 (`M`, `F`, `X`). */
export const travelCardHolderSchema = z.strictObject({
  familyName: z.string().trim().min(1).max(100),
  givenNames: z.string().trim().min(1).max(100),
  birthDate: isoDateSchema,
  sex: z.enum(['M', 'F', 'X']),
  nationality: alpha3Schema,
  passport: passportSchema,
  photoDigest: z
    .string()
    .regex(/^sha256-[A-Za-z0-9+/_-]{43}=?$/, 'must be `sha256-` followed by the base64 SHA-256 digest')
    .optional(),
});

/** Where a pre-clearance stands with one economy. */
export const preClearanceStatusSchema = z.enum(['granted', 'pending', 'refused', 'withdrawn']);

/** One economy's decision on the holder. A granted pre-clearance says how long a stay it allows. */
export const preClearanceSchema = z
  .strictObject({
    economy: apecAlpha3Schema,
    status: preClearanceStatusSchema,
    maxStayDays: z.int().min(1).max(365).optional(),
  })
  .refine((p) => p.status !== 'granted' || p.maxStayDays !== undefined, {
    message: 'a granted pre-clearance needs maxStayDays',
    path: ['maxStayDays'],
  });

/** The card's validity, as calendar dates; `until` is the last day the card is valid. */
export const cardValiditySchema = z
  .strictObject({ from: isoDateSchema, until: isoDateSchema })
  .refine((v) => v.until > v.from, { message: 'must end after it starts', path: ['until'] })
  .refine(
    (v) => {
      // zod runs this even when `from` failed its own check: such a date has its issue already.
      const from = new Date(`${v.from}T00:00:00Z`);
      return Number.isNaN(from.getTime()) || v.until <= addYears(from, 5).toISOString().slice(0, 10);
    },
    {
      message: 'a card is valid for at most 5 years',
      path: ['until'],
    },
  );

const preClearancesSchema = z
  .array(preClearanceSchema)
  .min(1)
  .max(21)
  .refine((list) => new Set(list.map((p) => p.economy)).size === list.length, {
    message: 'names an economy twice',
  });

/** The `credentialSubject` of an ABTC-like business travel card. */
export const travelCardSubjectSchema = z
  .strictObject({
    id: didSchema.optional(),
    holder: travelCardHolderSchema,
    cardNumber: z.string().regex(/^[A-Z0-9-]{4,32}$/, 'must be 4 to 32 upper-case letters, digits or dashes'),
    issuingEconomy: apecAlpha3Schema,
    validity: cardValiditySchema,
    preClearances: preClearancesSchema,
  })
  .refine((s) => s.validity.until <= s.holder.passport.expiry, {
    message: 'a card cannot outlive the passport',
    path: ['validity', 'until'],
  })
  .refine((s) => s.preClearances.every((p) => p.economy !== s.issuingEconomy), {
    message: 'the issuing economy cannot pre-clear its own card',
    path: ['preClearances'],
  });

/** What an authority sends to issue a travel card: the card number and validity are assigned when absent. */
export const travelCardInputSchema = z.strictObject({
  id: didSchema.optional(),
  holder: travelCardHolderSchema,
  cardNumber: z
    .string()
    .regex(/^[A-Z0-9-]{4,32}$/, 'must be 4 to 32 upper-case letters, digits or dashes')
    .optional(),
  issuingEconomy: apecAlpha3Schema.optional(),
  validity: z.strictObject({ from: isoDateSchema.optional(), until: isoDateSchema.optional() }).optional(),
  preClearances: preClearancesSchema,
});

/** The `credentialSubject` of a business travel card. */
export type TravelCardSubject = z.infer<typeof travelCardSubjectSchema>;
/** The request body that issues a business travel card. */
export type TravelCardInput = z.infer<typeof travelCardInputSchema>;
/** One economy's pre-clearance decision. */
export type PreClearance = z.infer<typeof preClearanceSchema>;
