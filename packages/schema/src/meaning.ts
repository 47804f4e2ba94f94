import { dateOf, instantOf } from './dates.js';
import { IssueList } from './result.js';
import type { TravelCardSubject } from './travel-card.js';
import type { VaccinationSubject } from './vaccination.js';

/**
 * Checks of a vaccination subject that depend on when it was issued: nothing happened before the
 * person was born, and no dose was given after the certificate was issued.
 */
export function vaccinationMeaning(subject: VaccinationSubject, issuedAt: Date): IssueList {
  const issues = new IssueList();
  const issuedOn = dateOf(issuedAt);
  const { birthDate } = subject.person;
  if (birthDate > issuedOn) issues.add('person.birthDate', 'cannot be after the issuance date');
  subject.vaccinations.forEach((event, i) => {
    if (event.date > issuedOn) issues.add(`vaccinations.${i}.date`, 'cannot be after the issuance date');
    if (event.date < birthDate) issues.add(`vaccinations.${i}.date`, 'cannot be before the birth date');
  });
  const end = subject.certificate.period?.end;
  if (end !== undefined && instantOf(end) <= issuedAt.getTime()) {
    issues.add('certificate.period.end', 'must be after the issuance date');
  }
  return issues;
}

/** Checks of a travel card subject that depend on when it was issued. */
export function travelCardMeaning(subject: TravelCardSubject, issuedAt: Date): IssueList {
  const issues = new IssueList();
  const issuedOn = dateOf(issuedAt);
  const { holder, validity } = subject;
  if (holder.birthDate > issuedOn) issues.add('holder.birthDate', 'cannot be after the issuance date');
  if (holder.passport.expiry <= issuedOn) issues.add('holder.passport.expiry', 'the passport has expired');
  if (validity.until < issuedOn) issues.add('validity.until', 'cannot end before the issuance date');
  return issues;
}
