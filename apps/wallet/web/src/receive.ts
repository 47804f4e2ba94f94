import { byId } from '@passage/web-ui';
import { encodeQrJws } from '@passage/web-verify';
import { asWalletError, WalletError } from './errors.js';
import { offerFromText } from './offer.js';
import { type OpenedOffer, openOffer, type Received, redeemOffer } from './redeem.js';
import { showError, showProgress } from './status.js';
import { putCredential, type StoredCredential } from './store.js';

let pending: OpenedOffer | undefined;

const txForm = () => byId('tx-form', HTMLFormElement);
const txInput = () => byId('tx-code', HTMLInputElement);

/** Shows the transaction code prompt as the offer describes it (its length, digits or text). */
function askTxCode(opened: OpenedOffer): void {
  const request = opened.txCode;
  const input = txInput();
  input.value = '';
  input.inputMode = request?.inputMode === 'text' ? 'text' : 'numeric';
  if (request?.length === undefined) input.removeAttribute('maxlength');
  else input.maxLength = request.length;
  const unit = request?.inputMode === 'text' ? 'characters' : 'digits';
  const length = request?.length === undefined ? '' : ` (${request.length} ${unit})`;
  byId('tx-hint', HTMLParagraphElement).textContent =
    `${request?.description ?? 'The issuer asks for the code the authority gave you.'}${length}`;
  txForm().hidden = false;
  input.focus();
  showProgress('Enter the code the issuing authority gave you.');
}

/** The credential as kept: its QR text made here, from the JWS the issuer signed. */
function toStored(received: Received): StoredCredential {
  let qr: string;
  try {
    qr = encodeQrJws(received.jws);
  } catch {
    throw new WalletError('CREDENTIAL_INVALID');
  }
  return {
    id: crypto.randomUUID(),
    jws: received.jws,
    qr,
    summary: received.summary,
    receivedAt: new Date().toISOString(),
    key: received.key.pair,
    did: received.key.did,
  };
}

/** Redeems the pending offer (with the code typed, if asked) and keeps the credential. */
async function finish(onReceived: (credential: StoredCredential) => void, txCode?: string) {
  const opened = pending;
  if (!opened) return;
  showProgress('Asking the issuer for your credential…');
  try {
    const stored = toStored(await redeemOffer(opened, txCode));
    await putCredential(stored);
    pending = undefined;
    txForm().hidden = true;
    showProgress(`Added: ${stored.summary.name}.`);
    onReceived(stored);
  } catch (error) {
    const wallet = asWalletError(error, 'CREDENTIAL_INVALID');
    // A wrong code may be typed again; anything else ends this offer.
    if (wallet.code === 'TX_CODE_WRONG' || wallet.code === 'TX_CODE_REQUIRED') {
      txInput().select();
    } else {
      pending = undefined;
      txForm().hidden = true;
    }
    showError(wallet);
  }
}

/**
 * Starts receiving from an offer (pasted text, a scanned QR or the page's own link): resolves it, asks
 * for the transaction code when the offer wants one, then redeems it.
 */
export async function receiveOffer(
  text: string,
  onReceived: (credential: StoredCredential) => void,
): Promise<void> {
  txForm().hidden = true;
  pending = undefined;
  showProgress('Reading the offer…');
  try {
    pending = await openOffer(offerFromText(text));
  } catch (error) {
    showError(asWalletError(error, 'OFFER_INVALID'));
    return;
  }
  if (pending.txCode) askTxCode(pending);
  else await finish(onReceived);
}

/** Wires the transaction code form to the pending offer. */
export function wireTxCodeForm(onReceived: (credential: StoredCredential) => void): void {
  txForm().addEventListener('submit', (event) => {
    event.preventDefault();
    void finish(onReceived, txInput().value.trim());
  });
}
