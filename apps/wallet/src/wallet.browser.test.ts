// The traveller's wallet in a real Chromium (playwright-core, Debian's /usr/bin/chromium) against a
// real issuer: an authority creates an offer with a transaction code over the API, the page redeems
// it (wrong code refused, right code accepted), shows the card and its QR (which verifies), prints,
// deletes, and still lists its cards and draws their QR when reloaded with the wallet server stopped.
import { mkdirSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTrustStore, verifyCredential } from '@passage/credentials';
import { createIssuerApp, type OpenIssuer, openIssuer } from '@passage/issuer';
import { exampleVaccinationInput } from '@passage/schema';
import { findRepoRoot } from '@passage/service-kit';
import {
  chromiumAvailable,
  installabilityErrorIds,
  openPhonePage,
  openPhoneWithCamera,
} from '@passage/web-ui/testing';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWallet, startWalletServer } from './start.js';

const HOLDER = exampleVaccinationInput.person.name;

const hasChromium = chromiumAvailable('wallet browser test');

/** The issuer on a loopback port, its public URL that port (the wallet allows http on loopback only). */
async function startIssuer(): Promise<{ issuer: OpenIssuer; server: Server; url: string }> {
  let handler: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = await openIssuer({
    databaseUrl: 'sqlite::memory:',
    secret: 'abcdefghijklmnopqrstuvwxyz0123456789',
    publicUrl: url,
  });
  handler = createIssuerApp({ service: issuer.service, logger: pino({ level: 'silent' }) });
  return { issuer, server, url };
}

describe.skipIf(!hasChromium)('the wallet in Chromium', () => {
  const shots = join(findRepoRoot(import.meta.dirname), 'test-artifacts', 'wallet');
  let requested: string[];
  const consoleErrors: string[] = [];
  let issuer: OpenIssuer;
  let issuerServer: Server;
  let issuerUrl: string;
  let wallet: RunningWallet;
  let browser: Browser;
  let page: Page;
  let authority: Awaited<ReturnType<OpenIssuer['service']['createAuthority']>>;

  /** An offer made over the API, as an authority would. */
  async function createOffer(txCode: boolean): Promise<{ offerUri: string; txCode?: string }> {
    const res = await fetch(`${issuerUrl}/v1/credential-offers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${authority.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'VaccinationCertificate', subject: exampleVaccinationInput, txCode }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { offerUri: string; txCode?: string };
  }

  /** The QR image the issuer serves for a new offer, as an authority would print or show it. */
  async function offerQrPng(txCode: boolean): Promise<Uint8Array> {
    const res = await fetch(`${issuerUrl}/v1/credential-offers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${authority.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'VaccinationCertificate', subject: exampleVaccinationInput, txCode }),
    });
    const { links } = (await res.json()) as { links: { png: string } };
    const png = await fetch(links.png, { headers: { authorization: `Bearer ${authority.apiKey}` } });
    return new Uint8Array(await png.arrayBuffer());
  }

  const status = () => page.locator('[data-testid=status]');

  beforeAll(async () => {
    ({ issuer, server: issuerServer, url: issuerUrl } = await startIssuer());
    authority = await issuer.service.createAuthority({
      name: 'Ministry of Public Health',
      economy: 'THA',
      types: ['VaccinationCertificate'],
    });
    wallet = await startWalletServer({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
    ({ browser, page, requested } = await openPhonePage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await wallet?.close().catch(() => undefined);
    issuerServer?.closeAllConnections();
    issuerServer?.close();
    await issuer?.close();
  });

  it('refuses a wrong transaction code, then receives the credential with the right one', async () => {
    const offer = await createOffer(true);
    await page.goto(`${wallet.url}/`);
    await page.fill('[data-testid=offer-input]', offer.offerUri);
    await page.click('[data-testid=offer-submit]');
    // Polls the status line too, so a failure says what the wallet said.
    const asked = async () =>
      (await page.isVisible('[data-testid=tx-code]')) ? 'asked' : status().textContent();
    await expect.poll(asked, { timeout: 20_000 }).toBe('asked');
    expect(await page.getAttribute('[data-testid=tx-code]', 'maxlength')).toBe('6');
    await page.fill('[data-testid=tx-code]', offer.txCode === '000000' ? '111111' : '000000');
    await page.click('[data-testid=tx-code-submit]');
    await expect.poll(() => status().getAttribute('data-code')).toBe('TX_CODE_WRONG');
    await page.screenshot({ path: join(shots, '1-wrong-code.png'), fullPage: true });
    await page.fill('[data-testid=tx-code]', offer.txCode ?? '');
    await page.click('[data-testid=tx-code-submit]');
    await page.locator('[data-testid=card]', { hasText: HOLDER }).waitFor();
    expect(await status().getAttribute('data-code')).toBeNull();
    await page.screenshot({ path: join(shots, '2-card.png'), fullPage: true });
  });

  it('is an installable web app (manifest, icon, service worker)', async () => {
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    expect(await installabilityErrorIds(page)).toEqual([]);
  });

  it('opens the card full screen with a QR that verifies', async () => {
    await page.locator('[data-testid=card]', { hasText: HOLDER }).first().focus();
    await page.keyboard.press('Enter');
    const qr = page.locator('[data-testid=credential-view] [data-testid=credential-qr]');
    await qr.waitFor();
    const text = (await qr.getAttribute('data-qr-text')) ?? '';
    expect(text.startsWith('PV1:')).toBe(true);
    const report = verifyCredential(text, { trust: createTrustStore({ entries: [authority.trustEntry] }) });
    expect(report.checks.signature.ok).toBe(true);
    expect(report.checks.issuerTrusted.ok).toBe(true);
    const box = await qr.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await qr.screenshot({ path: join(shots, '3-qr.png') });
    await page.screenshot({ path: join(shots, '3-credential-view.png') });
  });

  it('renders the printable page with the QR and the data to compare with the passport', async () => {
    await page.click('[data-testid=print]');
    const printView = page.locator('[data-testid=print-view]');
    await printView.locator('svg').waitFor();
    expect(await printView.textContent()).toContain(HOLDER);
    expect(await printView.textContent()).toContain('Date of birth');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(shots, '4-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-testid=print-back]');
    await page.locator('[data-testid=credential-qr]').waitFor();
    await page.click('[data-testid=back]');
    await page.locator('[data-testid=card]').first().waitFor();
  });

  it("reads an offer from a photo of its QR (the issuer's QR image)", async () => {
    const png = await offerQrPng(false);
    await page.goto(`${wallet.url}/`);
    const before = await page.locator('[data-testid=card]').count();
    await page.setInputFiles('#photo', {
      name: 'offer.png',
      mimeType: 'image/png',
      buffer: Buffer.from(png),
    });
    await expect.poll(() => page.locator('[data-testid=card]').count(), { timeout: 15_000 }).toBe(before + 1);
  });

  it('scans an offer QR with the camera', async () => {
    const { browser: camera, page: scanner } = await openPhoneWithCamera(page, await offerQrPng(false));
    try {
      await scanner.goto(`${wallet.url}/`);
      await scanner.click('#scan');
      await scanner.locator('[data-testid=card]', { hasText: HOLDER }).waitFor({ timeout: 20_000 });
      expect(await scanner.isHidden('#camera')).toBe(true);
      await scanner.screenshot({ path: join(shots, '5-camera.png'), fullPage: true });
    } finally {
      await camera.close();
    }
  });

  it('says in plain words, with a code, when the issuer cannot be reached', async () => {
    const offer = { credential_issuer: 'http://127.0.0.1:9', credential_configuration_ids: ['X'] };
    await page.fill(
      '[data-testid=offer-input]',
      `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(offer))}`,
    );
    await page.click('[data-testid=offer-submit]');
    await expect.poll(() => status().getAttribute('data-code')).toBe('ISSUER_UNREACHABLE');
    await page.fill('[data-testid=offer-input]', 'not an offer');
    await page.click('[data-testid=offer-submit]');
    await expect.poll(() => status().getAttribute('data-code')).toBe('OFFER_INVALID');
  });

  it('starts from a wallet link, and deletes a credential after asking', async () => {
    const offer = await createOffer(false);
    const link = new URL(`${wallet.url}/`);
    link.searchParams.set(
      'credential_offer',
      new URL(offer.offerUri).searchParams.get('credential_offer') ?? '',
    );
    const before = await page.locator('[data-testid=card]').count();
    await page.goto(link.href);
    await expect.poll(() => page.locator('[data-testid=card]').count()).toBe(before + 1);
    expect(new URL(page.url()).search).toBe('');
    await page.locator('[data-testid=card]').first().click();
    await page.click('[data-testid=delete]');
    await page.click('[data-testid=delete-cancel]');
    expect(await page.isVisible('[data-testid=credential-view]')).toBe(true);
    await page.click('[data-testid=delete]');
    await page.screenshot({ path: join(shots, '5-delete-confirm.png') });
    await page.click('[data-testid=delete-confirm]');
    await expect.poll(() => page.locator('[data-testid=card]').count()).toBe(before);
  });

  it('lists its cards and draws their QR with the wallet server stopped', async () => {
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await wallet.close();
    await page.reload();
    await page.locator('[data-testid=card]', { hasText: HOLDER }).first().waitFor();
    await page.locator('[data-testid=card]').first().click();
    await page.locator('[data-testid=credential-qr]').waitFor();
    await page.screenshot({ path: join(shots, '6-offline.png') });
  });

  it('broke none of its own Content-Security-Policy', () => {
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('sent no request off this machine (no CDN)', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
  });
});
