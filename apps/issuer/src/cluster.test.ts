import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleVaccinationInput } from '@passage/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningIssuerCluster, startIssuerCluster } from './cluster.js';
import { loadIssuerConfig } from './config.js';
import { openIssuer } from './service/open.js';

const dataDir = mkdtempSync(join(tmpdir(), 'passage-issuer-cluster-'));
const env = {
  PASSAGE_DATA_DIR: dataDir,
  PASSAGE_ISSUER_PORT: '0',
  PASSAGE_PUBLIC_URL: 'http://127.0.0.1:1',
  PASSAGE_SECRET: randomBytes(32).toString('base64url'),
  PASSAGE_ISSUER_WORKERS: '2',
  PASSAGE_LOG_LEVEL: 'silent',
};
let running: RunningIssuerCluster;
let apiKey: string;

beforeAll(async () => {
  running = await startIssuerCluster(env, { execArgv: ['--import', 'tsx', '--conditions=@passage/source'] });
  const opened = await openIssuer(loadIssuerConfig(env));
  const created = await opened.service.createAuthority({
    name: 'Cluster Ministry',
    economy: 'THA',
    types: ['VaccinationCertificate'],
    slug: 'cluster-moph',
  });
  apiKey = created.apiKey;
  await opened.close();
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('startIssuerCluster', () => {
  it('issues from two processes on one SQLite file, each credential once', async () => {
    expect(running.workerPids()).toHaveLength(2);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${running.url}/v1/vaccination-certificates`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body: JSON.stringify(exampleVaccinationInput),
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(20);
  }, 30_000);

  it('stops every worker on close', async () => {
    await running.close();
    expect(running.workerPids()).toEqual([]);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  }, 30_000);
});
