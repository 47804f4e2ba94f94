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

function codingOf(v: unknown): Coding | undefined {
  if (!isObject(v)) return undefined;
  const code = text(v.code, 100);
  if (code === undefined) return undefined;
  const system = text(v.system, 200);
  const display = text(v.display, 200);
  return { code, ...(system === undefined ? {} : { system }), ...(display === undefined ? {} : { display }) };
}

function manufacturerOf(v: unknown): Coding | undefined {
  if (!isObject(v)) return undefined;
  const id = isObject(v.identifier) ? v.identifier : undefined;
  const code = text(id?.value, 100) ?? text(v.display, 100);
  const system = text(id?.system, 200);
  return code === undefined ? undefined : { code, ...(system === undefined ? {} : { system }) };
}

function centreOf(performers: unknown): string | undefined {
  if (!Array.isArray(performers)) return undefined;
  for (const p of performers) {
    const display = isObject(p) && isObject(p.actor) ? text(p.actor.display, 200) : undefined;
    if (display !== undefined) return display;
  }
  return undefined;
}

/** An Immunization's vaccine codes, date (occurrenceDateTime), lot, maker, performer and dose numbers. */
export function readImmunization(r: Json): Immunization | undefined {
  const codings = isObject(r.vaccineCode) && Array.isArray(r.vaccineCode.coding) ? r.vaccineCode.coding : [];
  const coding = codings.slice(0, 20).map(codingOf);
  const date = text(r.occurrenceDateTime, 40);
  if (coding.length === 0 || coding.some((c) => c === undefined) || date === undefined) return undefined;
  const lot = text(r.lotNumber, 100);
  const manufacturer = manufacturerOf(r.manufacturer);
  const centre = centreOf(r.performer);
  const protocol = first(r.protocolApplied);
  const dose = isObject(protocol) ? positive(protocol.doseNumberPositiveInt) : undefined;
  const totalDoses = isObject(protocol) ? positive(protocol.seriesDosesPositiveInt) : undefined;
  return {
    status: text(r.status, 50) ?? 'completed',
    coding: coding as Coding[],
    date,
    ...(lot === undefined ? {} : { lot }),
    ...(manufacturer === undefined ? {} : { manufacturer }),
    ...(centre === undefined ? {} : { centre }),
    ...(dose === undefined ? {} : { dose }),
    ...(totalDoses === undefined ? {} : { totalDoses }),
  };
}

/** A Patient's name (its text, else given names then family) and birthDate. */
export function readPatient(r: Json): Patient | undefined {
  const name = first(r.name);
  if (!isObject(name)) return undefined;
  const given = Array.isArray(name.given) ? name.given.filter((g) => text(g, 200) !== undefined) : [];
  const family = text(name.family, 200);
  const full = text(name.text, 300) ?? [...given, ...(family === undefined ? [] : [family])].join(' ');
  if (full === '') return undefined;
  const birthDate = text(r.birthDate, 10);
  return { name: full, ...(birthDate === undefined ? {} : { birthDate }) };
}
