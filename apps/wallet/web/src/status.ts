import { byId } from '@passage/web-ui';
import type { WalletError } from './errors.js';

const line = () => byId('status', HTMLParagraphElement);

/** Progress on the status line (aria-live: read out by screen readers). */
export function showProgress(text: string): void {
  const status = line();
  status.removeAttribute('data-code');
  status.textContent = text;
}

/** An error on the status line, in plain words, with its stable code as `data-code`. */
export function showError(error: WalletError): void {
  const status = line();
  status.setAttribute('data-code', error.code);
  status.textContent = error.message;
}
