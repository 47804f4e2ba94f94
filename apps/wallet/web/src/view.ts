import { byId } from '@passage/web-ui';
import { typeLabel, validityLine } from './details.js';
import { qrSvg } from './qr-code.js';
import type { StoredCredential } from './store.js';

let wakeLock: WakeLockSentinel | undefined;

/** Keeps the screen on while the QR is shown, where the browser allows it. */
async function keepScreenOn(): Promise<void> {
  try {
    wakeLock = await navigator.wakeLock?.request('screen');
  } catch {
    // Refused (battery saver, no permission): the QR still shows.
  }
}

/**
 * Shows the credential view and asks for full screen. Called straight from the tap that opened the
 * card, since browsers grant full screen only to a user gesture.
 */
export function enterCredentialView(): void {
  const view = byId('credential-view', HTMLElement);
  view.hidden = false;
  if (document.fullscreenEnabled && !document.fullscreenElement) {
    view.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
  }
  void keepScreenOn();
}

/** Fills the credential view: the QR filling the smaller side of the screen, the name and validity. */
export async function renderCredentialView(credential: StoredCredential): Promise<void> {
  const { summary } = credential;
  byId('qr-box', HTMLDivElement).replaceChildren(await qrSvg(credential.qr));
  const title = byId('view-title', HTMLHeadingElement);
  title.textContent = summary.name;
  byId('view-sub', HTMLParagraphElement).textContent =
    `${typeLabel(summary.type)} · ${validityLine(summary)}`;
  title.focus();
}

/** Leaves full screen and lets the screen sleep again. */
export function leaveCredentialView(): void {
  byId('credential-view', HTMLElement).hidden = true;
  byId('qr-box', HTMLDivElement).replaceChildren();
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  void wakeLock?.release().catch(() => undefined);
  wakeLock = undefined;
}

// The browser drops the wake lock when the page is hidden: take it again when the QR is back.
document.addEventListener('visibilitychange', () => {
  const shown = !byId('credential-view', HTMLElement).hidden;
  if (document.visibilityState === 'visible' && shown && wakeLock?.released !== false) void keepScreenOn();
});

/** Asks before deleting; true when the traveller confirmed. */
export function confirmDelete(): Promise<boolean> {
  const dialog = byId('confirm-delete', HTMLDialogElement);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'delete'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}
