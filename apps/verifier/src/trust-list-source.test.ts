import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addIssuer,
  createTrustList,
  generateOperatorKey,
  signTrustList,
  type TrustList,
} from '@passage/trust';
import { describe, expect, it } from 'vitest';
import { trustListSource } from './trust-list-source.js';

const operator = generateOperatorKey();
const did = 'did:web:health.example:authorities:moph';
const other = 'did:web:ica.example';
const entry = (id: string) => ({
  framework: 'passage' as const,
  did: id,
  name: 'Authority',
  economy: 'THA',
  types: ['VaccinationCertificate' as const],
});
let clock = new Date('2026-06-01T00:00:00Z');
const now = () => clock;
const v1 = signTrustList(addIssuer(createTrustList('Op', clock), entry(did)), operator.privateJwk, {
  now: clock,
});
const v2 = signTrustList(addIssuer(v1, entry(other)), operator.privateJwk, { now: clock });

/** A fetch that answers with whatever `state.body` holds. */
function server() {
  const state: { body: unknown; calls: number } = { body: v1, calls: 0 };
  const fetch = (async () => {
    state.calls++;
    return new Response(typeof state.body === 'string' ? state.body : JSON.stringify(state.body));
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

function networkSource() {
  const { state, fetch } = server();
  const source = trustListSource({
    operatorKey: operator.publicJwk,
    url: 'https://issuer.example/trust-list',
    remote: { fetch, timeoutMs: 50, maxBytes: 64 * 1024 },
    now,
  });
  return { state, source };
}

function tempFile(doc: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trust-list-')), 'trust-list.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('trustListSource', () => {
  it('offers the file again only when it changes', async () => {
    const path = tempFile(v1);
    const errors: string[] = [];
    const source = trustListSource({
      operatorKey: operator.publicJwk,
      file: path,
      now,
      onError: (c) => errors.push(c),
    });
    source.load(v2, 'bundle');
    expect(await source.refresh()).toEqual({ ok: true, changed: false });
    expect(errors).toEqual([]);
    writeFileSync(path, JSON.stringify(signTrustList(v2, operator.privateJwk, { now: clock })));
    expect(await source.refresh()).toEqual({ ok: true, changed: true });
    expect(source.info()).toMatchObject({ version: 3, source: 'file' });
  });

  it('trusts nobody before a list is accepted', () => {
    const { source } = networkSource();
    expect(source.current().size).toBe(0);
    expect(source.info()).toBeUndefined();
  });

  it('reads a file at once, then takes a newer list from the network', async () => {
    const { state, fetch } = server();
    const source = trustListSource({
      operatorKey: operator.publicJwk,
      file: tempFile(v1),
      url: 'https://issuer.example/trust-list',
      remote: { fetch },
      now,
    });
    expect(state.calls).toBe(0);
    expect(source.info()).toMatchObject({ version: 1, source: 'file' });
    expect(source.current().findIssuer(other)).toBeUndefined();
    state.body = v2;
    expect(await source.refresh()).toEqual({ ok: true, changed: true });
    expect(source.info()).toMatchObject({ version: 2, source: 'network', entries: 2 });
    expect(source.current().findIssuer(other)?.did).toBe(other);
  });

  it('refuses a tampered list and keeps the last good one', async () => {
    const { state, source } = networkSource();
    await source.refresh();
    const tampered = JSON.parse(JSON.stringify(v2)) as TrustList;
    tampered.entries[1] = { ...entry(other), name: 'Someone else', keys: [], status: 'active' };
    state.body = tampered;
    expect(await source.refresh()).toMatchObject({ ok: false, code: 'TRUST_LIST_SIGNATURE_INVALID' });
    expect(source.info()).toMatchObject({ version: 1, lastError: 'TRUST_LIST_SIGNATURE_INVALID' });
    expect(source.current().findIssuer(other)).toBeUndefined();
  });

  it('refuses a list signed by another key than the pinned one', async () => {
    const { state, source } = networkSource();
    state.body = signTrustList(v1, generateOperatorKey().privateJwk, { now: clock });
    expect(await source.refresh()).toMatchObject({ ok: false, code: 'TRUST_LIST_SIGNATURE_INVALID' });
    expect(source.current().size).toBe(0);
  });

  it('refuses a rolled-back version and keeps the newer list', async () => {
    const { state, source } = networkSource();
    state.body = v2;
    await source.refresh();
    state.body = v1;
    expect(await source.refresh()).toMatchObject({ ok: false, code: 'TRUST_LIST_ROLLBACK' });
    expect(source.info()).toMatchObject({ version: 2, lastError: 'TRUST_LIST_ROLLBACK' });
  });

  it('refuses an expired list, and flags a held list once it expires', async () => {
    const { source } = networkSource();
    await source.refresh();
    const old = signTrustList(v2, operator.privateJwk, {
      now: new Date('2026-01-01T00:00:00Z'),
      validDays: 30,
    });
    expect(source.load(old, 'bundle')).toMatchObject({ ok: false, code: 'TRUST_LIST_EXPIRED' });
    expect(source.info()).toMatchObject({ version: 1, expired: false });
    clock = new Date('2026-08-01T00:00:00Z');
    try {
      expect(source.info()?.expired).toBe(true);
      expect(source.current().size).toBe(1);
    } finally {
      clock = new Date('2026-06-01T00:00:00Z');
    }
  });

  it('loads a list from an offline bundle', () => {
    const { source } = networkSource();
    expect(source.load(JSON.parse(JSON.stringify(v2)), 'bundle')).toEqual({ ok: true, changed: true });
    expect(source.info()).toMatchObject({ version: 2, source: 'bundle', fetchedAt: clock.toISOString() });
  });

  it('bounds the fetch: an oversized answer is refused, the held list kept', async () => {
    const { state, source } = networkSource();
    await source.refresh();
    state.body = 'x'.repeat(70 * 1024);
    expect(await source.refresh()).toMatchObject({ ok: false, code: 'DOCUMENT_UNAVAILABLE' });
    expect(source.info()?.version).toBe(1);
  });

  it('bounds the fetch: a server that never answers times out', async () => {
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof globalThis.fetch;
    const source = trustListSource({
      operatorKey: operator.publicJwk,
      url: 'https://issuer.example/trust-list',
      remote: { fetch: hanging, timeoutMs: 50 },
      now,
    });
    expect(await source.refresh()).toMatchObject({ ok: false, code: 'DOCUMENT_UNAVAILABLE' });
  });

  it('refreshes on a schedule once started', async () => {
    const { state, source } = networkSource();
    source.start(10);
    try {
      await new Promise((resolve) => setTimeout(resolve, 60));
    } finally {
      source.stop();
    }
    expect(state.calls).toBeGreaterThan(1);
    expect(source.info()?.version).toBe(1);
  });
});
