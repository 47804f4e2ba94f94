import { isTravelCardSubjectAsIs } from './compiled/travel-card.js';
import { isVaccinationSubjectAsIs } from './compiled/vaccination.js';
import { addDays, addYears, dateOf, instantOf } from './dates.js';
import { travelCardMeaning, vaccinationMeaning } from './meaning.js';
import { type Parsed, parseWith } from './result.js';
import { type TravelCardInput, type TravelCardSubject, travelCardSubjectSchema } from './travel-card.js';
import { type VaccinationInput, type VaccinationSubject, vaccinationSubjectSchema } from './vaccination.js';

/** A complete subject with the validity window its credential will carry. */
export interface CompletedSubject<S> {
  subject: S;
  validFrom: string;
  validUntil: string;
}

/** How long a vaccination certificate is valid when its input names no period. */
export const DEFAULT_VACCINATION_VALIDITY_DAYS = 365;
/** How long a business travel card may be valid at most. */
export const MAX_TRAVEL_CARD_YEARS = 5;

/** An instant as `YYYY-MM-DDTHH:mm:ssZ`: toISOString always ends in `.sssZ`, which is cut. */
function iso(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, -5)}Z`;
}

/**
 * Fills in what the issuer assigns to a vaccination certificate (HCID, issuing economy, period) and
 * checks the whole subject, shape and meaning, as of `issuedAt`.
 */
export function completeVaccinationInput(
  input: VaccinationInput,
  assigned: { issuedAt: Date; hcid: string; economy: string },
): Parsed<CompletedSubject<VaccinationSubject>> {
  const start = input.certificate?.period?.start ?? iso(assigned.issuedAt.getTime());
  const end =
    input.certificate?.period?.end ??
    iso(addDays(assigned.issuedAt, DEFAULT_VACCINATION_VALIDITY_DAYS).getTime());
  const candidate = {
    ...(input.id === undefined ? {} : { id: input.id }),
    person: input.person,
    certificate: {
      hcid: input.certificate?.hcid ?? assigned.hcid,
      issuer: input.certificate?.issuer ?? assigned.economy,
      period: { start, end },
    },
    vaccinations: input.vaccinations,
  };
  // The compiled check answers only for what zod would take unchanged; zod decides anything else.
  const parsed: Parsed<VaccinationSubject> = isVaccinationSubjectAsIs(candidate)
    ? { ok: true, value: candidate }
    : parseWith(vaccinationSubjectSchema, candidate);
  if (!parsed.ok) return parsed;
  const checked = vaccinationMeaning(parsed.value, assigned.issuedAt);
  const validFrom = iso(Math.max(instantOf(start), assigned.issuedAt.getTime()));
  return checked.result({ subject: parsed.value, validFrom, validUntil: iso(instantOf(end)) });
}

/**
 * Fills in what the issuer assigns to a travel card (card number, issuing economy, validity: five
 * years from issuance but never past the passport's expiry) and checks the whole subject.
 */
export function completeTravelCardInput(
  input: TravelCardInput,
  assigned: { issuedAt: Date; cardNumber: string; economy: string },
): Parsed<CompletedSubject<TravelCardSubject>> {
  if (input.holder.passport.expiry <= dateOf(assigned.issuedAt)) {
    return { ok: false, issues: [{ path: 'holder.passport.expiry', message: 'the passport has expired' }] };
  }
  const from = input.validity?.from ?? dateOf(assigned.issuedAt);
  const fiveYears = dateOf(addDays(addYears(new Date(`${from}T00:00:00Z`), MAX_TRAVEL_CARD_YEARS), -1));
  const passportExpiry = input.holder.passport.expiry;
  const until =
    input.validity?.until ?? (fiveYears.localeCompare(passportExpiry) < 0 ? fiveYears : passportExpiry);
  const candidate = {
    ...(input.id === undefined ? {} : { id: input.id }),
    holder: input.holder,
    cardNumber: input.cardNumber ?? assigned.cardNumber,
    issuingEconomy: input.issuingEconomy ?? assigned.economy,
    validity: { from, until },
    preClearances: input.preClearances,
  };
  const parsed: Parsed<TravelCardSubject> = isTravelCardSubjectAsIs(candidate)
    ? { ok: true, value: candidate }
    : parseWith(travelCardSubjectSchema, candidate);
  if (!parsed.ok) return parsed;
  const checked = travelCardMeaning(parsed.value, assigned.issuedAt);
  const validFrom = iso(Math.max(instantOf(from), assigned.issuedAt.getTime()));
  return checked.result({ subject: parsed.value, validFrom, validUntil: `${until}T23:59:59Z` });
}
