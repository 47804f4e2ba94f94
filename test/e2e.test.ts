// End to end: the real issuer and verifier servers as separate processes, the real CLI, real HTTP.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeQrText, encodeQrText } from '@passage/credentials';
import { exampleTravelCardInput, exampleVaccinationInput } from '@passage/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, freePort, runPassage, startTs } from './support/processes.js';

interface Created {
  did: string;
  apiKey: string;
  trustEntry: unknown;
}

const dataDir = mkdtempSync(join(tmpdir(), 'passage-e2e-'));
let env: NodeJS.ProcessEnv;
let issuerUrl: string;
let verifierUrl: string;
const children: Child[] = [];
let health: Created;
let immigration: Created;
let untrusted: Created;

async function createAuthority(name: string, economy: string, types: string): Promise<Created> {
  const r = await runPassage(
    ['authority', 'create', '--name', name, '--economy', economy, '--types', types],
    env,
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Created;
}

/** The fields these tests read from issuer and verifier answers (each test reads a few). */
interface Answer {
  qr: string;
  links: { png: string };
  code: string;
  verified: boolean;
  format: string;
  credentialType: string;
  errors: { code: string }[];
  checks: Record<string, unknown>;
  issuer: { did: string };
  view: { holder: { name: string }; facts: { preClearances: unknown[] } };
}

async function post(url: string, body: unknown, apiKey?: string): Promise<{ status: number; json: Answer }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Answer };
}

const verify = (body: unknown) => post(`${verifierUrl}/v1/verify`, body);
const codes = (report: { errors: { code: string }[] }) => report.errors.map((e) => e.code);

beforeAll(async () => {
  const [issuerPort, verifierPort] = [await freePort(), await freePort()];
  issuerUrl = `http://localhost:${issuerPort}`;
  verifierUrl = `http://127.0.0.1:${verifierPort}`;
  env = {
    PASSAGE_DATA_DIR: dataDir,
    PASSAGE_SECRET: 'e2e-secret-that-is-long-enough-for-hkdf',
    PASSAGE_ISSUER_PORT: String(issuerPort),
    PASSAGE_VERIFIER_PORT: String(verifierPort),
    PASSAGE_PUBLIC_URL: issuerUrl,
    PASSAGE_TRUST_FILE: join(dataDir, 'trust.json'),
    PASSAGE_LOG_LEVEL: 'warn',
  };
  health = await createAuthority('Ministry of Public Health', 'THA', 'VaccinationCertificate');
  immigration = await createAuthority('Immigration and Checkpoints Authority', 'SGP', 'BusinessTravelCard');
  untrusted = await createAuthority('Unlisted Clinic', 'THA', 'VaccinationCertificate');
  writeFileSync(
    env.PASSAGE_TRUST_FILE as string,
    JSON.stringify({ entries: [health.trustEntry, immigration.trustEntry] }),
  );
  children.push(await startTs('apps/issuer/src/server.ts', env, `${issuerUrl}/healthz`));
  children.push(await startTs('apps/verifier/src/server.ts', env, `${verifierUrl}/healthz`));
}, 120_000);

afterAll(async () => {
  await Promise.all(children.map((c) => c.stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('issue over HTTP, verify the QR over HTTP', () => {
  it('verifies a vaccination certificate and shows who to compare with the passport', async () => {
    const issued = await post(
      `${issuerUrl}/v1/vaccination-certificates`,
      exampleVaccinationInput,
      health.apiKey,
    );
    expect(issued.status).toBe(201);
    expect(issued.json.qr).toMatch(/^[0-9A-Z $%*+\-./:]+$/);

    const png = await fetch(new URL(issued.json.links.png, issuerUrl), {
      headers: { authorization: `Bearer ${health.apiKey}` },
    });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toContain('image/png');

    const { status, json } = await verify({ qr: issued.json.qr });
    expect(status).toBe(200);
    expect(codes(json)).toEqual([]);
    expect(json.verified).toBe(true);
    expect(json.format).toBe('passage');
    expect(json.issuer.did).toBe(health.did);
    expect(json.view.holder.name).toBe(exampleVaccinationInput.person.name);
  });

  it('verifies a business travel card and lists its pre-clearances', async () => {
    const issued = await post(`${issuerUrl}/v1/travel-cards`, exampleTravelCardInput, immigration.apiKey);
    expect(issued.status).toBe(201);
    const { json } = await verify({ qr: issued.json.qr });
    expect(json.verified).toBe(true);
    expect(json.credentialType).toBe('BusinessTravelCard');
    expect(json.view.facts.preClearances.length).toBe(exampleTravelCardInput.preClearances.length);
  });

  it('verifies through the CLI too, and fails it as of a date after expiry', async () => {
    const issued = await post(
      `${issuerUrl}/v1/vaccination-certificates`,
      exampleVaccinationInput,
      health.apiKey,
    );
    const ok = await runPassage(['verify', issued.json.qr], env);
    expect(ok.status).toBe(0);
    const late = await runPassage(['verify', '--at', '2045-01-01T00:00:00Z', '-'], env, issued.json.qr);
    expect(late.status).toBe(1);
    expect(codes(JSON.parse(late.stdout))).toContain('EXPIRED');
  });
});

describe('each failure has its code', () => {
  it('a tampered QR fails its signature', async () => {
    const issued = await post(
      `${issuerUrl}/v1/vaccination-certificates`,
      exampleVaccinationInput,
      health.apiKey,
    );
    const [h, p, s] = decodeQrText(issued.json.qr).split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.credentialSubject.person.name = 'Someone Else';
    const forged = encodeQrText([h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.'));
    const { status, json } = await verify({ qr: forged });
    expect(status).toBe(200);
    expect(json.verified).toBe(false);
    expect(codes(json)).toContain('SIGNATURE_INVALID');
  });

  it('a QR with a changed character does not verify', async () => {
    const issued = await post(
      `${issuerUrl}/v1/vaccination-certificates`,
      exampleVaccinationInput,
      health.apiKey,
    );
    const qr: string = issued.json.qr;
    const i = Math.floor(qr.length / 2);
    const flipped = qr.slice(0, i) + (qr[i] === 'A' ? 'B' : 'A') + qr.slice(i + 1);
    const { json } = await verify({ qr: flipped });
    expect(json.verified).toBe(false);
    expect(json.errors.length).toBeGreaterThan(0);
  });

  it('an expired credential is EXPIRED', async () => {
    const issued = await post(
      `${issuerUrl}/v1/vaccination-certificates`,
      exampleVaccinationInput,
      health.apiKey,
    );
    const { json } = await verify({ qr: issued.json.qr, at: '2045-01-01T00:00:00Z' });
    expect(json.verified).toBe(false);
    expect(json.checks.validity).toEqual({ ok: false, code: 'EXPIRED' });
  });

  it('an issuer missing from the trust file is ISSUER_NOT_TRUSTED', async () => {
    const issued = await post(
      `${issuerUrl}/v1/vaccination-certificates`,
      exampleVaccinationInput,
      untrusted.apiKey,
    );
    expect(issued.status).toBe(201);
    const { json } = await verify({ qr: issued.json.qr });
    expect(json.verified).toBe(false);
    expect(codes(json)).toContain('ISSUER_NOT_TRUSTED');
  });

  it('no API key is 401 UNAUTHORIZED', async () => {
    const r = await post(`${issuerUrl}/v1/vaccination-certificates`, exampleVaccinationInput);
    expect(r.status).toBe(401);
    expect(r.json.code).toBe('UNAUTHORIZED');
  });

  it('a key used outside its scope is 403 FORBIDDEN', async () => {
    const r = await post(`${issuerUrl}/v1/travel-cards`, exampleTravelCardInput, health.apiKey);
    expect(r.status).toBe(403);
    expect(r.json.code).toBe('FORBIDDEN');
  });

  it('an invalid subject is 422 SCHEMA_INVALID', async () => {
    const bad = {
      ...exampleVaccinationInput,
      person: { ...exampleVaccinationInput.person, birthDate: '1985-02-30' },
    };
    const r = await post(`${issuerUrl}/v1/vaccination-certificates`, bad, health.apiKey);
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('SCHEMA_INVALID');
  });

  it('a malformed verify request is 400 MALFORMED_INPUT', async () => {
    const r = await verify({ qr: 42 });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('MALFORMED_INPUT');
  });
});
