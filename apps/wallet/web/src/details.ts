import { type CredentialType, findApecEconomy } from '@passage/schema';
import { facts, formatDate, h } from '@passage/web-ui';
import type { CardSummary } from './received.js';

const TYPE_LABELS: Record<CredentialType, string> = {
  VaccinationCertificate: 'Vaccination certificate',
  BusinessTravelCard: 'Business travel card',
};

/** The credential type in words. */
export const typeLabel = (type: CredentialType): string => TYPE_LABELS[type];

/** A date (or date-time) in words, "3 March 2025", or nothing when there is none. */
const dateInWords = (value: string | undefined) => (value ? formatDate(value) : undefined);

/**
 * The issuer as the traveller reads it: the issuing economy the credential names, then the host it came
 * from ("Thailand (health.go.th)"); only the host when the economy is not an APEC member's code.
 */
export function issuerLabel(summary: CardSummary): string {
  const host = new URL(summary.issuerUrl).host;
  const economy = findApecEconomy(summary.view.facts.issuingEconomy)?.name;
  return economy ? `${economy} (${host})` : host;
}

/** "Valid until 3 March 2026", or nothing when the credential names no end. */
export function validityLine(summary: CardSummary): string {
  const until = dateInWords(summary.validUntil);
  return until ? `Valid until ${until}` : 'No end date';
}

/** What to compare with the passport, then what the credential states. */
export function credentialFacts(summary: CardSummary): HTMLElement {
  const { holder, facts: stated } = summary.view;
  const rows: [string, string | undefined][] = [
    ['Name', holder.name],
    ['Date of birth', dateInWords(holder.birthDate)],
    ['Document number', holder.documentNumber],
    ['Nationality', holder.nationality],
    ['Credential', typeLabel(summary.type)],
    ['Issued by', issuerLabel(summary)],
    ['Valid from', dateInWords(summary.validFrom)],
    ['Valid until', dateInWords(summary.validUntil)],
  ];
  if (stated.kind === 'vaccination') {
    rows.push(['Certificate', stated.certificateId]);
    for (const dose of stated.doses) {
      const of = dose.totalDoses === undefined ? '' : ` of ${dose.totalDoses}`;
      rows.push([`Dose ${dose.dose}${of}`, `${dateInWords(dose.date)}: ${dose.brand} (${dose.country})`]);
    }
  } else {
    rows.push(['Card number', stated.cardNumber]);
    for (const p of stated.preClearances) rows.push([p.economyName, p.status]);
  }
  return h('div', {}, facts(rows));
}
