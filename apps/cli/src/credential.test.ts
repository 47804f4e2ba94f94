import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleVaccinationInput } from '@passage/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { captureIo } from './test-io.js';

let env: NodeJS.ProcessEnv;

/** Runs one command and answers its exit status and output. */
async function run(args: string[], stdin = '') {
  const { cliIo, out } = captureIo(env, stdin);
  const code = await runCli(args, cliIo);
  return { code, ...out };
}

async function issueOne(): Promise<string> {
  const issued = await run(['issue', 'vaccination', '--data', '-'], JSON.stringify(exampleVaccinationInput));
  expect(issued.code).toBe(0);
  return JSON.parse(issued.stdout).id;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passage-cli-status-'));
  env = { PASSAGE_DATA_DIR: dir, PASSAGE_SECRET: 'a-test-secret-of-at-least-32-characters' };
  const created = await run([
    'authority',
    'create',
    '--name',
    'MOPH',
    '--economy',
    'tha',
    '--types',
    'VaccinationCertificate',
  ]);
  expect(created.code).toBe(0);
});

describe('passage credential', () => {
  it('suspends, reinstates and revokes a credential, and reads its status', async () => {
    const id = await issueOne();
    expect(JSON.parse((await run(['credential', 'status', id])).stdout).status).toBe('active');
    const suspended = await run(['credential', 'suspend', id, '--reason', 'under review']);
    expect(suspended.code).toBe(0);
    expect(JSON.parse(suspended.stdout)).toMatchObject({ id, status: 'suspended' });
    expect(JSON.parse((await run(['credential', 'reinstate', id])).stdout).status).toBe('active');
    expect(JSON.parse((await run(['credential', 'revoke', id, '--authority', 'moph'])).stdout).status).toBe(
      'revoked',
    );
  });

  it('exit 2 with CREDENTIAL_REVOKED when reinstating a revoked credential', async () => {
    const id = await issueOne();
    await run(['credential', 'revoke', id]);
    const res = await run(['credential', 'reinstate', id]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('CREDENTIAL_REVOKED');
  });

  it('exit 2 with NOT_FOUND for a credential nobody issued', async () => {
    const res = await run(['credential', 'revoke', 'urn:uuid:00000000-0000-4000-8000-000000000000']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('NOT_FOUND');
  });

  it('exit 2 with USAGE for an unknown action or a missing id', async () => {
    expect((await run(['credential', 'delete', 'x'])).stderr).toContain('USAGE');
    expect((await run(['credential', 'revoke'])).code).toBe(2);
  });
});
