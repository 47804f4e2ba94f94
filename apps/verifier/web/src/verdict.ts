import type { OfficerAnswer } from './answer.js';
import { formatDate, reasonsOf, UNREADABLE_CODES } from './reasons.js';

/** Green: let through. Amber: genuine, but look closer. Red: do not accept. */
export type Colour = 'green' | 'amber' | 'red';

/** What the big panel says. */
export interface Verdict {
  colour: Colour;
  headline: string;
  /** Plain-word reasons, most important first; empty for a clean green. */
  reasons: string[];
}

/** Where the answer came from, to judge how fresh its data is. */
export interface VerdictContext {
  /** Set when the page verified in the browser from its stored bundle. */
  offline?: { dataFrom: string };
  now: Date;
  /** Offline data older than this is flagged amber. Default: 24 hours. */
  maxDataAgeSec?: number;
}

const DAY_SEC = 24 * 60 * 60;

/** Why a genuine credential still needs a closer look: stale or expired data. */
function freshnessWarnings(answer: OfficerAnswer, context: VerdictContext): string[] {
  const warnings: string[] = [];
  if (answer.status?.some((s) => s.stale)) {
    warnings.push('The revocation data is older than its issuer allows: refresh when online');
  }
  const list = answer.sources?.trustList;
  if (list && 'expired' in list && list.expired) {
    warnings.push('The trust list has expired: refresh when online');
  }
  if (context.offline) {
    const age = (context.now.getTime() - new Date(context.offline.dataFrom).getTime()) / 1000;
    if (!(age <= (context.maxDataAgeSec ?? DAY_SEC))) {
      warnings.push(`Offline data is from ${formatDate(context.offline.dataFrom)}: refresh when online`);
    }
  }
  return warnings;
}

/**
 * The colour, headline and reasons of the verdict panel. Red when the credential is not authentic
 * (bad signature, untrusted issuer, expired, revoked, suspended, unreadable); amber when it is genuine
 * but the entry rules are not met or cannot be judged, its status could not be checked, or the data
 * behind the verdict is stale; green when it is genuine and meets the rules (or no economy was asked).
 */
export function verdictOf(answer: OfficerAnswer, context: VerdictContext): Verdict {
  const codes = answer.errors.map((e) => e.code).filter((c) => c !== 'NOT_CHECKED');
  if (!answer.verified) {
    const statusOnly = codes.length > 0 && codes.every((c) => c === 'STATUS_UNAVAILABLE');
    if (statusOnly) {
      return { colour: 'amber', headline: 'Cannot confirm it is not revoked', reasons: reasonsOf(answer) };
    }
    const unreadable = codes.length > 0 && codes.every((c) => UNREADABLE_CODES.has(c));
    return {
      colour: 'red',
      headline: unreadable ? 'Not a readable credential' : 'Not authentic: do not accept',
      reasons: reasonsOf(answer),
    };
  }
  const warnings = freshnessWarnings(answer, context);
  const entry = answer.entry;
  if (entry && entry.outcome !== 'meets') {
    const headline =
      entry.outcome === 'does-not-meet'
        ? 'Genuine, but does not meet the entry rules'
        : 'Genuine: check the entry rules';
    return { colour: 'amber', headline, reasons: [entry.summary, ...warnings] };
  }
  if (warnings.length > 0)
    return { colour: 'amber', headline: 'Genuine: data may be out of date', reasons: warnings };
  return {
    colour: 'green',
    headline: entry ? 'Genuine and meets the entry rules' : 'Genuine',
    reasons: entry ? [entry.summary] : [],
  };
}
