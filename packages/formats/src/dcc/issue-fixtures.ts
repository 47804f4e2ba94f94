// Test fixtures for issuing: a canonical record from Passage's example, fresh P-256 keys, and an
// independent base45 decoder (the one under test must not check itself).
import { generateKeyPairSync } from 'node:crypto';
import {
  completeVaccinationInput,
  exampleVaccinationInput,
  type VaccinationRecord,
  type VaccinationSubject,
  vaccinationRecordFromSubject,
} from '@passage/schema';

export const ISSUED_AT = new Date('2026-01-15T12:00:00Z');
export const VALID_UNTIL = new Date('2027-01-15T12:00:00Z');

/** The record of Passage's example certificate (two Comirnaty doses in Thailand), as issued at ISSUED_AT. */
export function exampleRecord(): VaccinationRecord {
  const completed = completeVaccinationInput(exampleVaccinationInput, {
    issuedAt: ISSUED_AT,
    hcid: 'THA-7K2M9QXD4HPA3B5C',
    economy: 'THA',
  });
  if (!completed.ok) throw new Error('the example vaccination input no longer completes');
  return vaccinationRecordFromSubject(completed.value.subject as VaccinationSubject);
}

/** A fresh P-256 key pair, as an authority holds one. */
export const p256 = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** RFC 9285 base45 decoding, written from the RFC apart from the package's own decoder. */
export function base45Decode(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 3) {
    const chunk = [...text.slice(i, i + 3)].map((c) => ALPHABET.indexOf(c));
    const n = chunk.reduce((sum, value, k) => sum + value * 45 ** k, 0);
    if (chunk.length === 3) out.push(n >> 8, n & 0xff);
    else out.push(n);
  }
  return Buffer.from(out);
}
