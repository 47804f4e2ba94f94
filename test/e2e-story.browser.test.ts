// The whole story in a real Chromium, with real issuer, verifier and wallet processes: an authority
// creates a credential offer over the API; the traveller's wallet page redeems it and shows the card
// and its QR; a screenshot of that QR, uploaded to the border officer's page, shows green with the
// traveller's name; after the authority revokes the credential the same picture shows red with the
// reason; with the verifier stopped the officer's page still gives the verdict from its offline data.
// A screenshot of each step is kept in test-artifacts/story/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recentVaccinationInput } from '@passage/schema';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '@passage/web-ui/testing';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, freePort, ROOT, startTs } from './support/processes.js';
import { prepareStack, type Stack } from './support/stack.js';

const shots = join(ROOT, 'test-artifacts', 'story');
const HOLDER = 'Somchai Jaidee';

async function api<T>(method: string, url: string, apiKey: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Uploads a picture of a QR code to the officer's page and waits for a new verdict's colour. */
async function officerReads(page: Page, png: Buffer, shot: string): Promise<string | null> {
  await page.fill('#qr-text', '');
  await page.evaluate('document.querySelector("#verdict")?.remove()');
  await page.setInputFiles('#photo', { name: 'qr.png', mimeType: 'image/png', buffer: png });
  const verdict = page.locator('#verdict');
  await verdict.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(shots, shot), fullPage: true });
  return verdict.getAttribute('data-colour');
}

/** When the newest status list in the officer page's stored offline data was fetched (epoch ms). */
function newestStoredListFetch(page: Page): Promise<number> {
  // A string, run in the page: the test's own types have no DOM.
  return page.evaluate(`(async () => {
    const hit = await (await caches.open('passage-officer-data')).match(
      new URL('./offline-data.json', location.href).href,
    );
    if (!hit) return 0;
    const data = await hit.json();
    return Math.max(0, ...data.bundle.statusLists.map((l) => Date.parse(l.fetchedAt)));
  })()`) as Promise<number>;
}

const hasChromium = chromiumAvailable('the story browser test');

describe.skipIf(!hasChromium)('offer → wallet → QR → officer: green, revoked red, offline', () => {
  let stack: Stack;
  let issuer: Child;
  let verifier: Child;
  let wallet: Child;
  let walletUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let offerId: string;
  let qrPicture: Buffer;
  const requested: string[] = [];

  beforeAll(async () => {
    stack = await prepareStack('story');
    walletUrl = `http://127.0.0.1:${await freePort()}`;
    issuer = await startTs(
      'apps/issuer/src/server.ts',
      { ...stack.issuerEnv, PASSAGE_WALLET_URL: walletUrl },
      `${stack.issuerUrl}/healthz`,
    );
    verifier = await startTs(
      'apps/verifier/src/server.ts',
      stack.verifierEnv,
      `${stack.verifierUrl}/healthz`,
    );
    wallet = await startTs(
      'apps/wallet/src/server.ts',
      { PASSAGE_WALLET_PORT: new URL(walletUrl).port, PASSAGE_LOG_LEVEL: 'warn' },
      `${walletUrl}/healthz`,
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    context.on('request', (r) => requested.push(r.url()));
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([issuer?.stop(), verifier?.stop(), wallet?.stop()]);
    if (stack) rmSync(stack.dataDir, { recursive: true, force: true });
  });

  it('the wallet redeems an offer made over the API and shows the card and its QR', async () => {
    const offer = await api<{ id: string; offerUri: string; txCode?: string }>(
      'POST',
      `${stack.issuerUrl}/v1/credential-offers`,
      stack.apiKey,
      { type: 'VaccinationCertificate', subject: recentVaccinationInput(), txCode: true },
    );
    offerId = offer.id;
    expect(offer.offerUri).toMatch(/^openid-credential-offer:\/\//);
    expect(offer.txCode).toMatch(/^\d{6}$/);

    const page = await context.newPage();
    await page.goto(`${walletUrl}/`);
    await page.fill('[data-testid=offer-input]', offer.offerUri);
    await page.click('[data-testid=offer-submit]');
    await page.fill('[data-testid=tx-code]', offer.txCode ?? '');
    await page.screenshot({ path: join(shots, '1-wallet-tx-code.png'), fullPage: true });
    await page.click('[data-testid=tx-code-submit]');
    const card = page.locator('[data-testid=card]', { hasText: HOLDER });
    await card.waitFor({ timeout: 20_000 });
    // The wallet asked the issuer's status lists, verified against its DID document: active.
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 15_000 }).toBe('active');
    await page.screenshot({ path: join(shots, '2-wallet-card.png'), fullPage: true });

    await card.click();
    const qr = page.locator('[data-testid=credential-view] [data-testid=credential-qr]');
    await qr.waitFor();
    expect(await qr.getAttribute('data-qr-text')).toMatch(/^PV1:/);
    await page.screenshot({ path: join(shots, '3-wallet-qr.png') });
    qrPicture = await qr.screenshot();
    writeFileSync(join(shots, '3-qr-only.png'), qrPicture);

    const redeemed = await api<{ credentialId?: string }>(
      'GET',
      `${stack.issuerUrl}/v1/credential-offers/${offerId}`,
      stack.apiKey,
    );
    expect(redeemed.credentialId).toBeTruthy();
    await page.close();
  }, 60_000);

  it("the officer's page reads that picture: green, with the name to compare", async () => {
    const page = await context.newPage();
    await page.goto(`${stack.verifierUrl}/officer/?economy=THA`);
    expect(await officerReads(page, qrPicture, '4-officer-green.png')).toBe('green');
    expect(await page.textContent('#result')).toContain(HOLDER);
    await page.close();
  }, 60_000);

  it('after the authority revokes it, the same picture shows red with the reason', async () => {
    const { credentialId } = await api<{ credentialId: string }>(
      'GET',
      `${stack.issuerUrl}/v1/credential-offers/${offerId}`,
      stack.apiKey,
    );
    const revokedAt = Date.now();
    await api(
      'POST',
      `${stack.issuerUrl}/v1/credentials/${encodeURIComponent(credentialId)}/revoke`,
      stack.apiKey,
      {
        reason: 'issued in error',
      },
    );
    await new Promise((r) => setTimeout(r, 1_300)); // past the status list's 1 s ttl
    const held = await context.newPage();
    await held.goto(`${walletUrl}/`);
    const heldCard = held.locator('[data-testid=card]', { hasText: HOLDER });
    await expect.poll(() => heldCard.getAttribute('data-status'), { timeout: 15_000 }).toBe('revoked');
    expect(await heldCard.textContent()).toContain('Revoked by the issuer');
    await held.screenshot({ path: join(shots, '5-wallet-card-revoked.png'), fullPage: true });
    await held.close();
    const page = await context.newPage();
    await page.goto(`${stack.verifierUrl}/officer/?economy=THA`);
    expect(await officerReads(page, qrPicture, '5-officer-red-revoked.png')).toBe('red');
    expect(await page.textContent('#verdict')).toContain('Revoked by the issuer');
    // Online again: the page keeps the verifier's data, now holding the revoked status, on the device.
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    // Each load stores what the verifier hands over; under load a bundle may still carry the list from
    // before the revocation (the verifier waits at most 3 s for its lists), so load until it does not.
    await expect
      .poll(
        async () => {
          await page.reload();
          await expect
            .poll(() => page.textContent('#data-status'), { timeout: 15_000 })
            .toContain('up to date');
          return newestStoredListFetch(page);
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBeGreaterThan(revokedAt);
    await page.close();
  }, 60_000);

  it("with the verifier stopped, the officer's page still decides from its offline data", async () => {
    await verifier.stop();
    const page = await context.newPage();
    await page.goto(`${stack.verifierUrl}/officer/?economy=THA`);
    expect(await officerReads(page, qrPicture, '6-officer-offline-red.png')).toBe('red');
    expect(await page.textContent('#verdict')).toContain('Revoked by the issuer');
    expect(await page.textContent('#result')).toContain('Offline: data from');
    await page.close();
  }, 60_000);

  it('no page fetched anything beyond the three local services', () => {
    const local = [stack.issuerUrl, stack.verifierUrl, walletUrl].map((u) => `${u}/`);
    expect(requested.length).toBeGreaterThan(0);
    expect(
      requested.filter((url) => !local.some((l) => url.startsWith(l)) && !url.startsWith('data:')),
    ).toEqual([]);
  });
});
