import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningVerifierCluster, startVerifierCluster } from './cluster.js';
import { loadVerifierConfig } from './config.js';

const dataDir = mkdtempSync(join(tmpdir(), 'passage-cluster-'));
let running: RunningVerifierCluster;

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
  const config = loadVerifierConfig({
    PASSAGE_DATA_DIR: dataDir,
    PASSAGE_VERIFIER_PORT: '0',
    PASSAGE_WORKERS: '2',
    PASSAGE_OFFLINE: 'true',
    PASSAGE_LOG_LEVEL: 'silent',
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
