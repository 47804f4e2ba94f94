// The officer's page in a real Chromium (playwright-core, Debian's /usr/bin/chromium): paste a QR and
// see green with the holder's name, a revoked one red with the reason, then with the verifier stopped
// the page (reloaded from its service worker) still verifies from its stored bundle: Passage QR codes,
// and an EU DCC, a SMART Health Card and an ICAO VDS-NC seal with the colours the service gave them.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  buildCredential,
  buildStatusListCredential,
  createAuthorityDid,
  createMemoryStores,
  createPassageAgent,
  emptyStatusList,
  encodeQrText,
  issueCredential,
  renderQrPng,
  setStatusBit,
  statusListEntry,
  trustEntryFor,
} from '@passage/credentials';
import { exampleRuleSet, signRuleSet } from '@passage/rules';
import { completeVaccinationInput, recentVaccinationInput } from '@passage/schema';
import { addIssuer, createTrustList, generateOperatorKey, signTrustList } from '@passage/trust';
import {
  chromiumAvailable,
  installabilityErrorIds,
  openPhonePage,
  openPhoneWithCamera,
} from '@passage/web-ui/testing';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../config.js';
import { createVerifierData } from '../../data.js';
import { freshForeignCertificates, icaoEntry, icaoSeals } from '../../foreign-fixtures.js';
import { createVerifierApp } from '../app.js';

const shots = join(repoRoot(), 'test-artifacts', 'officer');
const publicUrl = 'https://health.example.go.th';
const lists = { revocation: `${publicUrl}/status-lists/moph-0-revocation` };

/** A trusted authority, two certificates (one revoked) and a verifier holding the signed data. */
async function setUp(now: Date) {
  const operator = generateOperatorKey();
  const { agent } = createPassageAgent(createMemoryStores());
  const moph = await createAuthorityDid(agent, { publicUrl, slug: 'moph' });
  const issue = async (index: number) => {
    // Doses weeks ago, so Thailand's example rules are met today.
    const input = recentVaccinationInput(now);
    const done = completeVaccinationInput(input, {
      issuedAt: new Date(now.getTime() - 86_400_000),
      hcid: `HCID-${index}`,
      economy: 'THA',
    });
    if (!done.ok) throw new Error('the example must complete');
    const credential = buildCredential({
      type: 'VaccinationCertificate',
      issuer: moph.did,
      ...done.value,
      credentialStatus: [statusListEntry(lists.revocation, 'revocation', index)],
    });
    return encodeQrText(await issueCredential(agent, { credential: { ...credential } }));
  };
  const bits = emptyStatusList();
  setStatusBit(bits, 20, true);
  const statusList = buildStatusListCredential({
    url: lists.revocation,
    issuer: moph.did,
    purpose: 'revocation',
    bits,
    ttlMs: 3_600_000,
    validFrom: new Date(now.getTime() - 3_600_000).toISOString(),
  });
  const entry = trustEntryFor(moph, {
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
  const foreign = await freshForeignCertificates(now);
  const listed = addIssuer(createTrustList('Test operator', now), entry);
  const trustList = { ...listed, entries: [...listed.entries, ...foreign.entries, icaoEntry] };
  const data = createVerifierData({ operatorKeys: [operator.publicJwk], network: false });
  const loaded = data.loadBundle({
    type: 'PassageOfflineBundle',
    createdAt: now.toISOString(),
    trustList: signTrustList(trustList as typeof listed, operator.privateJwk, { now }),
    rules: signRuleSet(exampleRuleSet, operator.privateJwk, { now }),
    statusLists: [
      {
        url: lists.revocation,
        jws: await issueCredential(agent, { credential: { ...statusList } }),
        fetchedAt: now.toISOString(),
      },
    ],
    didDocuments: [],
  });
  expect(loaded.statusLists.loaded).toBe(1);
  const texts = { valid: await issue(10), revoked: await issue(20) };
  return { data, ...texts, dcc: foreign.dcc, shc: foreign.shc, seal: JSON.stringify(icaoSeals.valid) };
}

async function verifyText(page: Page, qr: string): Promise<string | null> {
  await page.fill('#qr-text', qr);
  await page.click('button[type=submit]');
  const verdict = page.locator('#verdict');
  await verdict.waitFor();
  const colour = await verdict.getAttribute('data-colour');
  await page.screenshot({ path: join(shots, `last-${colour}.png`), fullPage: true });
  return colour;
}

const hasChromium = chromiumAvailable('officer page browser test');

describe.skipIf(!hasChromium)('the officer page in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;
  let base: string;
  let qr: { valid: string; revoked: string; dcc: string; shc: string; seal: string };
  /** The colour the service gave each foreign certificate while it could be reached. */
  const online: Record<string, string | null> = {};
  let requested: string[];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const { data, ...texts } = await setUp(new Date());
    qr = texts;
    const app = createVerifierApp({ data, logger: pino({ level: 'silent' }) });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ browser, page, requested } = await openPhonePage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows green with the holder to compare for a valid certificate', async () => {
    await page.goto(`${base}/officer/?economy=THA`);
    expect(await page.inputValue('#economy')).toBe('THA');
    expect(await verifyText(page, qr.valid)).toBe('green');
    await expect.poll(() => page.textContent('#result')).toContain('Somchai Jaidee');
    expect(await page.textContent('#result')).toContain('AA1234567');
    await page.screenshot({ path: join(shots, '1-green.png'), fullPage: true });
  });

  it('is an installable web app (manifest, icon, service worker)', async () => {
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    expect(await installabilityErrorIds(page)).toEqual([]);
  });

  it('shows red with the reason for a revoked certificate', async () => {
    expect(await verifyText(page, qr.revoked)).toBe('red');
    expect(await page.textContent('#verdict')).toContain('Revoked by the issuer');
    expect(await page.textContent('#result')).not.toContain('Met:');
    await page.screenshot({ path: join(shots, '2-red-revoked.png'), fullPage: true });
  });

  it('verifies an EU DCC, a SMART Health Card and an ICAO VDS-NC seal', async () => {
    online.dcc = await verifyText(page, qr.dcc);
    expect(await page.textContent('#result')).toContain('Somchai');
    online.shc = await verifyText(page, qr.shc);
    online.seal = await verifyText(page, qr.seal);
    // Issued today for doses weeks ago: both meet Thailand's rules. Australia's test seal is years old.
    expect(online).toMatchObject({ dcc: 'green', shc: 'green' });
    expect(['amber', 'red']).toContain(online.seal);
  });

  it('reads the QR from an uploaded photo', async () => {
    await page.fill('#qr-text', '');
    await page.setInputFiles('#photo', {
      name: 'qr.png',
      mimeType: 'image/png',
      buffer: await renderQrPng(qr.valid),
    });
    await expect.poll(() => page.getAttribute('#verdict', 'data-colour')).toBe('green');
    expect(await page.inputValue('#qr-text')).toBe(qr.valid);
  });

  it('scans the QR with the camera', async () => {
    const { browser: camera, page: scanner } = await openPhoneWithCamera(page, await renderQrPng(qr.valid));
    try {
      await scanner.goto(`${base}/officer/`);
      await scanner.click('#scan');
      await scanner.locator('#verdict').waitFor({ timeout: 15_000 });
      expect(await scanner.getAttribute('#verdict', 'data-colour')).toBe('green');
      expect(await scanner.inputValue('#qr-text')).toBe(qr.valid);
      expect(await scanner.isHidden('#camera')).toBe(true);
      await scanner.screenshot({ path: join(shots, '3-camera.png'), fullPage: true });
    } finally {
      await camera.close();
    }
  });

  it('verifies from its stored data, and opens, when the verifier is down', async () => {
    await expect.poll(() => page.textContent('#data-status'), { timeout: 15_000 }).toContain('up to date');
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    await page.reload();
    expect(await verifyText(page, qr.valid)).toBe('green');
    expect(await page.textContent('#result')).toContain('Offline: data from');
    expect(await verifyText(page, qr.revoked)).toBe('red');
    await page.screenshot({ path: join(shots, '4-offline.png'), fullPage: true });
    const offline = {
      dcc: await verifyText(page, qr.dcc),
      shc: await verifyText(page, qr.shc),
      seal: await verifyText(page, qr.seal),
    };
    expect(await page.textContent('#result')).toContain('Offline: data from');
    expect(offline).toEqual(online);
    expect(await verifyText(page, qr.dcc)).toBe('green');
    expect(await page.textContent('#result')).toContain('Somchai');
    await page.screenshot({ path: join(shots, '5-offline-dcc.png'), fullPage: true });
  });

  it('broke none of its own Content-Security-Policy, offline verification included', () => {
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });

  it('fetched nothing from anywhere but the verifier (no CDN)', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
  });
});
