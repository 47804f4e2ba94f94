import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrustList, generateOperatorKey, signTrustList, type TrustList } from '@passage/trust';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningVerifierCluster, startVerifierCluster } from './cluster.js';
import { loadVerifierConfig } from './config.js';

const dataDir = mkdtempSync(join(tmpdir(), 'passage-cluster-'));
const operator = generateOperatorKey();
const trustListFile = join(dataDir, 'trust-list.json');
let running: RunningVerifierCluster;
let published: TrustList;

/** Writes the trust list the workers read, signed again: each signing bumps its version. */
function publish(list: TrustList | ReturnType<typeof createTrustList>): TrustList {
  const signed = signTrustList(list, operator.privateJwk);
  writeFileSync(trustListFile, JSON.stringify(signed));
  return signed;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  writeFileSync(join(dataDir, 'operator.pub.jwk.json'), JSON.stringify(operator.publicJwk));
  published = publish(createTrustList('Cluster test operator'));
  const config = loadVerifierConfig({
    PASSAGE_DATA_DIR: dataDir,
    PASSAGE_VERIFIER_PORT: '0',
    PASSAGE_WORKERS: '2',
    PASSAGE_OFFLINE: 'true',
    PASSAGE_LOG_LEVEL: 'silent',
    PASSAGE_OPERATOR_KEY: join(dataDir, 'operator.pub.jwk.json'),
    PASSAGE_TRUST_LIST_FILE: trustListFile,
  });
  running = await startVerifierCluster(config, {
    execArgv: ['--import', 'tsx', '--conditions=@passage/source'],
  });
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('startVerifierCluster', () => {
  it('serves from two workers on one port', async () => {
    expect(running.workerPids()).toHaveLength(2);
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
  });

  it('an on-demand refresh reaches every worker before it is answered', async () => {
    const { version } = publish(published);
    expect(version).toBe(published.version + 1);
    const refreshed = await fetch(`${running.url}/v1/sources/refresh`, { method: 'POST' });
    expect(refreshed.status).toBe(200);
    // A new connection per request: the primary deals them to the workers in turn.
    const seen = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const res = await fetch(`${running.url}/v1/sources`, { headers: { connection: 'close' } });
        return ((await res.json()) as { trustList: { version?: number } }).trustList.version;
      }),
    );
    expect(seen).toEqual(Array(6).fill(version));
  }, 30_000);

  it('replaces a worker that dies', async () => {
    const [victim] = running.workerPids();
    if (victim === undefined) throw new Error('no worker');
    process.kill(victim, 'SIGKILL');
    await until(() => running.workerPids().length === 2 && !running.workerPids().includes(victim));
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
  }, 30_000);

  it('stops every worker on close', async () => {
    const pids = running.workerPids();
    await running.close();
    expect(running.workerPids()).toEqual([]);
    await until(() => pids.every((pid) => !alive(pid)));
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  }, 30_000);
});
