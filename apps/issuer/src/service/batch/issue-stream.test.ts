import { join } from 'node:path';
import { decodeCompactJws, decodeQrText } from '@passage/credentials';
import { exampleVaccinationInput } from '@passage/schema';
import { compactVerify, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { tempDir } from '../../db/test-db.js';
import type { Caller } from '../context.js';
import { type OpenIssuer, openIssuer } from '../open.js';
import type { BatchStreamItem, BatchStreamOptions, BatchStreamResult } from './issue-stream.js';

const TYPE = 'VaccinationCertificate';
const good = JSON.stringify(exampleVaccinationInput);
let issuer: OpenIssuer;
let caller: Caller;
let databaseUrl: string;
const temp = tempDir();

beforeAll(async () => {
  databaseUrl = `sqlite:${join(temp.dir, 'issuer.db')}`;
  issuer = await openIssuer({
    databaseUrl,
    secret: 'abcdefghijklmnopqrstuvwxyz0123456789',
    publicUrl: 'https://issuer.example',
  });
  await issuer.service.createAuthority({ name: 'Health', economy: 'THA', types: [TYPE] });
  caller = await issuer.service.actAs(undefined, TYPE);
});
afterAll(async () => {
  await issuer.close();
  temp.remove();
});

async function run(items: BatchStreamItem[], options: BatchStreamOptions = {}) {
  const out: BatchStreamResult[] = [];
  for await (const chunk of issuer.service.issueStream(caller, TYPE, items, options)) out.push(...chunk);
  return out;
}

async function statusRows(): Promise<number> {
  const { db, close } = openDatabase(databaseUrl);
  try {
    const rows = await db.selectFrom('credential_status').select('credential_id').execute();
    return rows.length;
  } finally {
    await close();
  }
}

async function verifyQr(qr: string): Promise<{ alg: unknown; kid: unknown; typ: unknown }> {
  const jws = decodeQrText(qr);
  const doc = await issuer.service.didDocument(caller.authority.slug);
  const jwk = doc?.verificationMethod?.[0]?.publicKeyJwk as JWK | undefined;
  if (!jwk) throw new Error('no key in the DID document');
  await compactVerify(jws, await importJWK(jwk, 'ES256'));
  const { alg, kid, typ } = decodeCompactJws(jws).header;
  return { alg, kid, typ };
}

describe('issueBatchStream', () => {
  it('answers every item in order, refused ones with their code, and keeps indexes of issued ones only', async () => {
    const before = await statusRows();
    const results = await run(
      [
        { ref: 1, json: good },
        { ref: 2, json: '{"person":' },
        { ref: 3, body: { ...exampleVaccinationInput, doses: [] } },
        { ref: 4, body: exampleVaccinationInput },
        { ref: 5, json: '[1]' },
      ],
      { chunkSize: 2 },
    );
    expect(results.map((r) => r.ref)).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual([
      'ok',
      'MALFORMED_INPUT',
      'SCHEMA_INVALID',
      'ok',
      'MALFORMED_INPUT',
    ]);
    expect((await statusRows()) - before).toBe(2);
  });

  it('signs as the single path does: same header, a signature the authority key verifies', async () => {
    const [result] = await run([{ ref: 1, json: good }]);
    const single = await issuer.service.issue(caller, TYPE, exampleVaccinationInput);
    if (!result?.ok) throw new Error('not issued');
    expect(await verifyQr(result.qr)).toEqual(decodeCompactJws(single.jws).header);
  });

  it('replays items sent again with their keys and refuses a key reused for another body', async () => {
    const items = [1, 2, 3].map((ref) => ({ ref, idempotencyKey: `k-${ref}`, json: good }));
    const first = await run(items, { chunkSize: 2 });
    const again = await run(
      [...items.slice(0, 2), { ref: 3, idempotencyKey: 'k-3', body: { ...exampleVaccinationInput, x: 1 } }],
      { chunkSize: 2 },
    );
    expect(again.slice(0, 2)).toEqual(first.slice(0, 2).map((r) => ({ ...r, replayed: true })));
    expect(again[2]).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps a request hash for keyed items only, as the single path does', async () => {
    const [plain, keyed] = await run([
      { ref: 1, json: good },
      { ref: 2, idempotencyKey: 'hash-me', json: good },
    ]);
    if (!plain?.ok || !keyed?.ok) throw new Error('not issued');
    const { db, close } = openDatabase(databaseUrl);
    try {
      const rows = await db
        .selectFrom('credentials')
        .select(['id', 'request_hash'])
        .where('id', 'in', [plain.id, keyed.id])
        .execute();
      const hashOf = (id: string) => rows.find((r) => r.id === id)?.request_hash;
      expect(hashOf(plain.id)).toBeNull();
      expect(hashOf(keyed.id)).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await close();
    }
  });

  it('refuses a caller that may not issue the type before reading anything', async () => {
    const read: number[] = [];
    const items = (function* () {
      read.push(1);
      yield { ref: 1, json: good };
    })();
    const stream = issuer.service.issueStream(caller, 'BusinessTravelCard', items);
    await expect(stream.next()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(read).toEqual([]);
  });

  it('records and answers what was read before the input failed, then rethrows', async () => {
    const items = (function* () {
      yield { ref: 1, json: good };
      yield { ref: 2, json: good };
      throw Object.assign(new Error('a malformed row'), { code: 'INPUT_INVALID' });
    })();
    const answered: number[] = [];
    const stream = issuer.service.issueStream(caller, TYPE, items, { chunkSize: 1 });
    await expect(
      (async () => {
        for await (const chunk of stream) answered.push(...chunk.map((r) => r.ref));
      })(),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    expect(answered).toEqual([1, 2]);
  });

  it('signs on worker threads, with the key handed over in memory', { timeout: 120_000 }, async () => {
    const items = [1, 2, 3, 4].map((ref) => ({ ref, json: good }));
    const results = await run(items, { workers: 2, chunkSize: 1 });
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const [first] = results;
    if (!first?.ok) throw new Error('not issued');
    expect((await verifyQr(first.qr)).typ).toBe('vc+jwt');
  });
});
