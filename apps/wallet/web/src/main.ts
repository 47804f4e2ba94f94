import { byId, type CameraScan, decodeQr, startCameraScan } from '@passage/web-ui';
import { renderCards } from './cards.js';
import { WalletError } from './errors.js';
import { offerFromQuery, withoutOffer } from './offer.js';
import { leavePrintView, renderPrintView } from './print.js';
import { receiveOffer, wireTxCodeForm } from './receive.js';
import { showError, showProgress } from './status.js';
import {
  deleteCredential,
  getCredential,
  listCredentials,
  persistStorage,
  type StoredCredential,
} from './store.js';
import { confirmDelete, enterCredentialView, leaveCredentialView, renderCredentialView } from './view.js';

// Routes live in the hash (#/c/<id>, #/print/<id>), so Back works and a reload keeps the view offline.
type Route = { view: 'home' } | { view: 'credential' | 'print'; id: string };

function routeOf(hash: string): Route {
  const match = hash.match(/^#\/(c|print)\/([\w-]+)$/);
  if (!match?.[2]) return { view: 'home' };
  return { view: match[1] === 'c' ? 'credential' : 'print', id: match[2] };
}

const home = () => byId('home', HTMLElement);

async function showHome(): Promise<void> {
  leaveCredentialView();
  leavePrintView();
  home().hidden = false;
  renderCards(await listCredentials(), openCard);
}

function openCard(id: string): void {
  enterCredentialView();
  location.hash = `#/c/${id}`;
}

async function render(): Promise<void> {
  const route = routeOf(location.hash);
  try {
    if (route.view === 'home') return await showHome();
    const credential = await getCredential(route.id);
    if (!credential) throw new WalletError('NOT_FOUND');
    home().hidden = true;
    if (route.view === 'credential') {
      leavePrintView();
      byId('credential-view', HTMLElement).hidden = false;
      await renderCredentialView(credential);
    } else {
      leaveCredentialView();
      await renderPrintView(credential);
    }
  } catch (error) {
    showError(error instanceof WalletError ? error : new WalletError('STORAGE_FAILED'));
    if (route.view !== 'home') history.replaceState(null, '', '#/');
    await showHome().catch(() => undefined);
  }
}

/** A credential was kept: back to the list, which now shows its card. */
const received = (_credential: StoredCredential) => {
  void persistStorage();
  byId('offer-input', HTMLTextAreaElement).value = '';
  if (routeOf(location.hash).view === 'home') void showHome();
  else location.hash = '#/';
};

function wireReceiving(): void {
  byId('offer-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    void receiveOffer(byId('offer-input', HTMLTextAreaElement).value, received);
  });
  wireTxCodeForm(received);
  let camera: CameraScan | undefined;
  const video = byId('camera', HTMLVideoElement);
  byId('scan', HTMLButtonElement).addEventListener('click', async () => {
    if (camera) {
      camera.stop();
      camera = undefined;
      video.hidden = true;
      return;
    }
    try {
      video.hidden = false;
      showProgress('Point the camera at the offer QR.');
      camera = await startCameraScan(video, (text) => {
        camera = undefined;
        video.hidden = true;
        void receiveOffer(text, received);
      });
    } catch {
      video.hidden = true;
      showError(new WalletError('CAMERA_UNAVAILABLE'));
    }
  });
  byId('photo', HTMLInputElement).addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const text = await decodeQr(file).catch(() => undefined);
    if (text) void receiveOffer(text, received);
    else showError(new WalletError('QR_NOT_FOUND'));
  });
}

function wireViews(): void {
  const back = () => {
    if (history.length > 1 && routeOf(location.hash).view !== 'home') history.back();
    else location.hash = '#/';
  };
  byId('back', HTMLButtonElement).addEventListener('click', () => {
    location.hash = '#/';
  });
  byId('print', HTMLButtonElement).addEventListener('click', () => {
    const route = routeOf(location.hash);
    if (route.view === 'credential') location.hash = `#/print/${route.id}`;
  });
  byId('print-now', HTMLButtonElement).addEventListener('click', () => window.print());
  byId('print-back', HTMLButtonElement).addEventListener('click', back);
  byId('delete', HTMLButtonElement).addEventListener('click', async () => {
    const route = routeOf(location.hash);
    if (route.view !== 'credential' || !(await confirmDelete())) return;
    await deleteCredential(route.id);
    showProgress('The credential was deleted.');
    location.hash = '#/';
  });
  window.addEventListener('hashchange', () => void render());
}

wireReceiving();
wireViews();
// A wallet link (…/?credential_offer=…) starts receiving at once; the offer leaves the address bar and
// history, so a reload or a shared screenshot does not carry it.
const linked = offerFromQuery(location.search);
if (linked) history.replaceState(null, '', withoutOffer(location.href));
void render();
if (linked) void receiveOffer(linked, received);
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => undefined);
}
