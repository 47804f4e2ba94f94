// End to end for revocation, signed trust lists, entry rules and offline bundles: real issuer and
// verifier processes, the real CLI, real HTTP. The operator signs a trust list and rules with its own
// key; the issuer publishes them and the status lists; the verifier pins the operator key.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { exampleVaccinationInput, recentVaccinationInput } from '@passage/schema';
import {
  generateOperatorKey,
  type OperatorPrivateJwk,
  parseOperatorPrivateJwk,
  parseTrustListDraft,
  setIssuerStatus,
  signTrustList,
  type TrustListDraft,
} from '@passage/trust';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Child, runPassage, startTs } from './support/processes.js';
import { prepareStack, cli as runCli, type Stack } from './support/stack.js';

let stack: Stack;
let issuerEnv: NodeJS.ProcessEnv;
let verifierEnv: NodeJS.ProcessEnv;
let issuerUrl: string;
let verifierUrl: string;
let issuer: Child;
let verifier: Child;
let apiKey: string;
let did: string;
const file = (name: string) => stack.file(name);

interface Report {
  verified: boolean;
  errors: { code: string }[];
  status?: { purpose: string; set?: boolean; source: string }[];
  entry?: { outcome: string; summary: string; rules?: { results: { outcome: string; text: string }[] } };
  sources?: { trustList: { version?: number; source: string }; network: boolean };
  id?: string;
  qr?: string;
  code?: string;
}

async function call(method: string, url: string, body?: unknown, key?: string) {
  const res = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Report };
}

const cli = (args: string[], env: NodeJS.ProcessEnv = issuerEnv, expectStatus = 0) =>
  runCli(args, env, expectStatus);

const codes = (r: Report) => r.errors.map((e) => e.code);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function issue(): Promise<{ id: string; qr: string }> {
  const { status, json } = await call(
    'POST',
    `${issuerUrl}/v1/vaccination-certificates`,
    recentVaccinationInput(),
    apiKey,
  );
  expect(status).toBe(201);
  return { id: json.id as string, qr: json.qr as string };
}

const verify = async (qr: string, extra: Record<string, unknown> = {}) =>
  (await call('POST', `${verifierUrl}/v1/verify`, { qr, ...extra })).json;

/**
 * Edits and re-signs the trust list the issuer serves, in process (the CLI commands that do the same
 * are exercised in beforeAll and in their own tests; spawning them here would only cost time).
 */
function resign(edit: (list: TrustListDraft) => TrustListDraft, key?: OperatorPrivateJwk) {
  const list = parseTrustListDraft(JSON.parse(readFileSync(file('trust-list.json'), 'utf8')));
  const operator =
    key ?? parseOperatorPrivateJwk(JSON.parse(readFileSync(file('operator.jwk.json'), 'utf8')));
  writeFileSync(file('trust-list.json'), JSON.stringify(signTrustList(edit(list), operator)));
}

/** Asks the verifier to refresh now; on-demand refreshes are spaced by 5 s, so wait for the slot. */
async function refreshVerifier() {
  for (;;) {
    const answer = await call('POST', `${verifierUrl}/v1/sources/refresh`);
    if (answer.status !== 429) return answer;
    await sleep(500);
  }
}

/** Waits past the status list's ttl (1 s here) so the verifier re-fetches it. */
const afterTtl = () => sleep(1_300);

beforeAll(async () => {
  stack = await prepareStack('e2e-trust');
  ({ issuerEnv, verifierEnv, issuerUrl, verifierUrl, apiKey, did } = stack);
  issuer = await startTs('apps/issuer/src/server.ts', issuerEnv, `${issuerUrl}/healthz`);
  verifier = await startTs('apps/verifier/src/server.ts', verifierEnv, `${verifierUrl}/healthz`);
}, 180_000);

afterAll(async () => {
  await Promise.all([issuer?.stop(), verifier?.stop()]);
  rmSync(stack.dataDir, { recursive: true, force: true });
});

describe('revocation and suspension over HTTP', () => {
  it('a fresh credential verifies against the signed trust list and meets the entry rules', async () => {
    const { qr } = await issue();
    const report = await verify(qr, { economy: 'THA' });
    expect(codes(report)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.sources?.trustList).toMatchObject({ version: 1, source: 'network' });
    expect(report.status?.map((s) => [s.purpose, s.set])).toEqual([
      ['revocation', false],
      ['suspension', false],
    ]);
    expect(report.entry?.outcome).toBe('meets');
  });

  it('suspend, reinstate and revoke change the verdict once the list ttl has passed', async () => {
    const { id, qr } = await issue();
    expect((await verify(qr)).verified).toBe(true);
    const path = `${issuerUrl}/v1/credentials/${encodeURIComponent(id)}`;

    expect((await call('POST', `${path}/suspend`, { reason: 'lost phone' }, apiKey)).status).toBe(200);
    await afterTtl();
    const suspended = await verify(qr, { economy: 'THA' });
    expect(codes(suspended)).toEqual(['SUSPENDED']);
    expect(suspended.entry?.outcome).toBe('not-authentic');

    expect((await call('POST', `${path}/reinstate`, {}, apiKey)).status).toBe(200);
    await afterTtl();
    expect((await verify(qr)).verified).toBe(true);

    expect((await call('POST', `${path}/revoke`, { reason: 'issued in error' }, apiKey)).status).toBe(200);
    await afterTtl();
    expect(codes(await verify(qr))).toEqual(['REVOKED']);

    const again = await call('POST', `${path}/reinstate`, {}, apiKey);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('CREDENTIAL_REVOKED');
  });
});

describe('entry rules', () => {
  it('an old certificate is authentic but does not meet the rules; another economy has none', async () => {
    const { status, json } = await call(
      'POST',
      `${issuerUrl}/v1/vaccination-certificates`,
      exampleVaccinationInput,
      apiKey,
    );
    expect(status).toBe(201);
    const report = await verify(json.qr as string, { economy: 'THA', arrivalDate: '2026-12-01' });
    expect(report.verified).toBe(true);
    expect(report.entry?.outcome).toBe('does-not-meet');
    expect(report.entry?.rules?.results[0]?.text).toMatch(/^Not met/);
    expect((await verify(json.qr as string, { economy: 'CAN' })).entry?.outcome).toBe('no-rules');
  });
});

describe('signed trust list changes', () => {
  it('a suspended issuer: credentials issued after the suspension fail, earlier ones still verify', async () => {
    const before = await issue();
    await sleep(1_100); // issuance times are whole seconds
    const since = new Date();
    resign((list) => setIssuerStatus(list, did, 'suspended', since));
    await sleep(1_100);
    const after = await issue();
    const refreshed = await refreshVerifier();
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ trustList: { version: 2 } });
    expect(codes(await verify(after.qr))).toEqual(['ISSUER_SUSPENDED']);
    expect((await verify(before.qr)).verified).toBe(true);

    resign((list) => setIssuerStatus(list, did, 'active'));
    expect((await refreshVerifier()).json).toMatchObject({ trustList: { version: 3 } });
    // Issuance times are whole seconds: one issued in the second of the reinstatement would be dated
    // before it, inside the suspension.
    await sleep(1_100);
    expect((await verify((await issue()).qr)).verified).toBe(true);
  }, 60_000);

  it('a list signed by another key is refused and the last good list stays in force', async () => {
    resign((list) => list, generateOperatorKey().privateJwk);
    const refreshed = await refreshVerifier();
    expect(refreshed.json).toMatchObject({
      trustList: { version: 3, lastError: 'TRUST_LIST_SIGNATURE_INVALID' },
    });
    expect((await verify((await issue()).qr)).verified).toBe(true);
    // Put a properly signed list back for the tests that follow.
    resign((list) => list);
  }, 60_000);
});

describe('offline', () => {
  it('a bundle verifies with the issuer down and no network: revoked stays revoked, valid stays valid', async () => {
    const good = await issue();
    const revoked = await issue();
    await call('POST', `${issuerUrl}/v1/credentials/${encodeURIComponent(revoked.id)}/revoke`, {}, apiKey);
    const exported = await cli(
      [
        'bundle',
        'export',
        '--trust-list',
        `${issuerUrl}/trust-list`,
        '--rules',
        `${issuerUrl}/entry-rules`,
        '--operator-key',
        file('operator.pub.jwk.json'),
        '--out',
        file('bundle.json'),
      ],
      issuerEnv,
    );
    expect(exported.stdout).toMatch(/bundle written/);
    const bundle = JSON.parse(readFileSync(file('bundle.json'), 'utf8')) as { statusLists: unknown[] };
    expect(bundle.statusLists.length).toBe(2);

    await issuer.stop();
    await verifier.stop();
    const offlineEnv = { ...verifierEnv, PASSAGE_BUNDLE: file('bundle.json'), PASSAGE_OFFLINE: 'true' };
    verifier = await startTs('apps/verifier/src/server.ts', offlineEnv, `${verifierUrl}/healthz`);
    const ok = await verify(good.qr, { economy: 'THA' });
    expect(codes(ok)).toEqual([]);
    expect(ok.status?.every((s) => s.source === 'bundle')).toBe(true);
    expect(ok.sources).toMatchObject({ network: false, trustList: { source: 'bundle' } });
    expect(ok.entry?.outcome).toBe('meets');
    expect(codes(await verify(revoked.qr))).toEqual(['REVOKED']);

    const viaCli = await runPassage(
      ['verify', '--bundle', file('bundle.json'), '--offline', '--economy', 'THA', revoked.qr],
      verifierEnv,
    );
    expect(viaCli.status).toBe(1);
    expect(codes(JSON.parse(viaCli.stdout) as Report)).toEqual(['REVOKED']);
  }, 60_000);
});
