import { byId, h } from '@passage/web-ui';
import { credentialFacts, typeLabel } from './details.js';
import { qrSvg } from './qr-code.js';
import type { StoredCredential } from './store.js';

/**
 * The printable page of a credential: its QR and the human-readable data an officer compares with the
 * passport. The print stylesheet leaves only this on paper; "Print / save as PDF" calls window.print().
 */
export async function renderPrintView(credential: StoredCredential): Promise<void> {
  const qr = await qrSvg(credential.qr);
  // The view's own QR keeps the credential-qr test id; this one is the paper copy.
  qr.setAttribute('data-testid', 'print-qr');
  byId('print-title', HTMLHeadingElement).textContent =
    `${typeLabel(credential.summary.type)}: ${credential.summary.name}`;
  byId('print-body', HTMLDivElement).replaceChildren(
    h('div', { class: 'print-qr' }, qr),
    credentialFacts(credential.summary),
    h('p', { class: 'muted' }, `Received ${new Date(credential.receivedAt).toUTCString()}.`),
  );
  byId('print-view', HTMLElement).hidden = false;
  byId('print-title', HTMLHeadingElement).focus();
}

/** Hides the printable page. */
export function leavePrintView(): void {
  byId('print-view', HTMLElement).hidden = true;
  byId('print-body', HTMLDivElement).replaceChildren();
}
