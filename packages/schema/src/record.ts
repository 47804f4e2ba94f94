import { z } from 'zod';
import { codingSchema, ICD11_SYSTEM, ISO3166_ALPHA3_SYSTEM, toCoding } from './codeable.js';
import type { VaccinationSubject } from './vaccination.js';

/** One vaccination in the canonical record (DDCC:VS `vaccination`). */
export const recordVaccinationSchema = z.object({
  vaccine: codingSchema,
  brand: codingSchema,
  manufacturer: codingSchema.optional(),
  maholder: codingSchema.optional(),
  /** Required by DDCC:VS but absent from some formats (the EU DCC carries no lot number). */
  lot: z.string().optional(),
  date: z.string(),
  validFrom: z.string().optional(),
  dose: z.int().min(1),
  totalDoses: z.int().min(1).optional(),
  country: codingSchema,
  centre: z.string().optional(),
  disease: codingSchema.optional(),
  nextDose: z.string().optional(),
});

/**
 * The canonical vaccination record: WHO's DDCC:VS core data set. Every certificate format Passage
 * reads maps into this one shape, so officers see one view and entry rules see one shape.
 */
export const vaccinationRecordSchema = z.object({
  name: z.string(),
  birthDate: z.string().optional(),
  identifier: z
    .object({ system: z.string().optional(), type: z.string().optional(), value: z.string() })
    .optional(),
  sex: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  certificate: z.object({
    issuer: z.object({ identifier: z.string(), name: z.string().optional() }),
    hcid: z.object({ value: z.string() }),
    kid: z.string().optional(),
    version: z.string(),
    period: z.object({ start: z.string().optional(), end: z.string().optional() }).optional(),
  }),
  vaccinations: z.array(recordVaccinationSchema).min(1),
});

/** The canonical (DDCC:VS) vaccination record. */
export type VaccinationRecord = z.infer<typeof vaccinationRecordSchema>;
/** One vaccination in the canonical record. */
export type RecordVaccination = z.infer<typeof recordVaccinationSchema>;

/** The DDCC:VS version our mapping follows. */
export const DDCC_VERSION = 'RC2';

/** Maps a Passage vaccination certificate's subject into the canonical record. */
export function vaccinationRecordFromSubject(subject: VaccinationSubject): VaccinationRecord {
  const { person, certificate } = subject;
  const identifier =
    person.identifier === undefined
      ? undefined
      : typeof person.identifier === 'string'
        ? { value: person.identifier }
        : person.identifier;
  return {
    name: person.name,
    birthDate: person.birthDate,
    ...(identifier === undefined ? {} : { identifier }),
    ...(person.sex === undefined ? {} : { sex: person.sex }),
    certificate: {
      issuer: { identifier: certificate.issuer },
      hcid: { value: certificate.hcid },
      version: DDCC_VERSION,
      ...(certificate.period === undefined ? {} : { period: certificate.period }),
    },
    vaccinations: subject.vaccinations.map((event) => {
      const vaccination: RecordVaccination = {
        vaccine: toCoding(event.vaccine, ICD11_SYSTEM),
        brand: toCoding(event.brand),
        lot: event.lot,
        date: event.date,
        dose: event.dose,
        country: { system: ISO3166_ALPHA3_SYSTEM, code: event.country },
      };
      // The optional members only when present, in this order (the answer's JSON keeps it).
      if (event.manufacturer !== undefined) vaccination.manufacturer = toCoding(event.manufacturer);
      if (event.maholder !== undefined) vaccination.maholder = toCoding(event.maholder);
      if (event.totalDoses !== undefined) vaccination.totalDoses = event.totalDoses;
      if (event.centre !== undefined) vaccination.centre = event.centre;
      if (event.disease !== undefined) vaccination.disease = toCoding(event.disease, ICD11_SYSTEM);
      if (event.validFrom !== undefined) vaccination.validFrom = event.validFrom;
      if (event.nextDose !== undefined) vaccination.nextDose = event.nextDose;
      return vaccination;
    }),
  };
}
