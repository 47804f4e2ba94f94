import type { Coding } from '@passage/schema';

/*
 * Hand-written readers for the few FHIR R4 members the canonical record needs. They run on every
 * verification (the hot path), after the claims schema has checked the bundle's shape; anything
 * malformed reads as undefined and the caller reports SCHEMA_INVALID.
 */

/** The members of an Immunization the record reads. */
export interface Immunization {
  status: string;
  coding: Coding[];
  date: string;
  lot?: string;
  manufacturer?: Coding;
  centre?: string;
  dose?: number;
  totalDoses?: number;
}

/** The members of a Patient the record reads. */
export interface Patient {
  name: string;
  birthDate?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
const positive = (v: unknown) => (Number.isInteger(v) && (v as number) >= 1 ? (v as number) : undefined);
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : undefined);

// Plain assignments and loops rather than spreads and array methods: these run for every resource of
// every verification, and each spread or intermediate array is garbage the collector must sweep.
function codingOf(v: unknown): Coding | undefined {
  if (!isObject(v)) return undefined;
  const code = text(v.code, 100);
  if (code === undefined) return undefined;
  const coding: Coding = { code };
  const system = text(v.system, 200);
  if (system !== undefined) coding.system = system;
  const display = text(v.display, 200);
  if (display !== undefined) coding.display = display;
  return coding;
}

function manufacturerOf(v: unknown): Coding | undefined {
  if (!isObject(v)) return undefined;
  const id = isObject(v.identifier) ? v.identifier : undefined;
  const code = text(id?.value, 100) ?? text(v.display, 100);
  if (code === undefined) return undefined;
  const coding: Coding = { code };
  const system = text(id?.system, 200);
  if (system !== undefined) coding.system = system;
  return coding;
}

function centreOf(performers: unknown): string | undefined {
  if (!Array.isArray(performers)) return undefined;
  for (const p of performers) {
    const display = isObject(p) && isObject(p.actor) ? text(p.actor.display, 200) : undefined;
    if (display !== undefined) return display;
  }
  return undefined;
}

/** The first 20 vaccine codings, or undefined when there is none or one lacks its code. */
function codingsOf(vaccineCode: unknown): Coding[] | undefined {
  const codings = isObject(vaccineCode) ? vaccineCode.coding : undefined;
  if (!Array.isArray(codings) || codings.length === 0) return undefined;
  const out: Coding[] = [];
  for (let i = 0; i < codings.length && i < 20; i++) {
    const coding = codingOf(codings[i]);
    if (coding === undefined) return undefined;
    out.push(coding);
  }
  return out;
}

/** An Immunization's vaccine codes, date (occurrenceDateTime), lot, maker, performer and dose numbers. */
export function readImmunization(r: Json): Immunization | undefined {
  const coding = codingsOf(r.vaccineCode);
  const date = text(r.occurrenceDateTime, 40);
  if (coding === undefined || date === undefined) return undefined;
  const imm: Immunization = { status: text(r.status, 50) ?? 'completed', coding, date };
  const lot = text(r.lotNumber, 100);
  if (lot !== undefined) imm.lot = lot;
  const manufacturer = manufacturerOf(r.manufacturer);
  if (manufacturer !== undefined) imm.manufacturer = manufacturer;
  const centre = centreOf(r.performer);
  if (centre !== undefined) imm.centre = centre;
  const protocol = first(r.protocolApplied);
  if (isObject(protocol)) {
    const dose = positive(protocol.doseNumberPositiveInt);
    if (dose !== undefined) imm.dose = dose;
    const totalDoses = positive(protocol.seriesDosesPositiveInt);
    if (totalDoses !== undefined) imm.totalDoses = totalDoses;
  }
  return imm;
}

/** Given names then family, space-separated, skipping any that is not text of 1–200 characters. */
function fullName(name: Json): string {
  let full = '';
  const given = Array.isArray(name.given) ? name.given : [];
  for (const part of given) if (text(part, 200) !== undefined) full += full === '' ? part : ` ${part}`;
  const family = text(name.family, 200);
  if (family !== undefined) full += full === '' ? family : ` ${family}`;
  return full;
}

/** A Patient's name (its text, else given names then family) and birthDate. */
export function readPatient(r: Json): Patient | undefined {
  const name = first(r.name);
  if (!isObject(name)) return undefined;
  const full = text(name.text, 300) ?? fullName(name);
  if (full === '') return undefined;
  const birthDate = text(r.birthDate, 10);
  return birthDate === undefined ? { name: full } : { name: full, birthDate };
}
