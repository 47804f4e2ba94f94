import { exampleVaccinationInput } from '@passage/schema';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAuthority } from '../service/authorities.js';
import type { OpenIssuer } from '../service/open.js';
import type { IssuerHttp } from './app.js';
import { openTestApp } from './test-app.js';

let issuer: OpenIssuer;
let app: IssuerHttp['listener'];
let health: CreatedAuthority;
const bearer = () => ({ authorization: `Bearer ${health.apiKey}` });
const PATH = '/v1/vaccination-certificates/batch';

beforeAll(async () => {
  ({ issuer, app } = await openTestApp());
  health = await issuer.service.createAuthority({
    name: 'Ministry of Public Health',
    economy: 'THA',
    types: ['VaccinationCertificate'],
  });
});

afterAll(() => issuer.close());

describe('POST /v1/vaccination-certificates/batch', () => {
  it('answers one result per item in order, a refused item with its code', async () => {
    const items = [
      { data: exampleVaccinationInput },
      { data: { ...exampleVaccinationInput, doses: [] } },
      { idempotencyKey: 'batch-a-3', data: exampleVaccinationInput },
    ];
    const res = await request(app).post(PATH).set(bearer()).send(items);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
    expect(res.body.results[1].code).toBe('SCHEMA_INVALID');
    expect(res.body.results[0].qr).toMatch(/^PV1:/);
  });

  it('replays an item sent again with its idempotency key instead of issuing twice', async () => {
    const line = JSON.stringify({ idempotencyKey: 'batch-b-1', data: exampleVaccinationInput });
    const send = () =>
      request(app).post(PATH).set(bearer()).set('content-type', 'application/x-ndjson').send(`${line}\n`);
    const first = await send();
    const again = await send();
    expect(again.body.results[0].id).toBe(first.body.results[0].id);
    expect(again.body.results[0].replayed).toBe(true);
  });

  it("answers an idempotency key repeated within one batch with the first item's credential", async () => {
    const item = { idempotencyKey: 'batch-c-1', data: exampleVaccinationInput };
    const res = await request(app).post(PATH).set(bearer()).send([item, item]);
    expect(res.status).toBe(200);
    const [first, second] = res.body.results;
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(second).toMatchObject({ ok: true, replayed: true, id: first.id });
  });

  it('answers a repeated key with a different body as IDEMPOTENCY_KEY_REUSED, not an error', async () => {
    const res = await request(app)
      .post(PATH)
      .set(bearer())
      .send([
        { idempotencyKey: 'batch-d-1', data: exampleVaccinationInput },
        {
          idempotencyKey: 'batch-d-1',
          data: {
            ...exampleVaccinationInput,
            vaccinations: exampleVaccinationInput.vaccinations.slice(0, 1),
          },
        },
      ]);
    expect(res.status).toBe(200);
    expect(res.body.results[1]).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('refuses a batch over the size bound as MALFORMED_INPUT', async () => {
    const items = Array.from({ length: 1001 }, () => ({ data: {} }));
    const res = await request(app).post(PATH).set(bearer()).send(items);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });

  it('refuses an item with unknown keys', async () => {
    const res = await request(app)
      .post(PATH)
      .set(bearer())
      .send([{ data: {}, extra: 1 }]);
    expect(res.body.code).toBe('MALFORMED_INPUT');
  });
});
