// For the pages' browser tests (Node): Debian's Chromium, launched with nothing that reaches the
// network on its own, and what it says about a page's installability.
import { existsSync } from 'node:fs';
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
