import { byId, h } from '@passage/web-ui';
import { issuerLabel, typeLabel, validityLine } from './details.js';
import { holderStatus, STATUS_WORDS } from './holder-status.js';
import type { StoredCredential } from './store.js';

/**
 * The list of cards, one per credential: the holder's name, the type, the issuer and the validity.
 * Each card is a button, so a tap, Enter or Space opens it.
 */
export function renderCards(credentials: readonly StoredCredential[], open: (id: string) => void): void {
  const list = byId('cards', HTMLUListElement);
  byId('empty', HTMLParagraphElement).hidden = credentials.length > 0;
  list.replaceChildren(
    ...credentials.map((credential) => {
      const { id, summary } = credential;
      const card = h(
        'button',
        { type: 'button', class: 'card', 'data-testid': 'card', 'data-id': id },
        h('span', { class: 'card-name' }, summary.name),
        h('span', { class: 'card-line' }, typeLabel(summary.type)),
        h('span', { class: 'card-line' }, `Issued by ${issuerLabel(summary)}`),
        h('span', { class: 'card-line' }, validityLine(summary)),
      );
      card.addEventListener('click', () => open(id));
      showStatus(card, credential);
      return h('li', {}, card);
    }),
  );
}

/** Marks a card with its issuer's status once known (`data-status`), in words when not active. */
function showStatus(card: HTMLElement, credential: StoredCredential): void {
  void holderStatus(credential).then((status) => {
    card.setAttribute('data-status', status);
    if (STATUS_WORDS[status] !== '') {
      card.append(
        h(
          'span',
          { class: `card-status card-${status}`, 'data-testid': 'card-status' },
          STATUS_WORDS[status],
        ),
      );
    }
  });
}
