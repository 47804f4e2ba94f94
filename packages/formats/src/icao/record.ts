import { DDCC_VERSION, ICD11_SYSTEM, type RecordVaccination, type VaccinationRecord } from '@passage/schema';
import { z } from 'zod';
import type { IcaoSeal } from './seal.js';
import { isTestMessageAsIs, isVaccinationMessageAsIs } from './seal-compiled.js';

const ISO3166_ALPHA3 = 'urn:iso:std:iso:3166';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (max: number) => z.string().min(1).max(max);

/** Personal information of a seal (`msg.pid`), common to both seal types. */
const pidSchema = z.looseObject({
  n: text(200),
  dob: z.string().regex(DATE).optional(),
  sex: z.string().max(1).optional(),
  i: text(50).optional(),
  ai: text(50).optional(),
  dt: text(2).optional(),
  dn: text(50).optional(),
});

/** The message of a proof of vaccination (`icao.vacc`): pid with a name and a document number or dob. */
export const icaoVaccinationMessageSchema = z.looseObject({
  pid: pidSchema.refine((p) => p.i !== undefined || p.dob !== undefined, 'pid.i or pid.dob'),
  uvci: text(100),
  ve: z
    .array(
      z.looseObject({
        des: text(20),
        nam: text(200),
        dis: text(20).optional(),
        vd: z
          .array(
            z.looseObject({
              dvc: z.string().regex(DATE),
              seq: z.int().min(1).max(99),
              ctr: z.string().regex(/^[A-Z<]{3}$/),
              adm: text(200),
              lot: text(100),
              dvn: z.string().regex(DATE).optional(),
            }),
          )
          .min(1)
          .max(20),
      }),
    )
    .min(1)
    .max(20),
});

/** The message of a proof of testing (`icao.test`), checked for its identifying members only. */
export const icaoTestMessageSchema = z.looseObject({ pid: pidSchema, utci: text(100) });

type VaccinationMessage = z.infer<typeof icaoVaccinationMessageSchema>;

const SEX = { M: 'male', F: 'female', X: 'other' } as const;

function identifierOf(pid: VaccinationMessage['pid']): VaccinationRecord['identifier'] {
  if (pid.i !== undefined) return { type: 'PPN', value: pid.i };
  if (pid.dn !== undefined) return { ...(pid.dt === undefined ? {} : { type: pid.dt }), value: pid.dn };
  return undefined;
}

function vaccinationsOf(msg: VaccinationMessage): RecordVaccination[] {
  return msg.ve.flatMap((event) =>
    event.vd.map((dose) => ({
      vaccine: { system: ICD11_SYSTEM, code: event.des },
      brand: { code: event.nam, display: event.nam },
      lot: dose.lot,
      date: dose.dvc,
      dose: dose.seq,
      country: { system: ISO3166_ALPHA3, code: dose.ctr },
      centre: dose.adm,
      ...(event.dis === undefined ? {} : { disease: { system: ICD11_SYSTEM, code: event.dis } }),
      ...(dose.dvn === undefined ? {} : { nextDose: dose.dvn }),
    })),
  );
}

function vaccinationMessage(msg: unknown, plain: boolean): VaccinationMessage | undefined {
  if (plain && isVaccinationMessageAsIs(msg)) return msg as VaccinationMessage;
  const parsed = icaoVaccinationMessageSchema.safeParse(msg);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Checks a seal's message against its type and maps a proof of vaccination into the canonical
 * (DDCC:VS) record, following WHO's ICAO VDS logical model: pid.n → name, pid.dob → birthDate,
 * pid.i (or dt/dn) → identifier, uvci → hcid, each ve.vd → one vaccination (des → vaccine, nam →
 * brand, dis → disease, dvc/seq/ctr/adm/lot/dvn). A proof of testing has no vaccination record.
 * `plain` says the seal is data fresh from JSON.parse (no getters, no prototypes), so a message the
 * compiled check takes needs no copy by zod.
 */
export function icaoRecord(
  seal: IcaoSeal,
  plain = false,
): { ok: true; record?: VaccinationRecord } | { ok: false; message: string } {
  const { hdr, msg } = seal.data;
  if (hdr.t === 'icao.test') {
    return (plain && isTestMessageAsIs(msg)) || icaoTestMessageSchema.safeParse(msg).success
      ? { ok: true }
      : { ok: false, message: 'malformed test seal' };
  }
  if (hdr.t !== 'icao.vacc') return { ok: false, message: 'unknown seal type' };
  const message = vaccinationMessage(msg, plain);
  if (message === undefined) return { ok: false, message: 'the vaccination message lacks required members' };
  const { pid, uvci } = message;
  const identifier = identifierOf(pid);
  const sex = pid.sex === undefined ? undefined : SEX[pid.sex as keyof typeof SEX];
  return {
    ok: true,
    record: {
      name: pid.n,
      ...(pid.dob === undefined ? {} : { birthDate: pid.dob }),
      ...(identifier === undefined ? {} : { identifier }),
      ...(sex === undefined ? {} : { sex }),
      certificate: { issuer: { identifier: hdr.is }, hcid: { value: uvci }, version: DDCC_VERSION },
      vaccinations: vaccinationsOf(message),
    },
  };
}
