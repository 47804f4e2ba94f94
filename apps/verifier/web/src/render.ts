import type { FactsView } from '@passage/schema';
import { facts, h } from '@passage/web-ui';
import type { OfficerAnswer, SourcesView } from './answer.js';
import { formatDate } from './reasons.js';
import type { Verdict } from './verdict.js';

const economyName = (code: string | undefined) =>
  PASSAGE_ECONOMIES.find((e) => e.alpha3 === code)?.name ?? code;

const FORMATS: Record<string, string> = {
  passage: 'Passage (W3C Verifiable Credential)',
  dcc: 'EU Digital COVID Certificate',
  shc: 'SMART Health Card',
  icao: 'ICAO VDS-NC',
};

function factsSection(view: FactsView): HTMLElement {
  if (view.kind === 'vaccination') {
    const doses = h('ol', { class: 'doses' });
    for (const d of view.doses) {
      const of = d.totalDoses === undefined ? '' : ` of ${d.totalDoses}`;
      doses.append(
        h('li', {}, `Dose ${d.dose}${of}: ${formatDate(d.date)} — ${d.brand} (${economyName(d.country)})`),
      );
    }
    return h(
      'section',
      { 'aria-labelledby': 'facts-title' },
      h('h2', { id: 'facts-title' }, 'Vaccination'),
      doses,
      facts([
        ['Certificate', view.certificateId],
        ['Issued by', economyName(view.issuingEconomy)],
      ]),
    );
  }
  const clearances = h('ul', { class: 'clearances' });
  for (const p of view.preClearances) {
    const stay = p.maxStayDays === undefined ? '' : `, up to ${p.maxStayDays} days`;
    clearances.append(h('li', {}, `${p.economyName}: ${p.status}${stay}`));
  }
  return h(
    'section',
    { 'aria-labelledby': 'facts-title' },
    h('h2', { id: 'facts-title' }, 'Business travel card'),
    facts([
      ['Card number', view.cardNumber],
      ['Issued by', economyName(view.issuingEconomy)],
      ['Valid', `${formatDate(view.validFrom)} to ${formatDate(view.validUntil)}`],
    ]),
    h('h3', {}, 'Pre-cleared economies'),
    view.preClearances.length > 0 ? clearances : h('p', {}, 'None'),
  );
}

function entrySection(answer: OfficerAnswer): HTMLElement | undefined {
  const entry = answer.entry;
  if (!entry) return undefined;
  const rules = h('ul', { class: 'rules' });
  // Rules judged on a credential that did not verify would only mislead: the summary says why not.
  const results = entry.outcome === 'not-authentic' ? [] : (entry.rules?.results ?? []);
  for (const r of results) {
    if (r.outcome === 'not-yet-valid') continue;
    rules.append(h('li', { class: `rule rule-${r.outcome}` }, r.text));
  }
  return h(
    'section',
    { 'aria-labelledby': 'entry-title' },
    h('h2', { id: 'entry-title' }, `Entry rules of ${economyName(entry.economy)}`),
    h('p', {}, entry.summary),
    h('p', { class: 'muted' }, `Arrival ${formatDate(entry.arrivalDate)}`),
    rules.childElementCount > 0 ? rules : undefined,
  );
}

const ageText = (seconds: number | undefined) =>
  seconds === undefined ? '' : seconds < 120 ? ' (current)' : ` (${Math.round(seconds / 60)} min old)`;

function sourcesText(sources: SourcesView | undefined): string {
  if (!sources) return '';
  const list = sources.trustList;
  const trust =
    'version' in list && list.version !== undefined
      ? `trust list v${list.version}${ageText(list.ageSeconds)}`
      : `trust list: ${list.source}`;
  const rules = sources.rules
    ? `, entry rules v${sources.rules.version}${ageText(sources.rules.ageSeconds)}`
    : '';
  return `${trust}${rules}`;
}

/**
 * Fills the result area: the verdict panel, what to compare with the passport, the facts, the entry
 * rules, and the format and data the verdict rests on.
 */
export function renderAnswer(
  target: HTMLElement,
  answer: OfficerAnswer,
  verdict: Verdict,
  offline: { dataFrom: string } | undefined,
): void {
  const reasons = h('ul', { class: 'reasons' });
  for (const reason of verdict.reasons) reasons.append(h('li', {}, reason));
  const holder = answer.view?.holder;
  const dataLine = offline
    ? `Offline: data from ${new Date(offline.dataFrom).toLocaleString('en-GB')}`
    : 'Checked by the verifier service';
  const parts: (HTMLElement | undefined)[] = [
    h(
      'div',
      {
        class: `verdict verdict-${verdict.colour}`,
        id: 'verdict',
        'data-colour': verdict.colour,
        tabindex: '-1',
      },
      h('p', { class: 'verdict-headline' }, verdict.headline),
      verdict.reasons.length > 0 ? reasons : undefined,
    ),
    holder
      ? h(
          'section',
          { 'aria-labelledby': 'holder-title' },
          h(
            'h2',
            { id: 'holder-title' },
            answer.verified ? 'Compare with the passport' : 'Who it names (not verified)',
          ),
          facts([
            ['Name', holder.name],
            ['Date of birth', formatDate(holder.birthDate)],
            ['Document number', holder.documentNumber],
            ['Nationality', economyName(holder.nationality)],
          ]),
        )
      : undefined,
    answer.view ? factsSection(answer.view.facts) : undefined,
    entrySection(answer),
    h(
      'section',
      { 'aria-labelledby': 'source-title', class: 'source' },
      h('h2', { id: 'source-title' }, 'About this check'),
      facts([
        ['Format', FORMATS[answer.format] ?? answer.format],
        ['Issuer', answer.issuer?.name ?? answer.issuer?.did],
        ['Data', dataLine],
        ['Sources', sourcesText(answer.sources)],
      ]),
    ),
  ];
  target.replaceChildren(...parts.filter((part) => part !== undefined));
}
