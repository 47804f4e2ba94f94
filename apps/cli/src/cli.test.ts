import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleTravelCardInput } from '@passage/schema';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { captureIo } from './test-io.js';

const io = captureIo;

describe('passage', () => {
  it('exit 2 and the usage for an unknown command', async () => {
    const { cliIo, out } = io();
    expect(await runCli(['frobnicate'], cliIo)).toBe(2);
    expect(out.stderr).toContain('usage:');
  });

  it('exit 2 with USAGE for a bad --at', async () => {
    const { cliIo, out } = io();
    expect(await runCli(['verify', '--at', 'yesterday', 'PV1:ABC'], cliIo)).toBe(2);
    expect(out.stderr).toContain('USAGE');
  });

  it('exit 1 with the report for text that does not verify', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-cli-'));
    const { cliIo, out } = io({ PASSAGE_DATA_DIR: dir });
    expect(await runCli(['verify', 'PV1:%%%'], cliIo)).toBe(1);
    expect(JSON.parse(out.stdout).checks.decoding.ok).toBe(false);
  });

  it('creates an authority, issues a travel card without HTTP and verifies it with the printed trust entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passage-cli-'));
    // Port 9 (discard) refuses connections: no issuer is there to serve the card's status lists.
    const env = {
      PASSAGE_DATA_DIR: dir,
      PASSAGE_SECRET: 'a-test-secret-of-at-least-32-characters',
      PASSAGE_PUBLIC_URL: 'http://127.0.0.1:9',
    };
    const created = io(env);
    const args = [
      'authority',
      'create',
      '--name',
      'ICA',
      '--economy',
      'sgp',
      '--types',
      'BusinessTravelCard',
    ];
    expect(await runCli(args, created.cliIo)).toBe(0);
    const { trustEntry } = JSON.parse(created.out.stdout);
    const trustFile = join(dir, 'trust.json');
    writeFileSync(trustFile, JSON.stringify({ entries: [trustEntry] }));
    const issued = io(env, JSON.stringify(exampleTravelCardInput));
    expect(await runCli(['issue', 'travel-card', '--data', '-'], issued.cliIo)).toBe(0);
    const { qr } = JSON.parse(issued.out.stdout);
    const verified = io(env);
    // The card carries status entries and nothing serves its lists: only the status check fails.
    expect(await runCli(['verify', '--trust', trustFile, qr], verified.cliIo)).toBe(1);
    const report = JSON.parse(verified.out.stdout);
    expect(report.credentialType).toBe('BusinessTravelCard');
    expect(report.errors.map((e: { code: string }) => e.code)).toEqual(['STATUS_UNAVAILABLE']);
  });
});
