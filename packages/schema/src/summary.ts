import { type Codeable, codeOf } from './codeable.js';
import { findApecEconomy } from './economies.js';
import type { VaccinationRecord } from './record.js';
import type { TypedSubject } from './subject.js';

/** What an officer compares with the passport. */
export interface HolderView {
  name: string;
  birthDate: string;
  documentNumber?: string;
  nationality?: string;
  sex?: string;
}

/** One dose, as an officer reads it. */
export interface DoseView {
  dose: number;
  totalDoses?: number;
  date: string;
  vaccine: string;
  brand: string;
  country: string;
}

/** One economy's pre-clearance, as an officer reads it. */
export interface PreClearanceView {
  economy: string;
  economyName: string;
  status: string;
  maxStayDays?: number;
}

/** The facts the credential states, by kind. */
export type FactsView =
  | {
      kind: 'vaccination';
      certificateId: string;
      issuingEconomy: string;
      doses: DoseView[];
      lastDoseDate: string;
    }
  | {
      kind: 'travel-card';
      cardNumber: string;
      issuingEconomy: string;
      validFrom: string;
      validUntil: string;
      preClearances: PreClearanceView[];
    };

/** The officer's view of a credential subject: who the holder is and what the credential says. */
export interface SubjectView {
  holder: HolderView;
  facts: FactsView;
}

const label = (value: Codeable) => (typeof value === 'string' ? value : (value.display ?? codeOf(value)));
/** The latest date (`YYYY-MM-DD` compares as text), or '' for none: one pass, no sorted copy. */
const lastDateOf = (doses: readonly DoseView[]) => {
  let last = '';
  for (const { date } of doses) if (last === '' || date > last) last = date;
  return last;
};

/** Summarises a checked subject for the officer's screen. */
export function summarizeSubject(typed: TypedSubject): SubjectView {
  if (typed.type === 'VaccinationCertificate') {
    const { person, certificate, vaccinations } = typed.subject;
    const documentNumber =
      person.identifier === undefined
        ? undefined
        : typeof person.identifier === 'string'
          ? person.identifier
          : person.identifier.value;
    const doses = vaccinations.map((e) => ({
      dose: e.dose,
      ...(e.totalDoses === undefined ? {} : { totalDoses: e.totalDoses }),
      date: e.date,
      vaccine: label(e.vaccine),
      brand: label(e.brand),
      country: e.country,
    }));
    const lastDoseDate = lastDateOf(doses);
    return {
      holder: {
        name: person.name,
        birthDate: person.birthDate,
        ...(documentNumber === undefined ? {} : { documentNumber }),
        ...(person.sex === undefined ? {} : { sex: person.sex }),
      },
      facts: {
        kind: 'vaccination',
        certificateId: certificate.hcid,
        issuingEconomy: certificate.issuer,
        doses,
        lastDoseDate,
      },
    };
  }
  const { holder, cardNumber, issuingEconomy, validity, preClearances } = typed.subject;
  return {
    holder: {
      name: `${holder.givenNames} ${holder.familyName}`,
      birthDate: holder.birthDate,
      documentNumber: holder.passport.number,
      nationality: holder.nationality,
      sex: holder.sex,
    },
    facts: {
      kind: 'travel-card',
      cardNumber,
      issuingEconomy,
      validFrom: validity.from,
      validUntil: validity.until,
      preClearances: preClearances.map((p) => ({
        economy: p.economy,
        economyName: findApecEconomy(p.economy)?.name ?? p.economy,
        status: p.status,
        ...(p.maxStayDays === undefined ? {} : { maxStayDays: p.maxStayDays }),
      })),
    },
  };
}

/**
 * Summarises a canonical vaccination record (from an EU DCC, a SMART Health Card or an ICAO VDS-NC)
 * into the same view as a Passage subject, so the officer reads every format alike. A birth date the
 * certificate does not give is empty; the issuing economy is the certificate issuer's identifier (a
 * country code, or a SMART Health Card issuer's URL).
 */
export function summarizeRecord(record: VaccinationRecord): SubjectView {
  const doses = record.vaccinations.map((e) => ({
    dose: e.dose,
    ...(e.totalDoses === undefined ? {} : { totalDoses: e.totalDoses }),
    date: e.date,
    vaccine: label(e.vaccine),
    brand: label(e.brand),
    country: e.country.code,
  }));
  return {
    holder: {
      name: record.name,
      birthDate: record.birthDate ?? '',
      ...(record.identifier === undefined ? {} : { documentNumber: record.identifier.value }),
      ...(record.sex === undefined ? {} : { sex: record.sex }),
    },
    facts: {
      kind: 'vaccination',
      certificateId: record.certificate.hcid.value,
      issuingEconomy: record.certificate.issuer.identifier,
      doses,
      lastDoseDate: lastDateOf(doses),
    },
  };
}
