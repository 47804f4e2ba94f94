// For the pages' browser tests (Node): Debian's Chromium, launched with nothing that reaches the
// network on its own, and what it says about a page's installability.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`), which playwright-core drives. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (containers), and none of Chromium's own background network use. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * True when Chromium is installed; otherwise warns, once, that `what` is skipped and how to run it.
 * A test file passes the answer to `describe.skipIf`.
 */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  process.emitWarning(`${what} skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
  return false;
}

/**
 * Why Chromium would not install the page (manifest, icon, service worker), leaving out
 * `in-incognito`: Playwright's contexts are incognito, which Chromium never installs from.
 */
export async function installabilityErrorIds(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  return installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
}

/** A Chromium with a page the size of a phone, and every URL the page requested, in order. */
export interface PhonePage {
  browser: Browser;
  page: Page;
  requested: string[];
}

/** Launches Chromium ({@link CHROMIUM_ARGS} and `extraArgs`) with a 390×844 page that records its requests. */
export async function openPhonePage(extraArgs: readonly string[] = []): Promise<PhonePage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  return { browser, page, requested };
}

/**
 * A Chromium whose camera shows a QR code: its fake camera plays an MJPEG file of one frame, the PNG
 * drawn on a white 640×480 picture by `page`'s browser. The page asks no permission for the camera.
 */
export async function openPhoneWithCamera(page: Page, qrPng: Uint8Array): Promise<PhonePage> {
  const png = Buffer.from(qrPng).toString('base64');
  // A string, not a function: the Node tests calling this are typechecked without the DOM library.
  const jpeg = await page.evaluate<string>(`(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${png}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 640, 480);
    context.drawImage(image, 120, 40, 400, 400);
    return canvas.toDataURL('image/jpeg', 0.95).split(',')[1];
  })()`);
  const video = join(mkdtempSync(join(tmpdir(), 'passage-camera-')), 'qr.mjpeg');
  writeFileSync(video, Buffer.from(jpeg, 'base64'));
  return openPhonePage([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
}
