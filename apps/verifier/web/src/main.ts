// The border officer's page: read a QR (camera, photo or pasted text), verify it with the verifier
// service (or, offline, in the browser from the stored bundle) and show the verdict.

import { byId, type CameraScan, decodeQr, h, startCameraScan } from '@passage/web-ui';
import { check } from './check.js';
import { refreshData, storedData } from './offline.js';
import { renderAnswer } from './render.js';
import { verdictOf } from './verdict.js';

const form = byId('verify-form', HTMLFormElement);
const text = byId('qr-text', HTMLTextAreaElement);
const economy = byId('economy', HTMLSelectElement);
const arrival = byId('arrival', HTMLInputElement);
const photo = byId('photo', HTMLInputElement);
const scanButton = byId('scan', HTMLButtonElement);
const video = byId('camera', HTMLVideoElement);
const result = byId('result', HTMLElement);
const live = byId('live', HTMLElement);
const dataStatus = byId('data-status', HTMLElement);

const ECONOMY_KEY = 'passage-officer-economy';

function setUp(): void {
  for (const e of PASSAGE_ECONOMIES) economy.append(h('option', { value: e.alpha3 }, e.name));
  const asked = new URLSearchParams(location.search).get('economy')?.toUpperCase();
  const chosen = asked ?? localStorage.getItem(ECONOMY_KEY) ?? '';
  if (PASSAGE_ECONOMIES.some((e) => e.alpha3 === chosen)) economy.value = chosen;
  economy.addEventListener('change', () => localStorage.setItem(ECONOMY_KEY, economy.value));
  arrival.value = new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD, the officer's local day
}

function say(message: string): void {
  live.textContent = message;
}

async function verify(qr: string): Promise<void> {
  const input = qr.trim();
  if (input === '') return say('Scan, upload or paste a QR code first.');
  // The last traveller's verdict goes at once: it must never be read as this one's.
  result.replaceChildren(h('p', { class: 'notice' }, 'Checking…'));
  result.setAttribute('aria-busy', 'true');
  say('Checking…');
  const ask = {
    ...(economy.value ? { economy: economy.value } : {}),
    ...(arrival.value ? { arrivalDate: arrival.value } : {}),
  };
  try {
    const checked = await check(input, ask);
    if (!checked.answer) {
      result.replaceChildren(
        h(
          'p',
          { class: 'notice' },
          'The verifier cannot be reached and this device has no offline data yet.',
        ),
      );
      return say('Cannot verify: no connection and no offline data.');
    }
    const verdict = verdictOf(checked.answer, {
      now: new Date(),
      ...(checked.offline ? { offline: checked.offline } : {}),
    });
    renderAnswer(result, checked.answer, verdict, checked.offline);
    say([verdict.headline, ...verdict.reasons].join('. '));
    byId('verdict', HTMLElement).focus();
  } finally {
    result.removeAttribute('aria-busy');
  }
}

let camera: CameraScan | undefined;

async function toggleCamera(): Promise<void> {
  if (camera) {
    camera.stop();
    camera = undefined;
    video.hidden = true;
    scanButton.textContent = 'Scan with camera';
    return;
  }
  try {
    video.hidden = false;
    scanButton.textContent = 'Stop camera';
    camera = await startCameraScan(video, (qr) => {
      camera = undefined;
      video.hidden = true;
      scanButton.textContent = 'Scan with camera';
      text.value = qr;
      void verify(qr);
    });
    say('Camera on: point it at the QR code.');
  } catch {
    video.hidden = true;
    scanButton.textContent = 'Scan with camera';
    say('The camera cannot be used: upload a photo or paste the text instead.');
  }
}

async function showDataStatus(): Promise<void> {
  const fresh = navigator.onLine ? await refreshData() : undefined;
  const data = fresh ?? (await storedData());
  dataStatus.textContent = data
    ? `${fresh ? 'Offline data up to date' : 'Offline data from'}: ${new Date(data.savedAt).toLocaleString('en-GB')}`
    : 'No offline data on this device yet.';
}

setUp();
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void verify(text.value);
});
scanButton.addEventListener('click', () => void toggleCamera());
photo.addEventListener('change', async () => {
  const file = photo.files?.[0];
  if (!file) return;
  say('Reading the photo…');
  const qr = await decodeQr(file).catch(() => undefined);
  photo.value = '';
  if (!qr) return say('No QR code found in that photo. Try again closer and in focus.');
  text.value = qr;
  await verify(qr);
});
void showDataStatus();
setInterval(() => void showDataStatus(), 5 * 60_000);
window.addEventListener('online', () => void showDataStatus());
if ('serviceWorker' in navigator) void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
